package dev.burrow.bench;

import dev.burrow.api.CountResult;
import dev.burrow.api.DeletedObject;
import dev.burrow.api.FileSystemEntry;
import dev.burrow.api.Page;
import dev.burrow.tree.TreeBackend;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/** Counts the HTTP requests the tree model makes (one per page, one per call otherwise). */
final class CountingBackend implements TreeBackend {

    final AtomicLong requests = new AtomicLong();
    final AtomicLong countRequests = new AtomicLong();
    private final TreeBackend d;

    CountingBackend(TreeBackend delegate) {
        this.d = delegate;
    }

    @Override
    public Page<FileSystemEntry> children(String folder, int limit, int offset) {
        requests.incrementAndGet();
        return d.children(folder, limit, offset);
    }

    @Override
    public long total() {
        requests.incrementAndGet();
        return d.total();
    }

    @Override
    public long everything(int pageSize, Consumer<List<FileSystemEntry>> pages) {
        return d.everything(pageSize, page -> {
            requests.incrementAndGet();
            pages.accept(page);
        });
    }

    @Override
    public List<FileSystemEntry> descendants(String folder) {
        requests.incrementAndGet();
        return d.descendants(folder);
    }

    @Override
    public List<FileSystemEntry> rowsAt(String path) {
        requests.incrementAndGet();
        return d.rowsAt(path);
    }

    @Override
    public List<FileSystemEntry> rowsFor(String type, String ref) {
        requests.incrementAndGet();
        return d.rowsFor(type, ref);
    }

    @Override
    public List<FileSystemEntry> search(String text, int limit) {
        requests.incrementAndGet();
        return d.search(text, limit);
    }

    @Override
    public FileSystemEntry create(FileSystemEntry template) {
        requests.incrementAndGet();
        return d.create(template);
    }

    @Override
    public FileSystemEntry retrieve(String id) {
        requests.incrementAndGet();
        return d.retrieve(id);
    }

    @Override
    public FileSystemEntry patchPath(String id, String path) {
        requests.incrementAndGet();
        return d.patchPath(id, path);
    }

    @Override
    public FileSystemEntry patchShortcut(String id, boolean shortcut) {
        requests.incrementAndGet();
        return d.patchShortcut(id, shortcut);
    }

    @Override
    public boolean supportsMove() {
        return d.supportsMove();
    }

    @Override
    public FileSystemEntry move(String id, String newPath) {
        requests.incrementAndGet();
        return d.move(id, newPath);
    }

    @Override
    public FileSystemEntry link(String id, String newPath) {
        requests.incrementAndGet();
        return d.link(id, newPath);
    }

    @Override
    public List<DeletedObject> delete(String id) {
        requests.incrementAndGet();
        return d.delete(id);
    }

    @Override
    public void undoDelete(List<DeletedObject> items) {
        requests.incrementAndGet();
        d.undoDelete(items);
    }

    @Override
    public CountResult count(String folderPath) {
        requests.incrementAndGet();
        countRequests.incrementAndGet();
        return d.count(folderPath);
    }
}
