package dev.burrow.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import javafx.geometry.Rectangle2D;
import org.junit.jupiter.api.Test;

/** The quick look's place: never over the selected row, on screen, as large as there is room for. */
class BesideRowTest {

    private static final Rectangle2D SCREEN = new Rectangle2D(0, 0, 1440, 900);
    private static final Rectangle2D WINDOW = new Rectangle2D(0, 0, 1440, 900);

    private static void besideAndOnScreen(Rectangle2D row, Rectangle2D at) {
        assertFalse(at.intersects(row), () -> at + " covers " + row);
        assertTrue(SCREEN.contains(at), () -> at + " leaves the screen");
    }

    @Test
    void aRowHighUpGetsTheWindowBelowIt() {
        Rectangle2D row = new Rectangle2D(0, 120, 600, 28);
        Rectangle2D at = BesideRow.place(row, WINDOW, SCREEN, 750, 520);
        besideAndOnScreen(row, at);
        assertEquals(148 + BesideRow.GAP, at.getMinY());
        assertEquals((1440 - 750) / 2.0, at.getMinX(), "centred on the window");
        assertEquals(520, at.getHeight());
    }

    @Test
    void aRowLowDownGetsTheWindowAboveIt() {
        Rectangle2D row = new Rectangle2D(0, 800, 600, 28);
        Rectangle2D at = BesideRow.place(row, WINDOW, SCREEN, 750, 520);
        besideAndOnScreen(row, at);
        assertEquals(800 - BesideRow.GAP, at.getMaxY());
    }

    @Test
    void aRowInTheMiddleOfANarrowTreeGetsTheWindowToItsRight() {
        Rectangle2D row = new Rectangle2D(0, 430, 500, 28);
        Rectangle2D at = BesideRow.place(row, WINDOW, SCREEN, 750, 520);
        besideAndOnScreen(row, at);
        assertEquals(500 + BesideRow.GAP, at.getMinX());
        assertEquals(520, at.getHeight());
    }

    @Test
    void withNoSideBigEnoughItGetsShorterInTheTallerSpace() {
        Rectangle2D row = new Rectangle2D(100, 460, 1200, 28);
        Rectangle2D at = BesideRow.place(row, WINDOW, SCREEN, 750, 520);
        besideAndOnScreen(row, at);
        assertEquals(460 - BesideRow.GAP, at.getHeight(), "all the room above the row");
        assertEquals(0, at.getMinY());
    }

    @Test
    void whileThePictureRendersTheSideIsChosenForTheFinalSize() {
        Rectangle2D row = new Rectangle2D(100, 480, 1200, 28);
        Rectangle2D spinning = BesideRow.place(row, WINDOW, SCREEN, 750, 360, 520);
        besideAndOnScreen(row, spinning);
        assertEquals(480 - BesideRow.GAP, spinning.getMaxY(), "above, by the row, though it would fit below");
        assertEquals(360, spinning.getHeight());
        Rectangle2D shown = BesideRow.place(row, WINDOW, SCREEN, 750, 520);
        besideAndOnScreen(row, shown);
        assertEquals(480 - BesideRow.GAP, shown.getMaxY(), "the picture keeps the side, shorter");
    }
}
