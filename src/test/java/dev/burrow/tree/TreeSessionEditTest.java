package dev.burrow.tree;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.burrow.api.FileSystemEntry;
import java.util.List;
import org.junit.jupiter.api.Test;

/** New folder, delete and restore, shortcuts, links, refusals — through the session, checked on the server. */
class TreeSessionEditTest extends SessionSupport {

    @Test
    void newFoldersAreNamedAsPostHogNamesThem() {
        openEmpty(true);
        create("Team", "folder");
        loadIndex();
        NewFolderOperation first = NewFolderOperation.in(index(), "Team");
        assertEquals("Team/Untitled folder", first.path());
        ok(first);
        NewFolderOperation second = NewFolderOperation.in(index(), "Team");
        assertEquals("Team/Untitled folder 2", second.path());
        ok(second);
        assertEquals(1, serverAt("Team/Untitled folder").size());
        assertEquals(1, serverAt("Team/Untitled folder 2").size());
        assertEquals(List.of(second.created().id()), second.resultIds());
        assertAgree();
        assertEquals(null, undo());
        assertEquals(List.of(), serverAt("Team/Untitled folder 2"));
        assertAgree();
        assertEquals(null, redo());
        assertEquals(1, serverAt("Team/Untitled folder 2").size());
        assertAgree();
    }

    @Test
    void aNewFolderInsideASyntheticFolder() {
        openEmpty(true);
        row("Ghost/x", "doc-file");
        loadIndex();
        List<String> before = serverState();
        ok(NewFolderOperation.in(index(), "Ghost"));
        assertEquals(1, serverAt("Ghost/Untitled folder").size());
        assertAgree();
        assertEquals(null, undo());
        assertAgree();
        assertEquals(before.size() + 1, serverState().size(), "POST filed the folder row for “Ghost” (§7)");
    }

    @Test
    void deletingAFolderWithObjectsThenUndoAndRedo() {
        openEmpty(true);
        create("Reports/Sub", "folder");
        object("Reports/Revenue", "insight", "101");
        object("Reports/Sub/Board", "dashboard", "7");
        create("Reports/Sub/notes", "doc-file");
        create("Reports/Alias", "folder");
        server.row(1, "Reports/Alias/Board link", "dashboard", "7", true, null, null);
        create("Elsewhere", "folder");
        loadIndex();
        List<String> before = serverState();
        // a doc-file below refuses the whole delete (one transaction on the server)
        String refused = execute(DeleteOperation.of(List.of(folder("Reports"))));
        assertNotNull(refused);
        assertTrue(refused.contains("Cannot delete resources with type 'doc-file'."), refused);
        assertEquals(before, serverState());
        assertAgree();
        ok(MoveOperation.into(List.of(item("Reports/Sub/notes")), "Elsewhere", journals));
        before = serverState();

        ok(DeleteOperation.of(List.of(folder("Reports"))));
        assertEquals(1, server.objectDeleted("insight", "101"));
        assertEquals(1, server.objectDeleted("dashboard", "7"));
        assertEquals(List.of(), serverChildren("Reports"));
        assertFalse(index().hasFolder("Reports"));
        assertAgree();

        assertEquals(null, undo());
        assertEquals(0, server.objectDeleted("insight", "101"));
        assertEquals(0, server.objectDeleted("dashboard", "7"));
        assertEquals(before, serverState());
        assertAgree();

        assertEquals(null, redo());
        assertEquals(1, server.objectDeleted("insight", "101"));
        assertEquals(List.of(), serverChildren("Reports"));
        assertAgree();

        assertEquals(null, undo());
        assertEquals(before, serverState());
        assertAgree();
    }

