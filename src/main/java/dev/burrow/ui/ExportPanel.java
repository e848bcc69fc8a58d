package dev.burrow.ui;

import dev.burrow.api.FileSystemEntry;
import dev.burrow.exports.ExportState;
import dev.burrow.tree.TreeNode;
import java.io.File;
import java.nio.file.Path;
import java.util.function.Consumer;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressBar;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.DirectoryChooser;
import javafx.util.StringConverter;

/** Export the selected dashboard or insight, and follow every export to a file. */
public final class ExportPanel extends VBox {

    private final ExportsViewModel exports;
    private final Label target = new Label();
    private final ComboBox<ExportsViewModel.Format> format = new ComboBox<>();
    private final Button go = new Button("Export");
    private FileSystemEntry row;

    public ExportPanel(MainViewModel vm, ExportsViewModel exports, Consumer<String> showUrl) {
        super(10);
        this.exports = exports;
        setId("export-panel");
        setPadding(new Insets(12));
        target.setId("export-target");
        target.setWrapText(true);
        // the list gives way when the panel is short, never the words around it (they were cut to "…")
        target.setMinHeight(Region.USE_PREF_SIZE);
        format.setId("export-format");
        // with nothing to export the list is empty: it says what it is for instead of showing blank
        format.setPromptText("Format");
        // JavaFX shows the prompt only until a first value: emptied again, the list went blank
        format.setButtonCell(new ListCell<>() {
            @Override
            protected void updateItem(ExportsViewModel.Format f, boolean empty) {
                super.updateItem(f, empty);
                setText(empty || f == null ? format.getPromptText() : f.label);
            }
        });
        format.setConverter(new StringConverter<>() {
            @Override
            public String toString(ExportsViewModel.Format f) {
                return f == null ? "" : f.label;
            }

            @Override
            public ExportsViewModel.Format fromString(String s) {
                return null;
            }
        });
        go.setId("export-go");
        go.getStyleClass().add("accent");
        go.setOnAction(e -> {
            if (row != null && format.getValue() != null) {
                exports.export(row, format.getValue());
            }
        });
        Label folderLabel = new Label();
        folderLabel.setId("export-folder");
        folderLabel.setMinWidth(0);
        folderLabel.textProperty().bind(exports.folderProperty().asString("Into %s"));
        Button choose = new Button("Folder…");
        choose.setOnAction(e -> chooseFolder());
        HBox folderRow = new HBox(8, folderLabel, choose);
        folderRow.setAlignment(Pos.CENTER_LEFT);
        HBox.setHgrow(folderLabel, Priority.ALWAYS);
        HBox formRow = new HBox(8, format, go);
        formRow.setAlignment(Pos.CENTER_LEFT);

        ListView<ExportsViewModel.Line> list = new ListView<>(exports.lines());
        list.setId("export-list");
        list.setPlaceholder(new Label("No exports yet."));
        list.setCellFactory(v -> new LineCell());
        VBox.setVgrow(list, Priority.ALWAYS);
        Label message = new Label();
        message.setWrapText(true);
        message.setMinHeight(Region.USE_PREF_SIZE); // where a file is, to the end of its path
        message.getStyleClass().add("text-muted");
        message.textProperty().bind(exports.messageProperty());

        getChildren().addAll(target, formRow, folderRow, list, message);
        vm.tree().selectedProperty().addListener((o, a, n) -> select(n));
        select(vm.tree().selectedProperty().get());
    }

    private void select(TreeNode node) {
        FileSystemEntry r = node == null ? null : node.row();
        var formats = ExportsViewModel.formatsFor(r);
        if (formats.isEmpty()) {
            row = null;
            target.setText("Select a dashboard or an insight in the tree to export it.");
            format.setValue(null);
            format.getItems().clear();
            format.setDisable(true);
            go.setDisable(true);
            return;
        }
        row = r;
        target.setText(Icons.typeLabel(r.type()) + " “" + r.name() + "”");
        ExportsViewModel.Format keep = format.getValue();
        format.getItems().setAll(formats);
        format.setValue(keep != null && formats.contains(keep) ? keep : formats.get(0));
        format.setDisable(false);
        go.setDisable(false);
    }

    private void chooseFolder() {
        DirectoryChooser chooser = new DirectoryChooser();
        chooser.setTitle("Download exports into");
        Path current = exports.folderProperty().get();
        if (current != null && current.toFile().isDirectory()) {
            chooser.setInitialDirectory(current.toFile());
        }
        File f = chooser.showDialog(getScene() == null ? null : getScene().getWindow());
        if (f != null) {
            exports.useFolder(f.toPath());
        }
    }

