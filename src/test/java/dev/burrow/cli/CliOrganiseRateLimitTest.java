package dev.burrow.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.burrow.server.ApiKey;
import dev.burrow.server.TestServer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
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

            CliSupport.Result r = new OrganiseRun(server.server().baseUrl(), TestServer.KEY, dir)
                    .run(null, "--where", "path:Inbox", "--to", "Done", "--yes", "--json");
            assertEquals(0, r.code(), r::toString);
            assertEquals(30, server.column("SELECT id FROM file_system WHERE path LIKE 'Done/item %'").size());
            assertTrue(server.column("SELECT id FROM file_system WHERE path LIKE 'Inbox/%'").isEmpty());
        }
    }
}
