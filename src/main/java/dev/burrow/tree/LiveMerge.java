package dev.burrow.tree;

import dev.burrow.api.EntryPath;
import dev.burrow.api.FileSystemEntry;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Finds what changed elsewhere by comparing server listings with the index, and applies those
 * changes by id: nothing is cleared or reloaded, so whatever views keep by key (expansion,
 * selection) stays. Owner thread only, like the index.
 */
public final class LiveMerge {

    private LiveMerge() {
    }

    /** The ids of the rows the index shows directly in a folder: its items and its subfolders' rows. */
    public static Map<String, FileSystemEntry> childrenOf(TreeIndex index, String folder) {
        Map<String, FileSystemEntry> out = new LinkedHashMap<>();
        for (TreeNode n : index.children(folder)) {
            if (n instanceof TreeNode.Folder f) {
                f.rows().forEach(r -> out.put(r.id(), r));
            } else {
                out.put(n.row().id(), n.row());
            }
        }
        return out;
    }

    /**
     * A folder listed afresh. Rows new or different become {@link LiveChange.Put}s; when the
     * listing is {@code complete} (every child, and the index knew every child too), rows the index
     * has there but the server does not are answered in {@code missing}, for the caller to look up
     * or drop.
     */
    public static List<LiveChange> folder(TreeIndex index, String folder, Collection<FileSystemEntry> listed,
            boolean complete, List<FileSystemEntry> missing) {
        List<LiveChange> out = new ArrayList<>(changed(index, listed));
        if (complete) {
            Set<String> there = new HashSet<>();
            listed.forEach(r -> there.add(r.id()));
            for (FileSystemEntry known : childrenOf(index, folder).values()) {
                if (!there.contains(known.id())) {
                    missing.add(known);
                }
            }
        }
        return out;
    }

    /** Rows from any listing: the ones the index lacks or has differently. */
    public static List<LiveChange> changed(TreeIndex index, Collection<FileSystemEntry> listed) {
        List<LiveChange> out = new ArrayList<>();
        for (FileSystemEntry row : listed) {
            FileSystemEntry before = index.byId(row.id());
            if (before == null || !same(before, row)) {
                out.add(new LiveChange.Put(row, before));
            }
        }
        return out;
    }

    /** Every row of the server against every row of the index (the full-index refresh). */
    public static List<LiveChange> everything(TreeIndex index, Map<String, FileSystemEntry> server) {
        List<LiveChange> out = new ArrayList<>(changed(index, server.values()));
        for (FileSystemEntry known : List.copyOf(index.rows())) {
            if (!server.containsKey(known.id())) {
                out.add(new LiveChange.Gone(known));
            }
        }
        return out;
    }

    /** What live refresh compares: the fields a view shows or an edit relies on. */
    static boolean same(FileSystemEntry a, FileSystemEntry b) {
        return a.path().equals(b.path()) && java.util.Objects.equals(a.type(), b.type())
                && a.isLink() == b.isLink() && java.util.Objects.equals(a.ref(), b.ref())
                && java.util.Objects.equals(a.href(), b.href());
    }

    /**
     * Applies one change; answers the folders whose children changed. A folder row that moved
     * carries the index's rows below it along (the server's {@code move} moved them too), unless
     * another folder row still stands at the old path.
     */
    public static Set<String> apply(TreeIndex index, LiveChange change) {
        Set<String> touched = new LinkedHashSet<>();
        FileSystemEntry now = index.byId(change.id());
        if (change instanceof LiveChange.Gone) {
            if (now != null) {
                touched.addAll(index.remove(now.id()));
            }
            return touched;
        }
        FileSystemEntry row = ((LiveChange.Put) change).row();
        touched.addAll(index.put(row));
        if (now != null && now.isFolder() && row.isFolder() && !now.path().equals(row.path())) {
            touched.addAll(carry(index, EntryPath.normalize(now.path()), EntryPath.normalize(row.path())));
        }
        return touched;
    }

    private static Set<String> carry(TreeIndex index, String from, String to) {
        Set<String> touched = new LinkedHashSet<>();
        TreeNode.Folder old = index.folder(from);
        if (old == null || !old.rows().isEmpty() || EntryPath.isBelow(to, from)) {
            return touched;
        }
        String prefix = from + "/";
        for (FileSystemEntry d : index.subtree(from)) {
            String key = EntryPath.normalize(d.path());
            if (key.startsWith(prefix)) {
                touched.addAll(index.put(d.withPath(to + "/" + key.substring(prefix.length()))));
            }
        }
        return touched;
    }

    /** The newest {@code created_at} among rows (compared as instants), or {@code floor} when none is newer. */
    public static String newest(Collection<FileSystemEntry> rows, String floor) {
        String best = floor;
        java.time.Instant bestAt = floor == null ? null : dev.burrow.api.WireTime.parse(floor).orElse(null);
        for (FileSystemEntry r : rows) {
            if (r.createdAt() == null) {
                continue;
            }
            java.time.Instant at = dev.burrow.api.WireTime.parse(r.createdAt()).orElse(null);
            if (at != null && (bestAt == null || at.isAfter(bestAt))) {
                best = r.createdAt();
                bestAt = at;
            }
        }
        return best;
    }
}
