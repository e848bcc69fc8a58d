package dev.burrow.ui;

import dev.burrow.tree.TreeSession;
import java.util.Set;
import javafx.geometry.Pos;
import javafx.event.Event;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.input.KeyEvent;
import javafx.util.Duration;
import org.controlsfx.control.Notifications;
import org.controlsfx.control.action.Action;

/**
 * Undo at hand: after a move, a delete or a batch, a ControlsFX notification ("Moved 3 items to
 * Marketing — Undo") in the window's bottom right corner, away from the tree. Its Undo undoes
 * that step only while it is still the latest one; the note goes after a few seconds.
 */
final class UndoToast {

    /** How long a note stays. */
    static final Duration SHOWN_FOR = Duration.seconds(6);

    private final MainViewModel vm;
    private final Node owner;
    /** Counts the steps that finished: a note's Undo works only while no step came after it. */
    private long steps;
    /** A key is being handed from the note to the window. */
    private boolean forwarding;

    UndoToast(MainViewModel vm, Node owner) {
        this.vm = vm;
        this.owner = owner;
        vm.sessionProperty().addListener((o, old, s) -> follow(s));
        follow(vm.session());
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
        if (owner.getScene() == null || owner.getScene().getWindow() == null || !owner.getScene().getWindow().isShowing()) {
            return;
        }
        javafx.stage.Window window = owner.getScene().getWindow();
        Action undo = new Action("Undo", e -> undo(s, description, step));
        undo.setLongText("Undo “" + description + "”");
        Notifications.create()
                .text(pastTense(description))
                .owner(owner.getScene().getWindow())
                .position(Pos.BOTTOM_RIGHT)
                .hideAfter(SHOWN_FOR)
                .hideCloseButton()
                .action(undo)
                .styleClass("undo-toast")
                .show();
        // The note is a popup of its own: keys stay with the window (the next Ctrl+Z, Delete…).
        // The note is a popup window of its own: where it takes the keyboard, keys still go to the
        // window (the next Ctrl+Z, Delete, arrows act on the tree, as before the note showed).
        for (javafx.stage.Window w : javafx.stage.Window.getWindows()) {
            if (w instanceof javafx.stage.PopupWindow p && p.getOwnerWindow() == window && p.getScene() != null
                    && p.getProperties().putIfAbsent(UndoToast.class, Boolean.TRUE) == null) {
                p.getScene().addEventFilter(KeyEvent.ANY, e -> {
                    Scene main = owner.getScene();
                    if (main != null && !forwarding) {
                        e.consume();
                        if (e.getEventType() == KeyEvent.KEY_PRESSED) {
                            for (var accelerator : main.getAccelerators().entrySet()) {
                                if (accelerator.getKey().match(e)) {
                                    accelerator.getValue().run();
                                    return;
                                }
                            }
                        }
                        Node target = main.getFocusOwner() != null ? main.getFocusOwner() : main.getRoot();
                        forwarding = true; // the window hands its keys to its popups first: let this one through
                        try {
                            Event.fireEvent(target, e.copyFor(target, target));
                        } finally {
                            forwarding = false;
                        }
                    }
                });
            }
        }
    }

    private void undo(TreeSession s, String description, long step) {
        if (s != vm.session() || step != steps || !description.equals(s.undoDescription())) {
            vm.statusMessage("“" + description + "” is no longer the last change: undo it with Ctrl+Z after the later ones.");
            return;
        }
        vm.tree().edits().undo();
    }
}
