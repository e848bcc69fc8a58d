package dev.burrow.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.burrow.api.FileSystemEntry;
import java.util.List;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.stage.PopupWindow;
import javafx.stage.Window;
import org.controlsfx.control.NotificationPane;
import org.junit.jupiter.api.Test;

/** The note after a move or delete: its Undo undoes that step on the server, only while it is the latest. */
class UndoToastWindowTest extends WindowTestBase {

    FileSystemEntry loose;
    FileSystemEntry other;

    @Override
    void seed() {
        folder("Engineering");
        folder("Marketing");
        loose = create("Loose flag", "feature_flag");
        other = create("Other flag", "feature_flag");
    }

    /** The note's bar, when it shows. */
    private List<Node> notes() {
        return onFx(() -> window.lookupAll(".undo-toast").stream()
                .filter(n -> ((NotificationPane) n).isShowing()).map(n -> n.lookup(".notification-bar")).toList());
    }

    private String noteText() {
        return onFx(() -> notes().stream().flatMap(n -> n.lookupAll(".label").stream())
                .map(l -> ((Label) l).getText()).filter(t -> t != null && !t.isBlank()).findFirst().orElse(""));
    }

    private Button undoButton() {
        return onFx(() -> notes().stream().flatMap(n -> n.lookupAll(".button").stream())
                .map(b -> (Button) b).filter(b -> "Undo".equals(b.getText())).findFirst().orElseThrow());
    }

    @Test
    void undoOnTheNoteUndoesTheMoveOnTheServer() {
        drag(cell("Loose flag"), MouseButton.PRIMARY).dropTo(cell("Engineering"));
        waitUntil("moved on the server", () -> serverRow(loose.id()).path().equals("Engineering/Loose flag"));
        waitUntil("the note shows", () -> !notes().isEmpty());
        assertEquals("Moved “Loose flag” to Engineering", noteText());

        Bounds note = onFx(() -> notes().get(0).localToScreen(notes().get(0).getBoundsInLocal()));
        Bounds selected = onFx(() -> {
            Node c = cell("Engineering/Loose flag");
            return c.localToScreen(c.getBoundsInLocal());
        });
        assertTrue(!note.intersects(selected), "the note does not cover the selected row");

        Node keysWere = onFx(() -> window.getScene().getFocusOwner());
        clickOn(undoButton());
        waitUntil("undone on the server", () -> serverRow(loose.id()).path().equals("Loose flag"));
        waitFx("the keys go back where they were, not to the search field",
                () -> window.getScene().getFocusOwner() == keysWere);
    }

    @Test
    void theKeysStayWithTheWindowWhileTheNoteShows() {
        drag(cell("Loose flag"), MouseButton.PRIMARY).dropTo(cell("Engineering"));
        waitUntil("the note shows", () -> !notes().isEmpty());
        push(new javafx.scene.input.KeyCodeCombination(javafx.scene.input.KeyCode.Z, javafx.scene.input.KeyCombination.SHORTCUT_DOWN));
        waitUntil("Ctrl+Z undid it on the server", () -> serverRow(loose.id()).path().equals("Loose flag"));
    }

    @Test
    void theNoteGoesOnceCtrlZUndoesItsStep() {
        select("Other flag");
        push(KeyCode.DELETE);
        waitFx("the confirmation shows", () -> lookup(".dialog-pane").tryQuery().isPresent());
        push(KeyCode.ENTER);
        waitUntil("deleted on the server", () -> serverRowAt("Other flag").isEmpty());
        waitUntil("the note shows", () -> !notes().isEmpty());
        assertEquals("Deleted “Other flag”", noteText());
        long undoneAt = System.nanoTime();
        push(new javafx.scene.input.KeyCodeCombination(KeyCode.Z, javafx.scene.input.KeyCombination.SHORTCUT_DOWN));
        waitUntil("restored on the server", () -> serverRowAt("Other flag").isPresent());
        idle();
        assertTrue(notes().isEmpty(), "no note offers to undo a delete already undone");
        assertTrue(System.nanoTime() - undoneAt < UndoToast.SHOWN_FOR.toMillis() * 1_000_000L,
                "gone before it would have gone by itself");
    }

    @Test
    void theNotesUndoDoesNotUndoALaterStep() {
        drag(cell("Loose flag"), MouseButton.PRIMARY).dropTo(cell("Engineering"));
        waitUntil("moved on the server", () -> serverRow(loose.id()).path().equals("Engineering/Loose flag"));
        waitUntil("the note shows", () -> !notes().isEmpty());
        Button undo = undoButton();
        renameWithF2("Other flag", "Renamed flag"); // a later step, which shows no note of its own
        waitUntil("renamed on the server", () -> serverRow(other.id()).path().equals("Renamed flag"));
        idle();

        onFx(() -> {
            undo.fire();
            return null;
        });
        idle();
        assertEquals("Renamed flag", serverRow(other.id()).path(), "the later rename stays");
        assertEquals("Engineering/Loose flag", serverRow(loose.id()).path(), "and the move too");
        assertTrue(status().contains("no longer the last change"), status());
    }

    @Test
    void theNoteIsPartOfTheWindowStyledBeforeItFirstShows() {
        NotificationPane pane = onFx(() -> (NotificationPane) window.lookup(".undo-toast"));
        Node bar = onFx(() -> pane.lookup(".notification-bar > .pane"));
        assertTrue(onFx(() -> !pane.isShowing() && bar.getScene() == window.getScene()),
                "hidden in the window's own scene until a step offers undo");
        assertTrue(onFx(() -> ((javafx.scene.layout.Region) bar).getBackground() != null
                && !((javafx.scene.layout.Region) bar).getBackground().isEmpty()), "its style applied already");
        drag(cell("Loose flag"), MouseButton.PRIMARY).dropTo(cell("Engineering"));
        waitUntil("the note shows", () -> !notes().isEmpty());
        assertTrue(onFx(() -> Window.getWindows().stream().noneMatch(w -> w instanceof PopupWindow && w.isShowing())),
                "no popup window is made for it");
        assertTrue(onFx(() -> notes().get(0).lookup(".notification-bar > .pane")) == bar, "the same node shows");
    }

    @Test
    void theNoteGoesAfterAFewSeconds() {
        drag(cell("Loose flag"), MouseButton.PRIMARY).dropTo(cell("Engineering"));
        waitUntil("the note shows", () -> !notes().isEmpty());
        sleep((long) UndoToast.SHOWN_FOR.toMillis() + 1500);
        waitUntil("the note is gone", () -> notes().isEmpty());
    }

    @Test
    void closingTheNoteLeavesTheKeysWhereTheyWere() {
        drag(cell("Loose flag"), MouseButton.PRIMARY).dropTo(cell("Engineering"));
        waitUntil("the note shows", () -> !notes().isEmpty());
        Node keysWere = onFx(() -> window.getScene().getFocusOwner());
        Node close = onFx(() -> notes().get(0).lookup(".close-button"));
        clickOn(close);
        waitUntil("the note is gone", () -> notes().isEmpty());
        waitFx("the keys are where they were", () -> window.getScene().getFocusOwner() == keysWere);
        assertEquals("Engineering/Loose flag", serverRow(loose.id()).path(), "closing undid nothing");
    }
}
