package dev.burrow.tree;

import dev.burrow.api.FileSystemEntry;
import dev.burrow.api.Page;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * One open project tree: the index, how far each folder is loaded, the undo history, and the
 * edits in flight. Lives on one thread (the FX thread in the app); blocking work goes through
 * the {@link TaskRunner}.
 */
public final class TreeSession {

    /** What views want to hear. Every call arrives on the owner's thread. */
    public interface Listener {
        /** The children of these folders changed (added, removed, renamed, reloaded). */
        void foldersChanged(Set<String> folderPaths);

        /** An edit or load finished; {@code error} is null on success. */
        default void finished(String description, String error) {
        }

        /** The person's stars changed (loaded, or starred and unstarred). */
        default void starsChanged() {
        }

        /** Background work started or ended; {@code running} counts what is in flight. */
        default void busy(int running) {
        }

        /** An edit met a row changed or gone elsewhere (a 404): these folders need a fresh look. */
        default void conflicted(java.util.Collection<String> folders) {
        }

        /** An edit went through on the server (live refresh checks it did not land somewhere changed). */
        default void edited(Operation op) {
        }

        /** A long edit started, got further, or ended ({@link Progress#isEnded()}); its cancel stops it. */
        default void working(Progress work) {
        }
    }

    /** Folders page this many children at a time when the index is not complete. */
    public static final int FOLDER_PAGE = 100;
    /** "Load more" pages grow with what is loaded, up to this many rows (a 10,000-child folder: 13 pages, not 100). */
    public static final int FOLDER_PAGE_MAX = 1000;

    /** The size of the page after {@code loaded} rows: 100 first, then as many as are loaded, at most 1,000. */
    static int folderPage(int loaded) {
        return Math.min(FOLDER_PAGE_MAX, Math.max(FOLDER_PAGE, loaded));
    }

    /** Full-index page size. */
    public static final int INDEX_PAGE = 1000;
    /** Trees larger than this stay lazy: folder by folder, whatever the heap. */
    public static final long INDEX_LIMIT = 300_000;
    /** What an indexed row holds in the heap, with room to spare (about 0.8 KB measured at 111k rows). */
    static final long INDEX_ROW_BYTES = 1024;
    /** Heap kept for everything but the index: the window, a page in flight, the local server. */
    static final long HEAP_RESERVE = 64L << 20;

    /**
     * The largest tree this JVM indexes: {@link #INDEX_LIMIT}, less when the heap could not hold
     * that many rows (the launcher's 192 MB heap holds about 131,000), so a tree between the two
     * stays lazy instead of running out of memory while its index loads.
     */
    public static long indexLimit(long maxHeapBytes) {
        long rows = Math.max(0, maxHeapBytes - HEAP_RESERVE) / INDEX_ROW_BYTES;
        return Math.min(INDEX_LIMIT, rows);
    }
    /**
     * Announced when any folder may have changed (F5, the index made whole): views refill every
     * folder they show. Its one element is no folder's path ({@code ""} is the root's).
     */
    public static final Set<String> EVERYTHING = Set.of("\u0000everything");

    /** Whether an announcement of {@link Listener#foldersChanged} means every folder. */
    public static boolean isEverything(Set<String> folderPaths) {
        return folderPaths.containsAll(EVERYTHING);
    }

    private final TreeBackend backend;
    private final TaskRunner runner;
    private final MoveJournal.Store journals;
    private final IdAliases aliases = new IdAliases();
    private final TreeIndex index = new TreeIndex(aliases);
    private final Map<String, FolderState> states = new HashMap<>();
    private final EditHistory history = new EditHistory();
    private final StarList stars = new StarList();
    private TaskRunner.Handle starsLoad = finished();
    /** The undo or redo in flight, if any: another waits for it. */
    private EditHistory.Step stepping;
    private final java.util.List<Listener> listeners = new java.util.concurrent.CopyOnWriteArrayList<>();
    private int running;
    /** The loads in flight; a refresh, a new search or closing the session cancels them. */
    private final Map<String, TaskRunner.Handle> folderLoads = new HashMap<>();
    private TaskRunner.Handle indexLoad = finished();
    /** The server said the tree is above {@link #indexLimit}: it stays lazy until F5 asks again. */
    private boolean tooLargeToIndex;
    /** See {@link #indexNewestCreated()}. */
    private String indexNewest;
    private TaskRunner.Handle searching = finished();
    /** Bumped by every {@link #refresh()} (F5): live refresh drops answers from before it. */
    private int refreshes;
    /** Undo steps whose rows were changed elsewhere since, with the name of one such row. */

