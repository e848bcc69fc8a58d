package dev.burrow.tree;

import dev.burrow.api.DeletedObject;
import dev.burrow.api.EntryPath;
import dev.burrow.api.FileSystemEntry;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Puts back what a delete removed: restorable objects through {@code undo_delete}, folder rows,
 * link rows and other rows by creating them again. Objects the server deleted for good stay gone.
 */
public final class RestoreOperation implements Operation {

    private final List<FileSystemEntry> rows;
    private final List<DeletedObject> objects;
    private final String description;
    private final List<FileSystemEntry> restored = new ArrayList<>();
    private final List<FileSystemEntry> lost = new ArrayList<>();
    private List<String> parents = List.of();
    private StarList stars;
    private List<dev.burrow.api.Star> starsBack = List.of();
    private final List<dev.burrow.api.Star> starsAdded = new ArrayList<>();
    /** How many of {@link #restored} stand for deleted rows (the rest are parent folders the server filed). */
    private int own;

    RestoreOperation(List<FileSystemEntry> rows, List<DeletedObject> objects, String description) {
        this.rows = new ArrayList<>(rows);
        this.rows.sort(Comparator.comparingInt((FileSystemEntry e) -> EntryPath.depth(e.path()))
                .thenComparing(FileSystemEntry::path));
        this.objects = List.copyOf(objects);
        this.description = description;
    }

    /** The paths of the nodes the person deleted (not the link rows that went with them). */
    private Set<String> chosen = Set.of();

    /** The nodes the person chose to delete: an undo selects these, not rows that went along. */
    RestoreOperation choosing(List<TreeNode> nodes) {
        Set<String> paths = new HashSet<>();
        nodes.forEach(n -> paths.add(EntryPath.normalize(n.path())));
        this.chosen = paths;
        return this;
    }

    /** Stars the delete took with its objects: they come back with the objects restored. */
    RestoreOperation withStars(StarList list, List<dev.burrow.api.Star> gone) {
        this.stars = list;
        this.starsBack = List.copyOf(gone);
        return this;
    }

    @Override
    public String description() {
        return description;
    }

    /** Rows that could not come back (their object was deleted for good). */
    public List<FileSystemEntry> lost() {
        return List.copyOf(lost);
    }

    @Override
    public void applyLocally(TreeIndex index) {
        // Ids change on restore: the rows appear when the server has answered. Note the parents
        // without folder rows that the server may file for the rows put back.
        Set<String> mine = new HashSet<>();
        rows.stream().filter(FileSystemEntry::isFolder).forEach(r -> mine.add(EntryPath.normalize(r.path())));
        Set<String> wanted = new java.util.LinkedHashSet<>();
        for (FileSystemEntry r : rows) {
            for (String a : Parents.withoutRows(index, r.path())) {
                if (!mine.contains(a)) {
                    wanted.add(a);
                }
            }
        }
        parents = new ArrayList<>(wanted);
    }

    private static String key(String type, String ref) {
        return type + "\u0000" + ref;
    }

    @Override
    public void send(TreeBackend backend) {
        restored.clear();
        lost.clear();
        List<DeletedObject> undoable = objects.stream().filter(DeletedObject::canUndo).toList();
        Set<String> gone = new HashSet<>();
        for (DeletedObject o : objects) {
            gone.add(key(o.type(), o.ref()));
        }
        // Folder rows first: undo_delete files missing parents itself, which would then be doubled.
        for (FileSystemEntry row : rows) {
            if (row.isFolder()) {
                restored.add(backend.create(row));
            }
        }
        if (!undoable.isEmpty()) {
            backend.undoDelete(undoable);
        }
        // undo_delete brings each object back with one row, at the path it reported: that row
        // stands for the deleted row at that path; the object's other non-link rows are created.
        java.util.Map<String, String> undonePath = new java.util.HashMap<>();
        for (DeletedObject o : undoable) {
            String k = key(o.type(), o.ref());
            if (!undonePath.containsKey(k)) {
                undonePath.put(k, o.path() == null ? "" : o.path());
                restored.addAll(backend.rowsFor(o.type(), o.ref()));
            }
        }
        Set<String> claimed = new HashSet<>();
        // Then other rows; link rows only now, as undo_delete moves every row of its object to the path.
        for (FileSystemEntry row : rows) {
            if (row.isFolder()) {
                continue;
            }
            String k = key(row.type(), row.ref());
            if (!row.isLink() && undonePath.containsKey(k) && undonePath.get(k).equals(row.path())
                    && claimed.add(k)) {
                continue;
            }
            if (!row.isLink() && undonePath.containsKey(k)) {
                restored.add(backend.create(row));
                continue;
            }
            if (gone.contains(k) && !undonePath.containsKey(k)) {
                lost.add(row);
                continue;
            }
            restored.add(backend.create(row));
        }
        own = restored.size();
        starsAdded.clear();
        for (dev.burrow.api.Star st : starsBack) {
            boolean back = restored.stream().anyMatch(r -> !r.isLink() && st.type().equals(r.type())
                    && st.ref() != null && st.ref().equals(r.ref()));
            if (back) {
                starsAdded.add(backend.addStar(new dev.burrow.api.Star(null, st.path(), st.type(), st.ref(), st.href(),
                        st.order(), null, null)));
            }
        }
        restored.addAll(Parents.fetch(backend, parents));
        reportNewIds(backend);
    }

