package dev.burrow.tree;

import dev.burrow.api.EntryPath;
import dev.burrow.api.FileSystemEntry;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The rows of one project tree known to the client, indexed by id and by folder, with the
 * number of rows below each folder kept up to date as rows come and go.
 *
 * <p>Folders are keyed by their canonical path ({@link EntryPath#normalize}). A folder exists
 * in the index when a folder row has that path or any row lies below it; without a folder row
 * it is synthetic. Not thread-safe: one thread (the FX thread in the app) owns it.
 */
public final class TreeIndex {

    /** Orders siblings as PostHog's web UI does: folders first, then case-insensitive name. */
    public static final Comparator<TreeNode> SIBLING_ORDER = Comparator
            .comparing((TreeNode n) -> n instanceof TreeNode.Folder ? 0 : 1)
            .thenComparing(n -> n.name().toLowerCase(Locale.ROOT))
            .thenComparing(TreeNode::name)
            .thenComparing(TreeNode::key);

    private static final class FolderData {
        final List<FileSystemEntry> rows = new ArrayList<>(1);
        /** The folder this one is in; null for the root. */
        final FolderData parent;
        final Set<String> subfolders = new LinkedHashSet<>();
        final Set<String> items = new LinkedHashSet<>();
        int below;
        /** The children in {@link #SIBLING_ORDER}, kept until they change; null when not worked out. */
        List<TreeNode> sorted;
        /** Goes up whenever the children change: a sort made off the owner's thread is kept only if it matches. */
        int version;
        /**
         * The last order worked out, before a few children changed (those named in
         * {@link #changedItems} and {@link #changedFolders}): the next order is this one patched,
         * not a new sort (a move out of a 10,000-child folder re-sorted all 10,000). Null when
         * there is none or too much changed.
         */
        List<TreeNode> base;
        /** Ids of child items added, removed or replaced since {@link #base}. */
        Set<String> changedItems;
        /** Paths of subfolders added, removed or whose rows changed since {@link #base}. */
        Set<String> changedFolders;

        FolderData(FolderData parent) {
            this.parent = parent;
        }

        /** A child changed (an item by id, or a subfolder by path): noted when an order exists to patch. */
        void childChanged(String itemId, String folderPath) {
            if (sorted == null && base == null) {
                return;
            }
            if (changedItems == null) {
                changedItems = new java.util.HashSet<>();
                changedFolders = new java.util.HashSet<>();
            }
            if (itemId != null) {
                changedItems.add(itemId);
            } else {
                changedFolders.add(folderPath);
            }
        }

        void changed() {
            if (sorted != null) {
                base = sorted;
            }
            sorted = null;
            version++;
            int pending = changedItems == null ? 0 : changedItems.size() + changedFolders.size();
            if (base == null || pending == 0 || pending > Math.max(PATCH_LIMIT, base.size())) {
                forgetBase(); // nothing to patch, or so much changed that a sort is as cheap
            }
        }

        void forgetBase() {
            base = null;
            changedItems = null;
            changedFolders = null;
        }
    }

    /**
     * Changed children are patched into a kept order while they are at most this many, or no more
     * than the order holds (a page of 1,000 rows added to a 10,000-child folder is merged in);
     * more are sorted again with the rest.
     */
    static final int PATCH_LIMIT = 256;

    private final Map<String, FileSystemEntry> byId = new HashMap<>();
    private final Map<String, FolderData> folders = new HashMap<>();
    /** Ids of the link rows, so that the shortcut list does not walk every row (it is asked after every page). */
    private final Set<String> links = new java.util.HashSet<>();
    private boolean complete;
    /** The folders whose children changed since {@link #recordTouched()}; null when nobody asked. */
    private Set<String> recorded;
    /** {@link #clear()} ran since {@link #recordTouched()}: any folder may have changed. */
    private boolean recordedClear;

    private final IdAliases aliases;

    public TreeIndex() {
        this(new IdAliases());
    }

    /** An index that also finds rows by ids they had before a restore gave them new ones. */
    public TreeIndex(IdAliases aliases) {
        this.aliases = aliases;
        folders.put("", new FolderData(null));
    }

    public int size() {
        return byId.size();
    }

    /** True once every row of the tree has been loaded: counts and children are then exact. */
    public boolean isComplete() {
        return complete;
    }

    public void markComplete(boolean value) {
        this.complete = value;
    }

    public FileSystemEntry byId(String id) {
        FileSystemEntry e = byId.get(id);
        return e != null || id == null ? e : byId.get(aliases.resolve(id));
    }

    public Collection<FileSystemEntry> rows() {
        return byId.values();
    }

    /** Rows whose path equals {@code path} (canonically). */
    public List<FileSystemEntry> rowsAt(String path) {
        String key = EntryPath.normalize(path);
        List<FileSystemEntry> out = new ArrayList<>();
        FolderData f = folders.get(key);
        if (f != null) {
            out.addAll(f.rows);
        }
        FolderData parent = folders.get(EntryPath.parent(key));
        if (parent != null) {
            for (String id : parent.items) {
                FileSystemEntry e = byId.get(id);
                if (e != null && EntryPath.normalize(e.path()).equals(key)) {
                    out.add(e);
                }
            }
        }
        return out;
    }

    public boolean hasFolder(String path) {
        return folders.containsKey(EntryPath.normalize(path));
    }

    /** The folder node at {@code path}, or null if the index knows no such folder. */
    public TreeNode.Folder folder(String path) {
        String key = EntryPath.normalize(path);
        FolderData f = folders.get(key);
        return f == null ? null : new TreeNode.Folder(key, f.rows);
    }

    /** The node a key stands for, or null when the index has none (a folder by path, an item by id). */
    public TreeNode node(NodeKey key) {
        if (key instanceof NodeKey.Folder f) {
            return folder(f.path());
        }
        FileSystemEntry row = byId(((NodeKey.Item) key).id());
        if (row == null) {
            return null;
        }
        return row.isFolder() ? folder(row.path()) : new TreeNode.Item(row);
    }

    /**
     * The children of a folder, sorted folders first then by name. The list is kept until the
     * folder's children change (it must not be modified): asking again is free.
     */
    public List<TreeNode> children(String folderPath) {
        FolderData f = folders.get(EntryPath.normalize(folderPath));
        if (f == null) {
            return List.of();
        }
        if (f.sorted == null) {
            f.sorted = java.util.Collections.unmodifiableList(f.base != null ? patched(f) : sorted(unsorted(f)));
            f.forgetBase();
        }
        return f.sorted;
    }

    /**
     * The folder's last order with its changed children taken out, and their current nodes, sorted
     * among themselves, merged back in: a copy, a sort of the changed ones and a few comparisons
     * for each (a search from where the last one went in), instead of a sort of every child. A
     * page of 1,000 rows added to a 10,000-child folder re-sorted all 11,000 on the FX thread.
     */
    private List<TreeNode> patched(FolderData f) {
        List<TreeNode> kept = new ArrayList<>(f.base.size());
        for (TreeNode n : f.base) {
            boolean changed = n instanceof TreeNode.Item i ? f.changedItems.contains(i.row().id())
                    : f.changedFolders.contains(n.path());
            if (!changed) {
                kept.add(n);
            }
        }
        List<TreeNode> added = new ArrayList<>(f.changedItems.size() + f.changedFolders.size());
        for (String id : f.changedItems) {
            if (f.items.contains(id)) {
                added.add(new TreeNode.Item(byId.get(id)));
            }
        }
        for (String path : f.changedFolders) {
            FolderData sub = folders.get(path);
            if (sub != null && f.subfolders.contains(path)) {
                added.add(new TreeNode.Folder(path, sub.rows));
            }
        }
        return merge(kept, keyedSort(added));
    }

    /**
     * Two lists in {@link #SIBLING_ORDER} as one: each of {@code added} goes in after the kept
     * nodes before it, found by a search that gallops from where the last one went (pages of a
     * folder, which come in about this order, go in at its end after a few comparisons each).
     */
    static List<TreeNode> merge(List<TreeNode> kept, List<TreeNode> added) {
        List<TreeNode> out = new ArrayList<>(kept.size() + added.size());
        int from = 0;
        for (TreeNode node : added) {
            int at = insertionPoint(kept, from, node);
            out.addAll(kept.subList(from, at));
            out.add(node);
            from = at;
        }
        out.addAll(kept.subList(from, kept.size()));
        return out;
    }

    /** The first index at or after {@code from} whose node sorts after {@code node}. */
    private static int insertionPoint(List<TreeNode> kept, int from, TreeNode node) {
        int n = kept.size();
        int probe = from;
        int step = 1;
        while (probe < n && SIBLING_ORDER.compare(kept.get(probe), node) < 0) { // gallop: from + 0, 1, 2, 4, 8 ...
            probe = from + step;
            step *= 2;
        }
        if (probe == from) {
            return from;
        }
        int hi = Math.min(probe, n); // kept[probe] sorts after node, or probe is past the end
        int lo = from + step / 4 + 1; // the probe before sorted before node
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (SIBLING_ORDER.compare(kept.get(mid), node) < 0) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    /** How many children a folder has, without sorting them. */
    public int childCount(String folderPath) {
        FolderData f = folders.get(EntryPath.normalize(folderPath));
        return f == null ? 0 : f.subfolders.size() + f.items.size();
    }

    private List<TreeNode> unsorted(FolderData f) {
        List<TreeNode> out = new ArrayList<>(f.subfolders.size() + f.items.size());
        for (String sub : f.subfolders) {
            out.add(new TreeNode.Folder(sub, folders.get(sub).rows));
        }
        for (String id : f.items) {
            out.add(new TreeNode.Item(byId.get(id)));
        }
        return out;
    }

    /**
     * The children of one folder, not yet sorted, taken on the owner's thread so that another
     * thread may sort them ({@link #sort}) and hand them back ({@link #offerSorted}).
     */
    public record Unsorted(String folder, int version, List<TreeNode> nodes) {
    }

    /** The folders with at least {@code min} children whose order is not worked out yet. */
    public List<Unsorted> unsortedFolders(int min) {
        List<Unsorted> out = new ArrayList<>();
        folders.forEach((key, f) -> {
            if (f.sorted == null && f.subfolders.size() + f.items.size() >= min) {
                out.add(new Unsorted(key, f.version, unsorted(f)));
            }
        });
        return out;
    }

    /** The paths of the folders with at least {@code min} children whose order is not worked out yet (cheap: no nodes). */
    public List<String> unsortedFolderPaths(int min) {
        List<String> out = new ArrayList<>();
        folders.forEach((key, f) -> {
            if (f.sorted == null && f.subfolders.size() + f.items.size() >= min) {
                out.add(key);
            }
        });
        return out;
    }

    /** One folder's children taken for a sort elsewhere, or null when it is gone or already in order. */
    public Unsorted unsortedFolder(String path) {
        FolderData f = folders.get(path);
        return f == null || f.sorted != null ? null : new Unsorted(path, f.version, unsorted(f));
    }

    /** {@link #SIBLING_ORDER}; safe on any thread (the nodes are immutable). */
    public static List<TreeNode> sort(List<TreeNode> nodes) {
        return sorted(nodes);
    }

    /** Keeps a sort made elsewhere, unless the folder's children changed since they were taken. */
    public boolean offerSorted(Unsorted taken, List<TreeNode> sortedNodes) {
        FolderData f = folders.get(taken.folder());
        if (f == null || f.version != taken.version() || f.sorted != null) {
            return false;
        }
        f.sorted = java.util.Collections.unmodifiableList(sortedNodes);
        f.forgetBase();
        return true;
    }

    /** How many whole sorts of a folder's children were made, on any thread (tests: a small change patches instead). */
    static final java.util.concurrent.atomic.AtomicLong SORTS = new java.util.concurrent.atomic.AtomicLong();

    private record Keyed(TreeNode node, int kind, String lower, String name) {
    }

    private static final Comparator<Keyed> KEYED_ORDER = Comparator.comparingInt(Keyed::kind)
            .thenComparing(Keyed::lower).thenComparing(Keyed::name).thenComparing(k -> k.node().key());

    /**
     * {@link #SIBLING_ORDER}, with each name worked out once: the comparator splits the path and
     * lower-cases the name on every comparison, ~100 ms for a 10,000-child folder.
     */
    private static List<TreeNode> sorted(List<TreeNode> nodes) {
        SORTS.incrementAndGet();
        return keyedSort(nodes);
    }

    /** {@link #SIBLING_ORDER} with each name worked out once (not counted as a whole sort). */
    private static List<TreeNode> keyedSort(List<TreeNode> nodes) {
        List<Keyed> keyed = new ArrayList<>(nodes.size());
        for (TreeNode n : nodes) {
            String name = n.name();
            keyed.add(new Keyed(n, n instanceof TreeNode.Folder ? 0 : 1, name.toLowerCase(Locale.ROOT), name));
        }
        keyed.sort(KEYED_ORDER);
        List<TreeNode> out = new ArrayList<>(keyed.size());
        for (Keyed k : keyed) {
            out.add(k.node());
        }
        return out;
    }

    /** PostHog's {@code count}: every row below the folder at any depth (only exact when complete). */
    public int countBelow(String folderPath) {
        FolderData f = folders.get(EntryPath.normalize(folderPath));
        return f == null ? 0 : f.below;
    }

    /** Every row at or below a path, in depth-then-path order (the folder's own rows first). */
    public List<FileSystemEntry> subtree(String folderPath) {
        String key = EntryPath.normalize(folderPath);
        List<FileSystemEntry> out = new ArrayList<>();
        collect(key, out);
        out.sort(Comparator.comparingInt((FileSystemEntry e) -> EntryPath.depth(e.path()))
                .thenComparing(FileSystemEntry::path));
        return out;
    }

    private void collect(String key, List<FileSystemEntry> out) {
        FolderData f = folders.get(key);
        if (f == null) {
            return;
        }
        out.addAll(f.rows);
        for (String id : f.items) {
            out.add(byId.get(id));
        }
        for (String sub : f.subfolders) {
            collect(sub, out);
        }
    }

    /** Adds or replaces rows; a row with a known id is moved to its new path. */
    public Set<String> putAll(Collection<FileSystemEntry> entries) {
        Set<String> touched = new LinkedHashSet<>();
        for (FileSystemEntry e : entries) {
            putRow(e, touched);
        }
        return forgetOrder(touched);
    }

    /** Adds or replaces one row; answers the folder paths whose children changed. */
    public Set<String> put(FileSystemEntry entry) {
        Set<String> touched = new LinkedHashSet<>();
        putRow(entry, touched);
        return forgetOrder(touched);
    }

    /**
     * Starts noting which folders' children change (by any put, remove or clear) until
     * {@link #touchedSinceRecord()}: an edit's caller learns what to refill without knowing how
     * the edit works.
     */
    public void recordTouched() {
        recorded = new LinkedHashSet<>();
        recordedClear = false;
    }

    /**
     * The folder paths whose children changed since {@link #recordTouched()}, and stops noting;
     * null when the index was cleared meanwhile (anything may have changed).
     */
    public Set<String> touchedSinceRecord() {
        Set<String> out = recordedClear ? null : recorded == null ? Set.of() : recorded;
        recorded = null;
        recordedClear = false;
        return out;
    }

    /** The children of these folders changed: their kept order is void. */
    private Set<String> forgetOrder(Set<String> touched) {
        if (recorded != null) {
            recorded.addAll(touched);
        }
        for (String t : touched) {
            FolderData f = folders.get(t);
            if (f != null) {
                f.changed();
            }
        }
        return touched;
    }

    /**
     * Adds one row, adding the folder paths whose children changed to {@code touched}. The row's
     * folder is usually known already: then the counts above it are found by the folders' links to
     * their parents, without working out (and allocating) every ancestor's path.
     */
    private void putRow(FileSystemEntry entry, Set<String> touched) {
        FileSystemEntry old = byId.get(entry.id());
        if (old != null) {
            touched.addAll(removeRow(entry.id()));
        }
        byId.put(entry.id(), entry);
        if (entry.isLink()) {
            links.add(entry.id());
        }
        String key = EntryPath.normalize(entry.path());
        if (key.isEmpty()) {
            // A row at the root path has nowhere to show; keep it indexed by id only.
            return;
        }
        String parentKey = EntryPath.parent(key);
        FolderData parent = folders.get(parentKey);
        if (parent == null) {
            ensureFolderChain(EntryPath.ancestors(key), touched);
            parent = folders.get(parentKey);
        }
        for (FolderData a = parent; a != null; a = a.parent) {
            a.below++;
        }
        if (entry.isFolder()) {
            FolderData f = ensureFolder(key, parentKey, touched);
            f.rows.add(entry);
            if (f.rows.size() > 1) {
                f.rows.sort(Comparator.comparing(FileSystemEntry::id));
            }
            parent.childChanged(null, key);
        } else {
            parent.items.add(entry.id());
            parent.childChanged(entry.id(), null);
        }
        touched.add(parentKey);
    }

    private void ensureFolderChain(List<String> ancestors, Set<String> touched) {
        String parent = "";
        for (String a : ancestors) {
            ensureFolder(a, parent, touched);
            parent = a;
        }
    }

    private FolderData ensureFolder(String key, String parentKey, Set<String> touched) {
        FolderData f = folders.get(key);
        if (f == null) {
            FolderData parent = folders.get(parentKey);
            f = new FolderData(parent);
            folders.put(key, f);
            parent.subfolders.add(key);
            parent.childChanged(null, key);
            touched.add(parentKey);
        }
        return f;
    }

    /** Removes a row by id; answers the folder paths whose children changed. */
    public Set<String> remove(String rowId) {
        return forgetOrder(removeRow(rowId));
    }

    private Set<String> removeRow(String rowId) {
        Set<String> touched = new LinkedHashSet<>();
        String id = byId.containsKey(rowId) || rowId == null ? rowId : aliases.resolve(rowId);
        FileSystemEntry e = byId.remove(id);
        if (e == null) {
            return touched;
        }
        links.remove(id);
        String key = EntryPath.normalize(e.path());
        if (key.isEmpty()) {
            return touched;
        }
        List<String> ancestors = EntryPath.ancestors(key);
        String parentKey = ancestors.isEmpty() ? "" : ancestors.get(ancestors.size() - 1);
        folders.get("").below--;
        for (String a : ancestors) {
            folders.get(a).below--;
        }
        FolderData parent = folders.get(parentKey);
        if (e.isFolder()) {
            FolderData f = folders.get(key);
            if (f != null) {
                f.rows.removeIf(r -> r.id().equals(id));
            }
            parent.childChanged(null, key);
        } else {
            parent.items.remove(id);
            parent.childChanged(id, null);
        }
        touched.add(parentKey);
        prune(key, touched);
        return touched;
    }

    /** Drops folders that have become empty synthetic folders, walking up. */
    private void prune(String key, Set<String> touched) {
        String k = key;
        while (!k.isEmpty()) {
            FolderData f = folders.get(k);
            String parent = EntryPath.parent(k);
            if (f != null) {
                if (!f.rows.isEmpty() || !f.subfolders.isEmpty() || !f.items.isEmpty()) {
                    return;
                }
                folders.remove(k);
                FolderData p = folders.get(parent);
                p.subfolders.remove(k);
                p.childChanged(null, k);
                touched.add(parent);
            }
            k = parent;
        }
    }

    /** Removes everything: the next load starts afresh. */
    public void clear() {
        byId.clear();
        links.clear();
        folders.clear();
        folders.put("", new FolderData(null));
        complete = false;
        recordedClear = recorded != null;
    }

    /** The rows with {@code shortcut: true}, sorted by name. */
    public List<FileSystemEntry> shortcutRows() {
        List<FileSystemEntry> out = new ArrayList<>();
        for (String id : links) {
            out.add(byId.get(id));
        }
        out.sort(Comparator.comparing((FileSystemEntry e) -> e.name().toLowerCase(Locale.ROOT))
                .thenComparing(FileSystemEntry::id));
        return out;
    }

    /** A copy of the counts below each folder path, for tests and views. */
    public Map<String, Integer> countsSnapshot() {
        Map<String, Integer> out = new LinkedHashMap<>();
        folders.forEach((k, v) -> out.put(k, v.below));
        return out;
    }
}
