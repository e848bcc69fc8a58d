package dev.burrow.tree;

import dev.burrow.api.CountResult;
import dev.burrow.api.DeletedObject;
import dev.burrow.api.FileSystemEntry;
import dev.burrow.api.Page;
import java.util.List;
import java.util.function.Consumer;

/** A backend that sends every id through {@link IdAliases} first. */
final class AliasingBackend implements TreeBackend {

    private final TreeBackend inner;
    private final IdAliases aliases;

    AliasingBackend(TreeBackend inner, IdAliases aliases) {
        this.inner = inner;
        this.aliases = aliases;
    }

    private String id(String id) {
        return aliases.resolve(id);
    }

    @Override
    public void aliased(String oldId, String newId) {
        aliases.add(oldId, newId);
        inner.aliased(oldId, newId);
    }

    @Override
    public List<dev.burrow.api.Star> stars() {
        return inner.stars();
    }

    @Override
    public dev.burrow.api.Star addStar(dev.burrow.api.Star template) {
        return inner.addStar(template);
    }

    @Override
    public void removeStar(String starId) {
        inner.removeStar(starId);
    }

    @Override
    public Page<FileSystemEntry> children(String folder, int limit, int offset) {
        return inner.children(folder, limit, offset);
    }

    @Override
    public long total() {
        return inner.total();
    }

    @Override
    public long everything(int pageSize, Consumer<List<FileSystemEntry>> pages) {
        return inner.everything(pageSize, pages);
    }

    @Override
    public List<FileSystemEntry> descendants(String folder) {
        return inner.descendants(folder);
    }

    @Override
    public List<FileSystemEntry> rowsAt(String path) {
        return inner.rowsAt(path);
    }

    @Override
    public List<FileSystemEntry> rowsFor(String type, String ref) {
        return inner.rowsFor(type, ref);
    }

    @Override
    public List<FileSystemEntry> search(String text, int limit) {
        return inner.search(text, limit);
    }

    @Override
    public FileSystemEntry create(FileSystemEntry template) {
        return inner.create(template);
    }

    @Override
    public FileSystemEntry retrieve(String id) {
        return inner.retrieve(id(id));
    }

    @Override
    public FileSystemEntry patchPath(String id, String path) {
        return inner.patchPath(id(id), path);
    }

    @Override
    public FileSystemEntry patchShortcut(String id, boolean shortcut) {
        return inner.patchShortcut(id(id), shortcut);
    }

    @Override
    public boolean supportsMove() {
        return inner.supportsMove();
    }

    @Override
    public FileSystemEntry move(String id, String newPath) {
        return inner.move(id(id), newPath);
    }

    @Override
    public FileSystemEntry link(String id, String newPath) {
        return inner.link(id(id), newPath);
    }

    @Override
    public List<DeletedObject> delete(String id) {
        return inner.delete(id(id));
    }

    @Override
    public void undoDelete(List<DeletedObject> items) {
        inner.undoDelete(items);
    }

    @Override
    public CountResult count(String folderPath) {
        return inner.count(folderPath);
    }
}
