package dev.burrow.tree;

import dev.burrow.api.EntryPath;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A deliberately simple model of PostHog's project tree, for model-based tests: a multiset of
 * rows {path, type, ref, shortcut} (ids are not modelled: two rows with equal values are
 * interchangeable), the objects behind them, and the undo and redo stacks as
 * {@link TreeSession} keeps them. Every rule is written out plainly from the contract:
 *
 * <ul>
 * <li>create files a folder row for every ancestor of the path that has no row at all;</li>
 * <li>a move rewrites the path of every folder row at the moved path and every row below it;</li>
 * <li>delete takes the rows and, for an object whose last non-link row goes, the object
 * (soft, for good, or hard, by type) and every row of it anywhere, link rows included;</li>
 * <li>link copies the row (a folder: every row below it, then the folder row unless a folder
 * row is already at the target) with {@code shortcut} true, filing missing ancestors;</li>
 * <li>undo puts back exactly what the edit changed; rows of objects deleted for good stay lost.</li>
 * </ul>
 */
final class TreeModel {

    /** One row, without its id. */
    record Row(String path, String type, String ref, boolean link) {
        boolean isFolder() {
            return "folder".equals(type);
        }

        String key() {
            return type + "\u0000" + ref;
        }

        Row withPath(String p) {
            return new Row(p, type, ref, link);
        }

        String line() {
            return path + "|" + type + "|" + (ref == null ? "" : ref) + "|" + (link ? "link" : "-");
        }
    }

    enum ObjectState { LIVE, SOFT, FINAL, GONE }

    /** A deleted object as the server reports it. */
    record Deleted(String key, boolean canUndo) {
    }

    /** An edit of the model; applying it answers the edit that undoes it (null: can't be undone). */
    interface Action {
        Action apply(TreeModel m);
    }

    private static final int HISTORY = 100;

    private final Map<Row, Integer> rows = new HashMap<>();
    private final Map<String, ObjectState> objects = new HashMap<>();
    private final Deque<Action> undo = new ArrayDeque<>();
    private final Deque<Action> redo = new ArrayDeque<>();

    // ---- state ----------------------------------------------------------------------------

    void addObject(String type, String ref) {
        objects.put(type + "\u0000" + ref, ObjectState.LIVE);
    }

    void add(Row r) {
        rows.merge(r, 1, Integer::sum);
    }

    void remove(Row r) {
        Integer n = rows.get(r);
        if (n == null) {
            throw new IllegalStateException("the model has no row " + r.line());
        }
        if (n == 1) {
            rows.remove(r);
        } else {
            rows.put(r, n - 1);
        }
    }

    int count(Row r) {
        return rows.getOrDefault(r, 0);
    }

    int size() {
        return rows.values().stream().mapToInt(Integer::intValue).sum();
    }

    /** The rows as sorted "path|type|ref|link" lines with multiplicity. */
    Map<String, Integer> lines() {
        Map<String, Integer> out = new TreeMap<>();
        rows.forEach((r, n) -> out.merge(r.line(), n, Integer::sum));
        return out;
    }

    private List<Row> all() {
        List<Row> out = new ArrayList<>();
        rows.forEach((r, n) -> {
            for (int i = 0; i < n; i++) {
                out.add(r);
            }
        });
        return out;
    }

    private boolean anyRowAt(String path) {
        for (Row r : rows.keySet()) {
            if (r.path().equals(path)) {
                return true;
            }
        }
        return false;
    }

    private boolean folderRowAt(String path) {
        for (Row r : rows.keySet()) {
            if (r.isFolder() && r.path().equals(path)) {
                return true;
            }
        }
        return false;
    }

    /** Rows strictly below a folder path (the server's {@code path >= P/ AND path < P0}). */
    List<Row> below(String folder) {
        List<Row> out = new ArrayList<>();
        for (Row r : all()) {
            if (r.path().startsWith(folder + "/")) {
                out.add(r);
            }
        }
        out.sort(BY_DEPTH);
        return out;
    }

    List<Row> folderRowsAt(String path) {
        List<Row> out = new ArrayList<>();
        for (Row r : all()) {
            if (r.isFolder() && r.path().equals(path)) {
                out.add(r);
            }
        }
        return out;
    }

    static final Comparator<Row> BY_DEPTH = Comparator.comparingInt((Row r) -> EntryPath.depth(r.path()))
            .thenComparing(Row::path).thenComparing(Row::type).thenComparing(r -> r.ref() == null ? "" : r.ref())
            .thenComparing(Row::link);

