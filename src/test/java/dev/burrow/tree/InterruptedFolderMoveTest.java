package dev.burrow.tree;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.burrow.client.PostHogClient;
import dev.burrow.client.RateBudget;
import dev.burrow.server.ChildJvm;
import dev.burrow.server.TestServer;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A journaled folder move of ~2,000 rows (a server without {@code move}: PATCH by PATCH) in a
 * child JVM, killed with SIGKILL part-way; the next start (this test) finds the journal on disk
 * and finishes or rolls back the move. No row is left stranded: afterwards every row is wholly at
 * the old prefix or wholly at the new one.
 */
class InterruptedFolderMoveTest {

    private static final int ITEMS = 1980;
    private static final int SUBFOLDERS = 19;

    @TempDir
    Path dir;

    @Test
    void aKilledMoveIsFinishedAtTheNextStart() throws Exception {
        killedThenRecovered(500, true);
    }

    @Test
    void aKilledMoveIsRolledBackAtTheNextStart() throws Exception {
        killedThenRecovered(1300, false);
    }

    private void killedThenRecovered(int killAfter, boolean finish) throws Exception {
        try (TestServer server = TestServer.start()) {
            Map<String, String> before = arrange(server);
            Path journalDir = dir.resolve("journals");
            Process child = startChild(server, journalDir);
            int seen = 0;
            List<String> lines = new ArrayList<>();
            try (BufferedReader in = new BufferedReader(new InputStreamReader(child.getInputStream(),
                    StandardCharsets.UTF_8))) {
                String line;
                while ((line = in.readLine()) != null) {
                    if (lines.size() < 5 || !line.startsWith("patched")) {
                        lines.add(line);
                    }
                    if (line.startsWith("patched ")) {
                        seen = Integer.parseInt(line.substring(8));
                        if (seen >= killAfter) {
                            child.destroyForcibly(); // SIGKILL: no shutdown hooks, no finally blocks
                            break;
                        }
                    }
                }
            } finally {
                child.destroyForcibly();
                assertTrue(child.waitFor(30, TimeUnit.SECONDS), "the child ends");
            }
            assertTrue(seen >= killAfter, () -> "the child got far enough before the kill: " + lines);
            Map<String, String> mid = paths(server);
            long moved = mid.values().stream().filter(p -> p.startsWith("Target/")).count();
            assertTrue(moved > 0 && moved < before.size(), "the kill left the move half done: " + moved + " moved");

            // the next start
            FileMoveJournalStore store = new FileMoveJournalStore(journalDir);
            List<MoveJournal.Snapshot> pending = store.pending();
            assertEquals(1, pending.size(), "the journal survived the kill");
            MoveJournal.Snapshot snapshot = pending.get(0);
            assertTrue(snapshot.done() > 0 && snapshot.done() <= seen, "progress was saved: " + snapshot.done());
            try (PostHogClient client = PostHogClient.builder(server.server().baseUrl(), TestServer.KEY, 1)
                    .rateBudget(RateBudget.unlimited()).build()) {
                TreeBackend backend = new ClientBackend(client, false);
                MoveJournal journal = MoveJournal.resume(store, snapshot);
                if (finish) {
                    journal.run(backend);
                } else {
                    journal.rollback(backend);
                }
            }
            assertTrue(store.pending().isEmpty(), "the journal is gone once the move is settled");
            Map<String, String> after = paths(server);
            assertEquals(before.keySet(), after.keySet(), "no row lost or added");
            Map<String, String> expected = new TreeMap<>();
            before.forEach((id, p) -> expected.put(id, finish && (p.equals("Big") || p.startsWith("Big/"))
                    ? "Target/" + p : p));
            assertEquals(expected, after, finish ? "every row is at the new prefix" : "every row is at the old prefix");
            assertEquals(List.of("ok"), server.column("PRAGMA integrity_check"));
        }
    }

    /** Big (a folder row, 19 subfolders, 1,980 items), Target, and a few rows elsewhere. Answers id to path. */
    private static Map<String, String> arrange(TestServer server) {
        server.row("Big", "folder");
        server.row("Target", "folder");
        server.row("Elsewhere", "folder");
        server.row("Elsewhere/Big", "notebook");
        server.row("Bigger/x", "notebook");
        List<String> paths = new ArrayList<>();
        for (int s = 0; s < SUBFOLDERS; s++) {
            server.row("Big/sub " + s, "folder");
        }
        for (int i = 0; i < ITEMS; i++) {
            paths.add("Big/sub " + (i % SUBFOLDERS) + "/item " + i);
        }
        server.rows(paths, "notebook");
        Map<String, String> all = paths(server);
        assertEquals(ITEMS + SUBFOLDERS + 5, all.size());
        return all;
    }

    private static Map<String, String> paths(TestServer server) {
        Map<String, String> out = new TreeMap<>();
        for (List<String> r : server.query("SELECT id, path FROM file_system")) {
            out.put(r.get(0), r.get(1));
        }
        return out;
    }

    private static Process startChild(TestServer server, Path journalDir) throws Exception {
        return ChildJvm.start(InterruptedMoveMain.class.getName(), server.server().baseUrl(), TestServer.KEY,
                journalDir.toString(), "Big", "Target");
    }
}
