package dev.burrow.ui;

import dev.burrow.settings.OrganiseRule;
import dev.burrow.tree.organise.BatchJournal;
import dev.burrow.tree.organise.Plan;
import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TextField;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeView;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import javafx.stage.Window;

/**
 * "Organise…": pick what (a query) and where (a folder template), see the preview while typing,
 * apply it with progress and cancel. One per window, not modal; Escape closes it (a running batch
 * goes on, its progress stays in the status bar and here when reopened). The view of
 * {@link OrganiseViewModel}; also the window's bar offering batches cut short.
 */
public final class OrganiseDialog {

    private static final String KEY = OrganiseDialog.class.getName();

    private final Stage stage = new Stage();
    private final OrganiseViewModel vm;
    private final TextField query = new TextField();
    private final TextField template = new TextField();
    private final TreeView<OrganisePreview.Entry> previewTree = new TreeView<>();
    private final ListView<String> skipped = new ListView<>();
    private final Label skippedTitle = new Label("Skipped");

    private OrganiseDialog(Window owner, OrganiseViewModel vm) {
        this.vm = vm;
        if (owner != null) {
            stage.initOwner(owner);
        }
        stage.setTitle("Organise");
        stage.setScene(new Scene(build(), 900, 620));
        stage.setMinWidth(640);
        stage.setMinHeight(420);
        if (owner != null && owner.getScene() != null) {
            stage.getScene().getStylesheets().addAll(owner.getScene().getStylesheets());
        }
    }

    /**
     * Shows the window's Organise dialog (made on first use); with {@code folderPath} the query
     * starts as everything in that folder (the folder's context menu). Call on the FX thread.
     */
    public static void show(Window owner, OrganiseViewModel vm, String folderPath) {
        OrganiseDialog d = owner == null ? null : (OrganiseDialog) owner.getProperties().get(KEY);
        if (d == null || d.vm != vm) {
            d = new OrganiseDialog(owner, vm);
            if (owner != null) {
                owner.getProperties().put(KEY, d);
            }
        }
        if (folderPath != null && !folderPath.isEmpty()) {
            vm.startWith(folderPath);
        }
        d.stage.show();
        d.stage.toFront();
        d.query.requestFocus();
        d.query.end();
    }

    private VBox build() {
        query.setId("organise-query");
        query.setPromptText("type:insight path:Unfiled");
        query.textProperty().bindBidirectional(vm.queryProperty());
        template.setId("organise-template");
        template.setPromptText("Insights/{creator}");
        template.textProperty().bindBidirectional(vm.templateProperty());
        GridPane form = new GridPane();
        form.setHgap(8);
        form.setVgap(6);
        form.addRow(0, new Label("What"), query);
        form.addRow(1, new Label("Where to"), template);
        ColumnConstraints grow = new ColumnConstraints();
        grow.setHgrow(Priority.ALWAYS);
        form.getColumnConstraints().addAll(new ColumnConstraints(), grow);
        Label help = new Label("The query is PostHog's search (as Ctrl+F). The template: folder names and /, with"
                + " {type}, {creator}, {created:yyyy}, {created:yyyy-MM}, {dashboard}, {parent}.");
        help.getStyleClass().add("text-muted");
        help.setWrapText(true);
        help.setMinHeight(Region.USE_PREF_SIZE);

        Label error = new Label();
        error.setId("organise-error");
        error.getStyleClass().add("placeholder-error");
        error.setWrapText(true);
        error.setMinHeight(Region.USE_PREF_SIZE);
        error.textProperty().bind(vm.errorProperty());
        error.visibleProperty().bind(vm.errorProperty().isNotNull());
        error.managedProperty().bind(error.visibleProperty());

        previewTree.setId("organise-preview");
        previewTree.setShowRoot(true);
        previewTree.setCellFactory(v -> new javafx.scene.control.TreeCell<>() {
            @Override
            protected void updateItem(OrganisePreview.Entry e, boolean empty) {
                super.updateItem(e, empty);
                setText(empty || e == null ? null : e.text());
                getStyleClass().removeAll("organise-new", "organise-arriving", "organise-clash");
                if (!empty && e != null) {
                    getStyleClass().add(switch (e.kind()) {
                        case NEW_FOLDER -> "organise-new";
                        case CLASH -> "organise-clash";
                        default -> "organise-arriving";
                    });
                }
            }
        });
        skipped.setId("organise-skipped");
        skipped.setPlaceholder(new Label("Nothing skipped."));
        VBox skippedBox = new VBox(4, skippedTitle, skipped);
        VBox.setVgrow(skipped, Priority.ALWAYS);
        SplitPane split = new SplitPane(previewTree, skippedBox);
        split.setDividerPositions(0.62);
        VBox.setVgrow(split, Priority.ALWAYS);

        Label summary = new Label();
        summary.setId("organise-summary");
        summary.setWrapText(true);
        summary.setMinHeight(Region.USE_PREF_SIZE);
        vm.previewProperty().addListener((o, a, p) -> showPreview(p));
        summary.textProperty().bind(Bindings.createStringBinding(() -> vm.planningProperty().get() ? "Planning…"
                : vm.previewProperty().get() == null ? vm.hintProperty().get() : vm.previewProperty().get().summary(),
                vm.planningProperty(), vm.previewProperty(), vm.hintProperty()));

        ProgressBar progress = new ProgressBar();
        progress.setId("organise-progress");
        progress.progressProperty().bind(vm.progressProperty());
        progress.visibleProperty().bind(vm.applyingProperty());
        progress.managedProperty().bind(progress.visibleProperty());
        progress.setMaxWidth(Double.MAX_VALUE);
        Label outcome = new Label();
        outcome.setId("organise-outcome");
        outcome.setWrapText(true);
        outcome.setMinHeight(Region.USE_PREF_SIZE);
        outcome.textProperty().bind(vm.outcomeProperty());

        return withButtons(new VBox(8, form, help, tidyBar(), error, split, summary, progress, outcome));
    }

