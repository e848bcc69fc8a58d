package dev.burrow.ui;

import dev.burrow.tree.TreeSession;
import java.util.Set;
import javafx.geometry.Pos;
import javafx.scene.Node;
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
        javafx.application.Platform.runLater(this::passKeysOn);
    }

    /**
     * The note's popup may take the keyboard (popups do, so that menus work): a key typed while it
     * shows closes it and goes on to the window, so Ctrl+Z, Delete and the rest keep working.
     */
    private void passKeysOn() {
        javafx.scene.Scene main = owner.getScene();
        if (main == null) {
            return;
        }
        for (javafx.stage.Window w : javafx.stage.Window.getWindows()) {
            if (w instanceof javafx.stage.PopupWindow p && p.isShowing() && p.getScene() != null
                    && p.getScene().getRoot().lookup(".notification-bar") != null
                    && !p.getProperties().containsKey(UndoToast.class)) {
                p.getProperties().put(UndoToast.class, Boolean.TRUE);
                p.getScene().addEventFilter(javafx.scene.input.KeyEvent.ANY, e -> {
                    if (forwarding) {
                        return; // the window hands its keys to its popups first: this is ours coming back
                    }
                    e.consume();
                    p.hide(); // typing moves on: the note goes, and the window has the keyboard again
                    // the key acts once the window has the keyboard back (a rename field keeps its focus)
                    javafx.application.Platform.runLater(() -> passOn(main, e));
                });
            }
        }
    }

    private void passOn(javafx.scene.Scene main, javafx.scene.input.KeyEvent e) {
        if (e.getEventType() == javafx.scene.input.KeyEvent.KEY_PRESSED) {
            for (var acc : main.getAccelerators().entrySet()) {
                if (acc.getKey().match(e)) {
                    acc.getValue().run(); // the window's shortcuts are not part of the event's route
                    return;
                }
            }
        }
        Node target = main.getFocusOwner() != null ? main.getFocusOwner() : main.getRoot();
        forwarding = true;
        try {
            javafx.event.Event.fireEvent(target, e.copyFor(target, target));
        } finally {
            forwarding = false;
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
