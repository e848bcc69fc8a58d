package dev.burrow.ui;

import java.util.List;
import javafx.scene.control.FocusModel;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeView;

/**
 * Replaces a folder item's children without the tree's focus model walking the tree once per
 * added child. While a row has the focus, JavaFX's TreeView asks for the row of every child a
 * change adds, each a walk from the top: putting 10,000 children back (a move in a large open
 * folder, its next page) cost 10,000 walks over 10,000 rows and held the window for seconds.
 * With the focus parked the change costs one walk, and the focus goes back to the same item.
 */
final class FocusParking {

    /** Lists at least this long are put in place with the focus parked (below, the walks are cheap). */
    static final int THRESHOLD = 500;

    private FocusParking() {
    }

    /**
     * Makes {@code item}'s children {@code next}: patched in place when only a few runs of items
     * differ ({@link ChildrenPatch}: the others, their cells and the selection stay), else
     * {@code setAll}; with the focus parked while the list is large.
     */
    static <T> void setChildren(TreeView<T> view, TreeItem<T> item, List<TreeItem<T>> next) {
        change(view, Math.max(next.size(), item.getChildren().size()), () -> replace(item, next));
    }

    /** Runs a change of {@code size} children, with the focus parked while it is large. */
    static <T> void change(TreeView<T> view, int size, Runnable change) {
        FocusModel<TreeItem<T>> focus = view.getFocusModel();
        TreeItem<T> focused = focus == null ? null : focus.getFocusedItem();
        if (focused == null || size < THRESHOLD) {
            change.run();
            return;
        }
        focus.focus(-1);
        change.run();
        int row = view.getRow(focused); // -1 when the focused item went with the old children
        if (row >= 0) {
            focus.focus(row);
        }
    }

    private static <T> void replace(TreeItem<T> item, List<TreeItem<T>> next) {
        if (item.getChildren().isEmpty() || !ChildrenPatch.apply(item.getChildren(), next)) {
            item.getChildren().setAll(next);
        }
    }
}