    private VBox withButtons(VBox content) {
        Button apply = new Button("Apply");
        apply.setId("organise-apply");
        apply.setDefaultButton(false);
        apply.disableProperty().bind(vm.canApplyProperty().not());
        apply.textProperty().bind(Bindings.createStringBinding(() -> {
            OrganisePreview p = vm.previewProperty().get();
            return p == null || !p.canApply() ? "Apply" : "Move " + dev.burrow.tree.organise.PlanSentences.count(
                    p.plan().moves().size(), "item");
        }, vm.previewProperty()));
        apply.setOnAction(e -> vm.apply());
        Button cancel = new Button("Cancel the batch");
        cancel.setId("organise-cancel");
        cancel.visibleProperty().bind(vm.applyingProperty());
        cancel.managedProperty().bind(cancel.visibleProperty());
        cancel.setOnAction(e -> vm.cancel());
        Button close = new Button("Close");
        close.setId("organise-close");
        close.setCancelButton(true);
        close.setOnAction(e -> stage.hide());
        MenuButton rules = rulesMenu();
        ButtonBar.setButtonData(rules, ButtonBar.ButtonData.LEFT);
        ButtonBar.setButtonData(cancel, ButtonBar.ButtonData.LEFT);
        ButtonBar.setButtonData(apply, ButtonBar.ButtonData.OTHER);
        ButtonBar.setButtonData(close, ButtonBar.ButtonData.CANCEL_CLOSE);
        ButtonBar bar = new ButtonBar();
        bar.getButtons().addAll(rules, cancel, apply, close);
        content.getChildren().add(bar);
        content.setPadding(new Insets(12));
        content.getStyleClass().add("dialog-root");
        return content;
    }

    /** Shown while "Keep Unfiled tidy" steps through its rules. */
    private Node tidyBar() {
        Label step = new Label();
        step.setId("organise-tidy-step");
        step.textProperty().bind(vm.tidyStepProperty());
        Button skip = new Button("Skip this rule");
        skip.setId("organise-skip-rule");
        skip.setOnAction(e -> vm.skipRule());
        HBox box = new HBox(8, step, skip);
        box.setAlignment(Pos.CENTER_LEFT);
        box.visibleProperty().bind(vm.tidyStepProperty().isNotEmpty());
        box.managedProperty().bind(box.visibleProperty());
        return box;
    }

    private void showPreview(OrganisePreview p) {
        skipped.getItems().clear();
        if (p == null) {
            previewTree.setRoot(null);
            skippedTitle.setText("Skipped");
            return;
        }
        previewTree.setRoot(p.canApply() ? item(p.root()) : null);
        skippedTitle.setText("Skipped (" + p.skipped().size() + ")");
        for (Plan.Skip s : p.skipped().subList(0, Math.min(p.skipped().size(), 1000))) {
            skipped.getItems().add(s.path() + " — " + s.reason());
        }
        if (p.skipped().size() > 1000) {
            skipped.getItems().add("and " + (p.skipped().size() - 1000) + " more");
        }
    }

    private static TreeItem<OrganisePreview.Entry> item(OrganisePreview.Entry e) {
        TreeItem<OrganisePreview.Entry> it = new TreeItem<>(e);
        e.children().forEach(c -> it.getChildren().add(item(c)));
        it.setExpanded(e.kind() != OrganisePreview.Kind.ARRIVING);
        return it;
    }

