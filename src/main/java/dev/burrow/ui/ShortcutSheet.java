package dev.burrow.ui;

import java.util.List;
import javafx.geometry.Insets;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Label;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Region;
import javafx.stage.Window;

/** F1 and the ? button: the keyboard shortcuts, with the About box one button away. */
final class ShortcutSheet {

    /** A key (as people press it) and what it does. */
    record Key(String keys, String does) {
    }

    static final List<Key> KEYS = List.of(
            new Key("Enter, double click", "Open: a folder opens or closes, an item shows its details (and its page in PostHog)"),
            new Key("Space", "Quick look at a dashboard or insight"),
            new Key("F2", "Rename"),
            new Key("Shift+F10, Menu key", "The context menu of the selection"),
            new Key("Letters", "Jump to the next row whose name starts with them"),
            new Key("Ctrl+Shift+N", "New folder"),
            new Key("Delete", "Delete (a list of what goes comes first)"),
            new Key("Ctrl+X, Ctrl+V", "Cut, and paste into the selected folder (a move)"),
            new Key("Ctrl+D", "Star or unstar the selection (the Shortcuts pane lists the stars)"),
            new Key("Ctrl+Shift or Alt while dropping", "Create a shortcut there instead of moving"),
            new Key("Ctrl+Z", "Undo"),
            new Key("Ctrl+Shift+Z, Ctrl+Y", "Redo"),
            new Key("Ctrl+F", "Search (name:, path:, type:, user:, -not); Down moves into the results"),
            new Key("Escape", "Clear the search; cancel a rename or a cut; close a quick look"),
            new Key("F5", "Reload from the server"),
            new Key("Tab, Shift+Tab", "Next and previous pane: search, shortcuts, tree, details, exports"),
            new Key("F1", "This sheet"));

    private ShortcutSheet() {
    }

    static void show(Window owner, Runnable about) {
        Alert a = new Alert(Alert.AlertType.NONE);
        if (owner != null) {
            a.initOwner(owner);
        }
        a.setTitle("Keyboard shortcuts");
        a.setHeaderText("Keyboard shortcuts");
        GridPane grid = new GridPane();
        grid.setId("shortcut-sheet");
        grid.getStyleClass().add("shortcut-sheet");
        grid.setHgap(16);
        grid.setVgap(6);
        // the header's left edge: keys and the title line up
        grid.setPadding(new Insets(4, 0, 4, 14));
        ColumnConstraints keys = new ColumnConstraints();
        keys.setMinWidth(Region.USE_PREF_SIZE);
        ColumnConstraints does = new ColumnConstraints();
        does.setMaxWidth(420);
        grid.getColumnConstraints().setAll(keys, does);
        int row = 0;
        for (Key k : KEYS) {
            Label key = new Label(k.keys());
            key.getStyleClass().add("key");
            Label what = new Label(k.does());
            what.setWrapText(true);
            what.setMinHeight(Region.USE_PREF_SIZE);
            grid.addRow(row++, key, what);
        }
        Label mac = new Label("On macOS, Cmd in place of Ctrl.");
        mac.getStyleClass().add("text-muted");
        grid.add(mac, 0, row, 2, 1);
        ButtonType aboutButton = new ButtonType("About Burrow…", ButtonBar.ButtonData.LEFT);
        a.getButtonTypes().setAll(aboutButton, ButtonType.CLOSE);
        a.getDialogPane().setContent(grid);
        a.getDialogPane().setMinHeight(Region.USE_PREF_SIZE);
        a.setResultConverter(b -> b);
        // Enter closes the sheet (it opened the About box: its button had the focus)
        javafx.scene.control.Button close = (javafx.scene.control.Button) a.getDialogPane().lookupButton(ButtonType.CLOSE);
        close.setDefaultButton(true);
        a.setOnShown(e -> close.requestFocus());
        a.setOnHidden(e -> {
            if (a.getResult() == aboutButton) {
                about.run();
            }
        });
        a.show();
    }
}
