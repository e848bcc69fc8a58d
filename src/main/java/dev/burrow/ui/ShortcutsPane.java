package dev.burrow.ui;

import dev.burrow.api.EntryPath;
import dev.burrow.api.Star;
import dev.burrow.tree.StarList;
import java.util.function.Consumer;
import javafx.geometry.Insets;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/**
 * The person's stars ({@code file_system_shortcut}) in the server's order; a click reveals what
 * a star points at in the tree. Starring never changes the tree's rows.
 */
public final class ShortcutsPane extends VBox {

    public ShortcutsPane(MainViewModel vm, Consumer<Star> reveal) {
        super(6);
        setId("shortcuts-pane");
        setPadding(new Insets(10, 6, 6, 10));
        Label title = new Label("Shortcuts");
        title.getStyleClass().add("pane-title");
        ListView<Star> list = new ListView<>(vm.tree().stars());
        list.setId("shortcuts-list");
        Label none = new Label("No stars yet.\nStar a row (Ctrl+D) to add it here.");
        // the pane is narrow: the hint wraps instead of ending in "to add i…"
        none.setWrapText(true);
        none.setTextAlignment(javafx.scene.text.TextAlignment.CENTER);
        none.setPadding(new javafx.geometry.Insets(8));
        none.setId("shortcuts-none");
        list.setPlaceholder(none);
        list.setCellFactory(v -> new ListCell<>() {
            {
                // never wider than the list: long names end in an ellipsis, no sideways scrolling
                setPrefWidth(0);
                setOnMouseClicked(e -> {
                    if (!isEmpty() && getItem() != null) {
                        reveal.accept(getItem());
                    }
                });
            }

            @Override
            protected void updateItem(Star e, boolean empty) {
                super.updateItem(e, empty);
                if (empty || e == null) {
                    setText(null);
                    setGraphic(null);
                    setTooltip(null);
                } else {
                    boolean folder = StarList.isFolderStar(e);
                    setText(EntryPath.unescape(e.path()));
                    setGraphic(Icons.icon(Icons.forType(e.type() == null ? "" : e.type()), 14));
                    setTooltip(new Tooltip(folder ? String.join(" / ", EntryPath.split(e.ref()))
                            : EntryPath.unescape(e.path())));
                }
            }
        });
        list.setOnKeyPressed(e -> {
            Star s = list.getSelectionModel().getSelectedItem();
            if (e.getCode() == javafx.scene.input.KeyCode.ENTER && s != null) {
                reveal.accept(s);
            }
        });
        // a star stays highlighted only while the tree shows what it points at: left highlighted
        // beside another row in the tree and Details, it read as a second selection
        vm.tree().selectedProperty().addListener((o, a, node) -> {
            Star s = list.getSelectionModel().getSelectedItem();
            if (s != null && (node == null || !StarList.matches(s, node))) {
                list.getSelectionModel().clearSelection();
            }
        });
        VBox.setVgrow(list, Priority.ALWAYS);
        getChildren().addAll(title, list);
    }
}