    private final class LineCell extends ListCell<ExportsViewModel.Line> {
        private final Label title = new Label();
        private final Label state = new Label();
        private final Label file = new Label();
        private final ProgressBar progress = new ProgressBar();
        private final Button action = new Button();
        private final Button second = new Button();
        private final VBox box;
        private ExportsViewModel.Line bound;
        private final javafx.beans.value.ChangeListener<ExportState> listener = (o, a, s) -> show();

        LineCell() {
            title.getStyleClass().add("export-title");
            title.setMinWidth(0);
            state.getStyleClass().add("text-muted");
            state.setWrapText(true);
            state.setMinWidth(0);
            state.setMinHeight(Region.USE_PREF_SIZE); // a long failure wraps, never cut off
            progress.setMaxWidth(Double.MAX_VALUE);
            action.getStyleClass().add("small");
            second.getStyleClass().add("small");
            Region grow = new Region();
            HBox.setHgrow(grow, Priority.ALWAYS);
            HBox buttons = new HBox(6, grow, second, action);
            file.setMinWidth(0);
            file.setTextOverrun(javafx.scene.control.OverrunStyle.CENTER_ELLIPSIS);
            file.getStyleClass().add("export-file");
            box = new VBox(4, title, state, file, progress, buttons);
            setPrefWidth(0);
        }

        @Override
        protected void updateItem(ExportsViewModel.Line line, boolean empty) {
            super.updateItem(line, empty);
            if (bound != null) {
                bound.stateProperty().removeListener(listener);
            }
            bound = empty ? null : line;
            if (bound == null) {
                setGraphic(null);
                return;
            }
            bound.stateProperty().addListener(listener);
            show();
            setGraphic(box);
        }

        private void show() {
            ExportsViewModel.Line line = bound;
            if (line == null) {
                return;
            }
            ExportState s = line.stateProperty().get();
            title.setText(line.title() + " · " + line.format());
            file.setVisible(false);
            file.setManaged(false);
            progress.setVisible(false);
            progress.setManaged(false);
            action.setVisible(true);
            second.setVisible(false);
            String expiry = line.expiry();
            state.setTooltip(null);
            if (s instanceof ExportState.Creating || s instanceof ExportState.Rendering) {
                state.setText("Rendering…" + (expiry == null ? "" : " · " + expiry));
                progress.setVisible(true);
                progress.setManaged(true);
                progress.setProgress(ProgressBar.INDETERMINATE_PROGRESS);
                action.setText("Cancel");
                action.setOnAction(e -> exports.cancel(line));
            } else if (s instanceof ExportState.Downloading d) {
                state.setText(d.total() > 0 ? "Downloading " + ByteSizes.human(d.bytes()) + " of " + ByteSizes.human(d.total())
                        : "Downloading " + ByteSizes.human(d.bytes()));
                progress.setVisible(true);
                progress.setManaged(true);
                progress.setProgress(d.fraction() < 0 ? ProgressBar.INDETERMINATE_PROGRESS : d.fraction());
                action.setText("Cancel");
                action.setOnAction(e -> exports.cancel(line));
            } else if (s instanceof ExportState.Ready) {
                state.setText("Ready on the server" + (expiry == null ? "" : " · " + expiry));
                action.setText("Download");
                action.setOnAction(e -> exports.retry(line));
            } else if (s instanceof ExportState.Saved sv) {
                state.setText(sv.file() == null ? "Ready" : "Saved · " + ByteSizes.human(sv.bytes()));
                if (sv.file() != null) {
                    file.setText(sv.file().getFileName().toString());
                    file.setTooltip(new javafx.scene.control.Tooltip(sv.file().toString()));
                    file.setVisible(true);
                    file.setManaged(true);
                }
                action.setText("Open");
                action.setOnAction(e -> exports.openOnDesktop(sv.file(), false));
                second.setText("Show in folder");
                second.setVisible(sv.file() != null);
                second.setOnAction(e -> exports.openOnDesktop(sv.file(), true));
            } else if (s instanceof ExportState.Failed f) {
                state.setText("Failed: " + f.message());
                state.setTooltip(new javafx.scene.control.Tooltip(f.message()));
                state.getTooltip().setWrapText(true);
                state.getTooltip().setMaxWidth(420);
                action.setText("Retry");
                action.setOnAction(e -> exports.retry(line));
            } else if (s instanceof ExportState.Cancelled) {
                state.setText("Cancelled — nothing was saved.");
                action.setText("Retry");
                action.setOnAction(e -> exports.retry(line));
            }
        }

    }
}
