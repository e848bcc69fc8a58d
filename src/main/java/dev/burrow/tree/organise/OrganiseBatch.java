package dev.burrow.tree.organise;

import dev.burrow.api.EntryPath;
import dev.burrow.api.FileSystemEntry;
import dev.burrow.client.ApiException;
import dev.burrow.tree.Operation;
import dev.burrow.tree.TreeBackend;
import dev.burrow.tree.TreeIndex;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Applies a {@link Plan} as one undoable {@link Operation}: the missing folders first (one
 * {@code POST} each, parents first), then one {@code PATCH} of {@code path} per item (a folder
 * row named by the query moves with {@code POST move}) — never any other request. Everything is
 * journaled before it is sent ({@link BatchJournal}), so a batch cut short can be resumed
 * ({@link #resume}) or reverted ({@link OrganiseUndo#of}).
 *
 * <p>{@link #cancel} stops it between two requests: what was done stays, {@link #send} returns
 * normally, {@link #outcome} says {@code CANCELLED} and the description says how far it got; the
 * undo then reverts just that. A row deleted by someone meanwhile is passed over and named in
 * {@link #vanished}. Any other failure stops the batch (the journal keeps it for resume or undo)
 * and is thrown, as every operation's failures are.
 *
 * <p>Threads: {@link #applyLocally}, {@link #reconcile} and {@link #revertLocally} on the owner's
 * thread; {@link #send} on a background thread; {@link #cancel} and the getters from any thread.
 */
public final class OrganiseBatch implements Operation {

    /** Hears how far {@link #send} has got, on the sending thread, after every request. */
    @FunctionalInterface
    public interface ProgressListener {
        /** {@code sent} of {@code total} requests of this run are done. */
        void progress(int sent, int total);
    }

    /** How a run ended. */
    public enum Outcome { NOT_SENT, COMPLETE, CANCELLED, FAILED }

    private final BatchJournal.Store store;
    private final String summary;
    private final String query;
    private final String template;
    private final List<BatchJournal.Entry> entries;
    private final BatchJournal resumed;
    private final int start;
    /** Folders to create; null until {@link #applyLocally} works them out (redo). */
    private List<String> folders;

    private volatile boolean cancelRequested;
    private volatile ProgressListener listener = (sent, total) -> { };
    /** The window's background-work line: hears every request, and its cancel stops the batch too. */
    private volatile dev.burrow.tree.Progress tracker = new dev.burrow.tree.Progress("", false);
    private volatile Outcome outcome = Outcome.NOT_SENT;
    private volatile int done;
    private volatile String journalId;
    private final Map<String, FileSystemEntry> created = Collections.synchronizedMap(new LinkedHashMap<>());
    private final Set<String> vanished = Collections.synchronizedSet(new LinkedHashSet<>());

    /** Owner-thread state of the optimistic change. */
    private final Map<String, String> tempFolders = new LinkedHashMap<>();
    private final List<List<FileSystemEntry>> before = new ArrayList<>();

    private OrganiseBatch(BatchJournal.Store store, String summary, String query, String template,
            List<BatchJournal.Entry> entries, List<String> folders, BatchJournal resumed) {
        this.store = store;
        this.summary = summary;
        this.query = query;
        this.template = template;
        this.entries = List.copyOf(entries);
        this.folders = folders == null ? null : List.copyOf(folders);
        this.resumed = resumed;
        this.start = resumed == null ? 0 : resumed.done();
        this.done = start;
        if (resumed != null) {
            this.journalId = resumed.id();
        }
    }

    /** The batch that applies {@code plan}, journaled in {@code store}. */
    public static OrganiseBatch of(Plan plan, BatchJournal.Store store) {
        List<BatchJournal.Entry> entries = plan.moves().stream()
                .map(m -> new BatchJournal.Entry(m.id(), m.from(), m.to(), m.isFolder())).toList();
        return new OrganiseBatch(store, describe(plan.moves().size(), plan.template()), plan.query(), plan.template(),
                entries, plan.newFolders(), null);
    }

    /**
     * Finishes a batch that was cut short: the folders it had not created yet (a folder whose
     * create was sent but not recorded is looked up first, and adopted if it is there), then the
     * moves from its last recorded progress on (the last few may be sent again: harmless).
     */
    public static OrganiseBatch resume(BatchJournal journal, BatchJournal.Store store) {
        List<String> remaining = journal.folders().stream().filter(f -> !journal.createdFolders().containsKey(f))
                .toList();
        return new OrganiseBatch(store, journal.description(), journal.query(), journal.template(), journal.entries(),
                remaining, journal);
    }

    /** Moves rows again as an undone batch had (redo); missing folders are worked out from the index. */
    static OrganiseBatch again(List<BatchJournal.Entry> entries, String summary, String query, String template,
            BatchJournal.Store store) {
        return new OrganiseBatch(store, summary, query, template, entries, null, null);
    }

    static String describe(int moves, String template) {
        return "Organise " + (moves == 1 ? "1 item" : moves + " items") + " into " + template;
    }

    /**
     * Runs an operation on this thread as {@code TreeSession} does across threads: locally, sent,
     * then reconciled, or reverted when sending fails (the failure is rethrown). For the command
     * line, which has no session.
     */
    public static void runHere(Operation op, TreeIndex index, TreeBackend backend) {
        op.applyLocally(index);
        try {
            op.send(backend);
        } catch (RuntimeException e) {
            op.revertLocally(index);
            throw e;
        }
        op.reconcile(index);
    }

    /** Stops the batch before its next request (any thread). */
    public void cancel() {
        cancelRequested = true;
    }

    @Override
    public void track(dev.burrow.tree.Progress progress) {
        this.tracker = progress;
    }

    @Override
    public boolean tracked() {
        return true;
    }

    private void reported(int sent, int total) {
        listener.progress(sent, total);
        tracker.report(sent, total);
    }

    /** Progress of {@link #send}, on the sending thread; hand it to your own thread (throttled) from there. */
    public void onProgress(ProgressListener value) {
        this.listener = value == null ? (sent, total) -> { } : value;
    }

    public Outcome outcome() {
        return outcome;
    }

    /** Moves done so far, counting from the start of the batch (a resumed batch starts where it was). */
    public int done() {
        return done;
    }

    public int total() {
        return entries.size();
    }

    /** The batch's journal id, once {@link #send} has saved it. */
    public String journalId() {
        return journalId;
    }

    /** Folders created by this run: path to row. */
    public Map<String, FileSystemEntry> createdFolders() {
        synchronized (created) {
            return Map.copyOf(created);
        }
    }

    /** Ids of rows that were gone when their move was sent. */
    public Set<String> vanished() {
        synchronized (vanished) {
            return Set.copyOf(vanished);
        }
    }

    @Override
    public String description() {
        return switch (outcome) {
            case CANCELLED -> summary + " — cancelled after " + done + " of " + entries.size();
            case FAILED -> summary + " — stopped after " + done + " of " + entries.size();
            default -> summary;
        };
    }

    @Override
    public String refusal() {
        return start >= entries.size() && (folders == null || folders.isEmpty()) ? "Nothing to move." : null;
    }

    // ---- owner thread -----------------------------------------------------------------------

    @Override
    public void applyLocally(TreeIndex index) {
        if (folders == null) {
            folders = Planner.missingFolders(index, entries.stream().map(e -> EntryPath.parent(e.to())).toList());
        }
        tempFolders.clear();
        before.clear();
        for (String f : folders) {
            String temp = "local-" + UUID.randomUUID();
            tempFolders.put(f, temp);
            index.put(new FileSystemEntry(temp, f, EntryPath.depth(f), FileSystemEntry.FOLDER, null, null, null,
                    Boolean.FALSE, null, null, null, null));
        }
        for (int i = start; i < entries.size(); i++) {
            BatchJournal.Entry e = entries.get(i);
            List<FileSystemEntry> rows = Moves.rowsOf(index, e.id(), e.from(), e.folder());
            before.add(rows);
            Moves.put(index, rows, e.from(), e.to());
        }
    }

    @Override
    public void reconcile(TreeIndex index) {
        settle(index);
    }

    /** Keeps what the server did (created folders, moves sent) and takes back the rest. */
    @Override
    public void revertLocally(TreeIndex index) {
        settle(index);
    }

    private void settle(TreeIndex index) {
        tempFolders.values().forEach(index::remove);
        tempFolders.clear();
        createdFolders().values().forEach(index::put);
        for (int i = entries.size() - 1; i >= done; i--) {
            int k = i - start;
            if (k >= 0 && k < before.size()) {
                before.get(k).forEach(index::put);
            }
        }
        vanished().forEach(index::remove);
    }

    // ---- background ---------------------------------------------------------------------------

    @Override
    public void send(TreeBackend backend) {
        if (resumed == null) {
            journalId = BatchJournal.newId(Instant.now());
            store.create(new BatchJournal(journalId, summary, query, template, folders, entries));
        }
        BatchJournal.Claim claim = store.claim(journalId);
        if (claim == null) {
            throw new IllegalStateException("This batch is being applied or undone by another Burrow window or"
                    + " command right now.");
        }
        int total = folders.size() + entries.size() - start;
        int sent = 0;
        try (claim) {
            for (String f : folders) {
                if (stopIfCancelled()) {
                    return;
                }
                createFolder(backend, f);
                reported(++sent, total);
            }
            for (int i = start; i < entries.size(); i++) {
                if (stopIfCancelled()) {
                    return;
                }
                moveOne(backend, entries.get(i));
                done = i + 1;
                if (done % BatchJournal.SAVE_EVERY == 0) {
                    store.append(journalId, BatchJournal.Event.done(done));
                }
                reported(++sent, total);
            }
            finish(BatchJournal.State.APPLIED, Outcome.COMPLETE);
        } catch (RuntimeException failure) {
            outcome = Outcome.FAILED;
            try {
                store.append(journalId, BatchJournal.Event.done(done));
            } catch (RuntimeException journalFailure) {
                failure.addSuppressed(journalFailure);
            }
            throw failure;
        }
    }

    private boolean stopIfCancelled() {
        if (!cancelRequested && !tracker.isCancelled()) {
            return false;
        }
        finish(BatchJournal.State.CANCELLED, Outcome.CANCELLED);
        return true;
    }

    private void finish(BatchJournal.State state, Outcome how) {
        store.append(journalId, BatchJournal.Event.done(done));
        store.append(journalId, BatchJournal.Event.state(state));
        outcome = how;
    }

    private void createFolder(TreeBackend backend, String path) {
        if (resumed != null) {
            // After a crash the folder may be there already: ours if its create was sent, else someone else's.
            List<FileSystemEntry> there = backend.rowsAt(path).stream().filter(FileSystemEntry::isFolder).toList();
            if (!there.isEmpty()) {
                if (resumed.creating().contains(path)) {
                    store.append(journalId, BatchJournal.Event.created(path, there.get(0).id()));
                    created.put(path, there.get(0));
                }
                return;
            }
        }
        store.append(journalId, BatchJournal.Event.creating(path));
        FileSystemEntry row = backend.create(new FileSystemEntry(null, path, null, FileSystemEntry.FOLDER, null, null,
                null, Boolean.FALSE, null, null, null, null));
        store.append(journalId, BatchJournal.Event.created(path, row.id()));
        created.put(path, row);
    }

    private void moveOne(TreeBackend backend, BatchJournal.Entry e) {
        try {
            if (e.folder()) {
                backend.move(e.id(), e.to());
            } else {
                backend.patchPath(e.id(), e.to());
            }
        } catch (ApiException.NotFound gone) {
            vanished.add(e.id());
            store.append(journalId, BatchJournal.Event.vanished(e.id()));
        }
    }

    // ---- history --------------------------------------------------------------------------------

    /** The undo of what this run did: its moves back, its folders removed if still empty. */
    @Override
    public Operation inverse() {
        if (outcome != Outcome.COMPLETE && outcome != Outcome.CANCELLED) {
            return null;
        }
        Set<String> gone = vanished();
        List<BatchJournal.Entry> applied = entries.subList(0, done).stream().filter(e -> !gone.contains(e.id()))
                .toList();
        Map<String, String> folderIds = new LinkedHashMap<>();
        createdFolders().forEach((path, row) -> folderIds.put(path, row.id()));
        if (resumed != null) {
            folderIds.putAll(resumed.createdFolders());
        }
        return new OrganiseUndo(store, journalId, summary, query, template, applied, folderIds);
    }

    @Override
    public List<String> resultIds() {
        Set<String> gone = vanished();
        return entries.subList(start, done).stream().map(BatchJournal.Entry::id).filter(id -> !gone.contains(id))
                .toList();
    }
}
