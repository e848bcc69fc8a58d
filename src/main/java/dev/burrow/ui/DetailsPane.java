package dev.burrow.ui;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.burrow.api.EntryPath;
import dev.burrow.api.FileSystemEntry;
import dev.burrow.api.Json;
import dev.burrow.api.WireTime;
import dev.burrow.tree.TreeNode;
import java.util.List;
import java.util.function.Consumer;
import javafx.geometry.Insets;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/** What the selected row is: its path as a breadcrumb, type, ref, creation, meta, and a link. */
public final class DetailsPane extends VBox {

    private final PathBar crumbs;
    private final Label summary = new Label();
    private final Label title = new Label();
    private final PathFlow path = new PathFlow();
    private final GridPane facts = new GridPane();
    private final TextArea meta = new TextArea();
    private final Hyperlink open = new Hyperlink("Open in PostHog");
    private final Label empty = new Label("Select a row to see its details.");
    private final MainViewModel vm;
    private final Consumer<String> showUrl;
    private Runnable focusElsewhere = () -> { };

    public DetailsPane(MainViewModel vm, Consumer<String> showUrl) {
        super(10);
        this.vm = vm;
        this.showUrl = showUrl;
        setId("details-pane");
        setMinWidth(0);
        getStyleClass().add("details-pane");
        setPadding(new Insets(12));
        title.getStyleClass().addAll("title-4", "details-title");
        title.setWrapText(true);
        crumbs = new PathBar(path -> {
            if (path.isEmpty()) {
                vm.tree().select(List.of(), null);
            } else {
                vm.tree().reveal(List.of(dev.burrow.tree.NodeKey.folder(path)));
            }
        });
        summary.setId("selection-summary");
        summary.getStyleClass().addAll("title-4", "selection-summary");
        summary.setWrapText(true);
        facts.setHgap(10);
        facts.setVgap(6);
        javafx.scene.layout.ColumnConstraints names = new javafx.scene.layout.ColumnConstraints();
        names.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        facts.getColumnConstraints().add(names);
        meta.setEditable(false);
        meta.setWrapText(true);
        meta.setPrefRowCount(8);
        meta.getStyleClass().add("meta-text");
        VBox.setVgrow(meta, Priority.ALWAYS);
        empty.getStyleClass().add("text-muted");
        empty.setWrapText(true);
        vm.tree().selectedProperty().addListener((o, old, node) -> showSelection());
        vm.tree().selection().addListener((javafx.collections.ListChangeListener<Object>) c -> showSelection());
        vm.tree().countsVersionProperty().addListener((o, a, b) -> {
            if (vm.tree().selection().size() > 1) {
                showSelection();
            }
        });
        show(null);
        warmUpWhenShown();
    }

    /**
     * Once the window shows, lays out a sample row's details once and puts the empty pane back, in
     * one turn of the FX thread (nothing is painted between): the path bar's skin, the facts and
     * the link controls get their styles then, not on the person's first selection (which cost a
     * first-time CSS pass of 100+ ms in the 1M session's move step).
     */
    private void warmUpWhenShown() {
        sceneProperty().addListener(new javafx.beans.value.ChangeListener<>() {
            @Override
            public void changed(javafx.beans.value.ObservableValue<? extends javafx.scene.Scene> o,
                    javafx.scene.Scene old, javafx.scene.Scene scene) {
                if (scene != null) {
                    sceneProperty().removeListener(this);
                    javafx.application.Platform.runLater(DetailsPane.this::warmUp);
                }
            }
        });
    }

    /** The sample's details styled and laid out, then what the selection says shown again. */
    void warmUp() {
        if (getScene() == null) {
            return;
        }
        com.fasterxml.jackson.databind.node.ObjectNode sampleMeta = Json.MAPPER.createObjectNode().put("name", "sample");
        show(new TreeNode.Item(new FileSystemEntry("warm-up", "Folder/Sample", 2, "insight", "sample", null,
                sampleMeta, Boolean.TRUE, "2026-01-01T00:00:00Z", null, null, null)));
        applyCss();
        layout();
        showSelection();
    }

    /** Whether the path bar has its skin already (made by {@link #warmUp} before any selection). */
    boolean styledAhead() {
        return crumbs.getSkin() != null;
    }

    /** One node: its details; several: what they are, in one sentence. */
    /**
     * Where the keyboard goes when the Details control that had it is not drawn again (the tree):
     * left alone, JavaFX handed it to the search field, where Ctrl+Z and Delete do nothing.
     */
    void whenFocusLeaves(Runnable elsewhere) {
        focusElsewhere = elsewhere;
    }

