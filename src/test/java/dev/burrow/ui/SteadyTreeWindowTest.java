package dev.burrow.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.burrow.api.EntryPath;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.IndexedCell;
import javafx.scene.control.TreeCell;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeView;
import javafx.scene.control.skin.VirtualFlow;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;

/**
 * Opening a folder leaves the rows on screen alone: the cells above it are not emptied and
 * refilled ({@link SteadyTreeSkin}), no layout is forced in the middle of the refill when the
 * tree is at its top ({@link ScrollAnchor}), and the view keeps its first row.
 */
class SteadyTreeWindowTest extends WindowTestBase {

    @Override
    void seed() {
        for (int i = 10; i < 16; i++) {
            folder("Area " + i);
        }
        for (int i = 0; i < 4; i++) {
            create("Area 12/Board " + i, "dashboard");
            create("Area 30/Chart " + i, "insight");
        }
    }

    @Test
    void openingAFolderLeavesTheCellsAboveItAlone() {
        cell("Area 12");
        idle();
        TreeItem<Row> folder = item("Area 12").orElseThrow();
        int folderRow = onFx(() -> tree().getRow(folder));
        AtomicInteger touched = new AtomicInteger();
        List<String> watched = onFx(() -> {
            List<String> names = new ArrayList<>();
            for (Node n : tree().lookupAll(".entry-cell")) {
                if (n instanceof TreeCell<?> c && !c.isEmpty() && c.getIndex() <= folderRow) {
                    names.add(c.getItem().toString());
                    c.indexProperty().addListener((o, a, b) -> touched.incrementAndGet());
                    c.itemProperty().addListener((o, a, b) -> touched.incrementAndGet());
                }
            }
            return names;
        });
        assertEquals(folderRow + 1, watched.size(), "the rows down to the folder show");
        java.util.Map<TreeCell<?>, List<Node>> emptyCells = onFx(() -> {
            java.util.Map<TreeCell<?>, List<Node>> out = new java.util.HashMap<>();
            for (Node n : tree().lookupAll(".entry-cell")) {
                if (n instanceof TreeCell<?> c && c.isEmpty() && c.getGraphic() != null) {
                    out.put(c, List.copyOf(((javafx.scene.Parent) c.getGraphic()).lookupAll("*")));
                }
            }
            return out;
        });
        assertFalse(emptyCells.isEmpty(), "empty cells fill the rest of the view");
        expand("Area 12");
        waitFx("its children show", () -> item("Area 12/Board 3").isPresent());
        idle();
        assertEquals(0, touched.get(), "no cell above the folder (nor its own) was emptied or refilled");
        int filled = onFx(() -> {
            int n = 0;
            for (var e : emptyCells.entrySet()) {
                if (!e.getKey().isEmpty() && e.getKey().getItem() instanceof Row.Node) {
                    n++;
                    assertEquals(e.getValue().size(), ((javafx.scene.Parent) e.getKey().getGraphic()).lookupAll("*").size(),
                            "an empty cell that fills shows its row with the nodes it had: nothing new to style");
                }
            }
            return n;
        });
        assertTrue(filled > 0, "empty cells filled with the folder's rows");
        assertEquals(List.of("Area 10", "Area 11", "Area 12", "Area 12/Board 0", "Area 12/Board 1",
                "Area 12/Board 2", "Area 12/Board 3", "Area 13"), shownPaths().subList(0, 8));
        assertCellsShowTheirRows();
    }