    public TreeSession(TreeBackend backend, TaskRunner runner, MoveJournal.Store journals) {
        this.backend = new AliasingBackend(backend, aliases);
        this.runner = runner;
        this.journals = journals;
    }

    public TreeIndex index() {
        return index;
    }

    public TreeBackend backend() {
        return backend;
    }

    public MoveJournal.Store journals() {
        return journals;
    }

    /** The person's stars, in the server's order. */
    public StarList stars() {
        return stars;
    }

    /** Loads the stars again in the background; a server without stars leaves the list empty. */
    public void loadStars() {
        cancel(starsLoad);
        TaskRunner.Handle load = started();
        starsLoad = load;
        runner.run(load, backend::stars, (List<dev.burrow.api.Star> all) -> {
            busy(-1);
            stars.setAll(all);
            starsChanged();
        }, error -> {
            busy(-1);
            if (!(error instanceof UnsupportedOperationException)) {
                finished("Load the stars", message(error));
            }
        });
    }

    private void starsChanged() {
        for (Listener l : listeners) {
            l.starsChanged();
        }
    }

    public void addListener(Listener l) {
        listeners.add(l);
    }

    private void changed(Set<String> folders) {
        if (!folders.isEmpty()) {
            for (Listener l : listeners) {
                l.foldersChanged(folders);
            }
        }
    }

    /**
     * Announces the folders an edit touched ({@link TreeIndex#touchedSinceRecord}): only those are
     * refilled, so a move in one folder does not rebuild every open folder; a cleared index
     * (null) means everything.
     */
    private void changedBy(Set<String> touched) {
        changed(touched == null ? EVERYTHING : touched);
    }

    private void finished(String description, String error) {
        for (Listener l : listeners) {
            l.finished(description, error);
        }
    }

    private static TaskRunner.Handle finished() {
        TaskRunner.Handle h = new TaskRunner.Handle();
        h.complete();
        return h;
    }

    /** Starts tracking a load: the busy count goes up until it ends or is cancelled. */
    private TaskRunner.Handle started() {
        busy(1);
        return new TaskRunner.Handle();
    }

    /** Cancels a load in flight: it requests nothing more and its answer is dropped. */
    private void cancel(TaskRunner.Handle load) {
        if (load.cancel()) {
            busy(-1);
        }
    }

    private void busy(int delta) {
        running += delta;
        for (Listener l : listeners) {
            l.busy(running);
        }
    }

    public FolderState state(String folder) {
        if (index.isComplete()) {
            return new FolderState.Loaded(index.childCount(folder), false);
        }
        return states.getOrDefault(folder, FolderState.NOT_LOADED);
    }

    // ---- loading ------------------------------------------------------------------------

    /** Loads a folder's first page of children unless it is loaded or loading. */
    public void loadFolder(String folder) {
        FolderState s = state(folder);
        if (s instanceof FolderState.Loaded || s instanceof FolderState.Loading) {
            return;
        }
        loadPage(folder, 0);
    }

    /** Loads the next page of a folder that has more. */
    public void loadMore(String folder) {
        if (state(folder) instanceof FolderState.Loaded l && l.hasMore()) {
            loadPage(folder, l.loaded());
        }
    }

    /** Forgets everything and loads the root again (F5); loads in flight stop. */
    public void refresh() {
        refreshes++;
        cancelLoads();
        tooLargeToIndex = false;
        index.clear();
        states.clear();
        changed(EVERYTHING);
        loadFolder("");
        loadStars();
    }

    /** Stops every load and search in flight (a refresh, or the window leaving this session). */
    public void cancelLoads() {
        for (TaskRunner.Handle h : List.copyOf(folderLoads.values())) {
            cancel(h);
        }
        folderLoads.clear();
        cancel(indexLoad);
        cancel(starsLoad);
        cancelSearch();
    }

