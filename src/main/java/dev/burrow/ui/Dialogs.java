package dev.burrow.ui;

import dev.burrow.api.EntryPath;
import dev.burrow.api.FileSystemEntry;
import dev.burrow.tree.MoveOperation;
import java.util.List;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

/** The confirmations the tree asks for before large moves and every delete. */
final class Dialogs {

    static final int LISTED = 200;

    private Dialogs() {
    }

    private static Alert confirmation(Window owner, String title, String header) {
        Alert a = new Alert(Alert.AlertType.CONFIRMATION);
        if (owner != null) {
            a.initOwner(owner);
        }
        a.setTitle(title);
        a.setHeaderText(header);
        a.getDialogPane().setMinWidth(460);
        // Grow to the text: a long header or message is never cut off.
        a.getDialogPane().setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        return a;
    }

    static boolean confirmMove(Window owner, MoveOperation op, long rows) {
        Alert a = confirmation(owner, "Move", op.description() + "?");
        a.setContentText(String.format("This moves %,d items, everything inside the folders included.", rows));
        ButtonType move = new ButtonType("Move", ButtonBar.ButtonData.OK_DONE);
        a.getButtonTypes().setAll(ButtonType.CANCEL, move);
        return a.showAndWait().orElse(ButtonType.CANCEL) == move;
    }

    /** Lists what goes (up to 200 rows, then "Plus N additional items not shown"). */
    static boolean confirmDelete(Window owner, String what, List<FileSystemEntry> rows, long total) {
        Alert a = confirmation(owner, "Delete", "Delete " + what + "?");
        ButtonType delete = new ButtonType("Delete", ButtonBar.ButtonData.OK_DONE);
        a.getButtonTypes().setAll(ButtonType.CANCEL, delete);
        VBox box = new VBox(8);
        if (total == 0) {
            box.getChildren().add(new Label("Nothing else is inside."));
        } else {
            box.getChildren().add(new Label(String.format(total == 1 ? "This deletes %,d item:" : "This deletes %,d items:",
                    total)));
            ListView<String> list = new ListView<>();
            list.setId("delete-list");
            list.setPrefHeight(Math.min(240, 26 * Math.min(rows.size(), LISTED) + 4));
            for (FileSystemEntry r : rows.subList(0, Math.min(rows.size(), LISTED))) {
                list.getItems().add(Icons.typeLabel(r.type()) + " · " + String.join(" / ", EntryPath.split(r.path())));
            }
            box.getChildren().add(list);
            long more = total - Math.min(rows.size(), LISTED);
            if (more > 0) {
                box.getChildren().add(new Label(String.format("Plus %,d additional items not shown.", more)));
            }
        }
        box.getChildren().add(new Label("Undo (Ctrl+Z) restores what the server can restore."));
        a.getDialogPane().setContent(box);
        return a.showAndWait().orElse(ButtonType.CANCEL) == delete;
    }

    static void error(Window owner, String header, String message) {
        Alert a = new Alert(Alert.AlertType.ERROR);
        if (owner != null) {
            a.initOwner(owner);
        }
        a.setTitle("Burrow");
        a.setHeaderText(header);
        a.setContentText(message);
        a.getDialogPane().setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        a.showAndWait();
    }
}
