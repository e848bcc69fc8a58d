package dev.burrow.ui;

import dev.burrow.api.FileSystemEntry;
import dev.burrow.client.ClientListener;
import dev.burrow.client.PostHogClient;
import dev.burrow.tree.ClientBackend;
import dev.burrow.tree.DeleteOperation;
import dev.burrow.tree.FolderCounts;
import dev.burrow.tree.LinkOperation;
import dev.burrow.tree.MoveJournal;
import dev.burrow.tree.MoveOperation;
import dev.burrow.tree.NewFolderOperation;
import dev.burrow.tree.Operation;
import dev.burrow.tree.ShortcutOperation;
import dev.burrow.tree.TaskRunner;
import dev.burrow.tree.TreeNode;
import dev.burrow.tree.TreeSession;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import javafx.application.Platform;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The window's state and commands. Holds no nodes: views bind to its properties and call its
 * commands. Everything here runs on the FX thread; blocking work goes through the runner.
 */
public final class MainViewModel {

    /** A connection the window can open: where, with which key, and its name for people. */
    public record Target(String name, String baseUrl, String apiKey, long environment, boolean local) {
        @Override
        public String toString() {
            return "Target[" + name + ", " + baseUrl + ", environment " + environment + "]";
        }
    }

    // ---- Properties ----
    private final ObjectProperty<TreeSession> session = new SimpleObjectProperty<>();
    private final ObjectProperty<Target> target = new SimpleObjectProperty<>();
    private final StringProperty connectionLabel = new SimpleStringProperty("Not connected");
    private final StringProperty status = new SimpleStringProperty("");
    private final BooleanProperty busy = new SimpleBooleanProperty();
    private final BooleanProperty canUndo = new SimpleBooleanProperty();
    private final BooleanProperty canRedo = new SimpleBooleanProperty();
    private final StringProperty undoText = new SimpleStringProperty("Undo");
    private final StringProperty redoText = new SimpleStringProperty("Redo");
    private final IntegerProperty throttleSeconds = new SimpleIntegerProperty();
    private final ObjectProperty<TreeNode> selected = new SimpleObjectProperty<>();
    private final ObservableList<FileSystemEntry> shortcuts = FXCollections.observableArrayList();
    private final ObjectProperty<List<FileSystemEntry>> searchResults = new SimpleObjectProperty<>();
    private final StringProperty lastError = new SimpleStringProperty();
    private final BooleanProperty showWelcome = new SimpleBooleanProperty();
    private final ObjectProperty<dev.burrow.settings.Theme> theme =
            new SimpleObjectProperty<>(dev.burrow.settings.Theme.LIGHT);
    private final StringProperty version = new SimpleStringProperty("dev");

    private final TaskRunner runner;
    private MoveJournal.Store journals;
    private java.util.function.Function<Target, MoveJournal.Store> journalStores;
    private final ObservableList<MoveJournal.Snapshot> interrupted = FXCollections.observableArrayList();
    private PostHogClient client;
    private FolderCounts counts;
    private Consumer<String> countListener = f -> { };
    private int throttleGeneration;
    private int searchGeneration;

    private final ExportsViewModel exports;

    public MainViewModel(TaskRunner runner, MoveJournal.Store journals) {
        this.runner = runner;
        this.journals = journals;
        this.journalStores = t -> journals;
        this.exports = new ExportsViewModel(runner, defaultDownloads());
    }

    private static java.nio.file.Path defaultDownloads() {
        java.nio.file.Path home = java.nio.file.Path.of(System.getProperty("user.home"));
        java.nio.file.Path downloads = home.resolve("Downloads");
        return java.nio.file.Files.isDirectory(downloads) ? downloads : home;
    }

    /** The export panel's model, following this window's connection. */
    public ExportsViewModel exports() {
        return exports;
    }

    // ---- Properties (read-only views) ----

    public ReadOnlyObjectProperty<TreeSession> sessionProperty() {
        return session;
    }

    public TreeSession session() {
        return session.get();
    }

    public ReadOnlyObjectProperty<Target> targetProperty() {
        return target;
    }

    public ReadOnlyStringProperty connectionLabelProperty() {
        return connectionLabel;
    }

    public ReadOnlyStringProperty statusProperty() {
        return status;
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy;
    }

    public ReadOnlyBooleanProperty canUndoProperty() {
        return canUndo;
    }

    public ReadOnlyBooleanProperty canRedoProperty() {
        return canRedo;
    }

    public ReadOnlyStringProperty undoTextProperty() {
        return undoText;
    }

    public ReadOnlyStringProperty redoTextProperty() {
        return redoText;
    }

    public IntegerProperty throttleSecondsProperty() {
        return throttleSeconds;
    }

    public ObjectProperty<TreeNode> selectedProperty() {
        return selected;
    }

    public ObservableList<FileSystemEntry> shortcuts() {
        return shortcuts;
    }

    public ReadOnlyObjectProperty<List<FileSystemEntry>> searchResultsProperty() {
        return searchResults;
    }