    private void loadPage(String folder, int offset) {
        states.put(folder, FolderState.LOADING);
        changed(Set.of(folder));
        TaskRunner.Handle load = started();
        folderLoads.put(folder, load);
        int size = folderPage(offset);
        runner.run(load, () -> backend.children(folder, size + 1, offset), (Page<FileSystemEntry> page) -> {
            busy(-1);
            folderLoads.remove(folder, load);
            List<FileSystemEntry> rows = page.results();
            boolean more = rows.size() > size;
            List<FileSystemEntry> shown = more ? rows.subList(0, size) : rows;
            Set<String> touched = new java.util.LinkedHashSet<>(index.putAll(shown));
            states.put(folder, new FolderState.Loaded(offset + shown.size(), more));
            touched.add(folder);
            changed(touched);
        }, error -> {
            busy(-1);
            folderLoads.remove(folder, load);
            states.put(folder, new FolderState.Failed(message(error)));
            changed(Set.of(folder));
            finished("Load " + (folder.isEmpty() ? "the project" : folder), message(error));
        });
    }

    /**
     * Fetches every row in the background, in large pages, so that expand, counts and search
     * previews become local; trees above {@link #indexLimit} rows stay lazy. Pages are put
     * into the index on the owner's thread a few milliseconds' worth at a time ({@link IndexFeed}),
     * so it never stalls for long. A refresh
     * cancels the load: it fetches no further page.
     */
    public void loadIndex() {
        if (!indexWanted()) {
            return;
        }
        // load stays running until the last page is in the index: a refresh cancels it until then,
        // and no second load starts while pages still wait for the owner's thread
        TaskRunner.Handle load = started();
        indexLoad = load;
        String[] newest = {null}; // written by the loading thread only; read once the load has ended
        IndexFeed feed = new IndexFeed(runner, index, load::isCancelled, this::changed, System::nanoTime);
        runner.run(() -> {
            load.checkNotCancelled(); // cancelled before it started: asks the server nothing
            long total = backend.total();
            if (total > indexLimit(Runtime.getRuntime().maxMemory())) {
                return -1L;
            }
            return backend.everything(INDEX_PAGE, page -> {
                load.checkNotCancelled(); // a superseded load stops here: no further page is fetched
                newest[0] = LiveMerge.newest(latestByText(page), newest[0]);
                feed.offer(page);
            });
        }, (Long total) -> feed.whenDrained(() -> {
            if (!load.complete()) {
                return;
            }
            busy(-1);
            if (total < 0) {
                tooLargeToIndex = true;
                return;
            }
            index.markComplete(true);
            indexNewest = newest[0];
            states.clear();
            changed(EVERYTHING);
            finished("Index", null);
            sortLargeFolders();
        }), error -> {
            if (load.complete()) {
                busy(-1);
                finished("Load the whole tree", message(error));
            }
        });
    }

    /**
     * The row of a page whose created_at is greatest as text (as the server writes them, in one
     * format): one parse per page instead of one per row. It is never later than the page's
     * newest, so a watermark taken from it can only ask for a few rows again, never miss one.
     */
    private static List<FileSystemEntry> latestByText(List<FileSystemEntry> page) {
        FileSystemEntry best = null;
        for (FileSystemEntry r : page) {
            if (r.createdAt() != null && (best == null || r.createdAt().compareTo(best.createdAt()) > 0)) {
                best = r;
            }
        }
        return best == null ? List.of() : List.of(best);
    }

    /**
     * Whether {@link #loadIndex()} would start a load: the index is not whole, no load is running,
     * and the server has not said (since the last F5) that the tree is too large to index. Each
     * page a running load puts in changes folders; a view that starts the load when folders
     * change asks this first, so the pages do not ask again and again.
     */
    public boolean indexWanted() {
        return !indexLoad.isRunning() && !index.isComplete() && !tooLargeToIndex;
    }

    /**
     * The newest created_at among the rows the whole index loaded (null while it is not whole, or
     * no row had one): where live refresh's first look for rows created elsewhere starts.
     */
    public String indexNewestCreated() {
        return index.isComplete() ? indexNewest : null;
    }

    /** Folders with this many children are put in order off the owner's thread once the index is whole. */
    static final int LARGE_FOLDER = 2_000;

