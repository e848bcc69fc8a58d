package dev.burrow.tree;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.burrow.api.FileSystemEntry;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@link MoveOperation#to}: a move and a rename at once, refused where a drop would be. */
class MoveToTest {

    private static FileSystemEntry row(String id, String path, String type) {
        return new FileSystemEntry(id, path, null, type, null, null, null, false, null, null, null, null);
    }

    private static final TreeNode FOLDER = new TreeNode.Folder("A/B", List.of(row("f", "A/B", "folder")));
    private static final TreeNode ITEM = new TreeNode.Item(row("i", "A/x", "insight"));
    private static final MoveJournal.Store JOURNALS = MoveJournal.Store.inMemory();

    @Test
    void aNodeGetsExactlyTheTargetPathWhereverItIs() {
        MoveOperation elsewhere = MoveOperation.to(List.of(FOLDER), "C/D", JOURNALS);
        assertNull(elsewhere.refusal());
        assertEquals(List.of(new MoveOperation.Step(FOLDER, "C/D")), elsewhere.steps());
        // the same folder under another name: a rename, not "unchanged"
        MoveOperation renamed = MoveOperation.to(List.of(ITEM), "A/y \\/ z", JOURNALS);
        assertNull(renamed.refusal());
        assertEquals("A/y \\/ z", renamed.steps().get(0).target());
        // a canonical target: a leading or doubled slash changes nothing
        assertEquals("C/D", MoveOperation.to(List.of(FOLDER), "/C//D/", JOURNALS).steps().get(0).target());
    }

    @Test
    void intoItselfAndNoChangeAreRefusedWithTheWindowsWords() {
        assertEquals(MoveCheck.INTO_ITSELF.explanation(), MoveOperation.to(List.of(FOLDER), "A/B/C", JOURNALS).refusal());
        assertEquals(MoveCheck.INTO_DESCENDANT.explanation(),
                MoveOperation.to(List.of(FOLDER), "A/B/C/D", JOURNALS).refusal());
        assertEquals(MoveCheck.UNCHANGED.explanation(), MoveOperation.to(List.of(ITEM), "A//x", JOURNALS).refusal());
        assertEquals(List.of(), MoveOperation.to(List.of(ITEM), "A/x", JOURNALS).steps());
    }
}
