package dev.burrow.tree;

import dev.burrow.api.CountResult;
import dev.burrow.api.DeletedObject;
import dev.burrow.api.FileSystemEntry;
import dev.burrow.api.Page;
import dev.burrow.api.UndoItem;
import dev.burrow.client.EntryFields;
import dev.burrow.client.FileSystemApi;
import dev.burrow.client.FileSystemQuery;
import dev.burrow.client.PageIterator;
import dev.burrow.client.PostHogClient;
import java.util.List;
import java.util.function.Consumer;

/** The tree's backend over a {@link PostHogClient}. */
public final class ClientBackend implements TreeBackend {

    private final FileSystemApi api;
    private final dev.burrow.client.ShortcutsApi stars;
    private final boolean supportsMove;
    private final RowInterner interner = new RowInterner();

    public ClientBackend(PostHogClient client) {
        this(client, true);
    }

    /** {@code supportsMove} false forces the journaled PATCH fallback for folder moves. */
    public ClientBackend(PostHogClient client, boolean supportsMove) {
        this.api = client.fileSystem();
        this.stars = client.shortcuts();
        this.supportsMove = supportsMove;
    }

    @Override
    public List<dev.burrow.api.Star> stars() {
        return stars.listAll();
    }

    @Override
    public dev.burrow.api.Star addStar(dev.burrow.api.Star t) {
        EntryFields f = new EntryFields().path(t.path()).type(t.type()).ref(t.ref()).href(t.href());
        if (t.order() != null) {
            f.order(t.order());
        }
        return stars.create(f);
    }

    @Override
    public void removeStar(String starId) {
        stars.delete(starId);
    }

    @Override
    public Page<FileSystemEntry> children(String folder, int limit, int offset) {
        FileSystemQuery q = FileSystemQuery.children(folder).withLimit(limit).withOffset(offset);
        Page<FileSystemEntry> page = api.list(q);
        return new Page<>(page.count(), page.next(), page.previous(), interner.intern(page.results()), page.users());
    }

    @Override
    public long total() {
        return api.list(FileSystemQuery.all().withLimit(1)).count();
    }

    @Override
    public long everything(int pageSize, Consumer<List<FileSystemEntry>> pages) {
        long total = 0;
        try (PageIterator<FileSystemEntry> it = api.pages(FileSystemQuery.all().withLimit(pageSize))) {
            while (it.hasNext()) {
                Page<FileSystemEntry> page = it.next();
                total = page.count();
                pages.accept(interner.intern(page.results()));
            }
        }
        return total;
    }

    @Override
    public List<FileSystemEntry> descendants(String folder) {
        return api.listAll(FileSystemQuery.all().withParent(folder).withLimit(1000));
    }

    @Override
    public List<FileSystemEntry> rowsAt(String path) {
        return api.listAll(FileSystemQuery.all().withPath(path));
    }

    @Override
    public List<FileSystemEntry> rowsFor(String type, String ref) {
        return api.listAll(FileSystemQuery.all().withType(type).withRef(ref));
    }

    @Override
    public List<FileSystemEntry> search(String text, int limit) {
        return api.list(FileSystemQuery.all().withSearch(text).withLimit(limit)).results();
    }

    @Override
    public FileSystemEntry create(FileSystemEntry t) {
        EntryFields f = EntryFields.of(t.path(), t.type());
        if (t.ref() != null) {
            f.ref(t.ref());
        }
        if (t.href() != null) {
            f.href(t.href());
        }
        if (t.meta() != null && t.meta().isObject()) {
            f.meta(t.meta());
        }
        f.shortcut(t.isLink());
        return api.create(f);
    }

    @Override
    public FileSystemEntry retrieve(String id) {
        return api.retrieve(id);
    }

    @Override
    public FileSystemEntry patchPath(String id, String path) {
        return api.patch(id, new EntryFields().path(path));
    }

    @Override
    public FileSystemEntry patchShortcut(String id, boolean shortcut) {
        return api.patch(id, new EntryFields().shortcut(shortcut));
    }

    @Override
    public boolean supportsMove() {
        return supportsMove;
    }

    @Override
    public FileSystemEntry move(String id, String newPath) {
        return api.move(id, newPath);
    }

    @Override
    public FileSystemEntry link(String id, String newPath) {
        return api.link(id, newPath);
    }

    @Override
    public List<DeletedObject> delete(String id) {
        return api.delete(id).deleted();
    }

    @Override
    public void undoDelete(List<DeletedObject> items) {
        api.undoDelete(items.stream().map(d -> new UndoItem(d.type(), d.ref(), d.path())).toList());
    }

    @Override
    public CountResult count(String folderPath) {
        return api.countByPath(folderPath);
    }
}