    /**
     * Orders the children of very large folders in the background, so that opening one of them
     * later costs the owner's thread no sort (a 10,000-child folder took most of a pulse). Their
     * children are taken one folder per turn of the owner's thread: nine large folders taken at
     * once held it for ~30 ms.
     */
    private void sortLargeFolders() {
        sortLargeFolders(new java.util.ArrayDeque<>(index.unsortedFolderPaths(LARGE_FOLDER)));
    }

    private void sortLargeFolders(java.util.Deque<String> left) {
        String path = left.poll();
        if (path == null) {
            return;
        }
        TreeIndex.Unsorted u = index.unsortedFolder(path);
        try {
            if (u != null) {
                runner.run(() -> TreeIndex.sort(u.nodes()), sorted -> index.offerSorted(u, sorted),
                        error -> { }); // a sort cannot fail; the folder is then sorted when it is opened
            }
            runner.post(() -> sortLargeFolders(left));
        } catch (java.util.concurrent.RejectedExecutionException closing) {
            // the runner is shutting down (the app is closing): nothing is left to sort for
        }
    }

    /**
     * Searches on the server; results are also put into the index. A new search cancels the
     * one in flight, whose results never arrive.
     */
    public void search(String text, Consumer<List<FileSystemEntry>> results) {
        cancelSearch();
        TaskRunner.Handle search = started();
        searching = search;
        runner.run(search, () -> backend.search(text, 500), (List<FileSystemEntry> rows) -> {
            busy(-1);
            changed(index.putAll(rows));
            results.accept(rows);
        }, error -> {
            busy(-1);
            finished("Search", message(error));
        });
    }

    /** Drops the search in flight, if any (the search field was cleared). */
    public void cancelSearch() {
        cancel(searching);
    }

    // ---- edits --------------------------------------------------------------------------

    /** Applies an edit at once, sends it, and keeps it for undo when the server agrees. */
    public void execute(Operation op, Consumer<String> done) {
        String refusal = op.refusal();
        if (refusal != null) {
            finished(op.description(), refusal);
            done.accept(refusal);
            return;
        }
        perform(op, op.description(), (msg, error) -> done.accept(msg), true, true);
    }

    /**
     * Applies, sends and reconciles (or reverts) one edit; {@code done} hears null on success, or
     * the message and the failure.
     */
    private void perform(Operation op, String label, java.util.function.BiConsumer<String, Throwable> done,
            boolean fresh, boolean cancellable) {
        Progress progress = tracking(op, label, cancellable);
        index.recordTouched();
        op.applyLocally(index);
        changedBy(index.touchedSinceRecord());
        if (op instanceof StarOperation || op instanceof DeleteOperation) {
            starsChanged();
        }
        busy(1);
        runner.run(() -> {
            op.send(backend);
            return Boolean.TRUE;
        }, ok -> {
            busy(-1);
            progress.end();
            index.recordTouched();
            op.reconcile(index);
            changedBy(index.touchedSinceRecord());
            if (fresh) {
                history.done(op);
            }
            if (op instanceof StarOperation || op instanceof DeleteOperation || op instanceof RestoreOperation) {
                starsChanged(); // the server drops the stars of deleted objects; a restore adds them back
            } else if (op instanceof MoveOperation) {
                loadStars(); // the server rewrites the stars of moved folders
            }
            finished(label, null);
            for (Listener l : listeners) {
                l.edited(op);
            }
            done.accept(null, null);
        }, error -> {
            busy(-1);
            progress.end();
            index.recordTouched();
            op.revertLocally(index);
            changedBy(index.touchedSinceRecord());
            if (Progress.isCancel(error) && op instanceof MoveOperation move) {
                CancelledMove.settle(move, error, label, fresh ? history : null, (back, then) -> perform(back,
                        "Putting back: " + label, then, false, false), (msg, e) -> {
                            finished(label, msg);
                            done.accept(msg, e);
                        });
                return;
            }
            if (op instanceof StarOperation || op instanceof DeleteOperation) {
                loadStars(); // some may have changed on the server before the refusal
            }
            String msg = Conflicts.explain(op, index, error, this::conflicted);
            finished(label, msg);
            done.accept(msg, error);
        });
    }

    /** The undo and redo stacks: labels, and the edits each step runs. */
    public EditHistory history() {
        return history;
    }

    public boolean canUndo() {
        return history.canUndo();
    }

    public boolean canRedo() {
        return history.canRedo();
    }

