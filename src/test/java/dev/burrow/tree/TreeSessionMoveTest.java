package dev.burrow.tree;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.burrow.api.FileSystemEntry;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** Moves and renames through the session, checked on the server and in the index. */
class TreeSessionMoveTest extends SessionSupport {

    private List<String> paths(List<FileSystemEntry> rows) {
        return rows.stream().map(FileSystemEntry::path).sorted().toList();
    }

    @Test
    void anItemMovesIntoAFolderByPatch() {
        openEmpty(true);
        create("Reports", "folder");
        String id = create("Loose note", "doc-file");
        loadIndex();
        backend.clear();
        ok(MoveOperation.into(List.of(item("Loose note")), "Reports", journals));
        assertEquals(List.of("patchPath"), backend.writes());
        assertEquals("Reports/Loose note", serverAt("Reports/Loose note").get(0).path());
        assertEquals(id, serverAt("Reports/Loose note").get(0).id());
        assertEquals(1, index().countBelow("Reports"));
        assertAgree();
    }

    @ParameterizedTest(name = "supportsMove={0}")
    @ValueSource(booleans = {true, false})
    void aFolderMovesWithEveryDescendant(boolean supportsMove) {
        openEmpty(supportsMove);
        create("Archive", "folder");
        create("Q1/Sub/deep", "doc-file");
        create("Q1/one", "doc-file");
        create("Q1/two", "doc-file");
        create("Q1 sibling/stays", "doc-file");
        loadIndex();
        List<String> before = serverState();
        backend.clear();
        ok(MoveOperation.into(List.of(folder("Q1")), "Archive", journals));
        if (supportsMove) {
            assertEquals(List.of("move"), backend.writes());
        } else {
            assertEquals(5, backend.writes().size(), "one PATCH per row: " + backend.writes());
            assertTrue(backend.writes().stream().allMatch("patchPath"::equals));
        }
        assertTrue(journals.pending().isEmpty(), "no journal is left behind");
        assertEquals(List.of("Archive/Q1/Sub", "Archive/Q1/Sub/deep", "Archive/Q1/one", "Archive/Q1/two"),
                paths(client.fileSystem().listAll(dev.burrow.client.FileSystemQuery.all().withParent("Archive/Q1"))));
        assertEquals(1, serverAt("Archive/Q1").size());
        assertEquals(List.of(), serverChildren("Q1"));
        assertEquals(List.of("stays"), index().children("Q1 sibling").stream().map(TreeNode::name).toList());
        assertEquals(5, index().countBelow("Archive"));
        assertAgree();

        assertEquals(null, undo());
        assertEquals(before, serverState());
        assertAgree();
        assertEquals(null, redo());
        assertEquals(5, serverCount("Archive"));
        assertAgree();
    }

    @ParameterizedTest(name = "supportsMove={0}")
    @ValueSource(booleans = {true, false})
    void aSyntheticFolderMovesRowByRow(boolean supportsMove) {
        openEmpty(supportsMove);
        create("Target", "folder");
        row("Ghost/Inner/a", "doc-file");
        row("Ghost/b", "doc-file");
        loadIndex();
        List<String> before = serverState();
        assertTrue(folder("Ghost").isSynthetic());
        backend.clear();
        ok(MoveOperation.into(List.of(folder("Ghost")), "Target", journals));
        assertEquals(List.of("patchPath", "patchPath"), backend.writes());
        assertEquals(List.of("Target/Ghost/Inner/a", "Target/Ghost/b"),
                paths(client.fileSystem().listAll(dev.burrow.client.FileSystemQuery.all().withParent("Target"))));
        assertTrue(folder("Target/Ghost").isSynthetic());
        assertTrue(journals.pending().isEmpty());
        assertAgree();
        assertEquals(null, undo());
        assertEquals(before, serverState());
        assertAgree();
    }

    @Test
    void aSelectedItemInsideASelectedFolderRidesAlong() {
        openEmpty(true);
        create("Dest", "folder");
        create("Box/inner", "doc-file");
        create("Box/other", "doc-file");
        create("single", "doc-file");
        loadIndex();
        backend.clear();
        MoveOperation op = MoveOperation.into(List.of(item("Box/inner"), folder("Box"), item("single")), "Dest",
                journals);
        assertEquals(2, op.steps().size());
        ok(op);
        assertEquals(List.of("move", "patchPath"), backend.writes());
        assertEquals(1, serverAt("Dest/Box/inner").size());
        assertEquals(1, serverAt("Dest/single").size());
        assertEquals(List.of(), serverAt("Dest/inner"));
        assertAgree();
    }

