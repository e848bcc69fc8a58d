package dev.burrow.tree;

import dev.burrow.api.FileSystemEntry;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A folder move done row by row (for servers without {@code move}): the plan is saved before
 * the first PATCH and its progress as it goes, so a run cut short — a refusal, a crash, a
 * {@code kill -9} — can be resumed or rolled back, and no row is left stranded.
 */
public final class MoveJournal {

    /** One row's move. */
    public record Entry(String id, String from, String to) {
    }

    /** Where journals live between runs. */
    public interface Store {
        void save(MoveJournal.Snapshot snapshot);

        void delete(String journalId);

        List<MoveJournal.Snapshot> pending();

        /**
         * Marks a journal as being run by this process until closed, so that {@link #pending()}
         * in another process leaves it alone.
         */
        default JournalFolder.Lock running(String journalId) {
            return () -> { };
        }

        /** A store that forgets everything when the process ends (tests, or no disk). */
        static Store inMemory() {
            Map<String, Snapshot> map = new ConcurrentHashMap<>();
            return new Store() {
                @Override
                public void save(Snapshot snapshot) {
                    map.put(snapshot.id(), snapshot);
                }

                @Override
                public void delete(String journalId) {
                    map.remove(journalId);
                }

                @Override
                public List<Snapshot> pending() {
                    return new ArrayList<>(map.values());
                }
            };
        }
    }

    /** What is saved: the plan and how many entries are done (in order). */
    public record Snapshot(String id, String description, List<Entry> entries, int done) {
        public Snapshot {
            entries = List.copyOf(entries);
        }
    }

    /** Progress is saved every this many rows; re-sending a done PATCH is harmless. */
    private static final int SAVE_EVERY = 25;

    private final Store store;
    private final String id;
    private final String description;
    private final List<Entry> entries;
    private int done;
    /**
     * How many entries past {@code done} may have moved too: progress is saved only every
     * {@link #SAVE_EVERY} rows, so a journal reopened after a crash may be behind by that much.
     */
    private int uncertain;

    private MoveJournal(Store store, Snapshot s) {
        this.store = store;
        this.id = s.id();
        this.description = s.description();
        this.entries = s.entries();
        this.done = s.done();
    }

    /** Reopens a journal found at start-up. */
    public static MoveJournal resume(Store store, Snapshot snapshot) {
        MoveJournal j = new MoveJournal(store, snapshot);
        j.uncertain = SAVE_EVERY;
        return j;
    }

    /** Plans the move of a folder and everything below it to {@code target}, and saves the plan. */
    static MoveJournal plan(TreeNode.Folder folder, String target, TreeBackend backend, Store store) {
        return plan(folder, target, backend, store, null);
    }

    /** As {@link #plan(TreeNode.Folder, String, TreeBackend, Store)}, moving only descendants in {@code onlyIds} (null: all). */
    static MoveJournal plan(TreeNode.Folder folder, String target, TreeBackend backend, Store store,
            java.util.Set<String> onlyIds) {
        List<Entry> entries = new ArrayList<>();
        // a folder seen only through the rows below it (a search's folders) may still have folder
        // rows on the server: they move too, or they would stay behind at the old path
        List<FileSystemEntry> own = folder.rows().isEmpty() && (onlyIds == null)
                ? backend.rowsAt(folder.path()).stream().filter(FileSystemEntry::isFolder).toList()
                : folder.rows();
        for (FileSystemEntry row : own) {
            entries.add(new Entry(row.id(), row.path(), target));
        }
        for (FileSystemEntry row : backend.descendants(folder.path())) {
            if (onlyIds != null && !onlyIds.contains(row.id())) {
                continue;
            }
            entries.add(new Entry(row.id(), row.path(), MoveOperation.rebase(row.path(), folder.path(), target)));
        }
        Snapshot s = new Snapshot(UUID.randomUUID().toString(), "Move “" + folder.name() + "” to " + target,
                entries, 0);
        store.save(s);
        return new MoveJournal(store, s);
    }

    public String id() {
        return id;
    }

    public String description() {
        return description;
    }

    /** The planned row moves, in order. */
    public List<Entry> entries() {
        return entries;
    }

    public int total() {
        return entries.size();
    }

    public int done() {
        return done;
    }

    private void save() {
        store.save(new Snapshot(id, description, entries, done));
    }

    /**
     * Sends the remaining PATCHes. If one is refused, the rows already moved are moved back
     * and the refusal is rethrown; if even that fails, the journal stays for the next start.
     */
    public void run(TreeBackend backend) {
        run(backend, new Progress(description, false));
    }

    /**
     * As {@link #run(TreeBackend)}, reporting each row to {@code progress}. A cancel stops before
     * the next PATCH and puts back the rows already moved, then throws {@link Progress.Cancelled};
     * if putting back fails, that failure is thrown and the journal stays for the next start.
     */
    void run(TreeBackend backend, Progress progress) {
        try (JournalFolder.Lock held = store.running(id)) {
            runHeld(backend, progress);
        }
    }

    private void runHeld(TreeBackend backend, Progress progress) {
        try {
            while (done < entries.size()) {
                progress.checkNotCancelled();
                Entry e = entries.get(done);
                backend.patchPath(e.id(), e.to());
                done++;
                progress.advance();
                uncertain = Math.max(0, uncertain - 1);
                if (done % SAVE_EVERY == 0) {
                    save();
                }
            }
        } catch (RuntimeException failure) {
            save();
            boolean cancelled = failure instanceof Progress.Cancelled;
            if (cancelled) {
                progress.puttingBack(done);
            }
            try {
                rollbackHeld(backend, progress, cancelled ? done : entries.size());
            } catch (RuntimeException rollbackFailure) {
                if (cancelled) {
                    rollbackFailure.addSuppressed(failure);
                    throw rollbackFailure; // not everything went back: say why, the journal stays
                }
                failure.addSuppressed(rollbackFailure);
            }
            throw failure;
        }
        store.delete(id);
    }

    /** Moves back every row this journal moved (including the one that may have been in flight). */
    public void rollback(TreeBackend backend) {
        try (JournalFolder.Lock held = store.running(id)) {
            rollbackHeld(backend, new Progress(description, false), entries.size());
        }
    }

    /**
     * Puts rows back from the last one that may have moved. {@code limit} caps it: after a
     * cancel no PATCH was in flight, so only the rows known done go back.
     */
    private void rollbackHeld(TreeBackend backend, Progress progress, int limit) {
        // the row in flight, and after a crash the rows moved since progress was last saved
        int known = done;
        int upTo = Math.min(limit, Math.min(entries.size(), done + 1 + uncertain));
        for (int i = upTo - 1; i >= 0; i--) {
            Entry e = entries.get(i);
            try {
                backend.patchPath(e.id(), e.from());
            } catch (RuntimeException ex) {
                // rows past the known progress may never have moved: only the others must go back
                if (i < known) {
                    done = i + 1;
                    uncertain = 0;
                    save();
                    throw ex;
                }
            }
            done = i;
            progress.advance();
        }
        store.delete(id);
    }
}
