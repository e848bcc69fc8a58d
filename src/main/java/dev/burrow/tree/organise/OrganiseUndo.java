package dev.burrow.tree.organise;

import dev.burrow.api.EntryPath;
import dev.burrow.api.FileSystemEntry;
import dev.burrow.api.Page;
import dev.burrow.client.ApiException;
import dev.burrow.tree.Operation;
import dev.burrow.tree.TreeBackend;
import dev.burrow.tree.TreeIndex;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reverts an organise batch as one {@link Operation}: every row still where the batch put it
 * goes back to its exact old path; a row someone moved, renamed or deleted since is left alone
 * and named in {@link #leftAlone}; folders the batch created are removed when nothing is in them.
 *
 * <p>It first reads where the rows are now (a listing of each folder involved, all pages; a
 * {@code GET} for a row found in none of them), so it works as well for a batch that was cut
 * short by a crash — rows never moved are simply where they were — as for a complete one.
 */
public final class OrganiseUndo implements Operation {

    /** A row undo did not touch because it changed after the batch. {@code now} is null when it was deleted. */
    public record LeftAlone(String id, String batchPath, String now) {

        /** "Insights/Alice/Weekly revenue — now at Archive/Weekly revenue" */
        public String sentence() {
            return batchPath + (now == null ? " — deleted since" : " — now at " + now);
        }
    }

    /** Rows per page when reading where the rows are now. */
    static final int PAGE = 1000;

    private final BatchJournal.Store store;
    private final String journalId;
    private final String summary;
    private final String query;
    private final String template;
    private final List<BatchJournal.Entry> entries;
    private final Map<String, String> folders;

    private final List<BatchJournal.Entry> restored = Collections.synchronizedList(new ArrayList<>());
    private final List<LeftAlone> leftAlone = Collections.synchronizedList(new ArrayList<>());
    private final List<String> removedFolders = Collections.synchronizedList(new ArrayList<>());
    private final List<String> keptFolders = Collections.synchronizedList(new ArrayList<>());
    private final Map<String, FileSystemEntry> current = Collections.synchronizedMap(new HashMap<>());
    private volatile boolean sent;
    /** Where the rows put back so far are reported: hundreds of them wait for the rate limit (2 a second past its burst). */
    private volatile dev.burrow.tree.Progress tracker = new dev.burrow.tree.Progress("", false);

    /** Owner-thread state of the optimistic change: per entry, the rows as they were. */
    private final Map<String, List<FileSystemEntry>> before = new LinkedHashMap<>();

    OrganiseUndo(BatchJournal.Store store, String journalId, String summary, String query, String template,
            List<BatchJournal.Entry> entries, Map<String, String> folders) {
        this.store = store;
        this.journalId = journalId;
        this.summary = summary;
        this.query = query;
        this.template = template;
        this.entries = List.copyOf(entries);
        this.folders = Map.copyOf(folders);
    }

    /** The undo of a journaled batch, complete or cut short (rows it may not have reached are checked too). */
    public static OrganiseUndo of(BatchJournal journal, BatchJournal.Store store) {
        List<BatchJournal.Entry> maybe = journal.entries().subList(0, journal.maybeDone()).stream()
                .filter(e -> !journal.vanished().contains(e.id())).toList();
        return new OrganiseUndo(store, journal.id(), journal.description(), journal.query(), journal.template(), maybe,
                journal.createdFolders());
    }

    @Override
    public String description() {
        String text = "Undo: " + summary;
        int alone = leftAlone.size() + keptFolders.size();
        return alone == 0 ? text : text + " — " + alone + " changed since, left alone";
    }

    @Override
    public void track(dev.burrow.tree.Progress progress) {
        this.tracker = progress;
    }

    @Override
    public boolean tracked() {
        return true;
    }

    /** Stopping half-way would leave a batch half undone with no step to finish it: it runs to the end. */
    @Override
    public boolean cancellable() {
        return false;
    }

    @Override
    public String refusal() {
        return entries.isEmpty() && folders.isEmpty() ? "Nothing to undo." : null;
    }

    /** Rows put back at their old paths. */
    public List<BatchJournal.Entry> restored() {
        synchronized (restored) {
            return List.copyOf(restored);
        }
    }

    /** Rows changed by someone since the batch, left where they are now. */
    public List<LeftAlone> leftAlone() {
        synchronized (leftAlone) {
            return List.copyOf(leftAlone);
        }
    }

    /** Folders the batch created and undo removed. */
    public List<String> removedFolders() {
        synchronized (removedFolders) {
            return List.copyOf(removedFolders);
        }
    }

    /** Folders the batch created that now hold something else (or were moved), so they stay. */
    public List<String> keptFolders() {
        synchronized (keptFolders) {
            return List.copyOf(keptFolders);
        }
    }

    // ---- owner thread -----------------------------------------------------------------------

    @Override
    public void applyLocally(TreeIndex index) {
        before.clear();
        for (int i = entries.size() - 1; i >= 0; i--) {
            BatchJournal.Entry e = entries.get(i);
            FileSystemEntry row = index.byId(e.id());
            if (row != null && EntryPath.normalize(row.path()).equals(e.to())) {
                List<FileSystemEntry> rows = Moves.rowsOf(index, e.id(), e.to(), e.folder());
                before.put(e.id(), rows);
                Moves.put(index, rows, e.to(), e.from());
            }
        }
    }

    @Override
    public void reconcile(TreeIndex index) {
        // the optimistic change took back rows the server has elsewhere: they follow the server
        for (LeftAlone l : leftAlone()) {
            List<FileSystemEntry> rows = before.get(l.id());
            if (rows != null) {
                rows.forEach(index::put);
            }
            FileSystemEntry now = current.get(l.id());
            if (now == null) {
                index.remove(l.id());
            } else {
                index.put(now);
            }
        }
        removedFolders().forEach(path -> index.remove(folders.get(path)));
    }

    @Override
    public void revertLocally(TreeIndex index) {
        Set<String> back = new LinkedHashSet<>();
        restored().forEach(e -> back.add(e.id()));
        before.forEach((id, rows) -> {
            if (!back.contains(id)) {
                rows.forEach(index::put);
            }
        });
        removedFolders().forEach(path -> index.remove(folders.get(path)));
    }

    // ---- background ---------------------------------------------------------------------------

    @Override
    public void send(TreeBackend backend) {
        // The journal is gone when the batch was undone elsewhere (the command line, another window):
        // undo still checks every row, it just has nothing to record.
        boolean journaled = journalId != null && store.all().stream().anyMatch(j -> j.id().equals(journalId));
        BatchJournal.Claim claim = journaled ? store.claim(journalId) : null;
        if (journaled && claim == null) {
            throw new IllegalStateException("This batch is being applied or undone by another Burrow window or"
                    + " command right now.");
        }
        try {
            if (journaled) {
                store.append(journalId, BatchJournal.Event.state(BatchJournal.State.UNDOING));
            }
            locate(backend);
            int total = entries.size() + folders.size();
            int done = 0;
            tracker.report(done, total);
            for (int i = entries.size() - 1; i >= 0; i--) {
                putBack(backend, entries.get(i));
                tracker.report(++done, total);
            }
            removeEmptyFolders(backend, done, total);
        } finally {
            if (claim != null) {
                claim.close();
            }
        }
        sent = true;
        if (journaled) {
            store.delete(journalId);
        }
    }

    private void putBack(TreeBackend backend, BatchJournal.Entry e) {
        FileSystemEntry now = current.get(e.id());
        if (now == null) {
            leftAlone.add(new LeftAlone(e.id(), e.to(), null));
            return;
        }
        String path = EntryPath.normalize(now.path());
        if (path.equals(e.to())) {
            try {
                if (e.folder()) {
                    backend.move(e.id(), e.from());
                } else {
                    backend.patchPath(e.id(), e.from());
                }
                restored.add(e);
            } catch (ApiException.NotFound gone) {
                current.remove(e.id());
                leftAlone.add(new LeftAlone(e.id(), e.to(), null));
            }
        } else if (!path.equals(EntryPath.normalize(e.from()))) {
            leftAlone.add(new LeftAlone(e.id(), e.to(), now.path()));
        }
        // else: never moved (a batch cut short) or already back: nothing to do, nothing to say
    }

    /** Deepest first: a folder goes only if it is still where the batch made it and nothing is below it. */
    private void removeEmptyFolders(TreeBackend backend, int done, int total) {
        List<String> paths = new ArrayList<>(folders.keySet());
        paths.sort(Comparator.comparingInt(EntryPath::depth).reversed().thenComparing(Comparator.reverseOrder()));
        for (String path : paths) {
            removeIfEmpty(backend, path);
            tracker.report(++done, total);
        }
    }

    private void removeIfEmpty(TreeBackend backend, String path) {
        String id = folders.get(path);
        FileSystemEntry now = current.get(id);
        if (now == null) {
            return; // deleted since: nothing to remove
        }
        if (!EntryPath.normalize(now.path()).equals(path) || backend.count(path).count() > 0) {
            keptFolders.add(path);
            return;
        }
        try {
            backend.delete(id);
        } catch (ApiException.NotFound gone) {
            // deleted meanwhile: what undo wanted
        }
        removedFolders.add(path);
    }

    /**
     * Where each row is now: the listing of every folder the batch moved rows into (and of the
     * folders that hold its new folders), then of the old folders for rows not found, then a
     * {@code GET} for any row still not found (a 404 means it was deleted).
     */
    private void locate(TreeBackend backend) {
        Set<String> wanted = new LinkedHashSet<>();
        Set<String> first = new LinkedHashSet<>();
        for (BatchJournal.Entry e : entries) {
            wanted.add(e.id());
            first.add(EntryPath.parent(e.to()));
        }
        folders.forEach((path, id) -> {
            wanted.add(id);
            first.add(EntryPath.parent(path));
        });
        first.forEach(f -> list(backend, f, wanted));
        Set<String> second = new LinkedHashSet<>();
        for (BatchJournal.Entry e : entries) {
            if (!current.containsKey(e.id())) {
                second.add(EntryPath.parent(EntryPath.normalize(e.from())));
            }
        }
        second.removeAll(first);
        second.forEach(f -> list(backend, f, wanted));
        for (String id : wanted) {
            if (!current.containsKey(id)) {
                try {
                    current.put(id, backend.retrieve(id));
                } catch (ApiException.NotFound gone) {
                    // deleted since
                }
            }
        }
    }

    private void list(TreeBackend backend, String folder, Set<String> wanted) {
        for (int offset = 0; ; offset += PAGE) {
            Page<FileSystemEntry> page = backend.children(folder, PAGE, offset);
            for (FileSystemEntry r : page.results()) {
                if (wanted.contains(r.id())) {
                    current.putIfAbsent(r.id(), r);
                }
            }
            if (page.results().size() < PAGE || offset + PAGE >= page.count()) {
                return;
            }
        }
    }

    /** Redo: the rows undo put back move again, into folders made anew where they are missing. */
    @Override
    public Operation inverse() {
        if (!sent) {
            return null;
        }
        return OrganiseBatch.again(restored(), summary, query, template, store);
    }

    @Override
    public List<String> resultIds() {
        return restored().stream().map(BatchJournal.Entry::id).toList();
    }
}
