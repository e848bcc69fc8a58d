package dev.burrow.ui;

import dev.burrow.client.ClientListener;
import dev.burrow.client.PostHogClient;
import dev.burrow.settings.Theme;
import dev.burrow.tree.ClientBackend;
import dev.burrow.tree.FolderState;
import dev.burrow.tree.MoveJournal;
import dev.burrow.tree.TaskRunner;
import dev.burrow.tree.TreeSession;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The window's state and commands: the connection, the status bar, theme and welcome, and the
 * interrupted moves; the tree and the export panel have view models of their own. Holds no
 * nodes: views bind to its properties and call its commands. Everything here runs on the
 * owner's thread (the FX thread); blocking work and timers go through the {@link TaskRunner}.
 */
public final class MainViewModel {

    /** A connection the window can open: where, with which key, and its name for people. */
    public record Target(String name, String baseUrl, String apiKey, long environment, boolean local) {
        @Override
        public String toString() {
            return "Target[" + name + ", " + baseUrl + ", environment " + environment + "]";
        }
    }

    private final TaskRunner runner;
    private final StatusLine status = new StatusLine();
    private final ReadOnlyObjectWrapper<TreeSession> session = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<Target> target = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper connectionLabel = new ReadOnlyStringWrapper("Not connected");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper();
    private final ReadOnlyBooleanWrapper showWelcome = new ReadOnlyBooleanWrapper();
    private final ReadOnlyObjectWrapper<Theme> theme = new ReadOnlyObjectWrapper<>(Theme.LIGHT);
    private final ReadOnlyStringWrapper version = new ReadOnlyStringWrapper("dev");
    private final ObservableList<MoveJournal.Snapshot> interrupted = FXCollections.observableArrayList();
    private final ObservableList<MoveJournal.Snapshot> interruptedView =
            FXCollections.unmodifiableObservableList(interrupted);
    private final RateLimitCountdown countdown;
    private final TreeViewModel tree;
    private final ExportsViewModel exports;
    private final OrganiseViewModel organise;
    private final LiveRefresh live;
    private MoveJournal.Store journals;
    private Function<Target, MoveJournal.Store> journalStores;
    private ExpansionMemory expansion;
    private PostHogClient client;

    public MainViewModel(TaskRunner runner, MoveJournal.Store journals) {
        this.runner = runner;
        this.expansion = new ExpansionMemory(runner, null);
        this.journals = journals;
        this.journalStores = t -> journals;
        this.countdown = new RateLimitCountdown(runner);
        this.tree = new TreeViewModel(runner, status, session.getReadOnlyProperty());
        this.exports = new ExportsViewModel(runner, defaultDownloads());
        this.organise = new OrganiseViewModel(runner, status, tree);
        this.live = new LiveRefresh(runner, status, tree);
        tree.useLive(live);
        // the first connect would build the HTTP client and the JSON decoders on the FX thread
        runner.run(PostHogClient::warmUp, rows -> { }, e -> { });
    }

    private static Path defaultDownloads() {
        Path home = Path.of(System.getProperty("user.home"));
        Path downloads = home.resolve("Downloads");
        return Files.isDirectory(downloads) ? downloads : home;
    }

    // ---- Properties ---------------------------------------------------------------------------

    /** The project tree's model: selection, search, clipboard, edits, undo and redo. */
    public TreeViewModel tree() {
        return tree;
    }

    /** The window's background runner, for views' own background work (quick look). */
    TaskRunner runner() {
        return runner;
    }

    /** Live refresh: changes made elsewhere appear by themselves. */
    public LiveRefresh live() {
        return live;
    }

    /** The export panel's model, following this window's connection. */
    public ExportsViewModel exports() {
        return exports;
    }

    /** The Organise dialog's model: plan, preview, apply as one undoable step, saved rules. */
    public OrganiseViewModel organise() {
        return organise;
    }

    public ReadOnlyObjectProperty<TreeSession> sessionProperty() {
        return session.getReadOnlyProperty();
    }

    public TreeSession session() {
        return session.get();
    }

