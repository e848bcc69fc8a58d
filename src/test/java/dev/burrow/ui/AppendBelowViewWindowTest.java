package dev.burrow.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.burrow.api.EntryPath;
import javafx.scene.control.IndexedCell;
import org.junit.jupiter.api.Test;

/**
 * Rows that come below the first row in view (a page of a long folder, a folder opened further
 * down) leave that row first and force no layout in the middle of the refill ({@link ScrollAnchor}):
 * each page of the 1M seed's 10,000-row folder laid the view out twice before.
 */
class AppendBelowViewWindowTest extends WindowTestBase {

    private static final int CHILDREN = 40;

    @Override
    void seed() {
        for (int i = 10; i < 60; i++) {
            folder("Area " + i);
        }
        for (int i = 0; i < CHILDREN; i++) {
            create("Area 40/Board " + i, "dashboard");
            create("Area 59/Chart " + i, "insight");
        }
    }

    @Test
    void aFolderOpenedBelowTheFirstRowInViewForcesNoLayout() {
        scrollTo("Area 30");
        int forced = onFx(() -> window.tree().forcedLayouts());
        openAndWait("Area 40", "Area 40/Board " + (CHILDREN - 1));
        assertEquals("Area 30", firstVisible(), "the first row in view stays");
        assertEquals(forced, (int) onFx(() -> window.tree().forcedLayouts()), "no layout forced in the refill");
        assertTrue(onFx(() -> tree().lookupAll(".entry-cell").stream().anyMatch(n -> n instanceof IndexedCell<?> c
                && c.getItem() instanceof Row r && r.treeNode() != null
                && EntryPath.normalize(r.treeNode().path()).equals("Area 40/Board 0"))), "the new rows show after the pulse");
    }

    @Test
    void rowsAddedAtTheEndWithTheViewAtItsEndLeaveItsFirstRow() {
        scrollTo("Area 59");
        String first = firstVisible();
        assertNotEquals("Area 10", first, "the view is scrolled down");
        int forced = onFx(() -> window.tree().forcedLayouts());
        openAndWait("Area 59", "Area 59/Chart " + (CHILDREN - 1));
        assertEquals(first, firstVisible(), "the first row in view stays as rows come after the last one");
        assertEquals(forced, (int) onFx(() -> window.tree().forcedLayouts()), "no layout forced in the refill");
    }

    private void scrollTo(String path) {
        onFx(() -> {
            tree().scrollTo(tree().getRow(item(path).orElseThrow()));
            return null;
        });
        idle();
        if (!path.equals("Area 59")) {
            waitUntil(path + " is the first row", () -> path.equals(firstVisible()));
        }
    }

    private void openAndWait(String folder, String last) {
        onFx(() -> {
            vm.tree().expandTo(folder);
            return null;
        });
        waitFx("its children show", () -> item(last).isPresent());
        idle();
    }
}
