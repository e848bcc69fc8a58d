package dev.burrow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.burrow.cli.Cli;
import dev.burrow.client.EntryFields;
import dev.burrow.client.FileSystemQuery;
import dev.burrow.client.PostHogClient;
import dev.burrow.settings.Connections;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The local workspace across versions: what one run wrote, the next opens; a data folder written
 * by a newer Burrow is refused with a clear message and left as it was, by the window's start and
 * by the command line alike.
 */
class WorkspaceUpgradeTest {

    @TempDir
    Path dir;

    private int userVersion(Path data) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + data.resolve("burrow.sqlite"));
                Statement st = c.createStatement(); ResultSet rs = st.executeQuery("PRAGMA user_version")) {
            rs.next();
            return rs.getInt(1);
        }
    }

    private static String[] run(Cli cli, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = cli.run(args[0], java.util.Arrays.copyOfRange(args, 1, args.length),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        return new String[] {Integer.toString(code), out.toString(StandardCharsets.UTF_8),
            err.toString(StandardCharsets.UTF_8)};
    }

    @Test
    void theWorkspaceSurvivesARestartAndANewerOneIsRefusedUntouched() throws Exception {
        Path data = dir.resolve("workspace");
        try (LocalWorkspace first = LocalWorkspace.start(data);
                PostHogClient client = PostHogClient.builder(first.baseUrl(), first.apiKey(), 1).build()) {
            client.fileSystem().create(EntryFields.folder("Kept/Across runs"));
        }
        try (LocalWorkspace second = LocalWorkspace.start(data);
                PostHogClient client = PostHogClient.builder(second.baseUrl(), second.apiKey(), 1).build()) {
            assertEquals(1, client.fileSystem().listAll(FileSystemQuery.all().withPath("Kept/Across runs")).size());
        }

        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + data.resolve("burrow.sqlite"));
                Statement st = c.createStatement()) {
            st.execute("PRAGMA user_version = 99");
        }
        long size = Files.size(data.resolve("burrow.sqlite"));
        Exception refused = assertThrows(Exception.class, () -> LocalWorkspace.start(data));
        assertTrue(refused.getMessage().contains("written by a newer Burrow (schema 99"), refused.getMessage());

        Cli cli = new Cli(Map.of(), Connections::open, () -> LocalWorkspace.start(data));
        String[] ls = run(cli, "ls", "--config-dir", dir.resolve("config").toString());
        assertEquals("2", ls[0], "exit 2: the setup must change before the command can run (Cli.EXIT_USAGE)");
        assertTrue(ls[2].startsWith("burrow: the local workspace could not start: This data folder was written by a"
                + " newer Burrow (schema 99, this build knows "), ls[2]);
        assertEquals(99, userVersion(data));
        assertEquals(size, Files.size(data.resolve("burrow.sqlite")));
    }

    @Test
    void theCommandLineSaysWhenTheSavedConnectionsAreNewer() throws Exception {
        Path config = Files.createDirectories(dir.resolve("config"));
        Files.writeString(config.resolve("profiles.json"), "{\"version\": 7, \"profiles\": []}");
        Cli cli = new Cli(Map.of(), Connections::open, () -> {
            throw new IllegalStateException("not used");
        });
        String[] profiles = run(cli, "profiles", "--config-dir", config.toString());
        assertEquals("2", profiles[0], "exit 2: the setup must change before the command can run (Cli.EXIT_USAGE)");
        assertTrue(profiles[2].contains("profiles.json was written by a newer Burrow (profiles.json format 7; this"
                + " one knows up to 1). It was left as it is: update Burrow to use it."), profiles[2]);
        String[] ls = run(cli, "ls", "--profile", "Work", "--config-dir", config.toString());
        assertEquals("2", ls[0]);
        assertTrue(ls[2].contains("written by a newer Burrow"), ls[2]);
    }
}
