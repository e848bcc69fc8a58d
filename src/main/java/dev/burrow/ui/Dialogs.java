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

    /**
     * The width a dialog with a long question (three deep paths) wraps it to. Given from the start:
     * JavaFX places a dialog over its owner by the width the question asks for unwrapped, and the
     * wrap came later — a 2,500 px question opened the dialog with its middle left of the window.
     */
    static final double WRAPPED_WIDTH = 600;

    private Dialogs() {
    }

    private static Alert alert(Alert.AlertType type, Window owner, String title, String header) {
        Alert a = new Alert(type);
        if (owner != null) {
            a.initOwner(owner);
        }
        a.setTitle(title);
        a.setHeaderText(header);
        // the header's text shares the dialog's width with its icon and padding (about 120 px)
        if (header != null && new javafx.scene.text.Text(header).getLayoutBounds().getWidth() > WRAPPED_WIDTH - 120) {
            a.getDialogPane().setPrefWidth(WRAPPED_WIDTH);
        }
        return a;
    }

    private static Alert confirmation(Window owner, String title, String header) {
        Alert a = alert(Alert.AlertType.CONFIRMATION, owner, title, header);
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

    /**
     * Names the selection first, lists what goes (up to 200 rows, then "Plus N additional items
     * not shown"), warns apart about what undo cannot restore; Cancel is the default button
     * whenever the delete reaches beyond the selection or cannot be fully undone.
     */
    static boolean confirmDelete(Window owner, DeletePlan plan) {
        Alert a = confirmation(owner, "Delete", plan.question());
        ButtonType delete = new ButtonType("Delete", ButtonBar.ButtonData.OK_DONE);
        a.getButtonTypes().setAll(ButtonType.CANCEL, delete);
        VBox box = new VBox(8);
        List<FileSystemEntry> rows = plan.rowsInside();
        long total = plan.totalInside();
        if (total > 0) {
            box.getChildren().add(new Label(String.format(total == 1 ? "Inside, %,d item also goes:"
                    : "Inside, %,d items also go:", total)));
            ListView<String> list = new ListView<>();
            list.setId("delete-list");
            FittedCells.fit(list);
            list.setPrefHeight(FittedCells.height(Math.min(rows.size(), LISTED), 240));
            for (FileSystemEntry r : rows.subList(0, Math.min(rows.size(), LISTED))) {
                list.getItems().add(Icons.typeLabel(r.type()) + " · " + String.join(" / ", EntryPath.split(r.path())));
            }
            box.getChildren().add(list);
            long more = total - Math.min(rows.size(), LISTED);
            if (more > 0) {
                box.getChildren().add(new Label(String.format("Plus %,d additional items not shown.", more)));
            }
        }
        List<FileSystemEntry> links = plan.linksElsewhere();
        if (!links.isEmpty()) {
            box.getChildren().add(new Label(links.size() == 1 ? "A link to it elsewhere goes too:"
                    : String.format("%,d links to them elsewhere go too:", links.size())));
            ListView<String> elsewhere = new ListView<>();
            elsewhere.setId("delete-links-elsewhere");
            FittedCells.fit(elsewhere);
            elsewhere.setPrefHeight(FittedCells.height(Math.min(links.size(), LISTED), 120));
            for (FileSystemEntry r : links.subList(0, Math.min(links.size(), LISTED))) {
                elsewhere.getItems().add("Link · " + String.join(" / ", EntryPath.split(r.path())));
            }
            box.getChildren().add(elsewhere);
        }
        List<FileSystemEntry> lost = plan.unrestorable();
        if (!lost.isEmpty()) {
            Label warn = new Label("Undo cannot restore " + (lost.size() == 1 ? "this" : "these " + lost.size())
                    + ": PostHog deletes " + (lost.size() == 1 ? "it" : "them") + " for good (it does not restore"
                    + " surveys or early access features).");
            warn.setWrapText(true);
            warn.getStyleClass().add("delete-warning");
            ListView<String> gone = new ListView<>();
            gone.setId("delete-unrestorable");
            FittedCells.fit(gone);
            gone.setPrefHeight(FittedCells.height(Math.min(lost.size(), LISTED), 130));
            for (FileSystemEntry r : lost.subList(0, Math.min(lost.size(), LISTED))) {
                gone.getItems().add(Icons.typeLabel(r.type()) + " · " + String.join(" / ", EntryPath.split(r.path())));
            }
            box.getChildren().addAll(warn, gone);
            box.setId("delete-warning-box");
        }
        box.getChildren().add(new Label(lost.isEmpty() ? "Undo (Ctrl+Z) restores it all."
                : "Undo (Ctrl+Z) restores everything else."));
        a.getDialogPane().setContent(box);
        if (plan.cancelByDefault()) {
            ((javafx.scene.control.Button) a.getDialogPane().lookupButton(delete)).setDefaultButton(false);
            ((javafx.scene.control.Button) a.getDialogPane().lookupButton(ButtonType.CANCEL)).setDefaultButton(true);
        }
        return a.showAndWait().orElse(ButtonType.CANCEL) == delete;
    }

    /** A folder would land on a sibling's name: merge into it, keep both ("Name (2)"), or cancel. */
    static dev.burrow.tree.ClashChoice askClash(Window owner, String name) {
        Alert a = confirmation(owner, "A folder with this name exists", "“" + name + "” already exists here.");
        a.setContentText("Merge puts everything into the existing “" + name + "”. Keep both gives the one you"
                + " renamed or moved another name, such as “" + name + " (2)”.");
        ButtonType merge = new ButtonType("Merge", ButtonBar.ButtonData.OTHER);
        ButtonType both = new ButtonType("Keep both", ButtonBar.ButtonData.OK_DONE);
        a.getButtonTypes().setAll(ButtonType.CANCEL, merge, both);
        ButtonType answer = a.showAndWait().orElse(ButtonType.CANCEL);
        return answer == merge ? dev.burrow.tree.ClashChoice.MERGE
                : answer == both ? dev.burrow.tree.ClashChoice.KEEP_BOTH : dev.burrow.tree.ClashChoice.CANCEL;
    }

    /** The shortcut flag: says what changing it does before anything changes. */
    /** Changes a row's shortcut flag once the person has read its consequence; false if nothing changed. */
    static boolean changeShortcutFlag(Window owner, TreeEdits edits, FileSystemEntry row, boolean on) {
        ShortcutFlagPlan plan = edits.planShortcutFlag(row, on);
        if (plan.allowed() && confirmFlag(owner, plan)) {
            edits.setShortcutFlag(row, on);
            return true;
        }
        return false;
    }

    static boolean confirmFlag(Window owner, ShortcutFlagPlan plan) {
        Alert a = confirmation(owner, plan.on() ? "Make a link" : "Make a real row",
                plan.on() ? "Make “" + plan.row().name() + "” a link row?"
                        : "Make “" + plan.row().name() + "” a real row?");
        a.getDialogPane().setContent(wrapped(plan.consequence() + " Undo (Ctrl+Z) changes it back.", "flag-consequence"));
        ButtonType change = new ButtonType(plan.on() ? "Make it a link" : "Make it real", ButtonBar.ButtonData.OK_DONE);
        a.getButtonTypes().setAll(ButtonType.CANCEL, change);
        return a.showAndWait().orElse(ButtonType.CANCEL) == change;
    }

    /** Something could not be undone in full: says what is missing. */
    static void notice(Window owner, String header, String message) {
        Alert a = alert(Alert.AlertType.WARNING, owner, "Burrow", header);
        a.getDialogPane().setContent(wrapped(message, "notice-text"));
        a.getDialogPane().setMinWidth(460);
        a.getDialogPane().setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        a.showAndWait();
    }

    /**
     * A dialog's text, wrapped at a reading width: left to its one-line width, a long list of
     * names made the dialog thousands of pixels wide and centred it far off the screen.
     */
    private static Label wrapped(String message, String id) {
        Label text = new Label(message);
        text.setId(id);
        text.setWrapText(true);
        text.setPrefWidth(440);
        text.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        return text;
    }

    static void error(Window owner, String header, String message) {
        Alert a = alert(Alert.AlertType.ERROR, owner, "Burrow", header);
        a.setContentText(message);
        a.getDialogPane().setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        a.showAndWait();
    }
}
