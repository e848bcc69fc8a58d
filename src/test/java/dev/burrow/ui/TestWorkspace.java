package dev.burrow.ui;

import dev.burrow.api.FileSystemEntry;
import dev.burrow.client.EntryFields;
import dev.burrow.client.FileSystemQuery;
import dev.burrow.client.PostHogClient;
import dev.burrow.client.RetryPolicy;
import dev.burrow.server.ApiKey;
import dev.burrow.server.LocalServer;
import dev.burrow.server.ServerConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * A local server on a free loopback port in a temporary folder, and a client to arrange rows and
 * read the server's state back, for view-model tests that need no window.
 */
final class TestWorkspace implements AutoCloseable {

    static final String KEY = "k1";

    final Path dir;
    final LocalServer server;
    final PostHogClient api;
    private int refs;

    /** {@code seed}: "empty" or "demo". */
    TestWorkspace(String seed) throws Exception {
        dir = Files.createTempDirectory("burrow-vm");
        server = LocalServer.start(new ServerConfig("127.0.0.1", 0, dir, List.of(new ApiKey(KEY, Set.of())), seed,
                false, 1));
        api = PostHogClient.builder(server.baseUrl(), KEY, 1).retry(RetryPolicy.none()).build();
    }

    MainViewModel.Target target() {
        return new MainViewModel.Target("Local", server.baseUrl(), KEY, 1, true);
    }

    /** A row over the API; objects get a fresh ref. */
    FileSystemEntry create(String path, String type) {
        EntryFields f = EntryFields.of(path, type);
        if (!"folder".equals(type)) {
            f.ref(Integer.toString(++refs));
        }
        return api.fileSystem().create(f);
    }

    FileSystemEntry row(String id) {
        return api.fileSystem().retrieve(id);
    }

    List<FileSystemEntry> rows() {
        return api.fileSystem().listAll(FileSystemQuery.all().withLimit(1000));
    }

    /** Every row's path and type, by path. */
    TreeMap<String, String> tree() {
        TreeMap<String, String> out = new TreeMap<>();
        for (FileSystemEntry e : rows()) {
            out.merge(e.path(), e.type(), (a, b) -> a + " | " + b);
        }
        return out;
    }

    @Override
    public void close() throws IOException {
        api.close();
        server.close();
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
