package dev.burrow.tree;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/**
 * The tree layer's hook for long edits: a move reports its requests as it goes, and a cancel
 * stops it between two requests and leaves the server, the index and the undo history as they
 * were before the move.
 */
class MoveProgressTest extends SessionSupport {

    /** Every report the session's listeners got: "done/total" plus flags. */
    private final List<String> reports = new ArrayList<>();
    private final AtomicReference<Progress> running = new AtomicReference<>();

    private void follow() {
        session.addListener(new TreeSession.Listener() {
            @Override
            public void foldersChanged(java.util.Set<String> folderPaths) {
            }

            @Override
            public void working(Progress work) {
                running.set(work);
                reports.add(work.title() + " " + work.done() + "/" + work.total()
                        + (work.isPuttingBack() ? " back" : "") + (work.isEnded() ? " ended" : ""));
            }
        });
    }

    /** A folder "Big" with {@code n} items, moved row by row (the server's move is not used). */
    private void bigFolder(int n, String... loose) {
        openEmpty(false);
        for (String item : loose) {
            create(item, "insight");
        }
        create("Archive", "folder");
        create("Big", "folder");
        for (int i = 1; i <= n; i++) {
            create("Big/Insight " + i, "insight");
        }
        loadIndex();
        follow();
    }

    @Test
    void aRowByRowMoveReportsEveryRowAndEnds() {
        bigFolder(10);
        ok(MoveOperation.into(List.of(folder("Big")), "Archive", journals));
        assertEquals("Moving “Big” to Archive 0/0", reports.get(0), reports.toString());
        assertTrue(reports.contains("Moving “Big” to Archive 5/11"), reports.toString());
        assertEquals("Moving “Big” to Archive 11/11 ended", reports.get(reports.size() - 1));
        assertEquals(11, serverCount("Archive"));
        assertAgree();
    }

    @Test
    void cancellingAFolderMoveStopsBetweenRowsAndPutsEveryRowBack() {
        bigFolder(20);
        List<String> before = serverState();
        backend.onPatch(n -> {
            if (n == 6) {
                assertTrue(running.get().cancel(), "a running move can be cancelled");
            }
        });
        String msg = execute(MoveOperation.into(List.of(folder("Big")), "Archive", journals));

        assertEquals("Move “Big” to Archive — cancelled; nothing changed.", msg);
        // six rows went (the sixth was on its way when the cancel came), and those six came back
        assertEquals(12, backend.writes().size(), backend.writes().toString());
        assertEquals(before, serverState(), "the server holds what it held before");
        assertAgree();
        assertFalse(session.canUndo(), "nothing to undo: nothing happened");
        assertTrue(journals.pending().isEmpty(), "no journal is left behind");
        assertTrue(reports.stream().anyMatch(r -> r.endsWith(" back")), "it said it was putting rows back: " + reports);
        assertTrue(reports.get(reports.size() - 1).endsWith("ended"), reports.toString());
    }

    @Test
    void cancellingAMoveOfSeveralPutsBackTheItemsAlreadyMoved() {
        bigFolder(10, "Loose one", "Loose two");
        List<String> before = serverState();
        backend.onPatch(n -> {
            if (n == 5) { // both items moved, the folder's first rows are going
                running.get().cancel();
            }
        });
        List<TreeNode> nodes = List.of(item("Loose one"), item("Loose two"), folder("Big"));
        String msg = execute(MoveOperation.into(nodes, "Archive", journals));

        assertEquals("Move 3 items to Archive — cancelled; what had moved is back where it was.", msg);
        assertEquals(before, serverState());
        assertAgree();
        assertFalse(session.canUndo());
        assertTrue(reports.stream().anyMatch(r -> r.startsWith("Putting back: Move 3 items to Archive")), reports.toString());
    }

    @Test
    void cancellingAnUndoLeavesTheMoveDoneAndUndoable() {
        bigFolder(10);
        List<String> before = serverState();
        ok(MoveOperation.into(List.of(folder("Big")), "Archive", journals));
        List<String> moved = serverState();
        backend.onPatch(n -> {
            if (n == 4) {
                running.get().cancel();
            }
        });
        String msg = undo();
        assertTrue(msg.equals("Undo: Move “Big” to Archive — cancelled; nothing changed."), msg);
        assertEquals(moved, serverState(), "the move stands, whole");
        assertAgree();
        assertEquals("Move “Big” to Archive", session.undoDescription(), "the move can still be undone");

        backend.onPatch(n -> { });
        assertEquals(null, undo());
        assertEquals(before, serverState());
        assertAgree();
    }

    @Test
    void anEndedOrUncancellableWorkIgnoresACancel() {
        Progress fixed = new Progress("Putting back", false);
        assertFalse(fixed.cancel());
        fixed.checkNotCancelled(); // does not throw
        Progress p = new Progress("Moving", true);
        p.end();
        assertFalse(p.cancel(), "an ended edit has nothing left to stop");
        assertEquals("Moving 3 items to X", Progress.titleOf("Move 3 items to X"));
        assertEquals("Undoing: Move 3 items to X", Progress.titleOf("Undo: Move 3 items to X"));
    }

    @Test
    void theMessageCountsRowsAndSaysWhatHappensAfterACancel() {
        Progress p = new Progress("Moving", true);
        p.add(3400);
        for (int i = 0; i < 120; i++) {
            p.advance();
        }
        assertEquals("120 of 3,400 rows moved", p.message());
        assertEquals(120.0 / 3400, p.fraction(), 1e-9);
        p.cancel();
        assertEquals("Stopping after this request…", p.message());
        p.puttingBack(120);
        assertEquals("Stopping: putting back 0 of 120 rows", p.message());
    }
}
