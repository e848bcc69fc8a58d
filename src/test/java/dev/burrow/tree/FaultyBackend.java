package dev.burrow.tree;

import dev.burrow.api.CountResult;
import dev.burrow.api.DeletedObject;
import dev.burrow.api.FileSystemEntry;
import dev.burrow.api.Page;
import java.util.List;
import java.util.function.Consumer;

/**
 * A {@link TreeBackend} that passes calls on and, when armed, fails exactly one of them before
 * it reaches the server: the first read before any write, the first write, or the n-th PATCH of
 * a path. Each of these is a refusal that changed nothing on the server by the time it came,
 * or (a PATCH inside a journaled move) one the journal must roll back.
 */
final class FaultyBackend implements TreeBackend {

    enum Mode { NONE, FIRST_READ, FIRST_WRITE, NTH_PATCH }

    private final TreeBackend delegate;
    private Mode mode = Mode.NONE;
    private int nth;
    private int patches;
    private boolean wrote;
    private int fired;

    FaultyBackend(TreeBackend delegate) {
        this.delegate = delegate;
    }

    /** Arms one fault for the next edit; {@code n} counts PATCHes of paths for {@link Mode#NTH_PATCH}. */
    void arm(Mode m, int n) {
        this.mode = m;
        this.nth = n;
        this.patches = 0;
        this.wrote = false;
    }

    void disarm() {
        mode = Mode.NONE;
    }

    /** True when the armed fault went off (and is now spent). */
    boolean fired() {
        return fired > 0;
    }

    int firedCount() {
        return fired;
    }

    void resetFired() {
        fired = 0;
    }

    private void fire(String what) {
        mode = Mode.NONE;
        fired++;
        throw new RecordingBackend.InjectedFault("injected fault on " + what);
    }

    private void read(String what) {
        if (mode == Mode.FIRST_READ && !wrote) {
            fire(what);
        }
    }

    private void write(String what) {
        if (mode == Mode.FIRST_WRITE) {
            fire(what);
        }
        if (mode == Mode.FIRST_READ) {
            mode = Mode.NONE; // a read after a write may not fail: the server has changed already
        }
        wrote = true;
    }

    @Override
    public Page<FileSystemEntry> children(String folder, int limit, int offset) {
        read("children");
        return delegate.children(folder, limit, offset);
    }

    @Override
    public long total() {
        return delegate.total();
    }

    @Override
    public long everything(int pageSize, Consumer<List<FileSystemEntry>> pages) {
        return delegate.everything(pageSize, pages);
    }

    @Override
    public List<FileSystemEntry> descendants(String folder) {
        read("descendants");
        return delegate.descendants(folder);
    }

    @Override
    public List<FileSystemEntry> rowsAt(String path) {
        read("rowsAt");
        return delegate.rowsAt(path);
    }

    @Override
    public List<FileSystemEntry> rowsFor(String type, String ref) {
        read("rowsFor");
        return delegate.rowsFor(type, ref);
    }

    @Override
    public List<FileSystemEntry> search(String text, int limit) {
        return delegate.search(text, limit);
    }

    @Override
    public FileSystemEntry create(FileSystemEntry template) {
        write("create");
        return delegate.create(template);
    }

    @Override
    public FileSystemEntry retrieve(String id) {
        read("retrieve");
        return delegate.retrieve(id);
    }

    @Override
    public FileSystemEntry patchPath(String id, String path) {
        if (mode == Mode.NTH_PATCH) {
            if (patches++ == nth) {
                fire("PATCH path #" + nth);
            }
            wrote = true;
        } else {
            write("PATCH path");
        }
        return delegate.patchPath(id, path);
    }

    @Override
    public FileSystemEntry patchShortcut(String id, boolean shortcut) {
        write("PATCH shortcut");
        return delegate.patchShortcut(id, shortcut);
    }

    @Override
    public boolean supportsMove() {
        return delegate.supportsMove();
    }

    @Override
    public FileSystemEntry move(String id, String newPath) {
        write("move");
        return delegate.move(id, newPath);
    }

    @Override
    public FileSystemEntry link(String id, String newPath) {
        write("link");
        return delegate.link(id, newPath);
    }

    @Override
    public List<DeletedObject> delete(String id) {
        write("delete");
        return delegate.delete(id);
    }

    @Override
    public void undoDelete(List<DeletedObject> items) {
        write("undo_delete");
        delegate.undoDelete(items);
    }

    @Override
    public CountResult count(String folderPath) {
        return delegate.count(folderPath);
    }
}
