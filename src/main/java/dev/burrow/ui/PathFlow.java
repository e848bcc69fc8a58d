package dev.burrow.ui;

import dev.burrow.api.EntryPath;
import java.util.stream.Collectors;
import javafx.geometry.Orientation;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.Region;

/**
 * A path shown as wrapping text that breaks only between its segments: one label per segment,
 * each keeping its trailing {@code /}, laid out left to right and onto a new line when the next
 * segment does not fit. A Label wraps only at whitespace, so a long path in one Label broke inside
 * a name ("Destinatio|ns"). A segment wider than the whole width alone gets a line of its own and
 * wraps inside itself. The labels together read exactly as the path (escapes included).
 */
final class PathFlow extends Region {

    /** Tolerance for sums of snapped widths, so a path exactly as wide as its room stays on one line. */
    private static final double SLACK = 0.5;

    PathFlow() {
        getStyleClass().add("path-flow");
    }

    /** Shows this path, one label per segment. */
    void show(String path) {
        getChildren().setAll(EntryPath.piecesAfterSeparators(path).stream().map(PathFlow::piece).toList());
        setAccessibleText(path);
    }

    /** The text shown: the path, exactly. */
    String text() {
        return getChildren().stream().map(n -> ((Label) n).getText()).collect(Collectors.joining());
    }

    private static Label piece(String text) {
        Label piece = new Label(text);
        piece.setWrapText(true);
        piece.setMinWidth(0);
        return piece;
    }

    @Override
    public Orientation getContentBias() {
        return Orientation.HORIZONTAL;
    }

    @Override
    protected double computeMinWidth(double height) {
        return snappedLeftInset() + snappedRightInset();
    }

    @Override
    protected double computePrefWidth(double height) {
        double sum = 0;
        for (Node n : getManagedChildren()) {
            sum += n.prefWidth(-1);
        }
        return snappedLeftInset() + sum + snappedRightInset();
    }

    @Override
    protected double computePrefHeight(double width) {
        double room = width < 0 ? Double.MAX_VALUE : width - snappedLeftInset() - snappedRightInset();
        return snappedTopInset() + flow(room, false) + snappedBottomInset();
    }

    @Override
    protected void layoutChildren() {
        flow(getWidth() - snappedLeftInset() - snappedRightInset(), true);
    }

    /**
     * Lays the segments into lines {@code room} wide (placing them when {@code place}); returns the
     * height the lines take.
     */
    private double flow(double room, boolean place) {
        double left = snappedLeftInset();
        double x = 0;
        double y = snappedTopInset();
        double lineHeight = 0;
        for (Node n : getManagedChildren()) {
            double w = Math.min(n.prefWidth(-1), Math.max(0, room));
            if (x > 0 && x + w > room + SLACK) {
                y += lineHeight;
                x = 0;
                lineHeight = 0;
            }
            double h = n.prefHeight(w);
            if (place) {
                n.resizeRelocate(snapPositionX(left + x), snapPositionY(y), w, h);
            }
            x += w;
            lineHeight = Math.max(lineHeight, h);
        }
        return y + lineHeight - snappedTopInset();
    }
}