    /** The last failure message (also shown in the status bar); views may show it in a dialog. */
    public ReadOnlyStringProperty lastErrorProperty() {
        return lastError;
    }

    /** The first-run welcome on the local workspace; false once dismissed. */
    public BooleanProperty showWelcomeProperty() {
        return showWelcome;
    }

    /** The window theme; the app applies and saves it. */
    public ObjectProperty<dev.burrow.settings.Theme> themeProperty() {
        return theme;
    }

    public StringProperty versionProperty() {
        return version;
    }

    /** Where each connection keeps its folder-move journals (the app: files; tests: memory). */
    public void setJournalStores(java.util.function.Function<Target, MoveJournal.Store> stores) {
        this.journalStores = stores;
    }

    /** Folder moves cut short in an earlier run against this connection: finish or roll back. */
    public ObservableList<MoveJournal.Snapshot> interruptedMoves() {
        return interrupted;
    }

    /** Sends the rest of an interrupted move, or takes back what it did; then reloads. */
    public void settleInterrupted(MoveJournal.Snapshot snapshot, boolean finish) {
        TreeSession s = session.get();
        if (s == null) {
            return;
        }
        MoveJournal.Store store = journals;
        interrupted.remove(snapshot);
        status.set((finish ? "Finishing: " : "Rolling back: ") + snapshot.description() + "…");
        runner.run(() -> {
            MoveJournal journal = MoveJournal.resume(store, snapshot);
            if (finish) {
                journal.run(s.backend());
            } else {
                journal.rollback(s.backend());
            }
            return Boolean.TRUE;
        }, ok -> {
            status.set((finish ? "Finished: " : "Rolled back: ") + snapshot.description() + ".");
            refresh();
        }, e -> {
            fail(TreeSession.message(e));
            interrupted.add(snapshot);
        });
    }

    /** Shows a sentence in the status bar. */
    public void statusMessage(String message) {
        status.set(message);
    }

    public FolderCounts counts() {
        return counts;
    }

    public void onCountArrived(Consumer<String> listener) {
        this.countListener = listener;
    }

    // ---- Commands ----

