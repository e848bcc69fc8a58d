package dev.burrow.ui;

import javafx.beans.value.ChangeListener;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.TreeCell;
import javafx.scene.control.TreeView;

/**
 * Gives a tree a fixed row height, the height its first laid-out node row took. Without one the
 * tree measures rows as it lays them out to estimate how long the list is: opening a folder of
 * 10,000 items then styled and measured many rows that were never shown.
 */
final class FixedRowHeight {

    private FixedRowHeight() {
    }

    /** Watches {@code view}'s layout until a node row has been laid out, then fixes every row to its height. */
    static void follow(TreeView<Row> view) {
        Runnable[] measure = new Runnable[1];
        Scene[] on = new Scene[1];
        measure[0] = () -> {
            double h = rowHeight(view);
            if (h > 0 && on[0] != null) {
                view.setFixedCellSize(Math.ceil(h));
                Scene s = on[0];
                on[0] = null;
                // not while the scene walks its listeners
                javafx.application.Platform.runLater(() -> s.removePostLayoutPulseListener(measure[0]));
            }
        };
        ChangeListener<Scene> attach = (o, old, scene) -> {
            if (view.getFixedCellSize() > 0) {
                return;
            }
            if (old != null) {
                old.removePostLayoutPulseListener(measure[0]);
            }
            on[0] = scene;
            if (scene != null) {
                scene.addPostLayoutPulseListener(measure[0]);
            }
        };
        view.sceneProperty().addListener(attach);
        attach.changed(null, null, view.getScene());
    }

    /** The height of a laid-out cell that shows a node (not a placeholder), or 0 when none shows yet. */
    static double rowHeight(TreeView<Row> view) {
        for (Node n : view.lookupAll(".tree-cell")) {
            if (n instanceof TreeCell<?> cell && !cell.isEmpty() && cell.getItem() instanceof Row.Node
                    && cell.isVisible() && cell.getHeight() > 0 && cell.getSkin() != null) {
                return cell.getHeight();
            }
        }
        return 0;
    }
}