    /** Create's rule: a folder row for each ancestor without any row at its path. Answers the rows filed. */
    private List<Row> file(String path) {
        List<Row> filed = new ArrayList<>();
        for (String a : EntryPath.ancestors(path)) {
            if (!anyRowAt(a)) {
                Row f = new Row(a, "folder", null, false);
                add(f);
                filed.add(f);
            }
        }
        return filed;
    }

    private static String rebase(String path, String oldPrefix, String newPrefix) {
        return path.equals(oldPrefix) ? newPrefix : newPrefix + path.substring(oldPrefix.length());
    }

    private static ObjectState deletedState(String type) {
        return switch (type) {
            case "survey" -> ObjectState.FINAL;
            case "early_access_feature" -> ObjectState.GONE;
            default -> ObjectState.SOFT;
        };
    }

    // ---- actions ----------------------------------------------------------------------------

    /** Rows moved one for one. */
    record Move(List<Row> from, List<Row> to) implements Action {
        @Override
        public Action apply(TreeModel m) {
            from.forEach(m::remove);
            to.forEach(m::add);
            return new Move(to, from);
        }
    }

    /** A node's move: its folder rows and everything below it, or one item row. */
    Move moveFolder(String path, String target) {
        List<Row> from = new ArrayList<>(folderRowsAt(path));
        from.addAll(below(path));
        return new Move(from, from.stream().map(r -> r.withPath(rebase(r.path(), path, target))).toList());
    }

    static Move moveItem(Row row, String target) {
        return new Move(List.of(row), List.of(row.withPath(target)));
    }

    /** A new folder row (filing its missing ancestors, which undo leaves). */
    record Create(Row row) implements Action {
        @Override
        public Action apply(TreeModel m) {
            m.file(row.path());
            m.add(row);
            return new Delete(List.of(row), row.path());
        }
    }

    /**
     * Deletes {@code rows} and, when {@code folder} is not null, every row below that path;
     * objects whose last non-link row goes are deleted with all their rows.
     */
    record Delete(List<Row> rows, String folder) implements Action {
        @Override
        public Action apply(TreeModel m) {
            List<Row> going = new ArrayList<>(rows);
            if (folder != null) {
                going.addAll(m.below(folder));
            }
            Map<Row, Integer> goingCount = new HashMap<>();
            going.forEach(r -> goingCount.merge(r, 1, Integer::sum));
            List<Row> removed = new ArrayList<>(going);
            List<Deleted> deleted = new ArrayList<>();
            Map<String, Boolean> decided = new LinkedHashMap<>();
            for (Row r : going) {
                if (r.link() || r.isFolder() || decided.containsKey(r.key())) {
                    continue;
                }
                boolean othersRemain = false;
                for (Map.Entry<Row, Integer> e : m.rows.entrySet()) {
                    Row o = e.getKey();
                    if (!o.link() && o.key().equals(r.key())
                            && e.getValue() > goingCount.getOrDefault(o, 0)) {
                        othersRemain = true;
                        break;
                    }
                }
                decided.put(r.key(), !othersRemain);
                if (!othersRemain) {
                    ObjectState s = m.objects.get(r.key());
                    if (s == ObjectState.LIVE) {
                        ObjectState next = deletedState(r.type());
                        m.objects.put(r.key(), next);
                        deleted.add(new Deleted(r.key(), next == ObjectState.SOFT));
                    }
                    // every other row of the object goes too
                    for (Row o : m.all()) {
                        if (o.key().equals(r.key()) && !o.isFolder()) {
                            int extra = m.count(o) - goingCount.getOrDefault(o, 0);
                            for (int i = 0; i < extra; i++) {
                                removed.add(o);
                                goingCount.merge(o, 1, Integer::sum);
                            }
                        }
                    }
                }
            }
            removed.forEach(m::remove);
            return new Restore(removed, deleted);
        }
    }