    /**
     * Shows the selection; the controls are drawn anew, so the one that had the keyboard (the
     * flag's toggle, after its confirmation) gets it back in its new form, or the tree gets it.
     */
    private void showSelection() {
        javafx.scene.Node owner = getScene() == null ? null : getScene().getFocusOwner();
        boolean inside = owner != null && holds(owner);
        showSelectionNow();
        if (inside) {
            keepFocus(owner);
        }
    }

    private boolean holds(javafx.scene.Node node) {
        for (javafx.scene.Node n = node; n != null; n = n.getParent()) {
            if (n == this) {
                return true;
            }
        }
        return false;
    }

    private void keepFocus(javafx.scene.Node owner) {
        if (owner.getScene() == getScene() && owner.isFocused() && holds(owner)) {
            return;
        }
        javafx.scene.Node again = holds(owner) ? owner : owner.getId() == null ? null : lookup("#" + owner.getId());
        if (again != null && again != this && again.isVisible() && !again.isDisabled()) {
            again.requestFocus();
        } else {
            focusElsewhere.run();
        }
    }

    private void showSelectionNow() {
        List<TreeNode> nodes = vm.tree().selectedNodes();
        if (nodes.size() > 1) {
            summary.setText(SelectionSummary.of(nodes, vm.tree()::count));
            getChildren().setAll(summary);
            return;
        }
        show(vm.tree().selectedProperty().get());
    }

    private void show(TreeNode node) {
        if (node == null) {
            getChildren().setAll(empty);
            return;
        }
        title.setText(node.name());
        crumbs.show(node.path());
        facts.getChildren().clear();
        FileSystemEntry row = node.row();
        int r = 0;
        r = fact(r, "Type", row == null ? "Folder (no folder row)" : Icons.typeLabel(row.type()));
        path.show(node.path());
        r = fact(r, "Path", path);
        if (row != null) {
            if (row.ref() != null) {
                r = fact(r, "Ref", row.ref());
            }
            String created = row.createdAt() != null ? row.createdAt()
                    : row.meta() != null ? row.meta().path("created_at").asText(null) : null;
            if (created != null) {
                r = fact(r, "Created", WireTime.shown(created));
            }
            String by = row.createdBy() != null && row.createdBy().has("email")
                    ? row.createdBy().path("first_name").asText("") + " " + row.createdBy().path("last_name").asText("")
                    : null;
            if (by != null && !by.isBlank()) {
                r = fact(r, "Created by", by.strip());
            }
            if (row.isLink()) {
                fact(r, "Link", "yes — the object's home is elsewhere");
            }
        }
        getChildren().setAll(title, crumbs, facts);
        if (row != null && !row.isFolder() && row.ref() != null) {
            getChildren().add(linkControls(row));
        }
        JsonNode rowMeta = row == null ? null : row.meta(); // read once: a compact row reads it anew each call
        if (rowMeta != null && rowMeta.size() > 0) {
            try {
                meta.setText(Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(rowMeta));
            } catch (JsonProcessingException e) {
                meta.setText(rowMeta.toString());
            }
            Label metaLabel = new Label("Meta");
            metaLabel.getStyleClass().add("text-muted");
            getChildren().addAll(metaLabel, meta);
        }
        Links.webUrl(vm.targetProperty().get(), row).ifPresent(url -> {
            open.setOnAction(e -> showUrl.accept(url));
            getChildren().add(open);
        });
    }

    /** The {@code shortcut} flag as a toggle that says its consequence first, and "Show original" on links. */
    private javafx.scene.Node linkControls(FileSystemEntry row) {
        TreeEdits edits = vm.tree().edits();
        javafx.scene.control.CheckBox flag = new javafx.scene.control.CheckBox("Link row (shortcut flag)");
        flag.setId("shortcut-flag");
        flag.setSelected(row.isLink());
        flag.setOnAction(e -> {
            boolean on = flag.isSelected();
            if (!Dialogs.changeShortcutFlag(getScene() == null ? null : getScene().getWindow(), edits, row, on)) {
                flag.setSelected(!on);
            }
        });
        javafx.scene.layout.HBox box = new javafx.scene.layout.HBox(12, flag);
        box.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        if (row.isLink()) {
            Hyperlink original = new Hyperlink("Show original");
            original.setId("show-original");
            original.setOnAction(e -> edits.showOriginal(row));
            box.getChildren().add(original);
        }
        return box;
    }

    private int fact(int row, String name, String value) {
        Label v = new Label(value);
        v.setWrapText(true);
        return fact(row, name, v);
    }

    private int fact(int row, String name, javafx.scene.Node value) {
        Label k = new Label(name);
        k.getStyleClass().add("text-muted");
        facts.addRow(row, k, value);
        return row + 1;
    }
}
