package dev.burrow.ui;

import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
import dev.burrow.settings.ConfigFolder;
import dev.burrow.settings.ConnectionProfile;
import dev.burrow.settings.Connections;
import dev.burrow.settings.Preferences;
import dev.burrow.settings.PreferencesStore;
import dev.burrow.settings.RunningWorkspace;
import dev.burrow.settings.Theme;
import dev.burrow.tree.FileMoveJournalStore;
import dev.burrow.tree.MoveJournal;
import java.util.Objects;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.stage.Stage;
import javafx.stage.WindowEvent;

/** The JavaFX application: the window on the local workspace. */
public final class BurrowApp extends Application {

    /** When true, prints {@code shown-at-ms: <epoch ms>} once the window shows: the start-time check reads it. */
    static final String PRINT_SHOWN_TIME = "burrow.printShownTime";

    /** Set by {@link #launchWindow} before the toolkit starts: JavaFX creates this class itself. */
    private static volatile RunningWorkspace.Starter starter;
    private static volatile String version = "dev";

    private Theme theme = Theme.LIGHT;
    private Preferences preferences = Preferences.defaults();
    private FxTaskRunner runner;
    private MainViewModel vm;
    private RunningWorkspace workspace;
    private Connections connections;

    /** Starts the toolkit and blocks until the window closes. */
    public static void launchWindow(String[] args, RunningWorkspace.Starter localWorkspace, String appVersion) {
        starter = Objects.requireNonNull(localWorkspace);
        version = appVersion;
        Application.launch(BurrowApp.class, args);
    }

    /** Runs on the launcher thread, before the window: just the theme, read cheaply. */
    @Override
    public void init() {
        theme = PreferencesStore.atDefaultLocation().quickTheme();
    }

    /**
     * Shows the window at once with a light shell, then, on the next pulse, builds the real
     * content, while the local workspace and the preferences load in the background.
     */
    @Override
    public void start(Stage stage) {
        applyTheme(theme);
        runner = new FxTaskRunner(4);
        javafx.scene.control.Label starting = new javafx.scene.control.Label("Starting Burrow…");
        javafx.scene.layout.StackPane shell = new javafx.scene.layout.StackPane(starting);
        shell.getStyleClass().add("startup-shell");
        Scene scene = new Scene(shell, 1280, 800);
        scene.getStylesheets().add(Objects.requireNonNull(BurrowApp.class.getResource("burrow.css")).toExternalForm());
        stage.setTitle("Burrow");
        if (Boolean.getBoolean(PRINT_SHOWN_TIME)) {
            stage.addEventHandler(WindowEvent.WINDOW_SHOWN,
                    e -> System.out.println("shown-at-ms: " + System.currentTimeMillis()));
        }
        stage.setScene(scene);
        stage.show();
        // The server and the window's content start after the first frame, not before it.
        runner.run(() -> starter.start(), ws -> {
            workspace = ws;
            if (vm != null) {
                vm.connect(localTarget(ws));
            }
        }, error -> {
            startFailure = "The local workspace could not start: " + dev.burrow.tree.TreeSession.message(error);
            if (vm != null) {
                vm.statusMessage(startFailure);
            }
        });
        Platform.runLater(() -> {
            buildWindow(stage, scene);
            stage.getIcons().setAll(WindowIcons.load());
        });
    }

    private String startFailure;

