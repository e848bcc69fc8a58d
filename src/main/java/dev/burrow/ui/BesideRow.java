package dev.burrow.ui;

import javafx.geometry.Rectangle2D;

/**
 * Where a window that belongs to the selected row goes (the quick look) so that it never covers
 * that row: below it or above it, centred on the main window, when it fits there; else to its
 * right or left; else in the taller of the spaces above and below, made shorter to fit. Pure
 * arithmetic on screen rectangles.
 */
final class BesideRow {

    /** Space kept between the row and the window. */
    static final double GAP = 8;

    private BesideRow() {
    }

    /**
     * The window's place and size. {@code row}: the selected row on screen; {@code owner}: the
     * main window; {@code screen}: the usable screen; {@code width}, {@code height}: the window's
     * size. The answer's height is smaller than {@code height} only when no side fits it whole.
     */
    static Rectangle2D place(Rectangle2D row, Rectangle2D owner, Rectangle2D screen, double width, double height) {
        return place(row, owner, screen, width, height, height);
    }

    /**
     * As {@link #place(Rectangle2D, Rectangle2D, Rectangle2D, double, double)}, choosing the side
     * by {@code room} (at least {@code height}): the height the window will grow to (a picture
     * still rendering), so that it keeps its side when it grows. Above the row, its bottom edge
     * stays by the row.
     */
    static Rectangle2D place(Rectangle2D row, Rectangle2D owner, Rectangle2D screen, double width, double height,
            double room) {
        double need = Math.max(room, height);
        double x = clamp(owner.getMinX() + (owner.getWidth() - width) / 2, screen.getMinX(), screen.getMaxX() - width);
        double below = screen.getMaxY() - (row.getMaxY() + GAP);
        double above = row.getMinY() - GAP - screen.getMinY();
        if (need <= below) {
            return new Rectangle2D(x, row.getMaxY() + GAP, width, height);
        }
        if (need <= above) {
            return new Rectangle2D(x, row.getMinY() - GAP - height, width, height);
        }
        double y = clamp(row.getMinY() + row.getHeight() / 2 - height / 2, screen.getMinY(), screen.getMaxY() - height);
        if (width <= screen.getMaxX() - (row.getMaxX() + GAP)) {
            return new Rectangle2D(row.getMaxX() + GAP, y, width, height);
        }
        if (width <= row.getMinX() - GAP - screen.getMinX()) {
            return new Rectangle2D(row.getMinX() - GAP - width, y, width, height);
        }
        if (below >= above) {
            return new Rectangle2D(x, row.getMaxY() + GAP, width, Math.max(0, Math.min(height, below)));
        }
        double h = Math.max(0, Math.min(height, above));
        return new Rectangle2D(x, row.getMinY() - GAP - h, width, h);
    }

    private static double clamp(double v, double min, double max) {
        return Math.max(min, Math.min(v, max));
    }
}