    private MenuButton rulesMenu() {
        MenuButton menu = new MenuButton("Rules");
        menu.setId("organise-rules");
        Runnable fill = () -> {
            menu.getItems().clear();
            Menu delete = new Menu("Delete a rule");
            for (OrganiseRule r : vm.rules()) {
                MenuItem use = new MenuItem(r.name() + (r.tidy() ? "  (tidy)" : ""));
                use.setOnAction(e -> vm.useRule(r));
                menu.getItems().add(use);
                MenuItem del = new MenuItem(r.name());
                del.setOnAction(e -> vm.deleteRule(r));
                delete.getItems().add(del);
            }
            if (!vm.rules().isEmpty()) {
                menu.getItems().add(new SeparatorMenuItem());
            }
            MenuItem save = new MenuItem("Save as a rule…");
            save.setId("organise-save-rule");
            save.setOnAction(e -> askRuleName());
            long tidy = vm.rules().stream().filter(OrganiseRule::tidy).count();
            MenuItem run = new MenuItem("Keep Unfiled tidy (" + tidy + (tidy == 1 ? " rule)" : " rules)"));
            run.setDisable(tidy == 0);
            run.setOnAction(e -> vm.runTidy());
            menu.getItems().addAll(save, run);
            if (!vm.rules().isEmpty()) {
                menu.getItems().add(delete);
            }
        };
        vm.rules().addListener((ListChangeListener<OrganiseRule>) c -> fill.run());
        fill.run();
        return menu;
    }

    private void askRuleName() {
        Dialog<ButtonType> d = new Dialog<>();
        d.initOwner(stage);
        d.setTitle("Save as a rule");
        d.setHeaderText("Save this query and template as a rule of this connection.");
        TextField name = new TextField();
        name.setPromptText("Unfiled insights by creator");
        CheckBox tidy = new CheckBox("Part of “Keep Unfiled tidy”");
        tidy.setSelected(true);
        d.getDialogPane().setContent(new VBox(8, new Label("Name"), name, tidy));
        ButtonType save = new ButtonType("Save", ButtonBar.ButtonData.OK_DONE);
        d.getDialogPane().getButtonTypes().setAll(ButtonType.CANCEL, save);
        d.getDialogPane().lookupButton(save).disableProperty().bind(name.textProperty().isEmpty());
        javafx.application.Platform.runLater(name::requestFocus);
        if (d.showAndWait().orElse(ButtonType.CANCEL) == save) {
            vm.saveRule(name.getText(), tidy.isSelected());
        }
    }

    // ---- the main window's part ---------------------------------------------------------------

    /**
     * The bar under the toolbar that offers an organise batch cut short in an earlier run:
     * finish it, or put back what it moved. Hidden while there is none. Also shows, once, the rows
     * an undo of a batch left alone.
     */
    public static Node interruptedBar(OrganiseViewModel vm) {
        CutShortBar bar = CutShortBar.of("organise-interrupted", "Finish it", "organise-resume", "Put it back", "organise-put-back");
        Label text = bar.text();
        Button finish = bar.finish();
        Button putBack = bar.putBack();
        HBox box = bar.box();
        Runnable show = () -> {
            boolean any = !vm.interrupted().isEmpty();
            box.setVisible(any);
            box.setManaged(any);
            if (any) {
                BatchJournal j = vm.interrupted().get(0);
                boolean undoing = j.state() == BatchJournal.State.UNDOING;
                text.setText((undoing ? "Putting back an organise batch was cut short: " : "An organise batch was"
                        + " cut short: ") + j.description() + " (" + j.done() + " of " + j.entries().size()
                        + " moves recorded). " + (undoing ? "Finish putting it back." : "Finish it, or put back"
                        + " what it moved."));
                finish.setOnAction(e -> vm.resume(j));
                putBack.setVisible(!undoing);
                putBack.setOnAction(e -> vm.putBack(j));
            }
        };
        vm.interrupted().addListener((ListChangeListener<BatchJournal>) c -> show.run());
        show.run();
        vm.noticeProperty().addListener((o, a, n) -> {
            if (n != null && box.getScene() != null) {
                showNotice(box.getScene().getWindow(), n);
                vm.dismissNotice();
            }
        });
        return box;
    }

    private static void showNotice(Window owner, OrganiseViewModel.Notice n) {
        Alert a = new Alert(Alert.AlertType.INFORMATION);
        a.initOwner(owner);
        a.setTitle("Undo");
        a.setHeaderText(n.header());
        ListView<String> list = new ListView<>();
        list.setId("organise-left-alone");
        list.getItems().setAll(n.lines());
        list.setPrefHeight(Math.min(240, 26 * n.lines().size() + 4));
        a.getDialogPane().setContent(list);
        a.getDialogPane().setMinWidth(520);
        a.show();
    }
}
