package dev.burrow.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.burrow.tree.MoveOperation;
import dev.burrow.tree.TreeNode;
import org.junit.jupiter.api.Test;

/**
 * A scroll asked for just before a refill, in the same pulse (a scroll to a folder's end and its
 * "Load more" pressed at once, a key or the scroll bar just before a page or a change arrives),
 * stands: the refill does not keep the row the cells showed before the scroll ({@link ScrollAnchor}).
 * Before, it laid the view out at the new place, scrolled it back to the old first row and laid
 * it out again (each page of the 1M seed's 10,000-row folder, in the bench's paging step). Rows
 * coming above the first row in view keep it first without a layout in the middle of the refill.
 */
class ScrollBeforeRefillWindowTest extends WindowTestBase {

    @Override
    void seed() {
        for (int i = 10; i < 60; i++) {
            folder("Area " + i);
        }
        folder("Area 59/Aa");
    }

    @Test
    void aScrollAskedForJustBeforeARefillStandsAndForcesNoLayout() {
        assertEquals("Area 10", firstVisible(), "the view starts at its top");
        int forced = onFx(() -> window.tree().forcedLayouts());
        TreeNode renamed = item("Area 12").orElseThrow().getValue().treeNode();
        onFx(() -> {
            tree().scrollTo(tree().getRow(item("Area 30").orElseThrow()));
            rename(renamed, "Area 12b"); // its refill comes before the scroll is laid out
            return null;
        });
        waitFx("the renamed row shows", () -> item("Area 12b").isPresent());
        idle();
        assertEquals("Area 30", firstVisible(), "the scroll stands");
        assertEquals(forced, (int) onFx(() -> window.tree().forcedLayouts()), "no layout forced in the refill");
    }

    /** Scrolls the view so that Area 30 is its first row. */
    private void scrollArea30ToTheTop() {
        onFx(() -> {
            tree().scrollTo(tree().getRow(item("Area 30").orElseThrow()));
            return null;
        });
        idle();
        waitUntil("Area 30 is the first row", () -> "Area 30".equals(firstVisible()));
    }

    /** Renames a row as a change made elsewhere would: no row is selected or revealed for it. */
    private void rename(TreeNode node, String name) {
        vm.tree().edits().execute(MoveOperation.rename(node, name, vm.session().journals()), failure -> { });
    }

    /**
     * A row that comes above the first row in view (a page of a long folder merged into its
     * order, here a rename from below it) leaves that row first, with no layout forced in the
     * middle of the refill: the row's new index says where to scroll, and the pulse lays it out.
     */
    @Test
    void aRowComingAboveTheViewKeepsItsFirstRowWithoutForcingALayout() {
        scrollArea30ToTheTop();
        int forced = onFx(() -> window.tree().forcedLayouts());
        TreeNode renamed = item("Area 55").orElseThrow().getValue().treeNode();
        onFx(() -> {
            rename(renamed, "Area 05");
            return null;
        });
        waitFx("the renamed row shows", () -> item("Area 05").isPresent());
        idle();
        assertEquals("Area 30", firstVisible(), "the first row in view stays");
        assertEquals(forced, (int) onFx(() -> window.tree().forcedLayouts()), "no layout forced in the refill");
    }

    /**
     * The rows on screen stay in their cells when a row comes above the view: each cell moves to
     * its row's new index instead of taking the row at the index it had (every cell on screen
     * restyled and laid out anew, for each page merged above a long folder's view).
     */
    @Test
    void aRowComingAboveTheViewChangesNoCellOnScreen() {
        scrollArea30ToTheTop();
        int[] changed = {0};
        onFx(() -> {
            tree().lookupAll(".entry-cell").forEach(n -> ((javafx.scene.control.IndexedCell<?>) n).itemProperty()
                    .addListener((o, was, is) -> changed[0]++));
            return null;
        });
        onFx(() -> { // a row more above the view, as a page merged into a long folder's order adds
            TreeNode inner = vm.session().index().children("Area 59").get(0);
            vm.tree().edits().execute(vm.tree().edits().planMove(java.util.List.of(inner), "").operation(),
                    failure -> { });
            return null;
        });
        waitFx("the moved row shows", () -> item("Aa").isPresent());
        idle();
        assertEquals("Area 30", firstVisible(), "the first row in view stays");
        assertEquals(0, (int) onFx(() -> changed[0]), "cells whose row changed");
    }
}
