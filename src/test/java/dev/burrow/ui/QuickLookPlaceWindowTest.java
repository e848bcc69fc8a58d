package dev.burrow.ui;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import javafx.geometry.Bounds;
import javafx.geometry.Rectangle2D;
import javafx.scene.Node;
import javafx.scene.control.TreeCell;
import javafx.scene.image.ImageView;
import javafx.scene.input.KeyCode;
import javafx.stage.Window;
import org.junit.jupiter.api.Test;

/** The quick look of a row in the middle of the tree opens beside it and never covers it. */
class QuickLookPlaceWindowTest extends WindowTestBase {

    @Override
    void seed() {
        create("Reports/Signups", "insight"); // ref "1"
        SeededObjects.insight(server, 1, "Signups");
        for (int i = 10; i < 22; i++) {
            create("Reports/Notes " + i, "notebook"); // above Signups: it sits mid-window
        }
    }

    private Rectangle2D onScreen(Bounds b) {
        return new Rectangle2D(b.getMinX(), b.getMinY(), b.getWidth(), b.getHeight());
    }

    private Rectangle2D selectedRow() {
        return onFx(() -> {
            int index = tree().getSelectionModel().getSelectedIndex();
            for (Node n : tree().lookupAll(".tree-cell")) {
                if (n instanceof TreeCell<?> c && c.isVisible() && c.getIndex() == index) {
                    return onScreen(c.localToScreen(c.getBoundsInLocal()));
                }
            }
            throw new AssertionError("the selected row is in sight");
        });
    }

    private Rectangle2D quickLook() {
        return onFx(() -> {
            Window w = lookup("#quick-look").query().getScene().getWindow();
            return new Rectangle2D(w.getX(), w.getY(), w.getWidth(), w.getHeight());
        });
    }

    @Test
    void theQuickLookNeverCoversTheSelectedRow() {
        expand("Reports");
        select("Reports/Signups");
        Rectangle2D row = selectedRow();
        Rectangle2D window = onFx(() -> onScreen(tree().getScene().getRoot().localToScreen(
                tree().getScene().getRoot().getBoundsInLocal())));
        assertTrue(row.getMinY() > window.getMinY() + window.getHeight() / 4
                && row.getMaxY() < window.getMaxY() - window.getHeight() / 4, "the row sits mid-window: " + row);

        push(KeyCode.SPACE);
        waitFx("the quick look opens", () -> lookup("#quick-look").tryQuery().isPresent());
        Rectangle2D spinning = quickLook();
        assertFalse(spinning.intersects(row), () -> "while it renders: " + spinning + " covers " + row);

        waitUntil("the picture shows", () -> onFx(() -> lookup("#quick-look-image").tryQuery()
                .map(n -> ((ImageView) n).getImage()).map(i -> i.getProgress() >= 1 && i.getWidth() > 100)
                .orElse(false)));
        waitForFxEvents();
        Rectangle2D shown = quickLook();
        assertFalse(shown.intersects(row), () -> "with its picture: " + shown + " covers " + row);
        assertTrue(shown.getHeight() > 200, "still a useful size: " + shown);
        push(KeyCode.ESCAPE);
    }

    private static void waitForFxEvents() {
        org.testfx.util.WaitForAsyncUtils.waitForFxEvents();
    }
}