    private void buildWindow(Stage stage, Scene scene) {
        vm = new MainViewModel(runner, MoveJournal.Store.inMemory());
        java.nio.file.Path journalRoot = ConfigFolder.defaultPath().resolve("journals");
        vm.setJournalStores(t -> FileMoveJournalStore.forConnection(journalRoot,
                t.local() ? "local" : t.baseUrl() + "#" + t.environment()));
        vm.setExpansionMemory(new ExpansionMemory(runner, dev.burrow.settings.ExpandedFoldersStore.atDefaultLocation()));
        vm.organise().setJournalStores(t -> dev.burrow.tree.organise.FileBatchJournalStore.forConnection(
                ConfigFolder.defaultPath().resolve("organise"), OrganiseViewModel.connectionKey(t)));
        vm.organise().setRules(new dev.burrow.settings.OrganiseRules(ConfigFolder.defaultPath()));
        vm.useVersion(version);
        vm.useTheme(theme);
        // live refresh: every 20 s with focus, 2 min without, never while minimised
        stage.focusedProperty().addListener((o, a, f) -> vm.live().setFocused(f));
        stage.iconifiedProperty().addListener((o, a, i) -> vm.live().setIconified(i));
        vm.themeProperty().addListener((o, a, t) -> {
            applyTheme(t);
            preferences = preferences.withTheme(t);
            savePreferences();
        });
        // The browser starts off the FX thread: HostServices may wait on the desktop's handler.
        MainWindow window = new MainWindow(vm, url -> runner.run(() -> {
            getHostServices().showDocument(url);
            return Boolean.TRUE;
        }, ok -> { }, e -> vm.statusMessage("The browser could not be opened for " + url + ".")),
                () -> openConnections(stage, false));
        window.onAddConnection(() -> openConnections(stage, true));
        scene.setRoot(window);
        if (ControlsExercise.wanted()) {
            ControlsExercise.run(window);
        }
        Platform.runLater(() -> window.tree().view().requestFocus());
        vm.statusMessage(startFailure != null ? startFailure : "Starting the local workspace…");
        if (workspace != null) {
            vm.connect(localTarget(workspace));
        }
        runner.run(() -> PreferencesStore.atDefaultLocation().load().value(), this::usePreferences,
                e -> usePreferences(Preferences.defaults().withTheme(theme)));
    }

    /** Preferences arrive after the window shows: the welcome, the export folder, and saving them. */
    private void usePreferences(Preferences loaded) {
        preferences = loaded.withTheme(theme);
        vm.offerWelcome(!preferences.welcomeDismissed());
        vm.showWelcomeProperty().addListener((o, was, is) -> {
            if (!is) {
                preferences = preferences.withWelcomeDismissed(true);
                savePreferences();
            }
        });
        if (preferences.lastExportFolder() != null) {
            vm.exports().useFolder(java.nio.file.Path.of(preferences.lastExportFolder()));
        }
        vm.exports().folderProperty().addListener((o, a, folder) -> {
            preferences = preferences.withLastExportFolder(folder == null ? null : folder.toString());
            savePreferences();
        });
    }

    /** Writes the preferences in the background (never on the FX thread). */
    private void savePreferences() {
        Preferences snapshot = preferences;
        runner.run(() -> {
            PreferencesStore.atDefaultLocation().save(snapshot);
            return Boolean.TRUE;
        }, ok -> { }, e -> vm.statusMessage("Preferences could not be saved: " + dev.burrow.tree.TreeSession.message(e)));
    }

    /** Opens the connections dialog; {@code fresh}: on an empty form for a new one ("Add a connection…"). */
    private void openConnections(Stage owner, boolean fresh) {
        java.util.function.Consumer<Connections> show = c -> {
            ConnectionDialog d = new ConnectionDialog(owner, c, runner, this::connectTo);
            if (fresh) {
                d.showNew();
            } else {
                d.show();
            }
        };
        if (connections != null) {
            show.accept(connections);
            return;
        }
        vm.statusMessage("Opening saved connections…");
        runner.run(() -> Connections.open(ConfigFolder.defaultPath()), c -> {
            connections = c;
            vm.statusMessage(c.loadProblem().orElse(""));
            show.accept(c);
        }, e -> vm.statusMessage("Saved connections could not be read: " + dev.burrow.tree.TreeSession.message(e)));
    }

    private void connectTo(ConnectionDialog.Choice choice) {
        ConnectionProfile p = choice.profile();
        if (p.isLocal()) {
            if (workspace != null) {
                vm.connect(localTarget(workspace));
            }
            return;
        }
        vm.connect(new MainViewModel.Target(p.name(), p.baseUrl(), choice.apiKey(), p.environmentId(), false));
    }

    private static MainViewModel.Target localTarget(RunningWorkspace ws) {
        return new MainViewModel.Target("Local workspace", ws.baseUrl(), ws.apiKey(), ws.environment(), true);
    }

    static void applyTheme(Theme theme) {
        boolean dark = theme == Theme.DARK;
        Application.setUserAgentStylesheet(dark ? new PrimerDark().getUserAgentStylesheet()
                : new PrimerLight().getUserAgentStylesheet());
    }

    @Override
    public void stop() {
        if (vm != null) {
            vm.close();
        }
        if (runner != null) {
            runner.close();
        }
        if (workspace != null) {
            workspace.close();
        }
        Platform.exit();
    }
}
