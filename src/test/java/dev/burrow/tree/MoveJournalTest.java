package dev.burrow.tree;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** Journaled folder moves cut short: rolled back at once, or resumed / rolled back from the journal. */
class MoveJournalTest extends SessionSupport {

    private List<String> arrange() {
        openEmpty(false);
        create("Dest", "folder");
        create("Big", "folder");
        server.rows(IntStream.range(0, 60).mapToObj(i -> "Big/r" + i).toList(), "doc-file");
        loadIndex();
        return serverState();
    }

    @Test
    void aFolderKnownOnlyByTheRowsBelowItTakesItsFolderRowAlong() {
        arrange();
        // as a search shows it: the folder of a match, without its folder row
        TreeNode.Folder seen = new TreeNode.Folder("Big", List.of());
        org.junit.jupiter.api.Assertions.assertNull(execute(MoveOperation.into(List.of(seen), "Dest", journals)));
        assertEquals(List.of("folder"), serverAt("Dest/Big").stream().map(e -> e.type()).toList(),
                "the folder row moved with its rows");
        assertTrue(serverAt("Big").isEmpty(), "nothing is left at the old path");
        assertEquals(60, serverCount("Dest/Big"));
    }

    @Test
    void aRefusalMidwayRollsBackSoNoRowIsStranded() {
        List<String> before = arrange();
        backend.failPatchesAfter(30, false);
        String msg = execute(MoveOperation.into(List.of(folder("Big")), "Dest", journals));
        assertNotNull(msg);
        assertTrue(msg.contains("injected fault"), msg);
        assertEquals(before, serverState(), "every moved row went back");
        assertTrue(journals.pending().isEmpty(), "a rolled-back journal is deleted");
        assertEquals(60, index().countBelow("Big"));
        assertAgree();
    }

    @Test
    void aJournalLeftBehindCanBeResumed() {
        List<String> before = arrange();
        backend.failPatchesAfter(30, true); // the rollback fails too: the journal stays
        assertNotNull(execute(MoveOperation.into(List.of(folder("Big")), "Dest", journals)));
        assertEquals(1, journals.pending().size());
        assertTrue(!before.equals(serverState()), "rows are half moved");
        backend.heal();
        MoveJournal.Snapshot snap = journals.pending().get(0);
        MoveJournal.resume(journals, snap).run(backend);
        assertTrue(journals.pending().isEmpty());
        assertEquals(60, serverCount("Dest/Big"));
        assertEquals(0, serverCount("Big"));
    }

    @Test
    void aJournalLeftBehindCanBeRolledBack() {
        List<String> before = arrange();
        backend.failPatchesAfter(30, true);
        assertNotNull(execute(MoveOperation.into(List.of(folder("Big")), "Dest", journals)));
        backend.heal();
        MoveJournal.resume(journals, journals.pending().get(0)).rollback(backend);
        assertTrue(journals.pending().isEmpty());
        assertEquals(before, serverState());
    }

    @Test
    void afterACrashTheSavedJournalRollsBackEveryMovedRow() {
        List<String> before = arrange();
        backend.crashAfter(40); // progress was last saved at 25
        // the journal sees an Error it must not handle (as if the process died); the session reports it
        assertEquals("simulated crash", execute(MoveOperation.into(List.of(folder("Big")), "Dest", journals)));
        backend.heal();
        MoveJournal.Snapshot snap = journals.pending().get(0);
        assertTrue(snap.done() <= 40);
        MoveJournal.resume(journals, snap).rollback(backend);
        assertEquals(before, serverState(), "no row is stranded at the target");
        assertTrue(journals.pending().isEmpty());
    }

    @Test
    void afterACrashTheSavedJournalCanBeResumed() {
        arrange();
        backend.crashAfter(40);
        // the journal sees an Error it must not handle (as if the process died); the session reports it
        assertEquals("simulated crash", execute(MoveOperation.into(List.of(folder("Big")), "Dest", journals)));
        backend.heal();
        MoveJournal.resume(journals, journals.pending().get(0)).run(backend);
        assertEquals(60, serverCount("Dest/Big"));
        assertEquals(0, serverCount("Big"));
        assertEquals(1, serverAt("Dest/Big").size());
    }
}