    @Test
    void theCellsAreWarmedUpUnseenOnceTheWindowShowsAndTheScratchTreeGoes() {
        TreeWarmUp warmUp = onFx(() -> window.tree().warmUp());
        waitFx("the warm-up is over", () -> !warmUp.showing() && warmUp.steps() > 0);
        assertEquals(TreeWarmUp.STEPS, (int) onFx(warmUp::steps), "a folder of rows opened and closed, one step a pulse");
        // the large-folder path ran, as the first large folder opened runs it: lines as a view, the rest added
        assertTrue(TreeWarmUp.ROWS >= Row.VIEW_FROM, "the scratch folder is a large one");
        assertEquals((long) TreeWarmUp.STEPS / 3 * TreeWarmUp.ROWS, (long) onFx(warmUp::linesShown),
                "each open showed all the scratch folder's lines, its first ones and the rest added below them");
        assertFalse(onFx(warmUp::holdsRows), "the scratch tree and its rows are let go once done");
        assertEquals(List.of(), onFx(() -> List.copyOf(tree().getScene().getRoot().lookupAll(".warm-up-tree"))),
                "nothing of it is left in the window");
        assertSame(tree(), onFx(() -> tree().getParent().getChildrenUnmodifiable().get(0)));
        assertTrue(shownPaths().contains("Area 12"), "the real tree shows its rows");
    }

    @Test
    void emptyCellsFillingWithItemRowsGetNoNewInlineStyle() {
        cell("Area 30");
        idle();
        List<String> restyled = new ArrayList<>();
        int watched = onFx(() -> {
            int n = 0;
            for (Node c : tree().lookupAll(".entry-cell")) {
                if (c instanceof TreeCell<?> cell && cell.isEmpty() && cell.getGraphic() instanceof javafx.scene.Parent g) {
                    for (Node node : g.lookupAll("*")) {
                        // a new inline style restyles a node from scratch (an icon's font and size live there)
                        node.styleProperty().addListener((o, a, b) -> restyled.add(node.getStyleClass() + ": " + a + " -> " + b));
                        n++;
                    }
                }
            }
            return n;
        });
        assertTrue(watched > 0, "empty cells below the rows");
        expand("Area 30");
        waitFx("its children show", () -> item("Area 30/Chart 3").isPresent());
        idle();
        assertTrue(shownPaths().contains("Area 30/Chart 3"));
        assertEquals(List.of(), restyled, "the empty cells became chart rows (another icon) without a new inline style");
        assertCellsShowTheirRows();
    }

    @Test
    void openingAFolderLaysTheCellsOutOnceInItsPulse() {
        cell("Area 12");
        idle();
        SteadyTreeSkin.Flow<?> flow = onFx(() -> (SteadyTreeSkin.Flow<?>) tree().lookup(".virtual-flow"));
        List<Integer> perPulse = java.util.Collections.synchronizedList(new ArrayList<>());
        int[] seen = new int[1];
        Runnable count = () -> {
            perPulse.add(flow.layouts() - seen[0]);
            seen[0] = flow.layouts();
        };
        onFx(() -> {
            seen[0] = flow.layouts();
            tree().getScene().addPostLayoutPulseListener(count);
            return null;
        });
        expand("Area 12");
        waitFx("its children show", () -> item("Area 12/Board 3").isPresent());
        idle();
        onFx(() -> {
            tree().getScene().removePostLayoutPulseListener(count);
            return null;
        });
        List<Integer> pulses = List.copyOf(perPulse);
        assertTrue(pulses.stream().anyMatch(n -> n > 0), "the cells were laid out for the new rows: " + pulses);
        assertEquals(List.of(), pulses.stream().filter(n -> n > 1).toList(),
                "no pulse laid the cells out twice (the new row count laid them out at once, then the pass again)");
        assertCellsShowTheirRows();
    }

    @Test
    void openingAFolderWithTheTreeAtItsTopForcesNoLayout() {
        cell("Area 12");
        idle();
        waitUntil("Area 10 is the first row", () -> "Area 10".equals(firstVisible()));
        boolean[] laidOutDuringRefill = new boolean[1];
        boolean[] refilled = new boolean[1];
        onFx(() -> {
            // runs after the pane's own listener: the refill is done, the pulse's layout is not
            vm.tree().rowsVersionProperty().addListener((o, a, b) -> {
                refilled[0] = true;
                for (Node n : tree().lookupAll(".entry-cell")) {
                    if (n instanceof TreeCell<?> c && !c.isEmpty() && c.getItem() instanceof Row r
                            && r.treeNode() != null && r.treeNode().path().startsWith("Area 12/")) {
                        laidOutDuringRefill[0] = true;
                    }
                }
            });
            vm.tree().expandTo("Area 12");
            return null;
        });
        waitFx("its children show", () -> item("Area 12/Board 3").isPresent());
        idle();
        assertTrue(refilled[0]);
        assertFalse(laidOutDuringRefill[0], "the refill forced no layout (the pulse lays the new rows out once)");
        assertEquals("Area 10", firstVisible(), "the first row in view stays");
        assertTrue(onFx(() -> tree().lookupAll(".entry-cell").stream().anyMatch(n -> n instanceof TreeCell<?> c
                && c.getItem() instanceof Row r && r.treeNode() != null
                && r.treeNode().path().equals("Area 12/Board 0"))), "the new rows show after the pulse");
        assertCellsShowTheirRows();
    }

