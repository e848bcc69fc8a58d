package dev.burrow.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import javafx.collections.ListChangeListener;
import javafx.scene.control.TreeItem;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A large folder opens on its first rows at once (no loading line), and the rest are added
 * below them in one change when made in the background: the rows in view, the selection and the
 * scroll position stay, and the whole folder ends up in name order.
 */
class LargeFolderHeadWindowTest extends WindowTestBase {

    private static final int CHILDREN = 150;
    private final int threshold = LargeFolderItems.threshold;

    @Override
    void seed() {
        folder("Alpha");
        folder("Big");
        for (int i = 0; i < CHILDREN; i++) {
            create("Big/Item " + String.format("%03d", CHILDREN - 1 - i), i % 2 == 0 ? "insight" : "dashboard");
        }
        folder("Zeta");
        folder("Zeta/Deep");
        for (int i = 0; i < CHILDREN; i++) {
            create("Zeta/Deep/Item " + i, "insight");
        }
    }

    @AfterEach
    void restore() {
        LargeFolderItems.threshold = threshold;
    }

    @Test
    void openingANestedLargeFolderThroughTheViewModelFillsItOnce() {
        LargeFolderItems.threshold = 100;
        select("Alpha");
        LargeFolderItems large = onFx(() -> window.tree().largeFolders());
        onFx(() -> {
            // as "reveal" and the bench open it: a refill of every open folder, in which the large
            // folder's item is made (its parent opens) and filled at once
            vm.tree().expandTo("Zeta/Deep");
            return null;
        });
        waitFx("all children shown", () -> item("Zeta/Deep").map(d -> d.getChildren().size() == CHILDREN).orElse(false));
        idle();
        assertEquals(1, (int) onFx(large::asked), "the folder filled as its item was made was not filled again by the same refill");
    }

    @Test
    void aLargeFolderShowsItsFirstRowsAtOnceThenAddsTheRest() {
        LargeFolderItems.threshold = 100; // 150 children: a large folder here
        select("Alpha");
        TreeItem<Row> big = item("Big").orElseThrow();
        List<String> changes = new ArrayList<>();
        onFx(() -> {
            big.getChildren().addListener((ListChangeListener<TreeItem<Row>>) c -> {
                StringBuilder b = new StringBuilder();
                while (c.next()) {
                    b.append(c.getRemovedSize() > 0 ? "-" + c.getRemovedSize() : "").append("+")
                            .append(c.getAddedSize());
                }
                boolean loading = c.getList().stream().anyMatch(i -> !(i.getValue() instanceof Row.Node));
                changes.add(b + (loading ? " with a loading line" : ""));
            });
            return null;
        });
        expand("Big");
        waitFx("all children shown", () -> big.getChildren().size() == CHILDREN);
        idle();
        // the loading line gives way to the first rows (one setAll, or a patch of it), then the
        // rest are added below them in one change that removes nothing
        assertEquals("+" + (CHILDREN - LargeFolderItems.HEAD), changes.get(changes.size() - 1), changes.toString());
        int head = 0;
        for (String c : changes.subList(0, changes.size() - 1)) {
            head += Integer.parseInt(c.substring(c.lastIndexOf('+') + 1));
        }
        assertEquals(LargeFolderItems.HEAD, head, "the first rows came at once: " + changes);
        assertTrue(changes.stream().noneMatch(c -> c.contains("loading")), "no loading line after it opens: " + changes);
        List<String> names = onFx(() -> big.getChildren().stream().map(i -> i.getValue().treeNode().name()).toList());
        List<String> expected = new ArrayList<>();
        for (int i = 0; i < CHILDREN; i++) {
            expected.add("Item " + String.format("%03d", i));
        }
        assertEquals(expected, names);
        assertEquals(Set.of("Alpha"), highlighted(), "the selection stays");
        assertEquals("Alpha", onFx(() -> vm.tree().selectedProperty().get().name()));
        assertEquals(0, (int) onFx(() -> ((javafx.scene.control.skin.VirtualFlow<?>) tree().lookup(".virtual-flow"))
                .getFirstVisibleCell().getIndex()), "the view stays at its top");
        assertTrue(shownPaths().contains("Zeta"), "the folders after it still show");
    }
}
