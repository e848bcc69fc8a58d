package dev.burrow.ui;

import dev.burrow.tree.TreeSession;
import java.util.Set;
import javafx.animation.PauseTransition;
import javafx.scene.Node;
import javafx.util.Duration;
import org.controlsfx.control.NotificationPane;
import org.controlsfx.control.action.Action;

/**
 * Undo at hand: after a move, a delete or a batch, a bar at the foot of the window ("Moved 3 items
 * to Marketing — Undo"), over the panes. Its Undo undoes that step only while it is still the
 * latest one; the bar goes after a few seconds.
 *
 * <p>It is ControlsFX's {@link NotificationPane} around the window's panes, made and styled with
 * the window and only shown or hidden, not a ControlsFX {@code Notifications} popup: each of those
 * is a window with a scene of its own, whose styles are worked out from nothing every time (JavaFX
 * keeps its style cache per scene), and showing one held the FX thread 100–250 ms right after the
 * move it followed. Being part of the window, it also leaves the keyboard with the window.
 */
final class UndoToast {

    /** How long a note stays. */
    static final Duration SHOWN_FOR = Duration.seconds(6);

    private final MainViewModel vm;
    private final NotificationPane pane;
    private final PauseTransition hide = new PauseTransition(SHOWN_FOR);
    /** Counts the steps that finished: a note's Undo works only while no step came after it. */
    private long steps;
    /** What the note shown offers to undo. */
    private TreeSession shownSession;
    private String shownDescription;
    private long shownStep;
    /** Where the keys were before the note's Undo took them: they go back there after it. */
    private Node workFocus;

    /** The note over {@code content} (the window's panes). */
    UndoToast(MainViewModel vm, Node content) {
        this.vm = vm;
        pane = new NotificationPane(content);
        pane.getStyleClass().add("undo-toast");
        pane.setShowFromTop(false);
        pane.setCloseButtonVisible(true);
        Action undo = new Action("Undo", e -> {
            dismiss();
            undo(shownSession, shownDescription, shownStep);
        });
        pane.getActions().setAll(undo);
        hide.setOnFinished(e -> pane.hide());
        pane.sceneProperty().addListener((o, old, scene) -> {
            if (scene != null) {
                scene.focusOwnerProperty().addListener((f, was, now) -> {
                    if (was != null && onTheNote(was) && !pane.isShowing() && workFocus != null
                            && workFocus.getScene() == scene && now != workFocus) {
                        // the note's Undo or close button had the keys and hid with the note: the
                        // next key acts where the person was, not on the button's neighbour
                        javafx.application.Platform.runLater(workFocus::requestFocus);
                    } else if (now != null && !onTheNote(now)) {
                        workFocus = now;
                    }
                });
            }
        });
        vm.sessionProperty().addListener((o, old, s) -> follow(s));
        follow(vm.session());
    }

    /** Whether {@code n} is part of the note's bar (its Undo or close button). */
    private boolean onTheNote(Node n) {
        for (Node p = n; p != null && p != pane; p = p.getParent()) {
            if (p.getStyleClass().contains("notification-bar")) {
                return true;
            }
        }
        return false;
    }

    /** The window's panes with the note over them; the note hides until a step offers undo. */
    NotificationPane node() {
        return pane;
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
                } else if (pane.isShowing()) {
                    dismiss(); // a later step (Ctrl+Z of the note's own, a rename): its Undo no longer applies
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
        pane.setText(pastTense(description));
        pane.show();
        hide.playFromStart();
    }

    /** Hides the note now, and its timer with it. */
    private void dismiss() {
        hide.stop();
        pane.hide();
    }

    private void undo(TreeSession s, String description, long step) {
        if (s == null || s != vm.session() || step != steps || !description.equals(s.undoDescription())) {
            vm.statusMessage("“" + description + "” is no longer the last change: undo it with Ctrl+Z after the later ones.");
            return;
        }
        vm.tree().edits().undo();
    }
}
