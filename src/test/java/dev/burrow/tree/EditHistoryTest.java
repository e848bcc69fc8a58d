package dev.burrow.tree;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.burrow.api.Star;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * One history: undo, redo, undo again with labels that never nest; a new action clears redo;
 * stars (not the shortcut flag) add and remove and come back in their place; a delete that took a
 * survey names it after undo; a folder landing on a sibling's name merges or keeps both. All
 * against the real local server.
 */
class EditHistoryTest extends SessionSupport {

    private void seed() {
        openEmpty(true);
        create("Marketing", "folder");
        create("Product", "folder");
        object("Marketing/Overview", "dashboard", "1");
        object("Marketing/Funnel", "insight", "2");
        object("Product/Retention", "insight", "3");
        loadIndex();
    }

    @Test
    void redoReappliesAndLabelsNeverNest() {
        seed();
        ok(MoveOperation.into(List.of(node("Marketing/Overview"), node("Marketing/Funnel")), "Product", journals));
        EditHistory h = session.history();
        assertEquals("Undo: Move 2 items to Product", h.undoLabel());
        assertNull(h.redoLabel());
        for (int round = 0; round < 3; round++) {
            assertNull(undo());
            assertEquals(List.of(), serverAt("Product/Overview"));
            assertEquals(1, serverAt("Marketing/Overview").size());
            assertEquals("Redo: Move 2 items to Product", h.redoLabel());
            assertNull(h.undoLabel());
            assertNull(redo());
            assertEquals(1, serverAt("Product/Overview").size());
            assertEquals("Undo: Move 2 items to Product", h.undoLabel(), "round " + round);
            assertNull(h.redoLabel());
        }
        assertNull(undo());
        assertTrue(h.canRedo());
        ok(NewFolderOperation.in(index(), "Product"));
        assertFalse(h.canRedo(), "a new action clears the redo side");
        assertEquals("Undo: New folder “Untitled folder”", h.undoLabel());
        assertAgree();
    }

    @Test
    void undoAndRedoSayWhichNodesTheyTouched() {
        seed();
        MoveOperation move = MoveOperation.into(List.of(node("Marketing")), "Product", journals);
        ok(move);
        EditHistory.Step step = session.history().peekUndo();
        Operation back = step.inverse();
        assertNull(undo());
        assertEquals(List.of(NodeKey.folder("Marketing")), back.touched());
        Operation again = session.history().peekRedo().inverse();
        assertNull(redo());
        assertEquals(List.of(NodeKey.folder("Product/Marketing")), again.touched());
    }

    @Test
    void starsAreNotTheShortcutFlagAndUndoPutsThemBackInPlace() {
        seed();
        session.loadStars();
        ok(StarOperation.toggle(session.stars(), List.of(node("Marketing"))));
        ok(StarOperation.toggle(session.stars(), List.of(node("Product/Retention"))));
        ok(StarOperation.toggle(session.stars(), List.of(node("Marketing/Overview"))));
        List<Star> onServer = client.shortcuts().listAll();
        assertEquals(List.of("Marketing", "Retention", "Overview"), onServer.stream().map(Star::path).toList());
        assertEquals("Marketing", onServer.get(0).ref(), "a folder's star points at its path");
        assertTrue(serverRows().stream().noneMatch(r -> Boolean.TRUE.equals(r.shortcut())),
                "no row became a link");
        assertEquals(List.of("Marketing", "Retention", "Overview"),
                session.stars().all().stream().map(Star::path).toList());

        ok(StarOperation.toggle(session.stars(), List.of(node("Product/Retention"))));
        assertEquals(List.of("Marketing", "Overview"), client.shortcuts().listAll().stream().map(Star::path).toList());
        assertEquals("Undo: Unstar “Retention”", session.history().undoLabel());
        assertNull(undo());
        assertEquals(List.of("Marketing", "Retention", "Overview"),
                client.shortcuts().listAll().stream().map(Star::path).toList(), "back in its place");
        assertNull(redo());
        assertEquals(List.of("Marketing", "Overview"), session.stars().all().stream().map(Star::path).toList());
        assertTrue(session.stars().isStarred(node("Marketing")));
        assertFalse(session.stars().isStarred(node("Product/Retention")));
    }

    @Test
    void undoOfADeleteNamesWhatCouldNotBeRestored() {
        seed();
        object("Marketing/Launch survey", "survey", "9");
        session.refresh();
        loadIndex();
        ok(DeleteOperation.of(List.of(node("Marketing"))));
        Operation back = session.history().peekUndo().inverse();
        assertNull(undo());
        RestoreOperation restore = (RestoreOperation) back;
        assertEquals(List.of("Marketing/Launch survey"), restore.lost().stream().map(r -> r.path()).toList());
        assertEquals(1, serverAt("Marketing/Overview").size(), "the dashboard is back");
        assertEquals(List.of(), serverAt("Marketing/Launch survey"), "the survey is gone for good");
    }

    @Test
    void aFolderRenamedOntoASiblingKeepsBothOrMerges() {
        seed();
        MoveOperation rename = MoveOperation.rename(node("Product"), "Marketing", journals);
        assertEquals(1, ClashChoice.clashes(rename, index()).size());
        MoveOperation both = ClashChoice.keepingBoth(rename, index());
        assertEquals("Rename “Product” to “Marketing (2)”", both.description());
        ok(both);
        assertEquals(1, serverAt("Marketing (2)/Retention").size());
        assertEquals(1, serverAt("Marketing/Overview").size(), "the other folder is untouched");
        assertNull(undo());
        assertEquals(1, serverAt("Product/Retention").size());

        ok(MoveOperation.rename(node("Product"), "Marketing", journals));
        assertEquals(1, serverAt("Marketing/Retention").size(), "merge: the server's move");
        assertEquals(1, serverAt("Marketing/Overview").size());
        assertAgree();
    }

    @Test
    void undoOfADeleteGivesTheStarsBack() {
        seed();
        session.loadStars();
        ok(StarOperation.toggle(session.stars(), List.of(node("Marketing/Overview"))));
        ok(StarOperation.toggle(session.stars(), List.of(node("Product/Retention"))));
        ok(DeleteOperation.of(List.of(node("Marketing"))).withStars(session.stars()));
        assertEquals(List.of("Retention"), client.shortcuts().listAll().stream().map(Star::path).toList(),
                "the server dropped the deleted dashboard's star");
        assertEquals(List.of("Retention"), session.stars().all().stream().map(Star::path).toList());
        assertNull(undo());
        assertEquals(List.of("Overview", "Retention"), client.shortcuts().listAll().stream().map(Star::path).toList(),
                "undo gives the star back, in its place");
        assertTrue(session.stars().isStarred(node("Marketing/Overview")));
        assertNull(redo());
        assertEquals(List.of("Retention"), client.shortcuts().listAll().stream().map(Star::path).toList());
        assertTrue(session.stars().isStarred(node("Product/Retention")));
    }
}
