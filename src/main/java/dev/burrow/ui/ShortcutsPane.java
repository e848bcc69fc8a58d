package dev.burrow.ui;

import dev.burrow.api.EntryPath;
import dev.burrow.api.FileSystemEntry;
import java.util.function.Consumer;
import javafx.geometry.Insets;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/** The shortcut rows of the tree; a click reveals the row in the tree. */
public final class ShortcutsPane extends VBox {

    public ShortcutsPane(MainViewModel vm, Consumer<FileSystemEntry> reveal) {
        super(6);
        setId("shortcuts-pane");
        setPadding(new Insets(10, 6, 6, 10));
        Label title = new Label("Shortcuts");
        title.getStyleClass().add("pane-title");
        ListView<FileSystemEntry> list = new ListView<>(vm.tree().shortcuts());
        list.setId("shortcuts-list");
        list.setPlaceholder(new Label("No shortcuts yet.\nStar a row to add one."));
        list.setCellFactory(v -> new ListCell<>() {
            {
                // never wider than the list: long names end in an ellipsis, no sideways scrolling
                setPrefWidth(0);
            }

            @Override
            protected void updateItem(FileSystemEntry e, boolean empty) {
                super.updateItem(e, empty);
                if (empty || e == null) {
                    setText(null);
                    setGraphic(null);
                    setTooltip(null);
                } else {
                    setText(e.name());
                    setGraphic(Icons.icon(Icons.forType(e.type()), 14));
                    setTooltip(new Tooltip(String.join(" / ", EntryPath.split(e.path()))));
                }
            }
        });
        list.getSelectionModel().selectedItemProperty().addListener((o, old, e) -> {
            if (e != null) {
                reveal.accept(e);
            }
        });
        VBox.setVgrow(list, Priority.ALWAYS);
        getChildren().addAll(title, list);
    }
}
