package dev.burrow.cli;

import dev.burrow.client.ApiException;
import dev.burrow.client.PostHogClient;
import dev.burrow.client.Sleeper;
import dev.burrow.settings.ConfigFolder;
import dev.burrow.settings.ConnectionProfile;
import dev.burrow.settings.Connections;
import dev.burrow.settings.SettingsException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

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
            "exports", "export", "organise");

    /** The system property naming the configuration folder (for tests; {@code --config-dir} wins). */
    public static final String CONFIG_DIR_PROPERTY = "burrow.configDir";

    private final Map<String, String> env;
    private final Function<Path, Connections> connections;
    private Sleeper sleeper = Sleeper.REAL;
    private java.io.InputStream stdin = System.in;
    private boolean interactive = System.console() != null;

    /** The real environment variables and the machine's profiles and keychain. */
    public Cli() {
        this(System.getenv(), Connections::open);
    }

    /**
     * @param env         stands for the environment variables ({@code BURROW_HOST}, …)
     * @param connections opens the saved profiles in a configuration folder
     */
    public Cli(Map<String, String> env, Function<Path, Connections> connections) {
        this.env = Map.copyOf(env);
        this.connections = Objects.requireNonNull(connections);
    }

    /** For tests: how the export verb waits between polls. */
    public Cli sleeper(Sleeper value) {
        this.sleeper = Objects.requireNonNull(value);
        return this;
    }

    /** For tests: where organise reads its yes/no, and whether a person is there to answer. */
    public Cli stdin(java.io.InputStream in, boolean person) {
        this.stdin = Objects.requireNonNull(in);
        this.interactive = person;
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
            try (PostHogClient client = connect(args)) {
                dispatch(verb, args, client, out, err);
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

    private void dispatch(String verb, Args args, PostHogClient client, PrintStream out, PrintStream err) {
        boolean json = args.flag("--json");
        TreeCommands tree = new TreeCommands(client, out, json).journals(
                dev.burrow.tree.FileMoveJournalStore.forConnection(configDir(args).resolve("journals"),
                        client.baseUrl() + "#" + client.environmentId()));
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
            case "organise" -> new OrganiseCommand(client, out, err, json, stdin, interactive,
                    configDir(args).resolve("organise"), System::nanoTime).run(args);
            default -> throw CliException.usage("unknown command '" + verb + "'");
        }
    }

    /** Flags first, then the named profile, then the environment variables. */
    PostHogClient connect(Args a) {
        String host = a.value("--host");
        String key = a.value("--api-key");
        String environment = a.value("--environment");
        String profileName = a.value("--profile");
        if (profileName != null) {
            Connections saved = connections.apply(configDir(a));
            ConnectionProfile p = saved.profiles().find(profileName).orElseThrow(() -> CliException.usage(
                    "no saved connection named '" + profileName + "'; saved: " + saved.profiles().profiles().stream()
                            .map(ConnectionProfile::name).collect(Collectors.joining(", "))));
            if (p.isLocal()) {
                throw CliException.usage("the local workspace has no fixed address; run `burrow serve` and pass"
                        + " --host, --api-key and --environment");
            }
            if (host == null) {
                host = p.baseUrl();
            }
            if (environment == null) {
                environment = Long.toString(p.environmentId());
            }
            if (key == null) {
                key = saved.apiKey(p).orElseThrow(() -> CliException.usage("no API key is stored for the profile '"
                        + profileName + "'; save one in the app's connection dialog, or pass --api-key"));
            }
        }
        host = host != null ? host : env.get("BURROW_HOST");
        key = key != null ? key : env.get("BURROW_API_KEY");
        environment = environment != null ? environment : env.get("BURROW_ENVIRONMENT");
        if (host == null || host.isBlank()) {
            throw CliException.usage("no server: pass --host URL, set BURROW_HOST, or use --profile NAME");
        }
        if (key == null || key.isBlank()) {
            throw CliException.usage("no API key: pass --api-key KEY or set BURROW_API_KEY (a personal API key)");
        }
        if (environment == null || environment.isBlank()) {
            throw CliException.usage("no environment: pass --environment ID or set BURROW_ENVIRONMENT"
                    + " (PostHog shows the id in Settings → Environment)");
        }
        long envId;
        try {
            envId = Long.parseLong(environment.strip());
        } catch (NumberFormatException e) {
            envId = -1;
        }
        if (envId <= 0) {
            throw CliException.usage("the environment id must be a positive number, not '" + environment + "'");
        }
        return PostHogClient.builder(host, key, envId).build();
    }

    private static Path configDir(Args a) {
        if (a.value("--config-dir") != null) {
            return Path.of(a.value("--config-dir"));
        }
        String prop = System.getProperty(CONFIG_DIR_PROPERTY);
        return prop != null && !prop.isBlank() ? Path.of(prop) : ConfigFolder.defaultPath();
    }
}
