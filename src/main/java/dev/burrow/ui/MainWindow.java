package dev.burrow.ui;

import java.util.function.Consumer;
import javafx.animation.PauseTransition;
import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.Separator;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TextField;
import javafx.scene.control.ToolBar;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.util.Duration;
import org.kordamp.ikonli.Ikon;
import org.kordamp.ikonli.material2.Material2AL;
import org.kordamp.ikonli.material2.Material2MZ;

/** The main window's content: toolbar, shortcuts, tree, details, status bar. */
public final class MainWindow extends BorderPane {

    private final MainViewModel vm;
    private final TreePane tree;
    private Runnable addConnection;
    private final SearchAssist searchAssist;
    private final TextField search;
    private final Label connection = new Label();

    public MainWindow(MainViewModel vm, Consumer<String> showUrl, Runnable openConnections) {
        this.vm = vm;
        FxTaskRunner.raiseWindowThreads();
        searchAssist = new SearchAssist(vm);
        search = searchAssist.field();
        getStyleClass().add("main-window");
        tree = new TreePane(vm.tree());
        DetailsPane details = new DetailsPane(vm, showUrl);
        details.whenFocusLeaves(() -> tree.view().requestFocus());
        ShortcutsPane shortcuts = new ShortcutsPane(vm, vm.tree()::reveal);

        ExportPanel exportPanel = new ExportPanel(vm, vm.exports(), showUrl);
        javafx.scene.control.Tab detailsTab = new javafx.scene.control.Tab("Details", details);
        javafx.scene.control.Tab exportsTab = new javafx.scene.control.Tab("Exports", exportPanel);
        exportsTab.setId("exports-tab");
        javafx.scene.control.TabPane side = new javafx.scene.control.TabPane(detailsTab, exportsTab);
        side.setTabClosingPolicy(javafx.scene.control.TabPane.TabClosingPolicy.UNAVAILABLE);
        new TreeContextMenu(vm, tree, new TreeContextMenu.Hooks(this::newFolder, this::deleteSelected,
                () -> side.getSelectionModel().select(detailsTab), () -> side.getSelectionModel().select(exportsTab),
                showUrl));
        TypeToJump jump = new TypeToJump(tree.view(), vm.tree());
        new QuickLook(vm, tree.view(), jump::typing);
        searchAssist.downInto(tree.view());
        new FocusCycle(this, java.util.List.of(new FocusCycle.Stop("search", search, () -> { }, search),
                new FocusCycle.Stop("shortcuts", shortcuts, () -> { }, shortcuts),
                new FocusCycle.Stop("tree", tree, () -> { }, tree.view()),
                new FocusCycle.Stop("details", details, () -> side.getSelectionModel().select(detailsTab), side),
                new FocusCycle.Stop("exports", exportPanel, () -> side.getSelectionModel().select(exportsTab), side)));
        SplitPane split = new SplitPane(shortcuts, tree, side);
        split.setOrientation(Orientation.HORIZONTAL);
        split.setDividerPositions(0.18, 0.70);
        SplitPane.setResizableWithParent(shortcuts, false);
        SplitPane.setResizableWithParent(side, false);
        setTop(new javafx.scene.layout.VBox(toolbar(openConnections), welcome(openConnections), interrupted(),
                OrganiseDialog.interruptedBar(vm.organise())));
        setCenter(new UndoToast(vm, split).node());
        new PaneToggles(this, split, shortcuts, tree, side, search, connection, organiseButton)
                .install((ToolBar) ((javafx.scene.layout.VBox) getTop()).getChildren().get(0));
        setBottom(new BackgroundWork(vm).around(statusBar()));
        installKeys();
        EditPrompts.install(this, vm.tree());
        vm.lastErrorProperty().addListener((o, old, msg) -> {
            if (msg != null) {
                tree.view().requestFocus();
            }
        });
    }

    /** What "Add a connection…" does: the connections dialog on a new connection (the toolbar's button when unset). */
    public void onAddConnection(Runnable add) {
        this.addConnection = add;
    }