    @Test
    void refusedMovesSendNothing() {
        openEmpty(true);
        create("F/Sub/leaf", "doc-file");
        create("F/item", "doc-file");
        loadIndex();
        List<String> before = serverState();
        assertEquals(MoveCheck.INTO_ITSELF, MoveCheck.of(folder("F"), "F"));
        assertEquals(MoveCheck.INTO_DESCENDANT, MoveCheck.of(folder("F"), "F/Sub"));
        assertEquals(MoveCheck.UNCHANGED, MoveCheck.of(item("F/item"), "F"));
        assertEquals(MoveCheck.UNCHANGED, MoveCheck.of(folder("F/Sub"), "F"));
        backend.clear();
        for (MoveOperation op : List.of(
                MoveOperation.into(List.of(folder("F")), "F", journals),
                MoveOperation.into(List.of(folder("F")), "F/Sub", journals),
                MoveOperation.into(List.of(item("F/item")), "F", journals),
                MoveOperation.into(List.of(folder("F/Sub")), "F", journals),
                MoveOperation.rename(item("F/item"), "item", journals))) {
            String msg = execute(op);
            assertNotNull(msg, () -> op.description() + " is refused");
        }
        assertEquals(List.of(), backend.writes(), "no request for a refused move");
        assertEquals(before, serverState());
        assertEquals(3, index().countBelow("F"));
        assertTrue(!session.canUndo(), "a refused move leaves nothing to undo");
        assertAgree();
    }

    @Test
    void renameIsAMoveWithinTheFolder() {
        openEmpty(true);
        create("Team/Draft", "doc-file");
        create("Team/Old name/inside", "doc-file");
        loadIndex();
        ok(MoveOperation.rename(item("Team/Draft"), "Final / v2", journals));
        assertEquals(1, serverAt("Team/Final \\/ v2").size());
        assertEquals("Final / v2", item("Team/Final \\/ v2").name());
        ok(MoveOperation.rename(folder("Team/Old name"), "New name", journals));
        assertEquals(1, serverAt("Team/New name/inside").size());
        assertAgree();
        assertEquals(null, undo());
        assertEquals(1, serverAt("Team/Old name/inside").size());
        assertAgree();
        assertEquals(null, undo());
        assertEquals(1, serverAt("Team/Draft").size());
        assertAgree();
        assertEquals(null, redo());
        assertEquals(1, serverAt("Team/Final \\/ v2").size());
        assertAgree();
    }

    @Test
    void movingAFolderIntoASyntheticFolderKeepsIndexAndServerInStep() {
        openEmpty(true);
        row("Ghost/x", "doc-file");
        create("Real/y", "doc-file");
        loadIndex();
        List<String> before = serverState();
        ok(MoveOperation.into(List.of(folder("Real")), "Ghost", journals));
        assertEquals(1, serverAt("Ghost/Real/y").size());
        assertAgree();
        assertEquals(null, undo());
        assertEquals(before, serverState());
        assertAgree();
    }

    @Test
    void movingAFolderOntoAFolderOfTheSameNameMerges() {
        openEmpty(true);
        create("Dest/Shared/a", "doc-file");
        create("Shared/b", "doc-file");
        loadIndex();
        List<String> before = serverState();
        ok(MoveOperation.into(List.of(folder("Shared")), "Dest", journals));
        assertEquals(List.of("Dest/Shared/a", "Dest/Shared/b"),
                paths(client.fileSystem().listAll(dev.burrow.client.FileSystemQuery.all().withParent("Dest/Shared"))));
        assertEquals(List.of("a", "b"), index().children("Dest/Shared").stream().map(TreeNode::name).toList());
        assertAgree();
        assertEquals(null, undo(), "the merge can be undone exactly");
        assertEquals(before, serverState());
        assertAgree();
        assertEquals(null, redo());
        assertEquals(2, serverCount("Dest/Shared"));
        assertAgree();
        assertEquals(null, undo());
        assertEquals(before, serverState());
        assertAgree();
    }
}
