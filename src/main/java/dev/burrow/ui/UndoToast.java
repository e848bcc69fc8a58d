package dev.burrow.ui;

import dev.burrow.tree.TreeSession;
import java.util.Set;
import javafx.animation.PauseTransition;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.util.Duration;

/**
 * Undo at hand: after a move, a delete or a batch, a note ("Moved 3 items to Marketing — Undo")
 * in the window's bottom right corner, away from the tree. Its Undo undoes that step only while it
 * is still the latest one; the note goes after a few seconds.
 *
 * <p>The note is one node of the window, made and styled with it and shown or hidden, not a
 * ControlsFX notification: each of those is a popup with a scene of its own, whose styles are
 * worked out from nothing every time (JavaFX keeps its style cache per scene), and showing one
 * held the FX thread 100–250 ms right after the move it followed. Being part of the window, it
 * also leaves the keyboard with the window.
 */
final class UndoToast {

    /** How long a note stays. */
    static final Duration SHOWN_FOR = Duration.seconds(6);

    private final MainViewModel vm;
    private final Label text = new Label();
    private final Button undoButton = new Button("Undo");
    private final HBox note = new HBox(12, text, undoButton);
    private final PauseTransition hide = new PauseTransition(SHOWN_FOR);
    /** Counts the steps that finished: a note's Undo works only while no step came after it. */
    private long steps;
    /** What the note shown offers to undo. */
    private TreeSession shownSession;
    private String shownDescription;
    private long shownStep;

    UndoToast(MainViewModel vm) {
        this.vm = vm;
        note.getStyleClass().add("undo-toast");
        note.setAlignment(Pos.CENTER_LEFT);
        note.setMaxSize(Region.USE_PREF_SIZE, Region.USE_PREF_SIZE);
        note.setVisible(false);
        note.setPickOnBounds(false);
        text.getStyleClass().add("undo-toast-text");
        undoButton.getStyleClass().add("accent");
        undoButton.setFocusTraversable(false); // the keyboard stays where the person works
        undoButton.setOnAction(e -> {
            hide.stop();
            note.setVisible(false);
            undo(shownSession, shownDescription, shownStep);
        });
        StackPane.setAlignment(note, Pos.BOTTOM_RIGHT);
        StackPane.setMargin(note, new Insets(0, 16, 16, 0));
        hide.setOnFinished(e -> note.setVisible(false));
        vm.sessionProperty().addListener((o, old, s) -> follow(s));
        follow(vm.session());
    }

    /** The note, to lay over the window's panes (bottom right of a {@code StackPane}); hidden until a step offers undo. */
    Node node() {
        return note;
    }

    private void follow(TreeSession s) {
        if (s == null) {
            return;
        }
        s.addListener(new TreeSession.Listener() {
            @Override
            public void foldersChanged(Set<String> folderPaths) {
            }

            @Override
            public void finished(String description, String error) {
                if (s != vm.session() || description == null || isLoad(description)) {
                    return;
                }
                steps++;
                if (error == null && offersUndo(description) && description.equals(s.undoDescription())) {
                    show(s, description, steps);
                }
            }
        });
    }

    /** Loads and searches are not steps of the history. */
    private static boolean isLoad(String description) {
        return description.equals("Index") || description.equals("Search") || description.startsWith("Load ");
    }

    /** The steps a note is shown for: moves, deletes and batches (not renames, links or undos). */
    static boolean offersUndo(String description) {
        return description.startsWith("Move ") || description.startsWith("Delete ") || description.startsWith("Organise");
    }

    /** "Move 3 items to Marketing" → "Moved 3 items to Marketing". */
    static String pastTense(String description) {
        if (description.startsWith("Move ")) {
            return "Moved " + description.substring(5);
        }
        if (description.startsWith("Delete ")) {
            return "Deleted " + description.substring(7);
        }
        return description;
    }

    private void show(TreeSession s, String description, long step) {
        shownSession = s;
        shownDescription = description;
        shownStep = step;
        text.setText(pastTense(description));
        undoButton.setAccessibleText("Undo “" + description + "”");
        note.setVisible(true);
        hide.playFromStart();
    }

    private void undo(TreeSession s, String description, long step) {
        if (s == null || s != vm.session() || step != steps || !description.equals(s.undoDescription())) {
            vm.statusMessage("“" + description + "” is no longer the last change: undo it with Ctrl+Z after the later ones.");
            return;
        }
        vm.tree().edits().undo();
    }
}
