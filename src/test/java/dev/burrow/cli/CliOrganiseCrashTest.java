package dev.burrow.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.burrow.Main;
import dev.burrow.cli.CliSupport.Result;
import dev.burrow.server.ApiKey;
import dev.burrow.server.ChildJvm;
import dev.burrow.server.TestServer;
import dev.burrow.tree.organise.BatchJournal;
import dev.burrow.tree.organise.FileBatchJournalStore;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Year;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code burrow organise --yes} in a child JVM, stopped part-way: by {@code kill -9} (nothing
 * runs, the journal on disk is all that is left) or by SIGTERM as Ctrl+C stops it (the batch
 * cancels between two requests). Then {@code --resume} or {@code --undo} in this JVM.
 *
 * <p>The child's client keeps PostHog's rate budget: the first 360 requests go at once, the rest
 * at two a second, so the first progress line (after a second) comes with most of the 400 moves
 * done and the rest still to go — that is when the child is stopped.
 */
class CliOrganiseCrashTest {

    private static final int ITEMS = 400;

    @TempDir
    Path dir;
    TestServer server;
    Map<String, String> before;

    @BeforeEach
    void arrange() {
        server = TestServer.start("empty", List.of(new ApiKey(TestServer.KEY, Set.of())), false);
        server.row("Inbox", "folder");
        List<String> paths = new ArrayList<>();
        for (int i = 0; i < ITEMS; i++) {
            paths.add("Inbox/item " + i);
        }
        server.rows(paths, "notebook");
        before = paths();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private Map<String, String> paths() {
        Map<String, String> out = new TreeMap<>();
        for (List<String> r : server.query("SELECT id, path FROM file_system")) {
            out.put(r.get(0), r.get(1));
        }
        return out;
    }

    private long moved() {
        return paths().values().stream().filter(p -> p.startsWith("Done/")).filter(p -> !p.equals("Done/" + year()))
                .count();
    }

    private static String year() {
        return String.valueOf(Year.now(ZoneOffset.UTC).getValue());
    }

    private OrganiseRun cli() {
        return new OrganiseRun(server.server().baseUrl(), TestServer.KEY, dir.resolve("config"));
    }

    /** Starts the organise in a child JVM and stops it at its first progress line; answers that line. */
    private String startAndStop(boolean kill) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(ChildJvm.javaBinary(), "-cp", ChildJvm.testClassPath(),
                "-XX:TieredStopAtLevel=1", "-Djava.awt.headless=true", Main.class.getName(), "organise",
                "--where", "path:Inbox", "--to", "Done/{created:yyyy}", "--yes"));
        cmd.addAll(cli().connection());
        Process child = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        List<String> seen = new ArrayList<>();
        String progress = null;
        try (BufferedReader in = new BufferedReader(new InputStreamReader(child.getInputStream(),
                StandardCharsets.UTF_8))) {
            String line;
            while ((line = in.readLine()) != null) {
                seen.add(line);
                if (line.startsWith("organise: ") && line.contains(" requests sent")) {
                    progress = line;
                    if (kill) {
                        child.destroyForcibly(); // SIGKILL: no shutdown hook, no finally
                    } else {
                        child.toHandle().destroy(); // SIGTERM, as Ctrl+C: the hook cancels (output stays readable)
                    }
                    break;
                }
            }
            if (!kill) {
                while ((line = in.readLine()) != null) {
                    seen.add(line);
                }
            }
        } finally {
            assertTrue(child.waitFor(60, TimeUnit.SECONDS), "the child ends");
            child.destroyForcibly();
        }
        assertTrue(progress != null, () -> "the child reported progress: " + seen);
        long moved = moved();
        assertTrue(moved > 0 && moved < ITEMS, "stopped half way: " + moved + " moved; " + seen);
        return String.join("\n", seen);
    }

    private Result cli(String... words) {
        return cli().run(null, words);
    }

    private BatchJournal journal() {
        List<BatchJournal> all = FileBatchJournalStore.forConnection(dir.resolve("config").resolve("organise"),
                server.server().baseUrl() + "#1").all();
        assertEquals(1, all.size(), all::toString);
        return all.get(0);
    }

    @Test
    void killedMidBatchThenResumeFinishesIt() throws Exception {
        startAndStop(true);
        BatchJournal cut = journal();
        assertEquals(BatchJournal.State.APPLYING, cut.state());
        assertTrue(cut.done() > 0 && cut.done() <= moved(), "progress was recorded: " + cut.done());

        Result r = cli("--resume");
        assertEquals(0, r.code(), r::toString);
        assertTrue(r.out().startsWith("Finished “Organise 400 items into Done/{created:yyyy}”."), r.out());
        Map<String, String> after = paths();
        before.forEach((id, p) -> {
            if (p.startsWith("Inbox/")) {
                assertEquals("Done/" + year() + "/" + p.substring("Inbox/".length()), after.get(id));
            }
        });
        assertEquals(List.of("Done", "Done/" + year()), server.column(
                "SELECT path FROM file_system WHERE type = 'folder' AND path LIKE 'Done%' ORDER BY path"),
                "each new folder once");
        assertEquals(BatchJournal.State.APPLIED, journal().state());
        assertTrue(cli("--resume").out().contains("Nothing to resume"));
    }

    @Test
    void killedMidBatchThenUndoPutsBackWhatMoved() throws Exception {
        startAndStop(true);
        Result r = cli("--undo");
        assertEquals(0, r.code(), r::toString);
        assertEquals(before, paths(), "every row at its old path, the new folders gone: " + r.out());
        assertTrue(r.out().contains("Removed the folders it had created: Done/" + year() + ", Done"), r.out());
        assertTrue(FileBatchJournalStore.forConnection(dir.resolve("config").resolve("organise"),
                server.server().baseUrl() + "#1").all().isEmpty());
    }

    @Test
    void stoppedAsByCtrlCTheBatchCancelsKeepsWhatWasDoneAndSaysSo() throws Exception {
        String output = startAndStop(false);
        assertTrue(output.contains("organise: cancelled after "), output);
        BatchJournal cancelled = journal();
        assertEquals(BatchJournal.State.CANCELLED, cancelled.state());
        assertEquals(moved(), cancelled.done(), "the journal knows exactly how far it got");
        assertTrue(cli("--resume").out().contains("Nothing to resume"), "a cancel is the user's choice, not a cut");
        Result r = cli("--undo");
        assertEquals(0, r.code(), r::toString);
        assertEquals(before, paths());
    }
}
