package dev.burrow.ui;

import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import org.kordamp.ikonli.material2.Material2AL;

/**
 * The bar over the tree that says a job was cut short in an earlier run (a folder move, an
 * organise batch) and offers its two ways out: finish it, or put back what it did.
 */
record CutShortBar(HBox box, Label text, Button finish, Button putBack) {

    static CutShortBar of(String id, String finishText, String finishId, String putBackText, String putBackId) {
        Label text = new Label();
        text.setWrapText(true);
        text.setMinHeight(Region.USE_PREF_SIZE);
        HBox.setHgrow(text, Priority.ALWAYS);
        Button finish = new Button(finishText);
        finish.setId(finishId);
        finish.setMinWidth(Region.USE_PREF_SIZE);
        Button putBack = new Button(putBackText);
        putBack.setId(putBackId);
        putBack.setMinWidth(Region.USE_PREF_SIZE);
        HBox box = new HBox(10, Icons.icon(Material2AL.ERROR_OUTLINE, 18), text, finish, putBack);
        box.setId(id);
        box.getStyleClass().add("interrupted");
        box.setAlignment(Pos.CENTER_LEFT);
        box.setPadding(new Insets(8, 12, 8, 12));
        return new CutShortBar(box, text, finish, putBack);
    }
}
