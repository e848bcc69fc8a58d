package dev.burrow.ui;

import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.stage.Window;

/**
 * The questions and notices of the tree's edits, shown for a window: what to do when a folder
 * lands on a sibling's name, what an undo could not restore; and Ctrl+D, the star of the
 * selection.
 */
final class EditPrompts {

    private EditPrompts() {
    }

    static void install(Node window, TreeViewModel tree) {
        TreeEdits edits = tree.edits();
        edits.setClashAsker(name -> Dialogs.askClash(owner(window), name));
        edits.lossNoticeProperty().addListener((o, old, text) -> {
            if (text != null) {
                // after the undo's own event has finished: a dialog must not nest in a layout pass
                Platform.runLater(() -> Dialogs.notice(owner(window), "Undo could not restore everything", text));
            }
        });
        window.sceneProperty().addListener((o, old, scene) -> {
            if (scene != null) {
                scene.getAccelerators().put(new KeyCodeCombination(KeyCode.D, KeyCombination.SHORTCUT_DOWN),
                        () -> edits.toggleStar(tree.selectedNodes()));
            }
        });
    }

    private static Window owner(Node window) {
        return window.getScene() == null ? null : window.getScene().getWindow();
    }
}
