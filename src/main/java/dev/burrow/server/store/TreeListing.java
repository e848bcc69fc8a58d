package dev.burrow.server.store;

import dev.burrow.api.EntryPath;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/** The reads of {@code file_system} that answer lists: pages, searches, Recents, counts. */
public final class TreeListing {

    /** How many rows a count previews. */
    public static final int PREVIEW = 200;

    private TreeListing() {
    }

    /** The total that matched and the rows of the page asked for. */
    public record TreePage(long count, List<TreeRow> rows) {
    }

    /** A row with the time the caller last viewed its object. */
    public record ViewedRow(TreeRow row, String viewedAt) {
    }

    /**
     * How many rows match, and the page asked for. A search in its default order goes along the
     * index fs_listing (lower-cased path and type, team) and stops at the page's end. The count
     * of a folder's children is kept ({@link ChildCounts}); any other count comes from the page
     * itself when the page is the last one (one row more is asked for, to know), and only
     * otherwise from a count of its own, which reads an index without handing rows over to Java.
     */
    public static TreePage page(Connection c, TreeFilter filter, TreeOrder order, int limit, int offset)
            throws SQLException {
        String fromWhere = order == TreeOrder.SEARCH && !filter.byParent() ? filter.fromWhere("fs_listing")
                : filter.fromWhere();
        String folder = filter.childrenOf();
        if (folder != null) {
            long count = ChildCounts.visibleIn(c, folder, filter.team());
            return new TreePage(count, count == 0 || offset >= count ? List.of()
                    : rows(c, fromWhere, filter.params(), order, limit, offset));
        }
        List<TreeRow> rows = rows(c, fromWhere, filter.params(), order, limit + 1L, offset);
        if (rows.size() <= limit && (!rows.isEmpty() || offset == 0)) {
            return new TreePage(offset + (long) rows.size(), rows);
        }
        long count = Sql.number(c, "SELECT count(*) " + fromWhere, filter.params());
        return new TreePage(count, rows.size() > limit ? rows.subList(0, limit) : rows);
    }

    /** The page's rows; {@code fromWhere} is {@code FROM file_system … WHERE …}. */
    private static List<TreeRow> rows(Connection c, String fromWhere, List<Object> filterParams, TreeOrder order,
            long limit, int offset) throws SQLException {
        List<Object> params = new ArrayList<>(filterParams);
        params.add(limit);
        params.add(offset);
        return TreeRows.select(c, fromWhere + " ORDER BY " + order.sql + " LIMIT ? OFFSET ?", params);
    }

    /**
     * The caller's Recents: rows of the objects they viewed, by view time. A search looks only
     * at the 200 latest views; {@code searchSql} names bare {@code file_system} columns.
     */
    public static List<ViewedRow> recents(Connection c, long userId, int team, String notType, String searchSql,
            List<Object> searchParams, boolean newestFirst, int limit) throws SQLException {
        List<Object> params = new ArrayList<>();
        StringBuilder sql = new StringBuilder("SELECT f.id, f.team, f.path, f.type, f.ref, f.href, f.shortcut, f.meta,"
                + " f.created_at, f.created_by, v.viewed_at FROM ");
        if (searchSql != null) {
            sql.append("(SELECT * FROM view_log WHERE user_id = ? AND team = ? ORDER BY viewed_at DESC LIMIT 200) v");
            params.add(userId);
            params.add(team);
        } else {
            sql.append("view_log v");
        }
        sql.append(" JOIN file_system f ON f.type = v.type AND f.ref = v.ref AND f.team = v.team"
                + " WHERE v.user_id = ? AND v.team = ? AND (f.shortcut IS NULL OR f.shortcut = 0)"
                + " AND " + Visibility.listed("f.type"));
        params.add(userId);
        params.add(team);
        if (notType != null) {
            sql.append(" AND f.type <> ?");
            params.add(notType);
        }
        if (searchSql != null) {
            // the condition names bare columns; inside this join they belong to f
            sql.append(" AND f.id IN (SELECT id FROM file_system WHERE ").append(searchSql).append(")");
            params.addAll(searchParams);
        }
        sql.append(" ORDER BY v.viewed_at ").append(newestFirst ? "DESC" : "ASC").append(" LIMIT ?");
        params.add(limit);
        return Sql.list(c, sql.toString(), rs -> new ViewedRow(TreeRows.read(rs), rs.getString(11)), params);
    }

    /** What a count answers: the total below a folder and the first rows by depth, then path. */
    public record Below(long count, List<TreeRow> preview) {
    }

    /** §11: how many rows below {@code folder} {@code team} sees, with the first {@link #PREVIEW} of them. */
    public static Below below(Connection c, String folder, int team) throws SQLException {
        long n = TreeCounts.visibleBelow(c, folder, team);
        long wanted = Math.min(n, PREVIEW);
        String lo = folder + "/";
        String hi = folder + "0";
        List<TreeRow> preview = new ArrayList<>();
        // one depth at a time along the (depth, path) index, until the preview is full
        int depth = Math.max(1, EntryPath.depth(folder));
        int deepest = Integer.MAX_VALUE;
        for (int d = depth; preview.size() < wanted && d <= deepest; d++) {
            if (d == depth + EntryPath.MAX_DEPTH) {
                // rows deeper than any path may be are legacy ones: look once for the deepest
                deepest = deepest(c, lo, hi);
            }
            preview.addAll(TreeRows.query(c, "WHERE depth = ? AND path >= ? AND path < ? AND " + Visibility.SQL
                    + " ORDER BY path LIMIT ?", List.of(d, lo, hi, team, wanted - preview.size())));
        }
        return new Below(n, preview);
    }

    private static int deepest(Connection c, String lo, String hi) throws SQLException {
        return (int) Sql.number(c, "SELECT max(depth) FROM file_system WHERE path >= ? AND path < ?", List.of(lo, hi));
    }
}
