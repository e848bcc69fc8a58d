package dev.burrow.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeView;
import org.junit.jupiter.api.Test;

/** Putting a large folder's children back keeps the focus on the same item, wherever it lands. */
class FocusParkingTest extends StringTreeTestBase {

    @Test
    void aLargeRefillKeepsTheFocusOnTheSameItemAtItsNewRow() throws Exception {
        fx(() -> {
            TreeView<String> view = tree(3_000);
            TreeItem<String> root = view.getRoot();
            TreeItem<String> focused = root.getChildren().get(2_500);
            view.getFocusModel().focus(view.getRow(focused));
            List<TreeItem<String>> next = new ArrayList<>(root.getChildren());
            Collections.reverse(next);
            FocusParking.setChildren(view, root, next);
            assertSame(focused, view.getFocusModel().getFocusedItem());
            assertEquals(1 + 499, view.getFocusModel().getFocusedIndex()); // the root's row, then 499 before it
            assertSame(next.get(0), root.getChildren().get(0));
            return null;
        });
    }

    @Test
    void theFocusedItemLeavingTakesTheFocusAlong() throws Exception {
        fx(() -> {
            TreeView<String> view = tree(3_000);
            TreeItem<String> root = view.getRoot();
            TreeItem<String> focused = root.getChildren().get(10);
            view.getFocusModel().focus(view.getRow(focused));
            List<TreeItem<String>> next = new ArrayList<>(root.getChildren());
            next.remove(focused);
            FocusParking.setChildren(view, root, next);
            assertNotEquals(focused, view.getFocusModel().getFocusedItem());
            assertEquals(2_999, root.getChildren().size());
            return null;
        });
    }

    @Test
    void aSmallRefillIsAPlainSetAll() throws Exception {
        fx(() -> {
            TreeView<String> view = tree(20);
            TreeItem<String> root = view.getRoot();
            TreeItem<String> focused = root.getChildren().get(5);
            view.getFocusModel().focus(view.getRow(focused));
            List<TreeItem<String>> next = new ArrayList<>(root.getChildren());
            next.add(0, new TreeItem<>("new"));
            FocusParking.setChildren(view, root, next);
            assertEquals(21, root.getChildren().size());
            assertSame(focused, view.getFocusModel().getFocusedItem()); // JavaFX's own shift keeps it
            return null;
        });
    }
}