    /** Opens a connection: a new client, a new session, the root, then the index. */
    public void connect(Target t) {
        if (client != null) {
            client.close();
        }
        target.set(t);
        connectionLabel.set(t.name() + (t.local() ? "" : " · environment " + t.environment()));
        client = PostHogClient.builder(t.baseUrl(), t.apiKey(), t.environment())
                .listener(new ClientListener() {
                    @Override
                    public void throttled(String request, java.time.Duration wait, int attempt) {
                        long seconds = Math.max(1, (wait.toMillis() + 999) / 1000);
                        Platform.runLater(() -> countdown(seconds));
                    }

                    @Override
                    public void heldBack(String request, java.time.Duration wait) {
                        if (wait.toSeconds() >= 1) {
                            Platform.runLater(() -> countdown(wait.toSeconds()));
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
        }, e -> status.set("Interrupted moves could not be read: " + e.getMessage()));
        TreeSession s = new TreeSession(new ClientBackend(client), runner, journals);
        counts = new FolderCounts(s, runner, f -> countListener.accept(f));
        s.addListener(new TreeSession.Listener() {
            @Override
            public void foldersChanged(Set<String> folderPaths) {
                refreshShortcuts();
                if (!folderPaths.isEmpty() && s.index().size() > 0 && !s.index().isComplete()
                        && s.state("") instanceof dev.burrow.tree.FolderState.Loaded) {
                    s.loadIndex();
                }
            }

            @Override
            public void finished(String description, String error) {
                if (error != null) {
                    fail(error);
                } else if (!"Index".equals(description)) {
                    status.set(description + " — done.");
                } else {
                    status.set(String.format("%,d rows loaded.", s.index().size()));
                    // Loading the index parsed tens of megabytes of pages that are garbage now; one
                    // collection lets the JVM hand that memory back instead of keeping the heap grown.
                    runner.run(() -> {
                        System.gc();
                        return Boolean.TRUE;
                    }, ok -> { }, e -> { });
                }
                updateUndo();
            }

            @Override
            public void busy(int running) {
                busy.set(running > 0);
            }
        });
        session.set(s);
        exports.connect(client);
        status.set("Connecting to " + t.name() + "…");
        s.loadFolder("");
    }

    private void countdown(long seconds) {
        int gen = ++throttleGeneration;
        throttleSeconds.set((int) seconds);
        javafx.animation.Timeline tl = new javafx.animation.Timeline(new javafx.animation.KeyFrame(
                javafx.util.Duration.seconds(1), e -> {
                    if (gen == throttleGeneration && throttleSeconds.get() > 0) {
                        throttleSeconds.set(throttleSeconds.get() - 1);
                    }
                }));
        tl.setCycleCount((int) seconds);
        tl.play();
    }

    private void fail(String message) {
        lastError.set(null);
        lastError.set(message);
        status.set(message);
    }

    private void refreshShortcuts() {
        TreeSession s = session.get();
        if (s != null) {
            List<FileSystemEntry> now = s.index().shortcutRows();
            if (!now.equals(shortcuts)) {
                shortcuts.setAll(now);
            }
        }
    }

    private void updateUndo() {
        TreeSession s = session.get();
        canUndo.set(s != null && s.canUndo());
        canRedo.set(s != null && s.canRedo());
        undoText.set(s != null && s.undoDescription() != null ? "Undo " + lower(s.undoDescription()) : "Undo");
        redoText.set(s != null && s.redoDescription() != null ? "Redo " + lower(s.redoDescription()) : "Redo");
    }

    private static String lower(String description) {
        return description.isEmpty() ? description
                : Character.toLowerCase(description.charAt(0)) + description.substring(1);
    }

    /** Runs an edit; {@code then} hears null on success or the message of the failure. */
    public void execute(Operation op, Consumer<String> then) {
        TreeSession s = session.get();
        if (s == null) {
            return;
        }
        status.set(op.description() + "…");
        s.execute(op, msg -> {
            if (counts != null) {
                counts.invalidate();
            }
            updateUndo();
            then.accept(msg);
        });
    }

    public MoveOperation move(List<TreeNode> nodes, String targetFolder) {
        return MoveOperation.into(nodes, targetFolder, journals);
    }

    public void rename(TreeNode node, String newName, Consumer<String> then) {
        if (newName == null || newName.isBlank() || newName.equals(node.name())) {
            return;
        }
        execute(MoveOperation.rename(node, newName.strip(), journals), then);
    }

    public NewFolderOperation newFolder(String parent, Consumer<String> then) {
        NewFolderOperation op = NewFolderOperation.in(session.get().index(), parent);
        execute(op, then);
        return op;
    }

    public void delete(List<TreeNode> nodes, Consumer<String> then) {
        DeleteOperation op = DeleteOperation.of(nodes);
        execute(op, msg -> {
            if (msg == null) {
                status.set(deletedSummary(op.deleted()));
            }
            then.accept(msg);
        });
    }

    /** "Deleted 2 dashboards and 1 insight. Ctrl+Z restores them." from the server's {@code deleted} list. */
    static String deletedSummary(List<dev.burrow.api.DeletedObject> deleted) {
        if (deleted.isEmpty()) {
            return "Deleted. Ctrl+Z puts it back.";
        }
        java.util.Map<String, Integer> byType = new java.util.LinkedHashMap<>();
        for (dev.burrow.api.DeletedObject d : deleted) {
            byType.merge(Icons.typeLabel(d.type()).toLowerCase(java.util.Locale.ROOT), 1, Integer::sum);
        }
        List<String> parts = new java.util.ArrayList<>();
        byType.forEach((type, n) -> parts.add(n + " " + type + (n == 1 ? "" : "s")));
        String joined = parts.size() == 1 ? parts.get(0)
                : String.join(", ", parts.subList(0, parts.size() - 1)) + " and " + parts.get(parts.size() - 1);
        boolean undoable = deleted.stream().anyMatch(dev.burrow.api.DeletedObject::canUndo);
        return "Deleted " + joined + "." + (undoable ? " Ctrl+Z restores them." : " This can't be undone.");
    }

    public void toggleShortcut(FileSystemEntry row) {
        execute(new ShortcutOperation(row, !row.isLink()), msg -> { });
    }

    public void link(TreeNode node, String targetFolder) {
        execute(new LinkOperation(node, targetFolder), msg -> { });
    }

    public void undo() {
        TreeSession s = session.get();
        if (s != null) {
            s.undo(this::historyStepDone);
        }
    }

    public void redo() {
        TreeSession s = session.get();
        if (s != null) {
            s.redo(this::historyStepDone);
        }
    }

    /** After an undo or redo: counts are stale, a failure is shown, the menu texts follow. */
    private void historyStepDone(String failure) {
        if (counts != null) {
            counts.invalidate();
        }
        if (failure != null) {
            fail(failure);
        }
        updateUndo();
    }

    public void refresh() {
        TreeSession s = session.get();
        if (s != null) {
            if (counts != null) {
                counts.invalidate();
            }
            status.set("Refreshing…");
            s.refresh();
        }
    }

    /** Searches on the server; an empty text clears the search. */
    public void search(String text) {
        TreeSession s = session.get();
        if (s == null) {
            return;
        }
        int gen = ++searchGeneration;
        if (text == null || text.isBlank()) {
            searchResults.set(null);
            return;
        }
        s.search(text.strip(), rows -> {
            if (gen != searchGeneration || s != session.get()) {
                return; // a later search, or a cleared field, has the say
            }
            searchResults.set(rows);
            status.set(rows.size() + (rows.size() == 1 ? " match" : " matches") + " for “" + text.strip() + "”.");
        });
    }

    public void close() {
        if (client != null) {
            client.close();
        }
    }
}
