package dev.burrow.ui;

import javafx.geometry.Pos;
import javafx.scene.Scene;
import javafx.scene.SnapshotParameters;
import javafx.scene.control.Label;
import javafx.scene.image.Image;
import javafx.scene.image.ImageView;
import javafx.scene.layout.StackPane;
import javafx.scene.paint.Color;

/** The picture under the pointer while dragging: the row, and a count badge when there are several. */
final class DragImage {

    private DragImage() {
    }

    static Image of(EntryCell cell, int count) {
        SnapshotParameters params = new SnapshotParameters();
        params.setFill(Color.TRANSPARENT);
        Image row = cell.snapshot(params, null);
        if (count <= 1) {
            return row;
        }
        Label badge = new Label(badgeText(count));
        badge.setId("drag-count");
        badge.setStyle("-fx-background-color: #2f6feb; -fx-text-fill: white; -fx-background-radius: 9;"
                + " -fx-padding: 1 7 1 7; -fx-font-weight: bold;");
        StackPane box = new StackPane(new ImageView(row), badge);
        StackPane.setAlignment(badge, Pos.TOP_RIGHT);
        box.setStyle("-fx-background-color: transparent;");
        new Scene(box, Color.TRANSPARENT);
        return box.snapshot(params, null);
    }

    /** The badge's text for {@code count} dragged rows ("" for one). */
    static String badgeText(int count) {
        return count <= 1 ? "" : count + " items";
    }
}
