package dev.burrow.cli;

import dev.burrow.client.ApiException;
import dev.burrow.client.PostHogClient;
import dev.burrow.client.Sleeper;
import dev.burrow.settings.ConfigFolder;
import dev.burrow.settings.Connections;
import dev.burrow.settings.SettingsException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;

/**
 * The command-line verbs over the project tree and exports. {@code Main} hands every verb in
 * {@link #VERBS} here; tests construct one with their own environment variables and settings.
 *
 * <p>Exit codes: {@value #EXIT_OK} done, {@value #EXIT_USAGE} usage, {@value #EXIT_REFUSED}
 * the server refused, {@value #EXIT_NETWORK} network or timeout.
 */
public final class Cli {

    public static final int EXIT_OK = 0;
    public static final int EXIT_USAGE = 1;
    public static final int EXIT_REFUSED = 2;
    public static final int EXIT_NETWORK = 3;

    public static final Set<String> VERBS = Set.of("ls", "find", "mkdir", "mv", "rm", "shortcut", "link", "count",
            "exports", "export", "profiles");

    /** The system property naming the configuration folder (for tests; {@code --config-dir} wins). */
    public static final String CONFIG_DIR_PROPERTY = "burrow.configDir";

    private final Map<String, String> env;
    private final Function<Path, Connections> connections;
    private final LocalEndpoint.Starter localWorkspace;
    private Sleeper sleeper = Sleeper.REAL;

    /**
     * @param env            stands for the environment variables ({@code BURROW_HOST}, …)
     * @param connections    opens the saved profiles in a configuration folder
     * @param localWorkspace starts the local workspace's server, used when no host is given
     */
    public Cli(Map<String, String> env, Function<Path, Connections> connections, LocalEndpoint.Starter localWorkspace) {
        this.env = Map.copyOf(env);
        this.connections = Objects.requireNonNull(connections);
        this.localWorkspace = Objects.requireNonNull(localWorkspace);
    }

    /** For tests: how the export verb waits between polls. */
    public Cli sleeper(Sleeper value) {
        this.sleeper = Objects.requireNonNull(value);
        return this;
    }

    public static boolean isVerb(String word) {
        return VERBS.contains(word);
    }

    /** The CLI part of {@code burrow --help}. */
    public static String help() {
        return Help.TEXT;
    }

    /** Runs one verb with the words after it; returns the exit code. Never throws. */
    public int run(String verb, String[] rest, PrintStream out, PrintStream err) {
        try {
            if (!isVerb(verb)) {
                throw CliException.usage("unknown command '" + verb + "'. Run `burrow --help`.");
            }
            Args args = Args.parse(rest);
            if (args.flag("--help")) {
                out.print(Help.TEXT);
                return EXIT_OK;
            }
            if (verb.equals("profiles")) {
                new ProfilesCommand(out, err, args.flag("--json")).list(args, configDir(args), env);
                return EXIT_OK;
            }
            Connection connection = Connection.resolve(args, env, () -> connections.apply(configDir(args)));
            try (LocalEndpoint local = connection.isLocal() ? startLocal() : null;
                    PostHogClient client = client(connection, local)) {
                String journalKey = local != null ? Connection.LOCAL_JOURNALS
                        : client.baseUrl() + "#" + client.environmentId();
                dispatch(verb, args, client, journalKey, out, err);
            }
            return EXIT_OK;
        } catch (CliException e) {
            err.println("burrow: " + e.getMessage());
            return e.exitCode();
        } catch (ApiException.Network e) {
            err.println("burrow: " + e.getMessage());
            return EXIT_NETWORK;
        } catch (ApiException.Unauthorized e) {
            err.println("burrow: " + e.getMessage()
                    + " (The key comes from --api-key, BURROW_API_KEY or the saved profile.)");
            return EXIT_REFUSED;
        } catch (ApiException e) {
            err.println("burrow: " + e.getMessage());
            return EXIT_REFUSED;
        } catch (SettingsException | IllegalArgumentException e) {
            err.println("burrow: " + e.getMessage());
            return EXIT_USAGE;
        } catch (UncheckedIOException e) {
            err.println("burrow: could not write the file: " + e.getCause().getMessage());
            return EXIT_USAGE;
        }
    }

    private static PostHogClient client(Connection connection, LocalEndpoint local) {
        return local != null ? PostHogClient.builder(local.baseUrl(), local.apiKey(), local.environment()).build()
                : PostHogClient.builder(connection.host(), connection.apiKey(), connection.environment()).build();
    }

    private LocalEndpoint startLocal() {
        try {
            return localWorkspace.start();
        } catch (CliException e) {
            throw e;
        } catch (Exception e) {
            String why = e.getMessage() == null || e.getMessage().isBlank() ? "it could not open its data folder"
                    : e.getMessage();
            throw CliException.usage("the local workspace could not start: " + why);
        }
    }

    private void dispatch(String verb, Args args, PostHogClient client, String journalKey, PrintStream out,
            PrintStream err) {
        boolean json = args.flag("--json");
        TreeCommands tree = new TreeCommands(client, out, json).journals(
                dev.burrow.tree.FileMoveJournalStore.forConnection(configDir(args).resolve("journals"), journalKey));
        switch (verb) {
            case "ls" -> tree.ls(args);
            case "find" -> tree.find(args);
            case "mkdir" -> tree.mkdir(args);
            case "mv" -> tree.mv(args);
            case "rm" -> tree.rm(args);
            case "shortcut" -> tree.shortcut(args);
            case "link" -> tree.link(args);
            case "count" -> tree.count(args);
            case "exports" -> new ExportCommands(client, out, err, json, sleeper, System::nanoTime).list(args);
            case "export" -> new ExportCommands(client, out, err, json, sleeper, System::nanoTime).export(args);
            default -> throw CliException.usage("unknown command '" + verb + "'");
        }
    }

    private static Path configDir(Args a) {
        if (a.value("--config-dir") != null) {
            return Path.of(a.value("--config-dir"));
        }
        String prop = System.getProperty(CONFIG_DIR_PROPERTY);
        return prop != null && !prop.isBlank() ? Path.of(prop) : ConfigFolder.defaultPath();
    }
}
