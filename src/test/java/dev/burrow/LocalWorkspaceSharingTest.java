package dev.burrow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.burrow.api.FileSystemEntry;
import dev.burrow.client.EntryFields;
import dev.burrow.client.FileSystemQuery;
import dev.burrow.client.PostHogClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The command line on the local workspace, as a second process beside the window's server or
 * alone: the same data folder, the same data, no write lost or doubled, the demo seeded once.
 */
class LocalWorkspaceSharingTest {

    @TempDir
    Path dir;

    /** A child JVM running {@code mainClass} with the data and config folders of this test. */
    private Process child(String mainClass, String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), "-XX:TieredStopAtLevel=1", "-Djava.awt.headless=true",
                "-Dburrow.workspace=" + dir.resolve("data"), "-Dburrow.configDir=" + dir.resolve("config"),
                "-Duser.home=" + dir.resolve("home"), mainClass));
        cmd.addAll(List.of(args));
        return new ProcessBuilder(cmd).redirectErrorStream(true).start();
    }

    private static String finish(Process p) throws Exception {
        byte[] out = p.getInputStream().readAllBytes();
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), "the child process ended");
        return "exit " + p.exitValue() + "\n" + new String(out, StandardCharsets.UTF_8);
    }

    private static List<FileSystemEntry> all(PostHogClient client) {
        return client.fileSystem().listAll(FileSystemQuery.all().withLimit(1000));
    }

    @Test
    void onAFreshMachineTheCommandLineListsTheDemoProjectWithNoWindowOpen() throws Exception {
        String ls = finish(child("dev.burrow.Main", "ls"));
        assertTrue(ls.startsWith("exit 0\n"), ls);
        for (String top : List.of("Marketing/", "Product/", "Unfiled/")) {
            assertTrue(ls.contains(top), ls);
        }
        // The window, opened afterwards, shows the same data, with what the command wrote.
        String mkdir = finish(child("dev.burrow.Main", "mkdir", "Made before the window"));
        assertTrue(mkdir.startsWith("exit 0\n"), mkdir);
        try (LocalWorkspace window = LocalWorkspace.start(dir.resolve("data"));
                PostHogClient client = PostHogClient.builder(window.baseUrl(), window.apiKey(), 1).build()) {
            assertEquals(1, client.fileSystem().listAll(FileSystemQuery.all().withPath("Made before the window"))
                    .size());
        }
    }

    @Test
    void theWindowAndTheCommandLineWritingAtOnceLoseAndDoubleNothing() throws Exception {
        int commands = 12;
        try (LocalWorkspace window = LocalWorkspace.start(dir.resolve("data"));
                PostHogClient client = PostHogClient.builder(window.baseUrl(), window.apiKey(), 1).build()) {
            int demoRows = all(client).size();
            Process terminal = child("dev.burrow.CliWrites", "Terminal", Integer.toString(commands));
            // The window writes all the while the other process runs its commands.
            Set<String> windowPaths = new TreeSet<>();
            int i = 0;
            while (terminal.isAlive() || i < commands) {
                String path = "Window/w-" + i;
                FileSystemEntry made = client.fileSystem().create(EntryFields.of(path, "doc-file"));
                if (i % 2 == 0) {
                    path = "Window/moved/w-" + i;
                    client.fileSystem().patch(made.id(), new EntryFields().path(path));
                }
                windowPaths.add(path);
                i++;
            }
            String run = finish(terminal);
            assertTrue(run.startsWith("exit 0\n"), run);

            List<FileSystemEntry> rows = all(client);
            Set<String> ids = rows.stream().map(FileSystemEntry::id).collect(Collectors.toSet());
            assertEquals(rows.size(), ids.size(), "no row twice");
            Set<String> terminalPaths = rows.stream().map(FileSystemEntry::path).filter(p -> p.startsWith("Terminal/"))
                    .collect(Collectors.toCollection(TreeSet::new));
            assertEquals(CliWrites.expected("Terminal", commands), terminalPaths);
            Set<String> windowRows = rows.stream().filter(r -> !r.isFolder()).map(FileSystemEntry::path)
                    .filter(p -> p.startsWith("Window/")).collect(Collectors.toCollection(TreeSet::new));
            assertEquals(windowPaths, windowRows);
            // Besides the demo rows: the two top folders (a PATCH files no parent: "Window/moved" has
            // no row) and what each side wrote.
            assertEquals(demoRows + 2 + commands + windowPaths.size(), rows.size());
        }
    }

    @Test
    void twoStartsOnAFreshFolderTogetherSeedTheDemoProjectOnce() throws Exception {
        int seededAlone;
        try (LocalWorkspace alone = LocalWorkspace.start(dir.resolve("alone"));
                PostHogClient client = PostHogClient.builder(alone.baseUrl(), alone.apiKey(), 1).build()) {
            seededAlone = all(client).size();
        }
        ExecutorService pool = Executors.newFixedThreadPool(2);
        CyclicBarrier together = new CyclicBarrier(2);
        List<Future<LocalWorkspace>> starts = new ArrayList<>();
        for (int n = 0; n < 2; n++) {
            starts.add(pool.submit(() -> {
                together.await();
                return LocalWorkspace.start(dir.resolve("shared"));
            }));
        }
        List<LocalWorkspace> both = new ArrayList<>();
        try {
            for (Future<LocalWorkspace> f : starts) {
                both.add(f.get(120, TimeUnit.SECONDS));
            }
            for (LocalWorkspace w : both) {
                try (PostHogClient client = PostHogClient.builder(w.baseUrl(), w.apiKey(), 1).build()) {
                    assertEquals(seededAlone, all(client).size(), "the demo project, once");
                }
            }
        } finally {
            both.forEach(LocalWorkspace::close);
            pool.shutdown();
        }
    }
}