    public ReadOnlyObjectProperty<Target> targetProperty() {
        return target.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty connectionLabelProperty() {
        return connectionLabel.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty statusProperty() {
        return status.textProperty();
    }

    /** The last failure message (also shown in the status bar); views may show it in a dialog. */
    public ReadOnlyStringProperty lastErrorProperty() {
        return status.lastErrorProperty();
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    /** Seconds until a rate-limited request is sent again (0: not waiting). */
    public ReadOnlyIntegerProperty throttleSecondsProperty() {
        return countdown.secondsProperty();
    }

    /** The first-run welcome on the local workspace; false once dismissed. */
    public ReadOnlyBooleanProperty showWelcomeProperty() {
        return showWelcome.getReadOnlyProperty();
    }

    /** The window theme; the app applies and saves it. */
    public ReadOnlyObjectProperty<Theme> themeProperty() {
        return theme.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty versionProperty() {
        return version.getReadOnlyProperty();
    }

    /** Folder moves cut short in an earlier run against this connection: finish or roll back. */
    public ObservableList<MoveJournal.Snapshot> interruptedMoves() {
        return interruptedView;
    }

    // ---- Commands -----------------------------------------------------------------------------

    /** Shows a sentence in the status bar. */
    public void statusMessage(String message) {
        status.say(message);
    }

    public void useTheme(Theme t) {
        theme.set(t);
    }

    public void toggleTheme() {
        theme.set(theme.get() == Theme.DARK ? Theme.LIGHT : Theme.DARK);
    }

    /** Offers the welcome (the app: unless the preferences say it was dismissed). */
    public void offerWelcome(boolean show) {
        showWelcome.set(show);
    }

    public void dismissWelcome() {
        showWelcome.set(false);
    }

    /** The version the About box names. */
    public void useVersion(String v) {
        version.set(v);
    }

    /** Where each connection keeps its folder-move journals (the app: files; tests: memory). */
    public void setJournalStores(Function<Target, MoveJournal.Store> stores) {
        this.journalStores = stores;
    }

    /** Sends the rest of an interrupted move, or takes back what it did; then reloads. */
    public void settleInterrupted(MoveJournal.Snapshot snapshot, boolean finish) {
        TreeSession s = session.get();
        if (s == null) {
            return;
        }
        MoveJournal.Store store = journals;
        interrupted.remove(snapshot);
        status.say((finish ? "Finishing: " : "Rolling back: ") + snapshot.description() + "…");
        runner.run(() -> {
            MoveJournal journal = MoveJournal.resume(store, snapshot);
            if (finish) {
                journal.run(s.backend());
            } else {
                journal.rollback(s.backend());
            }
            return Boolean.TRUE;
        }, ok -> {
            status.say((finish ? "Finished: " : "Rolled back: ") + snapshot.description() + ".");
            tree.edits().refresh();
        }, e -> {
            status.fail(TreeSession.message(e));
            interrupted.add(snapshot);
        });
    }

    /** Where each connection's open folders are remembered (the app: a settings file too). */
    public void setExpansionMemory(ExpansionMemory memory) {
        this.expansion = memory;
    }

    /** Opens a connection: a new client, a new session, the root, then the index. */
    public void connect(Target t) {
        if (client != null) {
            client.close();
        }
        if (target.get() != null) {
            expansion.remember(target.get(), tree.expandedFolders());
            expansion.save(target.get());
        }
        target.set(t);
        connectionLabel.set(t.name() + (t.local() ? "" : " · environment " + t.environment()));
        dev.burrow.client.RateBudget budget = dev.burrow.client.RateBudget.posthogDefaults(); // shared with live refresh
        client = PostHogClient.builder(t.baseUrl(), t.apiKey(), t.environment()).rateBudget(budget)
                .listener(new ClientListener() {
                    @Override
                    public void throttled(String request, Duration wait, int attempt) {
                        long seconds = Math.max(1, (wait.toMillis() + 999) / 1000);
                        runner.post(() -> countdown.start(seconds));
                    }

                    @Override
                    public void heldBack(String request, Duration wait) {
                        if (wait.toSeconds() >= 1) {
                            runner.post(() -> countdown.start(wait.toSeconds()));
                        }
                    }
                })
                .build();
        journals = journalStores.apply(t);
        interrupted.clear();
        MoveJournal.Store store = journals;
        runner.run(store::pending, found -> {
            if (store == journals) {
                interrupted.setAll(found);
            }
        }, e -> status.say("Interrupted moves could not be read: " + dev.burrow.tree.TreeSession.message(e)));
        TreeSession s = new TreeSession(new ClientBackend(client), runner, journals);
        s.addListener(new TreeSession.Listener() {
            /** An index load waits for the next paint: the root's rows are shown before pages compete with them. */
            private boolean indexAsked;

            @Override
            public void foldersChanged(Set<String> folderPaths) {
                if (!indexAsked && !folderPaths.isEmpty() && s.index().size() > 0 && s.indexWanted()
                        && s.state("") instanceof FolderState.Loaded) {
                    indexAsked = true;
                    runner.afterPaint(() -> {
                        indexAsked = false;
                        if (session.get() == s) {
                            s.loadIndex();
                        }
                    });
                }
            }

            @Override
            public void finished(String description, String error) {
                if (error != null) {
                    status.fail(error);
                } else if (!"Index".equals(description)) {
                    status.say(description + " — done.");
                } else {
                    status.say(String.format("%,d items loaded.", s.index().size()));
                    runner.settled();
                }
            }

            @Override
            public void busy(int running) {
                if (s == session.get()) {
                    busy.set(running > 0);
                }
            }
        });
        session.set(s);
        live.attach(s, t, budget);
        busy.set(false);
        exports.connect(client);
        organise.connect(t, new dev.burrow.tree.organise.ClientLookup(client));
        status.say("Connecting to " + t.name() + "…");
        s.loadFolder("");
        s.loadStars();
        expansion.recall(t, folders -> {
            if (session.get() == s) {
                tree.restoreExpanded(folders);
            }
        });
    }

    public void close() {
        if (target.get() != null) {
            expansion.remember(target.get(), tree.expandedFolders());
            expansion.saveNow(target.get());
        }
        live.detach();
        TreeSession s = session.get();
        if (s != null) {
            s.cancelLoads();
        }
        if (client != null) {
            client.close();
        }
    }
}