    /** The label of the next undo ("Move 3 items to Marketing"), or null. */
    public String undoDescription() {
        return history.peekUndo() == null ? null : history.peekUndo().label();
    }

    /** The label of the next redo, or null. */
    public String redoDescription() {
        return history.peekRedo() == null ? null : history.peekRedo().label();
    }

    /** Undoes the last edit; the undone edit can be redone. */
    public void undo(Consumer<String> done) {
        step(history.peekUndo(), true, done);
    }

    /** Redoes the last undone edit: applies it again, and it can be undone again. */
    public void redo(Consumer<String> done) {
        step(history.peekRedo(), false, done);
    }

    private void step(EditHistory.Step step, boolean back, Consumer<String> done) {
        if (step == null) {
            done.accept(back ? "Nothing to undo." : "Nothing to redo.");
            return;
        }
        if (stepping != null) {
            done.accept("Still busy with “" + stepping.label() + "”: try again in a moment.");
            return;
        }
        if (back && step.changedElsewhere() != null) {
            // someone else changed it since: undoing would overwrite their change without a word
            history.drop(step);
            String msg = Conflicts.undoRefused(step.applied(), step.changedElsewhere());
            finished(step.label(), msg);
            done.accept(msg);
            return;
        }
        Operation run = step.inverse();
        if (run == null) {
            history.drop(step);
            done.accept("“" + step.label() + "” can't be " + (back ? "undone." : "redone."));
            return;
        }
        stepping = step;
        perform(run, (back ? "Undo: " : "Redo: ") + step.label(), (msg, error) -> {
            stepping = null;
            if (Progress.isCancel(error)) {
                // cancelled and everything put back: the step stays as it was
            } else if (msg == null) {
                if (back) {
                    history.undone(step, run);
                } else {
                    history.redone(step, run);
                }
            } else if (Conflicts.isGone(error)) {
                history.drop(step); // its rows are gone elsewhere: it can never be taken back
            } else {
                step.forgetInverse();
            }
            done.accept(msg);
        }, false, true);
    }

    /** A progress for the edit, whose changes reach the listeners on the owner's thread (at most one post pending). */
    private Progress tracking(Operation op, String label, boolean cancellable) {
        Progress progress = new Progress(Progress.titleOf(label), cancellable && op.cancellable());
        op.track(progress);
        if (op.tracked()) {
            java.util.concurrent.atomic.AtomicBoolean posted = new java.util.concurrent.atomic.AtomicBoolean();
            progress.onChange(() -> {
                if (posted.compareAndSet(false, true)) {
                    runner.post(() -> {
                        posted.set(false);
                        listeners.forEach(l -> l.working(progress));
                    });
                }
            });
            listeners.forEach(l -> l.working(progress));
        }
        return progress;
    }

    /** How many times the tree was refreshed (F5) so far. */
    public int refreshes() {
        return refreshes;
    }

    /**
     * Live refresh merged changes made elsewhere into the index: views refresh these folders,
     * and undo steps on these rows ({@code rows}: id to name) will say so instead of overwriting.
     */
    public void changedElsewhere(Set<String> folders, Map<String, String> rows) {
        history.changedElsewhere(rows);
        changed(folders);
    }

    private void conflicted(java.util.Collection<String> folders) {
        for (Listener l : listeners) {
            l.conflicted(folders);
        }
    }

    /** A message a person can act on, from any failure. */
    public static String message(Throwable error) {
        Throwable e = error;
        while ((e instanceof java.util.concurrent.CompletionException
                || e instanceof java.util.concurrent.ExecutionException) && e.getCause() != null) {
            e = e.getCause();
        }
        // A refusal is shown as the server worded it; other failures (key, network, server
        // errors) keep the client's sentence, which says what to do.
        if (e instanceof dev.burrow.client.ApiException api && (api instanceof dev.burrow.client.ApiException.Validation
                || api instanceof dev.burrow.client.ApiException.Conflict
                || api instanceof dev.burrow.client.ApiException.NotFound)) {
            String detail = api.detail();
            if (detail != null && !detail.isBlank()) {
                return detail;
            }
        }
        String m = e.getMessage();
        return m == null || m.isBlank() ? "Something went wrong and no reason was given. Try again, or reload (F5)." : m;
    }
}