    @Test
    void aRefusedDeleteRevertsAndReportsTheServersMessage() {
        openEmpty(true);
        create("Docs/readme", "doc-file");
        loadIndex();
        List<String> before = serverState();
        List<String> seen = new java.util.ArrayList<>();
        session.addListener(new TreeSession.Listener() {
            @Override
            public void foldersChanged(java.util.Set<String> folderPaths) {
                seen.add(String.valueOf(index().countBelow("Docs")));
            }
        });
        String msg = execute(DeleteOperation.of(List.of(item("Docs/readme"))));
        assertNotNull(msg);
        assertTrue(msg.contains("Cannot delete resources with type 'doc-file'."), msg);
        assertTrue(seen.contains("0"), "the row disappeared at once: " + seen);
        assertEquals(1, index().countBelow("Docs"), "and came back");
        assertEquals(before, serverState());
        assertFalse(session.canUndo());
        assertAgree();
    }

    @Test
    void aPartlyRefusedMultiDeleteLeavesTheIndexLikeTheServer() {
        openEmpty(true);
        object("Board", "dashboard", "3");
        create("readme", "doc-file");
        loadIndex();
        String msg = execute(DeleteOperation.of(List.of(item("Board"), item("readme"))));
        assertNotNull(msg);
        assertAgree();
    }

    @Test
    void shortcutToggleAndUndo() {
        openEmpty(true);
        object("Team/Board", "dashboard", "5");
        loadIndex();
        FileSystemEntry row = item("Team/Board").row();
        ok(new ShortcutOperation(row, true));
        assertTrue(serverAt("Team/Board").get(0).isLink());
        assertTrue(item("Team/Board").row().isLink());
        assertEquals(List.of(row.id()), index().shortcutRows().stream().map(FileSystemEntry::id).toList());
        assertAgree();
        ok(new ShortcutOperation(item("Team/Board").row(), false));
        assertFalse(serverAt("Team/Board").get(0).isLink());
        assertAgree();
        assertEquals(null, undo());
        assertTrue(serverAt("Team/Board").get(0).isLink());
        assertAgree();
        assertEquals(null, undo());
        assertFalse(serverAt("Team/Board").get(0).isLink());
        assertAgree();
        assertEquals(null, redo());
        assertTrue(serverAt("Team/Board").get(0).isLink());
        assertAgree();
    }

    @Test
    void theFlagsToggleIsNamedAsTheMenuNamesItNotAsAStar() {
        openEmpty(true);
        object("Team/Board", "dashboard", "5");
        loadIndex();
        FileSystemEntry row = item("Team/Board").row();
        // the Shortcuts pane lists stars: "Add shortcut" sent the person looking for the row there
        assertEquals("Make “Board” a link row", new ShortcutOperation(row, true).description());
        assertEquals("Make “Board” a real row", new ShortcutOperation(row.withShortcut(true), false).description());
        ok(new ShortcutOperation(row, true));
        assertEquals("Make “Board” a real row", new ShortcutOperation(row, true).inverse().description(),
                "its inverse says what it does too");
    }

    @Test
    void linkAnItemAndUndo() {
        openEmpty(true);
        object("Team/Board", "dashboard", "5");
        create("Favourites", "folder");
        loadIndex();
        List<String> before = serverState();
        ok(new LinkOperation(item("Team/Board"), "Favourites"));
        List<FileSystemEntry> links = serverAt("Favourites/Board");
        assertEquals(1, links.size());
        assertTrue(links.get(0).isLink());
        assertEquals("5", links.get(0).ref());
        assertAgree();
        assertEquals(null, undo());
        assertEquals(before, serverState());
        assertEquals(0, server.objectDeleted("dashboard", "5"), "deleting a link row keeps the object");
        assertAgree();
        assertEquals(null, redo());
        assertEquals(1, serverAt("Favourites/Board").size());
        assertAgree();
    }

    @Test
    void linkAFolderAndUndo() {
        openEmpty(true);
        create("Src/Inner/a", "doc-file");
        create("Src/b", "doc-file");
        loadIndex();
        List<String> before = serverState();
        ok(new LinkOperation(folder("Src"), "Dst"));
        assertAgree();
        assertEquals(null, undo());
        assertEquals(before, serverState());
        assertAgree();
    }
}
