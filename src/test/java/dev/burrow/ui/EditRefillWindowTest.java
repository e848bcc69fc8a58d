package dev.burrow.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.burrow.api.EntryPath;
import dev.burrow.api.FileSystemEntry;
import dev.burrow.tree.TreeNode;
import java.util.ArrayList;
import java.util.List;
import javafx.collections.ListChangeListener;
import javafx.scene.control.TreeItem;
import org.junit.jupiter.api.Test;

/**
 * A move refills only the folders it touched, by patching their lines: the folder left loses one
 * line, the folder entered gains one, another open folder hears nothing, and every line that
 * stays keeps its tree item (a move used to replace every line of every open folder).
 */
class EditRefillWindowTest extends WindowTestBase {

    FileSystemEntry moving;

    @Override
    void seed() {
        folder("Big");
        folder("Target");
        folder("Other");
        for (int i = 0; i < 60; i++) {
            FileSystemEntry e = create("Big/Report " + (100 + i), "insight");
            if (i == 30) {
                moving = e;
            }
        }
        create("Target/Plan", "insight");
        for (int i = 0; i < 5; i++) {
            create("Other/Note " + i, "notebook");
        }
    }

    private TreeItem<Row> itemOf(String path) {
        for (TreeItem<Row> c : tree().getRoot().getChildren()) {
            if (c.getValue().treeNode() != null && EntryPath.normalize(c.getValue().treeNode().path()).equals(path)) {
                return c;
            }
        }
        throw new IllegalStateException("no line for " + path);
    }

    private List<String> record(TreeItem<Row> folder) {
        List<String> out = new ArrayList<>();
        folder.getChildren().addListener((ListChangeListener<TreeItem<Row>>) c -> {
            while (c.next()) {
                out.add("-" + c.getRemovedSize() + "+" + c.getAddedSize());
            }
        });
        return out;
    }

    @Test
    void aMoveTouchesOnlyItsTwoFoldersAndKeepsEveryOtherLine() {
        expandAll("Big");
        expandAll("Target");
        expandAll("Other");
        idle();
        List<TreeItem<Row>> bigBefore = onFx(() -> List.copyOf(itemOf("Big").getChildren()));
        List<TreeItem<Row>> otherBefore = onFx(() -> List.copyOf(itemOf("Other").getChildren()));
        List<String> big = onFx(() -> record(itemOf("Big")));
        List<String> target = onFx(() -> record(itemOf("Target")));
        List<String> other = onFx(() -> record(itemOf("Other")));

        moveToTarget();

        assertEquals(List.of("-1+0"), onFx(() -> List.copyOf(big)), "Big lost one line, nothing else changed");
        assertEquals(List.of("-0+1"), onFx(() -> List.copyOf(target)), "Target gained one");
        assertEquals(List.of(), onFx(() -> List.copyOf(other)), "Other was not refilled");
        List<TreeItem<Row>> bigAfter = onFx(() -> List.copyOf(itemOf("Big").getChildren()));
        List<TreeItem<Row>> kept = new ArrayList<>(bigBefore);
        kept.remove(30);
        assertEquals(kept.size(), bigAfter.size());
        for (int i = 0; i < kept.size(); i++) {
            assertSame(kept.get(i), bigAfter.get(i), "line " + i + " of Big kept its item");
        }
        List<TreeItem<Row>> otherAfter = onFx(() -> List.copyOf(itemOf("Other").getChildren()));
        for (int i = 0; i < otherBefore.size(); i++) {
            assertSame(otherBefore.get(i), otherAfter.get(i));
        }
        assertEquals("Target/Report 130", onFx(() -> tree().getSelectionModel().getSelectedItem().getValue().treeNode()
                .path()), "the moved row is selected where it went");
    }

    /**
     * The refill after a move, and showing its selection, look at the lines the move changed: the
     * items of the lines before and after them are matched in place, and the moved row is looked
     * for in its new folder only (every line of every open folder had a key made for it, several
     * times per move, to fill and to find the selection and the first row in view).
     */
    @Test
    void aMoveMakesKeysOnlyForTheLinesItChanged() {
        expandAll("Big");
        expandAll("Target");
        expandAll("Other");
        select("Big/Report 110");
        idle();
        int before = onFx(() -> window.tree().keysMade());
        moveToTarget();
        assertEquals("Target/Report 130", onFx(() -> tree().getSelectionModel().getSelectedItem().getValue().treeNode()
                .path()), "the moved row is selected where it went");
        int made = onFx(() -> window.tree().keysMade()) - before;
        assertTrue(made <= 4, "keys made for " + made + " lines (Big has 60, the tree 70)");
    }

    /**
     * Finding the items of the selection and of the first row in view, after a move and its undo,
     * looks at a few lines of the folder by binary search over its sorted lines (each find walked
     * every line of the folder: a 10,000-line folder's worth of work for each).
     */
    @Test
    void aMoveAndItsUndoFindTheirLinesByBinarySearch() {
        expandAll("Big");
        expandAll("Target");
        expandAll("Other");
        select("Big/Report 150");
        idle();
        int before = onFx(() -> window.tree().linesLookedAt());
        moveToTarget();
        onFx(() -> {
            vm.tree().edits().undo();
            return null;
        });
        waitUntil("back on the server", () -> serverRow(moving.id()).path().equals("Big/Report 130"));
        idle();
        waitFx("the row that came back is selected in Big", () -> {
            TreeItem<Row> s = tree().getSelectionModel().getSelectedItem();
            return s != null && s.getParent() == itemOf("Big") && s.getValue().treeNode().path().equals("Big/Report 130");
        });
        int looked = onFx(() -> window.tree().linesLookedAt()) - before;
        assertTrue(looked > 0 && looked <= 40, "lines looked at: " + looked + " (Big has 60, a walk looks at all)");
    }

    /** Moves "Big/Report 130" into Target the way the window does, and waits for it to settle. */
    private void moveToTarget() {
        onFx(() -> {
            TreeNode node = vm.session().index().node(dev.burrow.tree.NodeKey.of(moving));
            vm.tree().edits().move(vm.tree().edits().planMove(List.of(node), "Target"));
            return null;
        });
        waitUntil("moved on the server", () -> serverRow(moving.id()).path().equals("Target/Report 130"));
        idle();
    }
}
