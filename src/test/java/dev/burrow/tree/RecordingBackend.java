package dev.burrow.tree;

import dev.burrow.api.CountResult;
import dev.burrow.api.DeletedObject;
import dev.burrow.api.FileSystemEntry;
import dev.burrow.api.Page;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.Consumer;

/**
 * A {@link TreeBackend} that passes every call to another one and records it ("patchPath",
 * "move", …), and can be told to fail PATCHes of paths: after N good ones, once or for good.
 */
final class RecordingBackend implements TreeBackend {

    /** Thrown in place of a PATCH when a fault is armed. */
    static final class InjectedFault extends RuntimeException {
        private static final long serialVersionUID = 1L;

        InjectedFault(String message) {
            super(message);
        }
    }

    /** Thrown to stand for the process dying mid-run: not a RuntimeException, so nothing catches it. */
    static final class Crash extends Error {
        private static final long serialVersionUID = 1L;

        Crash() {
            super("simulated crash");
        }
    }

    private final TreeBackend delegate;
    private final List<String> calls = Collections.synchronizedList(new ArrayList<>());
    private int patchesBeforeFault = -1;
    private boolean faultSticks;
    private boolean crash;
    private int patches;
    /** Hears the number of every PATCH of a path as it is sent (1, 2, …), before it goes. */
    private volatile java.util.function.IntConsumer onPatch = n -> { };
    private final java.util.concurrent.atomic.AtomicInteger patchCount = new java.util.concurrent.atomic.AtomicInteger();

    RecordingBackend(TreeBackend delegate) {
        this.delegate = delegate;
    }

    /** Every call so far, by method name. */
    List<String> calls() {
        synchronized (calls) {
            return List.copyOf(calls);
        }
    }

    /** The calls that change the server. */
    List<String> writes() {
        return calls().stream().filter(c -> !List.of("children", "total", "everything", "descendants", "rowsAt", "rowsFor",
                "search", "retrieve", "count", "supportsMove").contains(c)).toList();
    }

    void clear() {
        calls.clear();
    }

    /** The next PATCHes of paths succeed {@code good} times, then fail once (or every time when {@code sticks}). */
    void failPatchesAfter(int good, boolean sticks) {
        this.patchesBeforeFault = good;
        this.faultSticks = sticks;
        this.crash = false;
        this.patches = 0;
    }

    /** After {@code good} PATCHes of paths, the process "dies" (an Error nobody catches). */
    void crashAfter(int good) {
        failPatchesAfter(good, true);
        this.crash = true;
    }

    /** Calls {@code hook} with the count of PATCHes of paths so far, before each goes. */
    void onPatch(java.util.function.IntConsumer hook) {
        patchCount.set(0);
        this.onPatch = hook;
    }

    void heal() {
        patchesBeforeFault = -1;
    }

    private void record(String call) {
        calls.add(call);
    }

    @Override
    public List<dev.burrow.api.Star> stars() {
        return delegate.stars();
    }

    @Override
    public dev.burrow.api.Star addStar(dev.burrow.api.Star template) {
        return delegate.addStar(template);
    }

    @Override
    public void removeStar(String starId) {
        delegate.removeStar(starId);
    }

    @Override
    public Page<FileSystemEntry> children(String folder, int limit, int offset) {
        record("children");
        return delegate.children(folder, limit, offset);
    }

    /** What {@link #total()} answers instead of the server's count, or -1 for the server's. */
    private volatile long totalReported = -1;

    /** Makes {@link #total()} answer {@code rows}, as a server with a larger tree would. */
    void reportTotal(long rows) {
        totalReported = rows;
    }

    @Override
    public long total() {
        record("total");
        long reported = totalReported;
        return reported >= 0 ? reported : delegate.total();
    }

    @Override
    public long everything(int pageSize, Consumer<List<FileSystemEntry>> pages) {
        record("everything");
        return delegate.everything(pageSize, pages);
    }

    @Override
    public List<FileSystemEntry> descendants(String folder) {
        record("descendants");
        return delegate.descendants(folder);
    }

    @Override
    public List<FileSystemEntry> rowsAt(String path) {
        record("rowsAt");
        return delegate.rowsAt(path);
    }

    @Override
    public List<FileSystemEntry> rowsFor(String type, String ref) {
        record("rowsFor");
        return delegate.rowsFor(type, ref);
    }

    @Override
    public List<FileSystemEntry> search(String text, int limit) {
        record("search");
        return delegate.search(text, limit);
    }

    @Override
    public FileSystemEntry create(FileSystemEntry template) {
        record("create");
        return delegate.create(template);
    }

    @Override
    public FileSystemEntry retrieve(String id) {
        record("retrieve");
        return delegate.retrieve(id);
    }

    @Override
    public FileSystemEntry patchPath(String id, String path) {
        record("patchPath");
        onPatch.accept(patchCount.incrementAndGet());
        if (patchesBeforeFault >= 0) {
            if (patches >= patchesBeforeFault) {
                if (!faultSticks) {
                    patchesBeforeFault = -1;
                }
                if (crash) {
                    throw new Crash();
                }
                throw new InjectedFault("injected fault on PATCH " + id);
            }
            patches++;
        }
        return delegate.patchPath(id, path);
    }

    @Override
    public FileSystemEntry patchShortcut(String id, boolean shortcut) {
        record("patchShortcut");
        return delegate.patchShortcut(id, shortcut);
    }

    @Override
    public boolean supportsMove() {
        return delegate.supportsMove();
    }

    @Override
    public FileSystemEntry move(String id, String newPath) {
        record("move");
        return delegate.move(id, newPath);
    }

    @Override
    public FileSystemEntry link(String id, String newPath) {
        record("link");
        return delegate.link(id, newPath);
    }

    @Override
    public List<DeletedObject> delete(String id) {
        record("delete");
        return delegate.delete(id);
    }

    @Override
    public void undoDelete(List<DeletedObject> items) {
        record("undoDelete");
        delegate.undoDelete(items);
    }

    @Override
    public CountResult count(String folderPath) {
        record("count");
        return delegate.count(folderPath);
    }
}
