package dev.burrow.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import javafx.scene.Node;
import javafx.scene.control.TreeCell;
import org.junit.jupiter.api.Test;

/** Rows keep one height (fixed once the first row is laid out), and a large folder opens whole and in order. */
class LargeFolderWindowTest extends WindowTestBase {

    private static final int CHILDREN = 120;

    @Override
    void seed() {
        folder("Big");
        for (int i = 0; i < CHILDREN; i++) {
            create("Big/Item " + String.format("%03d", CHILDREN - 1 - i), i % 2 == 0 ? "insight" : "dashboard");
        }
        folder("Small");
    }

    @Test
    void everyRowHasTheHeightTheFirstRowMeasured() {
        waitFx("the row height is fixed", () -> tree().getFixedCellSize() > 0);
        double fixed = onFx(() -> tree().getFixedCellSize());
        assertTrue(fixed >= 16 && fixed <= 64, "a plausible row height: " + fixed);
        expand("Big");
        List<Double> heights = onFx(() -> {
            List<Double> out = new ArrayList<>();
            for (Node n : tree().lookupAll(".tree-cell")) {
                if (n instanceof TreeCell<?> c && !c.isEmpty() && c.isVisible()) {
                    out.add(c.getHeight());
                }
            }
            return out;
        });
        assertTrue(heights.size() > 3, "rows show");
        for (double h : heights) {
            assertEquals(fixed, h, 0.5, "every shown row is as tall as the fixed height");
        }
    }

    @Test
    void theRenameFieldFitsInAFixedHeightRow() {
        waitFx("the row height is fixed", () -> tree().getFixedCellSize() > 0);
        clickOn(cell("Small").lookup(".entry-name"));
        push(javafx.scene.input.KeyCode.F2);
        waitFx("the rename field shows", () -> lookup(".rename-field").tryQuery().isPresent());
        javafx.scene.control.TextField field = lookup(".rename-field").query();
        double[] sizes = onFx(() -> new double[] {field.getHeight(), field.prefHeight(-1)});
        assertTrue(sizes[0] + 0.5 >= sizes[1], "the field is as tall as it wants to be: " + sizes[0] + " of "
                + sizes[1]);
        push(javafx.scene.input.KeyCode.ESCAPE);
    }

    @Test
    void aFolderOpensWithAllItsChildrenInNameOrder() {
        expand("Big");
        waitFx("all children shown", () -> item("Big").map(i -> i.getChildren().size()).orElse(0) == CHILDREN);
        List<String> names = onFx(() -> item("Big").orElseThrow().getChildren().stream()
                .map(i -> i.getValue().treeNode().name()).toList());
        List<String> expected = new ArrayList<>();
        for (int i = 0; i < CHILDREN; i++) {
            expected.add("Item " + String.format("%03d", i));
        }
        assertEquals(expected, names);
    }
}
