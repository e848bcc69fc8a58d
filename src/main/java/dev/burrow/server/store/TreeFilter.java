package dev.burrow.server.store;

import dev.burrow.api.EntryPath;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The rows a {@code file_system/} list asks for, as a SQL condition: built from the request's
 * filters, run by {@link TreeListing}.
 */
public final class TreeFilter {

    private final List<String> conditions = new ArrayList<>();
    private final List<Object> params = new ArrayList<>();
    private int team;
    private boolean byParent;
    /** The folder whose children the rows are, while no other condition narrows them; else null. */
    private String childrenOf;
    private int conditionsWhenPlaced;

    private TreeFilter() {
    }

    /** The rows a list from {@code team} may show at all (§4, §5). */
    public static TreeFilter listed(int team) {
        TreeFilter f = new TreeFilter();
        f.conditions.add(Visibility.LISTED);
        f.conditions.add(Visibility.SQL);
        f.params.add(team);
        f.team = team;
        return f;
    }

    /**
     * {@code parent} (all descendants; null for none) and {@code depth} (null for any). The
     * children of one folder are read along the children index, which gives the same rows.
     */
    public TreeFilter placed(String parent, Integer depth) {
        if (parent != null) {
            add("path >= ? AND path < ?", parent + "/", parent + "0");
            if (depth != null && depth == EntryPath.depth(parent) + 1 && EntryPath.normalize(parent).equals(parent)) {
                byParent = true;
                add("parent = ?", parent);
            }
        } else if (depth != null && depth == 1) {
            // the top level: rows whose parent is the root
            byParent = true;
            add("parent = ''");
        }
        if (depth != null && !byParent) {
            add("depth = ?", depth);
        }
        if (byParent) {
            childrenOf = parent == null ? "" : parent;
            conditionsWhenPlaced = conditions.size();
        }
        return this;
    }

    public TreeFilter path(String value) {
        return value == null ? this : add("path = ?", value);
    }

    public TreeFilter type(String value) {
        return value == null ? this : add("type = ?", value);
    }

    public TreeFilter ref(String value) {
        return value == null ? this : add("ref = ?", value);
    }

    public TreeFilter notType(String value) {
        return value == null ? this : add("type <> ?", value);
    }

    public TreeFilter typePrefix(String value) {
        return value == null ? this : add("substr(type, 1, ?) = ?", value.codePointCount(0, value.length()), value);
    }

    public TreeFilter createdAfter(Instant t) {
        return t == null ? this : add("created_at > ?", Timestamps.format(t));
    }

    public TreeFilter createdBefore(Instant t) {
        return t == null ? this : add("created_at < ?", Timestamps.format(t));
    }

    /**
     * A search condition over the row's columns ({@code server.search}). It goes first: SQLite
     * tests terms in order, and a search term turns most rows away before the others are read.
     */
    public TreeFilter matching(String sql, List<Object> values) {
        conditions.add(0, "(" + sql + ")");
        params.addAll(0, values);
        return this;
    }

    private TreeFilter add(String condition, Object... values) {
        conditions.add(condition);
        params.addAll(List.of(values));
        return this;
    }

    boolean byParent() {
        return byParent;
    }

    /**
     * The folder ({@code ""}: the top level) when the rows are all of its listed children that
     * the environment sees, nothing else asked: their number is kept ({@link ChildCounts}). Else null.
     */
    String childrenOf() {
        return childrenOf != null && conditions.size() == conditionsWhenPlaced ? childrenOf : null;
    }

    /** {@code FROM file_system … WHERE …}, along the children index when the rows are one folder's children. */
    String fromWhere() {
        return fromWhere(byParent ? "fs_children" : null);
    }

    /** {@code FROM file_system … WHERE …} along {@code index} (null: SQLite's choice). */
    String fromWhere(String index) {
        return "FROM file_system " + (index == null ? "" : "INDEXED BY " + index + " ") + "WHERE "
                + String.join(" AND ", conditions);
    }

    /** The environment the list is for. */
    int team() {
        return team;
    }

    List<Object> params() {
        return params;
    }
}
