package dev.burrow.cli;

import dev.burrow.client.ApiException;
import dev.burrow.client.PostHogClient;
import dev.burrow.client.Sleeper;
import dev.burrow.settings.ConfigFolder;
import dev.burrow.settings.Connections;
import dev.burrow.settings.RunningWorkspace;
import dev.burrow.settings.SettingsException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Instant;
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
    public static final int EXIT_USAGE = 2;
    public static final int EXIT_REFUSED = 1;
    public static final int EXIT_NETWORK = 3;

    /** The hidden verb the completion scripts call (see {@link CompletionCommand}). */
    static final String COMPLETE = "__complete";

    public static final Set<String> VERBS = Set.of("ls", "find", "mkdir", "mv", "rm", "shortcut", "link", "count",
            "exports", "export", "organise", "profiles", "completion", COMPLETE);

    /** The system property naming the cache folder (for tests; else Burrow's cache folder). */
    public static final String CACHE_DIR_PROPERTY = "burrow.cacheDir";

    /** Verbs after which the paths a shell completes may have changed. */
    private static final Set<String> CHANGES_PATHS = Set.of("mkdir", "mv", "rm", "link", "organise");

    /** The system property naming the configuration folder (for tests; {@code --config-dir} wins). */
    public static final String CONFIG_DIR_PROPERTY = "burrow.configDir";

    private final Map<String, String> env;
    private final Function<Path, Connections> connections;
    private final RunningWorkspace.Starter localWorkspace;
    private Sleeper sleeper = Sleeper.REAL;
    private java.io.InputStream stdin = System.in;
    private boolean interactive = System.console() != null;

    /**
     * @param env            stands for the environment variables ({@code BURROW_HOST}, …)
     * @param connections    opens the saved profiles in a configuration folder
     * @param localWorkspace starts the local workspace's server, used when no host is given
     */
    public Cli(Map<String, String> env, Function<Path, Connections> connections, RunningWorkspace.Starter localWorkspace) {
        this.env = Map.copyOf(env);
        this.connections = Objects.requireNonNull(connections);
        this.localWorkspace = Objects.requireNonNull(localWorkspace);
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
            if (verb.equals(COMPLETE)) {
                complete(CompletionCommand.Request.parse(rest), out);
                return EXIT_OK;
            }
            Args args = Args.parse(rest);
            if (args.flag("--help")) {
                out.print(Help.TEXT);
                return EXIT_OK;
            }
            if (verb.equals("completion")) {
                new CompletionCommand(out).print(args);
                return EXIT_OK;
            }
            if (verb.equals("profiles")) {
                new ProfilesCommand(out, err, args.flag("--json")).list(args, configDir(args), env);
                return EXIT_OK;
            }
            Connection connection = Connection.resolve(args, env, () -> connections.apply(configDir(args)));
            try (Opened opened = open(connection)) {
                dispatch(verb, args, opened, out, err);
            }
            if (CHANGES_PATHS.contains(verb)) {
                new PathCompletion(CompletionCommand.cacheRoot(env), Instant::now).forget(connection.key());
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

    /** A connection opened for one command: its client and, for the local workspace, its own server. */
    record Opened(PostHogClient client, RunningWorkspace local) implements AutoCloseable {

        /** The connection a move journal belongs to: the window names them the same way. */
        String journalKey() {
            return local != null ? Connection.LOCAL_JOURNALS : client.baseUrl() + "#" + client.environmentId();
        }

        @Override
        public void close() {
            client.close();
            if (local != null) {
                local.close();
            }
        }
    }

    private Opened open(Connection connection) {
        if (!connection.isLocal()) {
            return new Opened(PostHogClient.builder(connection.host(), connection.apiKey(), connection.environment())
                    .build(), null);
        }
        RunningWorkspace local = startLocal();
        try {
            return new Opened(PostHogClient.builder(local.baseUrl(), local.apiKey(), local.environment()).build(), local);
        } catch (RuntimeException e) {
            local.close();
            throw e;
        }
    }

    /** {@code __complete}: the shell's completions, from cached listings; nothing when it can't tell. */
    private void complete(CompletionCommand.Request request, PrintStream out) {
        PathCompletion cache = new PathCompletion(CompletionCommand.cacheRoot(env), Instant::now);
        new CompletionCommand(out).complete(request, Cli::configDir,
                options -> Connection.resolve(options, env, () -> connections.apply(configDir(options))),
                (connection, folder) -> cache.children(connection.key(), folder, f -> {
                    try (Opened opened = open(connection)) {
                        return PathCompletion.list(opened.client(), f);
                    }
                }));
    }

    private RunningWorkspace startLocal() {
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

    private void dispatch(String verb, Args args, Opened opened, PrintStream out, PrintStream err) {
        boolean json = args.flag("--json");
        PostHogClient client = opened.client();
        TreeCommands tree = new TreeCommands(client, out, json).journals(dev.burrow.tree.FileMoveJournalStore
                .forConnection(configDir(args).resolve("journals"), opened.journalKey()));
        TreeQueries queries = new TreeQueries(client.fileSystem(), out, json);
        switch (verb) {
            case "ls" -> queries.ls(args);
            case "find" -> queries.find(args);
            case "mkdir" -> tree.mkdir(args);
            case "mv" -> tree.mv(args);
            case "rm" -> tree.rm(args);
            case "shortcut" -> tree.shortcut(args);
            case "link" -> tree.link(args);
            case "count" -> queries.count(args);
            case "exports" -> new ExportCommands(client, out, err, json, sleeper, System::nanoTime).list(args);
            case "export" -> new ExportCommands(client, out, err, json, sleeper, System::nanoTime).export(args);
            case "organise" -> new OrganiseCommand(client, out, err, json, stdin, interactive,
                    configDir(args).resolve("organise"), opened.journalKey(), System::nanoTime,
                    new dev.burrow.settings.OrganiseRules(configDir(args))).run(args);
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