    /** The skin alone: a row replaced by an equal one while the count changes is not left with the old item. */
    @Test
    void aCellNeverKeepsAReplacedItem() {
        TreeItem<String> b = new TreeItem<>("b");
        TreeItem<String> root = new TreeItem<>("root");
        TreeView<String>[] view = onFx(() -> {
            root.getChildren().setAll(List.of(new TreeItem<>("a"), b, new TreeItem<>("c")));
            root.setExpanded(true);
            @SuppressWarnings("unchecked")
            TreeView<String>[] out = new TreeView[] {new TreeView<String>(root) {
                @Override
                protected javafx.scene.control.Skin<?> createDefaultSkin() {
                    return new SteadyTreeSkin<>(this);
                }
            }};
            out[0].setShowRoot(false);
            Stage stage = new Stage();
            stage.setScene(new Scene(out[0], 300, 300));
            stage.show();
            return out;
        });
        TreeItem<String> b2 = new TreeItem<>("b");
        try {
            onFx(() -> {
                view[0].layout();
                root.getChildren().setAll(List.of(new TreeItem<>("a"), b2, new TreeItem<>("c"), new TreeItem<>("d")));
                return null;
            });
            idle();
            IndexedCell<?> second = onFx(() -> ((VirtualFlow<?>) view[0].lookup(".virtual-flow")).getVisibleCell(1));
            assertSame(b2, onFx(() -> ((TreeCell<?>) second).getTreeItem()), "the cell shows the new item, not the replaced one");
            assertTrue(onFx(() -> ((SteadyTreeSkin<?>) view[0].getSkin()).steadyUpdates()) > 0,
                    "the count changed without a rebuild of the cells");
        } finally {
            onFx(() -> {
                ((Stage) view[0].getScene().getWindow()).close();
                return null;
            });
        }
    }

    /** Every non-empty cell shows the item at its index. */
    private void assertCellsShowTheirRows() {
        List<String> wrong = onFx(() -> {
            List<String> out = new ArrayList<>();
            for (Node n : tree().lookupAll(".entry-cell")) {
                if (n instanceof TreeCell<?> c && !c.isEmpty() && c.isVisible()
                        && c.getTreeItem() != tree().getTreeItem(c.getIndex())) {
                    out.add(c.getIndex() + ": " + c.getItem());
                }
            }
            return out;
        });
        assertEquals(List.of(), wrong, "cells whose item is not the row at their index");
    }

    @Test
    void aCellMakesItsTooltipsOnlyWhenThePointerComes() {
        TreeCell<?> area = cell("Area 12");
        idle();
        List<Node> withTips = onFx(() -> tree().lookupAll(".entry-cell").stream()
                .filter(n -> ((TreeCell<?>) n).getTooltip() != null
                        || n.lookupAll(".button").stream().anyMatch(b -> ((javafx.scene.control.Button) b).getTooltip() != null))
                .toList());
        assertTrue(withTips.isEmpty(), "no cell holds a tooltip (a popup with a scene) before it is hovered: " + withTips.size());

        moveTo(area);
        waitFx("the hovered row has its tooltip", () -> area.getTooltip() != null);
        assertEquals("Folder\nArea 12", onFx(() -> area.getTooltip().getText()));
    }
}
