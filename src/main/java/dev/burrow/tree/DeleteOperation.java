package dev.burrow.tree;

import dev.burrow.api.DeletedObject;
import dev.burrow.api.EntryPath;
import dev.burrow.api.FileSystemEntry;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Deletes nodes (a folder takes everything below it). The rows that go are read from the server
 * first, so that undo can put back what the server can restore.
 */
public final class DeleteOperation implements Operation {

    private final List<TreeNode> nodes;
    private final String description;
    private final LocalChanges local = new LocalChanges();
    private final Map<String, FileSystemEntry> removed = new LinkedHashMap<>();
    private final List<DeletedObject> deleted = new ArrayList<>();
    /** Ids of rows whose node the server deleted, even if a later node was refused. */
    private final List<String> gone = java.util.Collections.synchronizedList(new ArrayList<>());
    /**
     * Other rows the index knows for the objects this delete may take (link rows elsewhere): the
     * server deletes every row of an object with its last non-link row (contract §8), so these
     * are looked up again after the delete. Noted on the owner thread.
     */
    private final Map<String, List<FileSystemEntry>> companions = new LinkedHashMap<>();
    /** Whether a delete request of this edit has succeeded (background thread). */
    private boolean deletedAny;
    /** The person's stars, when known: the server drops the stars of deleted objects, undo adds them back. */
    private StarList stars;
    /** The stars of the objects this delete takes (noted on the owner thread). */
    private final List<dev.burrow.api.Star> starsGone = new ArrayList<>();
    private List<dev.burrow.api.Star> starsBefore = List.of();

    private DeleteOperation(List<TreeNode> nodes, String description) {
        this.nodes = MoveOperation.topLevel(nodes);
        this.description = description;
    }

    public static DeleteOperation of(List<TreeNode> nodes) {
        List<TreeNode> top = MoveOperation.topLevel(nodes);
        String what = top.size() == 1 ? "“" + top.get(0).name() + "”" : top.size() + " items";
        return new DeleteOperation(top, "Delete " + what);
    }

    static DeleteOperation of(List<TreeNode> nodes, String description) {
        return new DeleteOperation(nodes, description);
    }

    public List<TreeNode> nodes() {
        return nodes;
    }

    /** Follows the person's stars: those of deleted objects go with them, and undo brings them back. */
    public DeleteOperation withStars(StarList list) {
        this.stars = list;
        return this;
    }

    /** After {@link #send}: the rows that went (the nodes', everything below them, other rows of their objects). */
    public List<FileSystemEntry> removedRows() {
        return List.copyOf(removed.values());
    }

    /** What the server answered it deleted (objects, with whether each can be restored). */
    public List<DeletedObject> deleted() {
        return List.copyOf(deleted);
    }

    @Override
    public String description() {
        return description;
    }

    @Override
    public void applyLocally(TreeIndex index) {
        companions.clear();
        java.util.Set<String> going = new java.util.HashSet<>();
        List<FileSystemEntry> objectRows = new ArrayList<>();
        for (TreeNode n : nodes) {
            List<FileSystemEntry> rows = n instanceof TreeNode.Item item ? List.of(item.row()) : index.subtree(n.path());
            for (FileSystemEntry row : rows) {
                going.add(row.id());
                if (!row.isFolder() && !row.isLink() && row.ref() != null) {
                    objectRows.add(row);
                }
            }
        }
        for (FileSystemEntry row : objectRows) {
            String key = row.type() + "\u0000" + row.ref();
            if (companions.containsKey(key)) {
                continue;
            }
            List<FileSystemEntry> others = new ArrayList<>();
            for (FileSystemEntry e : index.rows()) {
                if (!going.contains(e.id()) && row.type().equals(e.type()) && row.ref().equals(e.ref())) {
                    others.add(e);
                }
            }
            companions.put(key, others);
        }
        noteStars(objectRows, going, index);
        for (TreeNode n : nodes) {
            if (n instanceof TreeNode.Item item) {
                local.remove(index, item.row().id());
            } else {
                for (FileSystemEntry row : index.subtree(n.path())) {
                    local.remove(index, row.id());
                }
            }
        }
    }