    /** Puts back deleted rows: restorable objects come back, rows of objects deleted for good stay lost. */
    record Restore(List<Row> rows, List<Deleted> objects) implements Action {
        @Override
        public Action apply(TreeModel m) {
            Map<String, Boolean> gone = new HashMap<>();
            objects.forEach(d -> gone.put(d.key(), d.canUndo()));
            objects.stream().filter(Deleted::canUndo).forEach(d -> m.objects.put(d.key(), ObjectState.LIVE));
            List<Row> sorted = new ArrayList<>(rows);
            sorted.sort(BY_DEPTH);
            List<Row> restored = new ArrayList<>();
            for (boolean folders : new boolean[] {true, false}) {
                for (Row r : sorted) {
                    if (r.isFolder() != folders) {
                        continue;
                    }
                    if (!r.isFolder() && Boolean.FALSE.equals(gone.get(r.key()))) {
                        continue; // lost with its object
                    }
                    restored.addAll(m.file(r.path()));
                    m.add(r);
                    restored.add(r);
                }
            }
            // The tree redoes a delete of the top restored nodes (a folder takes what is below it).
            List<Row> top = new ArrayList<>();
            java.util.Set<String> paths = new java.util.HashSet<>();
            restored.forEach(r -> paths.add(r.path()));
            for (Row r : restored) {
                boolean parentRestored = false;
                for (String a : EntryPath.ancestors(r.path())) {
                    if (paths.contains(a)) {
                        parentRestored = true;
                        break;
                    }
                }
                if (!parentRestored) {
                    top.add(r);
                }
            }
            return new Redelete(top);
        }
    }

    /** Deletes top-level rows one node at a time: an item alone, a folder row with what is below it. */
    record Redelete(List<Row> top) implements Action {
        @Override
        public Action apply(TreeModel m) {
            List<Row> removed = new ArrayList<>();
            List<Deleted> deleted = new ArrayList<>();
            // Folder rows at one path make one node; deleting items may take others with their object.
            Map<String, List<Row>> folders = new LinkedHashMap<>();
            List<Row> items = new ArrayList<>();
            for (Row r : top) {
                if (r.isFolder()) {
                    folders.computeIfAbsent(r.path(), k -> new ArrayList<>()).add(r);
                } else {
                    items.add(r);
                }
            }
            for (Map.Entry<String, List<Row>> f : folders.entrySet()) {
                Restore undo = (Restore) new Delete(f.getValue(), f.getKey()).apply(m);
                removed.addAll(undo.rows());
                deleted.addAll(undo.objects());
            }
            for (Row r : items) {
                if (m.count(r) == 0) {
                    continue; // already gone with its object
                }
                Restore undo = (Restore) new Delete(List.of(r), null).apply(m);
                removed.addAll(undo.rows());
                deleted.addAll(undo.objects());
            }
            return new Restore(removed, deleted);
        }
    }

    /** Link copies (shortcut rows), filing the target's missing ancestors. */
    record Link(List<Row> copies, String target, boolean folder) implements Action {
        @Override
        public Action apply(TreeModel m) {
            m.file(target);
            copies.forEach(m::add);
            Row top = copies.stream().filter(r -> r.path().equals(target)).findFirst().orElseThrow();
            return folder ? new Delete(List.of(top), target) : new Delete(List.of(top), null);
        }
    }

    /** A link of an item; answers null when the model can't say (never for items). */
    static Link linkItem(Row row, String target) {
        return new Link(List.of(new Row(target, row.type(), row.ref(), true)), target, false);
    }

    /** A link of a folder, or null when a folder row is already at the target (the server then links nothing undoable). */
    Link linkFolder(Row folderRow, String path, String target) {
        if (folderRowAt(target)) {
            return null;
        }
        List<Row> copies = new ArrayList<>();
        for (Row r : below(path)) {
            copies.add(new Row(rebase(r.path(), path, target), r.type(), r.ref(), true));
        }
        copies.add(new Row(target, folderRow.type(), folderRow.ref(), true));
        return new Link(copies, target, true);
    }

    record Shortcut(Row row, boolean on) implements Action {
        @Override
        public Action apply(TreeModel m) {
            m.remove(row);
            Row next = new Row(row.path(), row.type(), row.ref(), on);
            m.add(next);
            return new Shortcut(next, !on);
        }
    }

    // ---- history, as TreeSession keeps it ----------------------------------------------------

    /** A fresh edit the tree completed. */
    void executed(Action a) {
        Action inverse = a.apply(this);
        redo.clear();
        push(inverse);
    }

    private void push(Action inverse) {
        undo.push(inverse);
        while (undo.size() > HISTORY) {
            undo.removeLast();
        }
    }

    boolean canUndo() {
        return !undo.isEmpty();
    }

    boolean canRedo() {
        return !redo.isEmpty();
    }

    /** The tree's undo succeeded. */
    void undone() {
        Action inverse = undo.pop();
        redo.push(inverse.apply(this));
    }

    /** The tree's redo succeeded. */
    void redone() {
        Action again = redo.pop();
        push(again.apply(this));
    }

    /** The rows as a plain list (with multiplicity). */
    List<Row> rows() {
        return all();
    }
}