    public TreePane tree() {
        return tree;
    }

    public TextField searchField() {
        return search;
    }

    /** The toolbar's Organise… button, which a small window hides. */
    private Button organiseButton;

    private Button button(String id, Ikon icon, String tip, Runnable action) {
        Button b = new Button(null, Icons.icon(icon, 18));
        b.setId(id);
        b.getStyleClass().add("flat");
        b.setTooltip(new Tooltip(tip));
        b.setOnAction(e -> action.run());
        b.setFocusTraversable(false);
        return b;
    }

    private ToolBar toolbar(Runnable openConnections) {
        Button newFolder = button("new-folder", Material2AL.CREATE_NEW_FOLDER, "New folder (Ctrl+Shift+N)",
                this::newFolder);
        Button delete = button("delete", Material2AL.DELETE, "Delete (Delete)", this::deleteSelected);
        TreeViewModel treeVm = vm.tree();
        TreeEdits edits = treeVm.edits();
        Button organise = button("organise", Material2MZ.RULE_FOLDER, "Organise… (many at once)",
                () -> OrganiseDialog.show(getScene() == null ? null : getScene().getWindow(), vm.organise(), null));
        organiseButton = organise; // a small window spares it (a folder's menu still offers Organise…)
        Button refresh = button("refresh", Material2MZ.REFRESH, "Refresh (F5)", edits::refresh);
        Button undo = button("undo", Material2MZ.UNDO, "Undo (Ctrl+Z)", edits::undo);
        Button redo = button("redo", Material2MZ.REDO, "Redo (Ctrl+Shift+Z)", edits::redo);
        History history = edits.history();
        undo.disableProperty().bind(history.canUndoProperty().not());
        redo.disableProperty().bind(history.canRedoProperty().not());
        history.undoTextProperty().addListener((o, a, t) -> undo.getTooltip().setText(t + " (Ctrl+Z)"));
        history.redoTextProperty().addListener((o, a, t) -> redo.getTooltip().setText(t + " (Ctrl+Shift+Z)"));

        search.setId("search");
        search.setPromptText("Search — name:, path:, type:, -not");
        search.setPrefColumnCount(28);
        PauseTransition debounce = new PauseTransition(Duration.millis(250));
        debounce.setOnFinished(e -> searchAssist.search(search.getText()));
        search.textProperty().addListener((o, a, t) -> {
            if (t == null || t.isBlank()) {
                debounce.stop();
                searchAssist.search(null);
            } else {
                debounce.playFromStart();
            }
        });
        // the field's text is the search on every connection: typed while connecting, or kept over a switch
        vm.sessionProperty().addListener((o, a, s) -> {
            if (s != null && !search.getText().isBlank()) {
                debounce.playFromStart();
            }
        });
        search.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ESCAPE) {
                search.clear();
                tree.view().requestFocus();
                e.consume();
            }
        });
        // Escape in the results (after Down from the field) clears the search too: the whole tree
        // comes back with the row that was chosen in the results still selected. Then it cancels a cut.
        tree.view().addEventHandler(javafx.scene.input.KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() != KeyCode.ESCAPE || tree.view().getEditingItem() != null) {
                return;
            }
            if (!search.getText().isEmpty()) {
                search.clear();
                e.consume();
            } else if (vm.tree().cancelCut()) {
                e.consume();
            }
        });
        HBox searchBox = new HBox(6, Icons.icon(Material2MZ.SEARCH, 18), search);
        searchBox.setAlignment(Pos.CENTER_LEFT);

        Region grow = new Region();
        HBox.setHgrow(grow, Priority.ALWAYS);
        connection.setId("connection-label");
        connection.textProperty().bind(vm.connectionLabelProperty());
        connection.getStyleClass().add("connection-label");
        Button connections = button("connections", Material2MZ.SETTINGS, "Connections…", openConnections);
        Button about = button("about", Material2AL.HELP_OUTLINE, "Keyboard shortcuts and About (F1)", this::showHelp);
        Button themeButton = button("theme", Material2MZ.WB_SUNNY, "Dark theme", vm::toggleTheme);
        javafx.beans.value.ChangeListener<dev.burrow.settings.Theme> showTheme = (o, a, t) -> {
            boolean dark = t == dev.burrow.settings.Theme.DARK;
            themeButton.setGraphic(Icons.icon(dark ? Material2AL.BEDTIME : Material2MZ.WB_SUNNY, 18));
            themeButton.getTooltip().setText(dark ? "Light theme" : "Dark theme");
        };
        vm.themeProperty().addListener(showTheme);
        showTheme.changed(null, null, vm.themeProperty().get());
        HBox conn = new HBox(6, Icons.icon(Material2AL.CLOUD, 18), connection, connections, themeButton, about);
        conn.setAlignment(Pos.CENTER_LEFT);
        return new ToolBar(newFolder, delete, new Separator(Orientation.VERTICAL), undo, redo, refresh, organise,
                new Separator(Orientation.VERTICAL), searchBox, grow, conn);
    }

    /** A short, dismissible note on the local workspace: what it is and how to connect PostHog. */
    private Node welcome(Runnable openConnections) {
        Label text = new Label("Welcome to Burrow. This is your local workspace: a demo project running inside"
                + " Burrow, yours to rearrange. To browse a PostHog project, add a connection with a personal API"
                + " key (PostHog → Settings → Personal API keys).");
        text.setWrapText(true);
        text.setMinHeight(Region.USE_PREF_SIZE);
        HBox.setHgrow(text, Priority.ALWAYS);
        Button connect = new Button("Add a connection…");
        connect.setMinWidth(Region.USE_PREF_SIZE);
        connect.setOnAction(e -> (addConnection != null ? addConnection : openConnections).run());
        Button close = new Button(null, Icons.icon(Material2AL.CLOSE, 16));
        close.setId("dismiss-welcome");
        close.getStyleClass().add("flat");
        close.setTooltip(new Tooltip("Don't show this again"));
        close.setOnAction(e -> vm.dismissWelcome());
        HBox box = new HBox(10, Icons.icon(Material2AL.INFO, 18), text, connect, close);
        box.setId("welcome");
        box.getStyleClass().add("welcome");
        box.setAlignment(Pos.CENTER_LEFT);
        box.setPadding(new Insets(8, 12, 8, 12));
        box.visibleProperty().bind(vm.showWelcomeProperty().and(Bindings.createBooleanBinding(
                () -> vm.targetProperty().get() != null && vm.targetProperty().get().local(), vm.targetProperty())));
        box.managedProperty().bind(box.visibleProperty());
        return box;
    }

    /** A folder move cut short in an earlier run: say so, and offer to finish or roll it back. */
    private Node interrupted() {
        CutShortBar bar = CutShortBar.of("interrupted-move", "Finish the move", "finish-move", "Roll it back", "roll-back-move");
        Label text = bar.text();
        Button finish = bar.finish();
        Button rollBack = bar.putBack();
        HBox box = bar.box();
        Runnable show = () -> {
            boolean any = !vm.interruptedMoves().isEmpty();
            box.setVisible(any);
            box.setManaged(any);
            if (any) {
                dev.burrow.tree.MoveJournal.Snapshot j = vm.interruptedMoves().get(0);
                text.setText("A folder move was cut short: " + j.description() + " (" + j.done() + " of "
                        + j.entries().size() + " items moved). Finish it, or put every item back where it was.");
                finish.setOnAction(e -> vm.settleInterrupted(j, true));
                rollBack.setOnAction(e -> vm.settleInterrupted(j, false));
            }
        };
        vm.interruptedMoves().addListener((javafx.collections.ListChangeListener<Object>) c -> show.run());
        show.run();
        return box;
    }

    private Node statusBar() {
        Label status = new Label();
        status.setId("status");
        status.textProperty().bind(vm.statusProperty());
        status.setMinWidth(0);
        ProgressIndicator busy = new ProgressIndicator();
        busy.setPrefSize(14, 14);
        busy.setMaxSize(14, 14);
        busy.visibleProperty().bind(vm.busyProperty());
        Label wait = new Label();
        wait.setId("rate-limit");
        wait.getStyleClass().add("rate-limit");
        vm.throttleSecondsProperty().addListener((o, a, s) -> {
            int n = s.intValue();
            wait.setText(n > 0 ? "Rate limited: next request in " + n + " s" : "");
        });
        Region grow = new Region();
        HBox.setHgrow(grow, Priority.ALWAYS);
        Label checked = new Label();
        checked.setId("live-checked");
        checked.textProperty().bind(vm.live().checkedProperty());
        checked.setMinWidth(Region.USE_PREF_SIZE); // a long status gives way, not the time of the last check
        wait.setMinWidth(Region.USE_PREF_SIZE);
        HBox bar = new HBox(8, busy, status, grow, checked, wait);
        bar.getStyleClass().add("status-bar");
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.setPadding(new Insets(4, 10, 4, 10));
        return bar;
    }

    private void installKeys() {
        sceneProperty().addListener((o, old, scene) -> {
            if (scene == null) {
                return;
            }
            scene.getStylesheets().add(java.util.Objects.requireNonNull(
                    MainWindow.class.getResource("conventions.css")).toExternalForm());
            var acc = scene.getAccelerators();
            acc.put(new KeyCodeCombination(KeyCode.N, KeyCombination.SHORTCUT_DOWN, KeyCombination.SHIFT_DOWN),
                    this::newFolder);
            acc.put(new KeyCodeCombination(KeyCode.Z, KeyCombination.SHORTCUT_DOWN), vm.tree().edits()::undo);
            acc.put(new KeyCodeCombination(KeyCode.Z, KeyCombination.SHORTCUT_DOWN, KeyCombination.SHIFT_DOWN),
                    vm.tree().edits()::redo);
            acc.put(new KeyCodeCombination(KeyCode.Y, KeyCombination.SHORTCUT_DOWN), vm.tree().edits()::redo);
            acc.put(new KeyCodeCombination(KeyCode.F5), vm.tree().edits()::refresh);
            acc.put(new KeyCodeCombination(KeyCode.F1), this::showHelp);
            acc.put(new KeyCodeCombination(KeyCode.F, KeyCombination.SHORTCUT_DOWN), () -> {
                search.requestFocus();
                search.selectAll();
            });
        });
        tree.view().setOnKeyPressed(e -> {
            if (tree.view().getEditingItem() != null) {
                return;
            }
            if (e.getCode() == KeyCode.DELETE) {
                deleteSelected();
                e.consume();
            } else if (e.isShortcutDown() && e.getCode() == KeyCode.X) {
                vm.tree().cut();
                e.consume();
            } else if (e.isShortcutDown() && e.getCode() == KeyCode.V) {
                tree.paste();
                e.consume();
            }
        });
    }

    /** F1 and the ? button: the keyboard shortcuts; the About box from there. */
    void showHelp() {
        javafx.stage.Window owner = getScene() == null ? null : getScene().getWindow();
        ShortcutSheet.show(owner, () -> AboutDialog.show(owner, vm.versionProperty().get()));
    }

    /** Ctrl+Shift+N: "Untitled folder" in the current folder, then rename it in place. */
    public void newFolder() {
        if (vm.tree().isSearching()) {
            search.clear();
        }
        vm.tree().edits().newFolder();
    }

    /** Delete: confirm with the list of what goes, then delete; Ctrl+Z restores. */
    public void deleteSelected() {
        vm.tree().edits().planDelete().ifPresent(plan -> {
            if (Dialogs.confirmDelete(getScene() == null ? null : getScene().getWindow(), plan)) {
                vm.tree().edits().delete(plan);
            }
        });
    }
}