    /** The stars of objects whose last real row goes: the server deletes them with the object. */
    private void noteStars(List<FileSystemEntry> objectRows, java.util.Set<String> going, TreeIndex index) {
        starsGone.clear();
        if (stars == null) {
            return;
        }
        starsBefore = stars.all();
        for (FileSystemEntry row : objectRows) {
            boolean stays = index.rows().stream().anyMatch(e -> !going.contains(e.id()) && !e.isLink()
                    && !e.isFolder() && row.type().equals(e.type()) && row.ref().equals(e.ref()));
            dev.burrow.api.Star s = stays ? null : stars.of(new TreeNode.Item(row));
            if (s != null && !starsGone.contains(s)) {
                starsGone.add(s);
                stars.remove(s);
            }
        }
    }

    /** The server deleted an object with all its rows: note the ones outside the deleted nodes. */
    private void collectCompanions(TreeBackend backend) {
        for (List<FileSystemEntry> others : companions.values()) {
            if (others.isEmpty()) {
                continue;
            }
            FileSystemEntry first = others.get(0);
            java.util.Set<String> still = new java.util.HashSet<>();
            backend.rowsFor(first.type(), first.ref()).forEach(e -> still.add(e.id()));
            for (FileSystemEntry e : others) {
                if (!still.contains(e.id())) {
                    removed.put(e.id(), e);
                    gone.add(e.id());
                }
            }
        }
    }

    @Override
    public void send(TreeBackend backend) {
        deletedAny = false;
        removed.clear();
        deleted.clear();
        gone.clear();
        for (TreeNode n : nodes) {
            if (n instanceof TreeNode.Item item) {
                removed.put(item.row().id(), item.row());
                deleted.addAll(deleteRow(backend, item.row().id()));
                gone.add(item.row().id());
                continue;
            }
            TreeNode.Folder folder = (TreeNode.Folder) n;
            List<FileSystemEntry> below = backend.descendants(folder.path());
            folder.rows().forEach(r -> removed.put(r.id(), r));
            below.forEach(r -> removed.put(r.id(), r));
            if (!folder.isSynthetic() && !folder.row().isLink()) {
                deleted.addAll(deleteRow(backend, folder.row().id()));
                for (FileSystemEntry extra : folder.rows().subList(1, folder.rows().size())) {
                    deleted.addAll(deleteRow(backend, extra.id()));
                }
            } else {
                // No folder row to cascade from (a link folder deletes only itself): delete deepest
                // first, so no request hits a row already gone.
                List<FileSystemEntry> order = new ArrayList<>(below);
                order.addAll(folder.rows());
                order.sort(Comparator.comparingInt((FileSystemEntry e) -> EntryPath.depth(e.path())).reversed());
                for (FileSystemEntry row : order) {
                    deleted.addAll(deleteRow(backend, row.id()));
                    gone.add(row.id());
                }
            }
            folder.rows().forEach(r -> gone.add(r.id()));
            below.forEach(r -> gone.add(r.id()));
        }
        collectCompanions(backend);
    }

    /**
     * Deletes one row; a row already gone counts as deleted. Deleting an object takes all its
     * rows, so a later node of the same edit (a link row of it, a row below a link folder) may
     * have gone before its own request. Only after an earlier request of this edit deleted
     * something: a 404 on the first one means the node is stale, and the edit fails.
     */
    private List<DeletedObject> deleteRow(TreeBackend backend, String id) {
        try {
            List<DeletedObject> out = backend.delete(id);
            deletedAny = true;
            return out;
        } catch (dev.burrow.client.ApiException.NotFound alreadyGone) {
            if (!deletedAny) {
                throw alreadyGone; // nothing of ours could have taken it: the row is not what we think
            }
            return List.of();
        }
    }

    @Override
    public void reconcile(TreeIndex index) {
        for (String id : removed.keySet()) {
            index.remove(id);
        }
    }

    @Override
    public void revertLocally(TreeIndex index) {
        if (stars != null && !deletedAny) {
            stars.setAll(starsBefore);
        }
        local.revert(index);
        // What the server deleted before refusing a later node stays deleted: the index follows.
        synchronized (gone) {
            gone.forEach(index::remove);
        }
    }

    @Override
    public Operation inverse() {
        return new RestoreOperation(new ArrayList<>(removed.values()), deleted, "Undo: " + description)
                .withStars(stars, starsGone).choosing(nodes);
    }
}
