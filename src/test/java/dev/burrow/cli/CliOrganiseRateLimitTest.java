package dev.burrow.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.burrow.server.ApiKey;
import dev.burrow.server.TestServer;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A server that enforces PostHog's limits ({@code serve --rate-limit}) and whose minute is
 * already used up by another process with the same key: organise meets 429s, waits them out
 * (about a minute, as the server asks) and finishes.
 */
class CliOrganiseRateLimitTest {

    @TempDir
    Path dir;

    @Test
    void aThrottledBatchWaitsAndFinishes() {
        try (TestServer server = TestServer.start("empty", List.of(new ApiKey(TestServer.KEY, Set.of())), true)) {
            server.row("Inbox", "folder");
            List<String> paths = new ArrayList<>();
            for (int i = 0; i < 30; i++) {
                paths.add("Inbox/item " + i);
            }
            server.rows(paths, "notebook");
            int sent = 0;
            while (server.get("file_system/?limit=1").status() != 429) {
                sent++;
                assertTrue(sent <= 480, "the server throttles after its 480 a minute");
            }

            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ByteArrayOutputStream err = new ByteArrayOutputStream();
            int code = new Cli(Map.of(), CliSupport::connections).stdin(new ByteArrayInputStream(new byte[0]), false)
                    .run("organise", new String[] {"--where", "path:Inbox", "--to", "Done", "--yes", "--json",
                        "--host", server.server().baseUrl(), "--api-key", TestServer.KEY, "--environment", "1",
                        "--config-dir", dir.toString()},
                            new PrintStream(out, true, StandardCharsets.UTF_8),
                            new PrintStream(err, true, StandardCharsets.UTF_8));
            assertEquals(0, code, () -> out + "\n" + err);
            assertEquals(30, server.column("SELECT id FROM file_system WHERE path LIKE 'Done/item %'").size());
            assertTrue(server.column("SELECT id FROM file_system WHERE path LIKE 'Inbox/%'").isEmpty());
        }
    }
}
