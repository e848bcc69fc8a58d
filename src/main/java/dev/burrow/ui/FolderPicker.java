package dev.burrow.ui;

import dev.burrow.api.EntryPath;
import dev.burrow.api.FileSystemEntry;
import dev.burrow.tree.TreeIndex;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.TreeSet;
import javafx.application.Platform;
import javafx.collections.transformation.FilteredList;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

/** "Move to…" and "Create shortcut in…": pick a folder of the project by typing part of its path. */
final class FolderPicker {

    private FolderPicker() {
    }

    /** Every folder the index knows (rows and the folders their paths pass through), the top level first. */
    static List<String> folders(TreeIndex index) {
        TreeSet<String> out = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
        for (FileSystemEntry r : index.rows()) {
            String path = EntryPath.normalize(r.path());
            String parent = r.isFolder() ? path : EntryPath.parent(path);
            if (!parent.isEmpty()) {
                out.add(parent);
                out.addAll(EntryPath.ancestors(parent));
            }
        }
        out.remove("");
        List<String> list = new ArrayList<>();
        list.add("");
        list.addAll(out);
        return list;
    }

    /** A folder path as people read it: "Marketing / Campaigns", or "Top level". */
    static String shown(String path) {
        return path.isEmpty() ? "Top level" : String.join(" / ", EntryPath.split(path));
    }

    /** Shows the picker; the chosen folder's path, or empty when cancelled. */
    static Optional<String> pick(Window owner, String title, String verb, List<String> folders) {
        Dialog<String> d = new Dialog<>();
        if (owner != null) {
            d.initOwner(owner);
        }
        d.setTitle(title);
        d.setHeaderText(title);
        TextField filter = new TextField();
        filter.setId("folder-filter");
        filter.setPromptText("Type part of a folder's name");
        FilteredList<String> shownFolders = new FilteredList<>(javafx.collections.FXCollections.observableArrayList(folders));
        ListView<String> list = new ListView<>(shownFolders);
        list.setId("folder-list");
        list.setPrefHeight(280);
        // a deep folder gives up its middle folders, not its own name at the right edge
        FittedCells.fit(list, FolderPicker::shown);
        filter.textProperty().addListener((o, a, t) -> {
            String want = t == null ? "" : t.strip().toLowerCase(Locale.ROOT);
            shownFolders.setPredicate(p -> want.isEmpty() || shown(p).toLowerCase(Locale.ROOT).contains(want));
            list.getSelectionModel().selectFirst();
        });
        filter.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.DOWN) {
                list.requestFocus();
                e.consume();
            }
        });
        list.getSelectionModel().selectFirst();
        ButtonType go = new ButtonType(verb, ButtonBar.ButtonData.OK_DONE);
        d.getDialogPane().getButtonTypes().setAll(ButtonType.CANCEL, go);
        d.getDialogPane().lookupButton(go).disableProperty().bind(list.getSelectionModel().selectedItemProperty().isNull());
        Label hint = new Label("Folders of this project:");
        d.getDialogPane().setContent(new VBox(8, filter, hint, list));
        d.getDialogPane().setMinWidth(440);
        d.setResultConverter(b -> b == go ? list.getSelectionModel().getSelectedItem() : null);
        Runnable choose = () -> {
            if (list.getSelectionModel().getSelectedItem() != null) {
                d.setResult(list.getSelectionModel().getSelectedItem());
                d.close();
            }
        };
        list.setOnMouseClicked(e -> {
            if (e.getClickCount() == 2) {
                choose.run();
            }
        });
        filter.setOnAction(e -> choose.run());
        list.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ENTER) {
                choose.run();
            }
        });
        d.setOnShown(e -> Platform.runLater(filter::requestFocus));
        return d.showAndWait();
    }
}
