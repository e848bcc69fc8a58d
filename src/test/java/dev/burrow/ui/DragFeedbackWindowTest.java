package dev.burrow.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.burrow.api.EntryPath;
import java.util.List;
import javafx.scene.control.TreeCell;
import javafx.scene.control.TreeItem;
import javafx.scene.image.Image;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import org.junit.jupiter.api.Test;

/**
 * Drag feedback that tells the truth: folders open only after the pointer rests on them, the
 * selection never changes mid-drag, the highlight is on the folder that would receive the drop,
 * several rows carry a count badge, and a refused drop leaves its reason in the status bar.
 */
class DragFeedbackWindowTest extends WindowTestBase {

    @Override
    void seed() {
        folder("Engineering");
        create("Engineering/Spec", "notebook");
        folder("Marketing");
        create("Marketing/Overview", "dashboard");
        create("Marketing/Funnel", "insight");
        folder("Product");
        create("Loose flag", "feature_flag");
        create("Second flag", "feature_flag");
    }

    boolean lit(String path) {
        TreeCell<Row> c = cell(path);
        return onFx(() -> c.getPseudoClassStates().contains(EntryCell.DROP_TARGET)
                || c.getPseudoClassStates().contains(EntryCell.DROP_REFUSED));
    }

    List<String> selection() {
        return onFx(() -> vm.tree().selectedNodes().stream().map(n -> EntryPath.normalize(n.path())).sorted().toList());
    }

    boolean expanded(String path) {
        return item(path).map(TreeItem::isExpanded).orElse(false);
    }

    @Test
    void foldersOpenOnlyAfterARestAndTheSelectionHoldsStill() throws Exception {
        expand("Marketing");
        select("Loose flag");
        press(KeyCode.CONTROL);
        clickOn(cell("Second flag").lookup(".entry-name"));
        release(KeyCode.CONTROL);
        List<String> before = selection();
        assertEquals(List.of("Loose flag", "Second flag"), before);

        drag(cell("Second flag"), MouseButton.PRIMARY);
        moveTo(cell("Engineering"));
        moveTo(cell("Marketing/Overview"));
        moveTo(cell("Product"));
        moveTo(cell("Marketing/Funnel"));
        Thread.sleep(300);
        assertFalse(expanded("Engineering"), "passing over a folder does not open it");
        assertFalse(expanded("Product"));
        assertEquals(before, selection(), "nothing the drag passed over changed the selection");

        assertTrue(lit("Marketing"), "over an item, its folder is the one highlighted");
        assertFalse(lit("Marketing/Funnel"), "not the item");

        moveTo(cell("Engineering"));
        assertTrue(lit("Engineering"));
        assertFalse(lit("Marketing"), "the old highlight is gone");
        waitUntil("a rest opens the folder", () -> expanded("Engineering"));
        drop();
        waitUntil("both flags moved", () -> serverPaths().containsAll(List.of("Engineering/Loose flag",
                "Engineering/Second flag")));
        idle();
        assertEquals(List.of("Engineering/Loose flag", "Engineering/Second flag"), selection());
    }

    @Test
    void aRefusedDropLeavesItsReasonInTheStatusBar() {
        expand("Marketing");
        drag(cell("Marketing/Overview"), MouseButton.PRIMARY);
        moveTo(cell("Marketing/Funnel"));
        waitUntil("the refusal is said", () -> status().startsWith("Can't drop here"));
        drop();
        idle();
        assertTrue(status().startsWith("Can't drop here"), "still said after the drop: " + status());
        assertEquals("Marketing/Overview", serverRowAt("Marketing/Overview").orElseThrow().path(), "nothing moved");
        assertFalse(lit("Marketing"), "no highlight stays behind");
    }

    @Test
    void severalRowsCarryACountBadge() {
        TreeCell<Row> c = cell("Loose flag");
        Image one = onFx(() -> DragImage.of((EntryCell) c, 1));
        Image three = onFx(() -> DragImage.of((EntryCell) c, 3));
        assertEquals("3 items", DragImage.badgeText(3));
        assertEquals("", DragImage.badgeText(1));
        boolean differs = false;
        int w = (int) Math.min(one.getWidth(), three.getWidth());
        for (int x = w - 60; x < w && !differs; x++) {
            for (int y = 0; y < Math.min(one.getHeight(), three.getHeight()); y++) {
                if (!one.getPixelReader().getColor(x, y).equals(three.getPixelReader().getColor(x, y))) {
                    differs = true;
                    break;
                }
            }
        }
        assertTrue(differs, "the badge shows in the top-right corner of the drag image");
    }
}
