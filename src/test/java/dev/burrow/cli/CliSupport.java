package dev.burrow.cli;

import dev.burrow.api.FileSystemEntry;
import dev.burrow.client.FileSystemQuery;
import dev.burrow.client.PostHogClient;
import dev.burrow.server.ApiKey;
import dev.burrow.server.LocalServer;
import dev.burrow.server.ServerConfig;
import dev.burrow.settings.Connections;
import dev.burrow.settings.FileSecretStore;
import dev.burrow.settings.ProfileStore;
import dev.burrow.settings.RunningWorkspace;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** A real local server with the demo seed, and the CLI run in-process against it. */
final class CliSupport implements AutoCloseable {

    static final String KEY = "k1";

    record Result(int code, String out, String err) {
        @Override
        public String toString() {
            return "exit " + code + "\n--- stdout\n" + out + "--- stderr\n" + err;
        }
    }

    final LocalServer server;
    final PostHogClient client;
    /** The local workspace of commands run without a connection: a second server on the same data folder. */
    static final ThreadLocal<Path> LOCAL_DATA = new ThreadLocal<>();

    CliSupport(Path dataDir) throws Exception {
        server = LocalServer.start(new ServerConfig("127.0.0.1", 0, dataDir, List.of(new ApiKey(KEY, Set.of())), "demo",
                false, 1));
        client = PostHogClient.builder(server.baseUrl(), KEY, 1).build();
        LOCAL_DATA.set(dataDir);
    }

    /**
     * Starts the local workspace as {@code dev.burrow.LocalWorkspace} does: its own server on the
     * data folder, loopback, a free port, a key for this run only.
     */
    static RunningWorkspace localWorkspace(Path dataDir) throws Exception {
        String key = "run-" + java.util.UUID.randomUUID();
        LocalServer local = LocalServer.start(ServerConfig.local(dataDir, new ApiKey(key, Set.of())));
        return new RunningWorkspace() {
            @Override
            public String baseUrl() {
                return local.baseUrl();
            }

            @Override
            public String apiKey() {
                return key;
            }

            @Override
            public long environment() {
                return local.config().environment();
            }

            @Override
            public void close() {
                local.close();
            }
        };
    }

    /** Connections whose keys live in a plain file in {@code dir} (never the machine's keychain). */
    static Connections connections(Path dir) {
        return new Connections(new ProfileStore(dir), new FileSecretStore(dir));
    }

    static Result runWith(Map<String, String> env, String verb, String... rest) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        Path data = LOCAL_DATA.get();
        int code = new Cli(env, CliSupport::connections, () -> {
            if (data == null) {
                throw new IllegalStateException("no local workspace in this test");
            }
            return localWorkspace(data);
        }).sleeper(d -> { })
                .run(verb, rest, new PrintStream(out, true, StandardCharsets.UTF_8),
                        new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Result(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    /** Runs a verb with the connection given as flags. */
    Result run(String verb, String... rest) {
        List<String> words = new ArrayList<>(Arrays.asList(rest));
        words.addAll(List.of("--host", server.baseUrl(), "--api-key", KEY, "--environment", "1"));
        return runWith(Map.of(), verb, words.toArray(String[]::new));
    }

    List<FileSystemEntry> rowsAt(String path) {
        return client.fileSystem().listAll(FileSystemQuery.all().withPath(path));
    }

    List<FileSystemEntry> below(String path) {
        return client.fileSystem().listAll(FileSystemQuery.all().withParent(path).withLimit(1000));
    }

    @Override
    public void close() {
        LOCAL_DATA.remove();
        client.close();
        server.close();
    }
}
