package dev.burrow.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import javafx.collections.ListChangeListener;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeView;
import org.junit.jupiter.api.Test;

/**
 * Refilling a folder patches its children: the items it keeps stay the same objects, the change
 * the tree hears is the few items that went or came (not all 10,000), and the selection stays.
 */
class ChildrenPatchTest extends StringTreeTestBase {

    /** How many items each change of the list removed and added, in order. */
    private static List<String> recordChanges(TreeItem<String> item) {
        List<String> out = new ArrayList<>();
        item.getChildren().addListener((ListChangeListener<TreeItem<String>>) c -> {
            while (c.next()) {
                out.add("-" + c.getRemovedSize() + "+" + c.getAddedSize());
            }
        });
        return out;
    }

    @Test
    void aMoveOutOfALargeFolderRemovesOneItemAndKeepsTheSelection() throws Exception {
        fx(() -> {
            TreeView<String> view = tree(10_000);
            TreeItem<String> root = view.getRoot();
            List<TreeItem<String>> before = new ArrayList<>(root.getChildren());
            TreeItem<String> selected = before.get(7_000);
            view.getSelectionModel().select(selected);
            view.getFocusModel().focus(view.getRow(selected));
            List<String> changes = recordChanges(root);

            List<TreeItem<String>> next = new ArrayList<>(before);
            next.remove(4_321);
            FocusParking.setChildren(view, root, next);

            assertEquals(List.of("-1+0"), changes, "one item went, the others were not replaced");
            assertEquals(next, root.getChildren());
            for (int i = 0; i < next.size(); i++) {
                assertSame(next.get(i), root.getChildren().get(i));
            }
            assertSame(selected, view.getSelectionModel().getSelectedItem(), "the selection stays on its item");
            assertEquals(List.of(selected), List.copyOf(view.getSelectionModel().getSelectedItems()));
            assertSame(selected, view.getFocusModel().getFocusedItem());

            // and back (the undo): one item comes, at its place
            changes.clear();
            FocusParking.setChildren(view, root, before);
            assertEquals(List.of("-0+1"), changes);
            assertEquals(before, root.getChildren());
            assertSame(selected, view.getSelectionModel().getSelectedItem());
            return null;
        });
    }

    @Test
    void aFewRunsArePatchedInPlace() throws Exception {
        fx(() -> {
            TreeView<String> view = tree(50);
            TreeItem<String> root = view.getRoot();
            List<TreeItem<String>> next = new ArrayList<>(root.getChildren());
            next.subList(10, 13).clear();
            next.add(0, new TreeItem<>("first"));
            next.add(30, new TreeItem<>("middle"));
            next.add(new TreeItem<>("last a"));
            next.add(new TreeItem<>("last b"));
            List<String> changes = recordChanges(root);
            assertTrue(ChildrenPatch.apply(root.getChildren(), next));
            assertEquals(4, changes.size(), "one change per run: " + changes);
            assertEquals(next, root.getChildren());
            return null;
        });
    }

    @Test
    void itemsThatChangedPlaceOrTooManyRunsAreLeftToSetAll() throws Exception {
        fx(() -> {
            TreeView<String> view = tree(50);
            TreeItem<String> root = view.getRoot();
            List<TreeItem<String>> before = List.copyOf(root.getChildren());
            List<TreeItem<String>> swapped = new ArrayList<>(before);
            Collections.swap(swapped, 3, 40);
            assertFalse(ChildrenPatch.apply(root.getChildren(), swapped), "a renamed item moved: not a patch");
            assertEquals(before, root.getChildren(), "and nothing changed");

            List<TreeItem<String>> scattered = new ArrayList<>(before);
            for (int i = 45; i >= 0; i -= 5) {
                scattered.remove(i);
            }
            assertFalse(ChildrenPatch.apply(root.getChildren(), scattered));
            assertEquals(before, root.getChildren());

            FocusParking.setChildren(view, root, swapped); // the caller then sets them whole
            assertEquals(swapped, root.getChildren());
            return null;
        });
    }
}