    /**
     * Tells the session which restored row stands for which deleted one (same path, type, ref
     * and link flag), so that older edits in the undo history, which name the old ids, still work.
     */
    private void reportNewIds(TreeBackend backend) {
        java.util.Map<String, java.util.Deque<FileSystemEntry>> byShape = new java.util.HashMap<>();
        for (FileSystemEntry r : restored) {
            byShape.computeIfAbsent(shape(r), k -> new java.util.ArrayDeque<>()).add(r);
        }
        for (FileSystemEntry old : rows) {
            java.util.Deque<FileSystemEntry> candidates = byShape.get(shape(old));
            if (candidates != null && !candidates.isEmpty()) {
                backend.aliased(old.id(), candidates.poll().id());
            }
        }
    }

    private static String shape(FileSystemEntry r) {
        return dev.burrow.api.EntryPath.normalize(r.path()) + "\u0000" + r.type() + "\u0000" + r.ref() + "\u0000"
                + r.isLink();
    }

    @Override
    public void reconcile(TreeIndex index) {
        index.putAll(restored);
        if (stars != null && !starsAdded.isEmpty()) {
            List<dev.burrow.api.Star> now = new ArrayList<>(stars.all());
            now.addAll(starsAdded);
            now.sort(java.util.Comparator.comparing((dev.burrow.api.Star st) -> st.order() == null ? Integer.MAX_VALUE
                    : st.order()));
            stars.setAll(now);
        }
    }

    @Override
    public void revertLocally(TreeIndex index) {
        // nothing was applied locally
    }

    @Override
    public Operation inverse() {
        return DeleteOperation.of(topNodes(), "Redo: " + description.replaceFirst("^Undo: ", "")).withStars(stars);
    }

    /** The restored nodes that are not inside another restored folder. */
    private List<TreeNode> topNodes() {
        List<FileSystemEntry> mine = restored.subList(0, Math.min(own, restored.size()));
        Set<String> paths = new HashSet<>();
        mine.forEach(r -> paths.add(EntryPath.normalize(r.path())));
        List<TreeNode> top = new ArrayList<>();
        Set<String> folderPaths = new HashSet<>();
        for (FileSystemEntry r : mine) {
            String parent = EntryPath.parent(EntryPath.normalize(r.path()));
            boolean parentRestored = false;
            for (String a = parent; !a.isEmpty(); a = EntryPath.parent(a)) {
                if (paths.contains(a)) {
                    parentRestored = true;
                    break;
                }
            }
            if (parentRestored) {
                continue;
            }
            if (r.isFolder()) {
                if (folderPaths.add(r.path())) {
                    top.add(new TreeNode.Folder(r.path(), mine.stream()
                            .filter(x -> x.isFolder() && x.path().equals(r.path())).toList()));
                }
            } else {
                top.add(new TreeNode.Item(r));
            }
        }
        return top;
    }

    @Override
    public List<String> resultIds() {
        return restored.subList(0, Math.min(own, restored.size())).stream().map(FileSystemEntry::id).toList();
    }

    @Override
    public List<NodeKey> touched() {
        List<TreeNode> top = topNodes();
        List<NodeKey> picked = top.stream().filter(n -> chosen.contains(EntryPath.normalize(n.path())))
                .map(TreeNode::key).toList();
        return picked.isEmpty() ? top.stream().map(TreeNode::key).toList() : picked;
    }
}
