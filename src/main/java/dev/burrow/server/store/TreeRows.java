package dev.burrow.server.store;

import dev.burrow.api.EntryPath;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The {@code file_system} table: every write recomputes the path-derived columns and keeps
 * {@link TreeCounts} in step, in the caller's transaction. Nothing else writes the table.
 */
public final class TreeRows {

    /** The column list every {@link #read} expects, in order. */
    public static final String COLUMNS =
            "id, team, path, type, ref, href, shortcut, meta, created_at, created_by";

    static final String INSERT = "INSERT INTO file_system (id, team, path, path_lower, parent, name_lower,"
            + " depth, type, is_folder, ref, href, shortcut, meta, created_at, created_by, haystack)"
            + " VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)";

    private TreeRows() {
    }

    public static void insert(Connection c, TreeRow row) throws SQLException {
        try (RowBatch batch = new RowBatch(c)) {
            batch.add(row);
        }
    }

    /** Inserts many rows through one statement; close (or flush) it before reading the table back. */
    public static RowBatch batch(Connection c) throws SQLException {
        return new RowBatch(c);
    }

    /** Binds {@code row} to the {@link #INSERT} statement. */
    static void bindInsert(PreparedStatement ps, TreeRow row) throws SQLException {
        List<String> names = EntryPath.split(row.path());
        ps.setString(1, row.id());
        ps.setInt(2, row.team());
        ps.setString(3, row.path());
        ps.setString(4, lower(row.path()));
        ps.setString(5, names.size() <= 1 ? "" : EntryPath.join(names.subList(0, names.size() - 1)));
        ps.setString(6, names.isEmpty() ? "" : lower(names.get(names.size() - 1)));
        ps.setInt(7, names.size());
        ps.setString(8, row.type());
        ps.setInt(9, row.isFolder() ? 1 : 0);
        ps.setString(10, row.ref());
        ps.setString(11, row.href());
        setFlag(ps, 12, row.shortcut());
        ps.setString(13, row.meta());
        ps.setString(14, row.createdAt());
        if (row.createdBy() == null) {
            ps.setNull(15, Types.INTEGER);
        } else {
            ps.setLong(15, row.createdBy());
        }
        ps.setString(16, haystack(row.path(), row.type()));
    }

    private static void setFlag(PreparedStatement ps, int index, Boolean flag) throws SQLException {
        if (flag == null) {
            ps.setNull(index, Types.INTEGER);
        } else {
            ps.setInt(index, flag ? 1 : 0);
        }
    }

    /** What a plain search token is looked for in: the lower-cased path and type, apart. */
    public static String haystack(String path, String type) {
        return lower(path) + "\u0001" + lowerAscii(type == null ? "" : type);
    }

    static String lower(String s) {
        return s.toLowerCase(Locale.ROOT);
    }

    /** ASCII-only lower case, as SQLite's {@code lower()} folds, so SQL updates agree with Java. */
    public static String lowerAscii(String s) {
        StringBuilder sb = null;
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            if (ch >= 'A' && ch <= 'Z') {
                if (sb == null) {
                    sb = new StringBuilder(s);
                }
                sb.setCharAt(i, (char) (ch + 32));
            }
        }
        return sb == null ? s : sb.toString();
    }

    /** Reads a row from a result set whose first columns are {@link #COLUMNS}. */
    public static TreeRow read(ResultSet rs) throws SQLException {
        int sc = rs.getInt(7);
        Boolean shortcut = rs.wasNull() ? null : sc != 0;
        long by = rs.getLong(10);
        Long createdBy = rs.wasNull() ? null : by;
        return new TreeRow(rs.getString(1), rs.getInt(2), rs.getString(3), rs.getString(4), rs.getString(5),
                rs.getString(6), shortcut, rs.getString(8), rs.getString(9), createdBy);
    }

    static List<TreeRow> query(Connection c, String sqlAfterFrom, List<?> params) throws SQLException {
        return select(c, "FROM file_system " + sqlAfterFrom, params);
    }

    /** The rows of {@code SELECT COLUMNS} + {@code fromOn} ({@code FROM file_system …}). */
    static List<TreeRow> select(Connection c, String fromOn, List<?> params) throws SQLException {
        return Sql.list(c, "SELECT " + COLUMNS + " " + fromOn, TreeRows::read, params);
    }

    public static TreeRow byId(Connection c, String id) throws SQLException {
        List<TreeRow> rows = query(c, "WHERE id = ?", List.of(id));
        return rows.isEmpty() ? null : rows.get(0);
    }

    /** The row {@code id} if a request from {@code team} may see it (§4), else null. */
    public static TreeRow visible(Connection c, String id, int team) throws SQLException {
        TreeRow row = byId(c, id);
        return row != null && Visibility.visible(row.team(), row.type(), team) ? row : null;
    }

    /** Every row of an object (link rows included), wherever it is filed. */
    public static List<TreeRow> ofObject(Connection c, String type, String ref) throws SQLException {
        return query(c, "WHERE type = ? AND ref = ?", List.of(type, ref));
    }

    /** The ids of an object's own (non-link) rows in {@code team}. */
    public static List<String> ownRowIds(Connection c, String type, String ref, int team) throws SQLException {
        return Sql.list(c, "SELECT id FROM file_system WHERE type = ? AND ref = ? AND team = ?"
                + " AND (shortcut IS NULL OR shortcut = 0)", rs -> rs.getString(1), type, ref, team);
    }

    /** The rows below {@code folder} that {@code team} sees, shallowest first. */
    public static List<TreeRow> below(Connection c, String folder, int team) throws SQLException {
        return query(c, "WHERE path >= ? AND path < ? AND " + Visibility.SQL + " ORDER BY depth, path",
                List.of(folder + "/", folder + "0", team));
    }

    /** The rows below {@code folder} that {@code team} does not see: other environments' hog functions. */
    public static List<TreeRow> hiddenBelow(Connection c, String folder, int team) throws SQLException {
        return query(c, "WHERE path >= ? AND path < ? AND NOT " + Visibility.SQL + " ORDER BY depth, path",
                List.of(folder + "/", folder + "0", team));
    }

    /** True when a row has exactly this path (in {@code team} only, unless it is null). */
    public static boolean existsAt(Connection c, String path, Integer team) throws SQLException {
        return team == null ? Sql.exists(c, "SELECT 1 FROM file_system WHERE path = ? LIMIT 1", path)
                : Sql.exists(c, "SELECT 1 FROM file_system WHERE path = ? AND team = ? LIMIT 1", path, team);
    }

    /** True when a folder row other than {@code exceptId} (null: any) has this path. */
    public static boolean folderAt(Connection c, String path, String exceptId) throws SQLException {
        return Sql.exists(c, "SELECT 1 FROM file_system WHERE path = ? AND type = 'folder' AND id IS NOT ? LIMIT 1",
                path, exceptId);
    }

    /** Rewrites a row's own fields (type, ref, href, shortcut, meta, path) from {@code before} to {@code after}. */
    public static void update(Connection c, TreeRow before, TreeRow after) throws SQLException {
        Sql.update(c, "UPDATE file_system SET type = ?, is_folder = ?, ref = ?, href = ?, shortcut = ?, meta = ?,"
                + " haystack = ? WHERE id = ?", after.type(), after.isFolder() ? 1 : 0, after.ref(), after.href(),
                after.shortcut() == null ? null : after.shortcut() ? 1 : 0, after.meta(),
                haystack(before.path(), after.type()), before.id());
        if (!after.path().equals(before.path())) {
            setPath(c, before.id(), after.path());
        }
        TreeCounts.Tally tally = new TreeCounts.Tally();
        tally.row(before, -1);
        tally.row(after, 1);
        tally.flush(c);
    }

    /** Moves one row to {@code newPath}. */
    public static void updatePath(Connection c, TreeRow row, String newPath) throws SQLException {
        setPath(c, row.id(), newPath);
        TreeCounts.Tally tally = new TreeCounts.Tally();
        tally.row(row, -1);
        tally.row(row.withPath(newPath), 1);
        tally.flush(c);
    }

    private static void setPath(Connection c, String id, String newPath) throws SQLException {
        List<String> names = EntryPath.split(newPath);
        Sql.update(c, "UPDATE file_system SET path = ?, path_lower = ?, parent = ?, name_lower = ?, depth = ?,"
                + " haystack = ? || char(1) || lower(type) WHERE id = ?", newPath, lower(newPath),
                names.size() <= 1 ? "" : EntryPath.join(names.subList(0, names.size() - 1)),
                names.isEmpty() ? "" : lower(names.get(names.size() - 1)), names.size(), lower(newPath), id);
    }

    /**
     * Replaces the {@code old/} prefix of every row below {@code old} that {@code team} sees with
     * {@code newPath/}: one statement when both paths are canonical, else row by row.
     */
    public static void moveBelow(Connection c, String old, String newPath, int team) throws SQLException {
        boolean canonical = EntryPath.normalize(old).equals(old) && EntryPath.normalize(newPath).equals(newPath);
        if (!canonical) {
            for (TreeRow d : below(c, old, team)) {
                updatePath(c, d, newPath + d.path().substring(old.length()));
            }
            return;
        }
        // A row whose path is old's own with a slash added ("old/") lies in the range without
        // being below old's name: it moves on its own, its parent worked out as an insert would.
        for (TreeRow odd : query(c, "WHERE parent = ? AND path >= ? AND path < ? AND " + Visibility.SQL,
                List.of(EntryPath.parent(old), old + "/", old + "0", team))) {
            updatePath(c, odd, newPath + odd.path().substring(old.length()));
        }
        // Both prefixes are whole segments, so every derived column of the rest shifts the same way.
        int depthShift = EntryPath.depth(newPath) - EntryPath.depth(old);
        String newLower = lower(newPath);
        String oldLower = lower(old);
        int from = old.codePointCount(0, old.length()) + 1;
        int fromLower = oldLower.codePointCount(0, oldLower.length()) + 1;
        Sql.update(c, "UPDATE file_system SET path = ? || substr(path, ?), path_lower = ? || substr(path_lower, ?),"
                + " haystack = ? || substr(haystack, ?),"
                + " parent = CASE WHEN parent = ? THEN ? ELSE ? || substr(parent, ?) END, depth = depth + ?"
                + " WHERE path >= ? AND path < ? AND " + Visibility.SQL, newPath, from, newLower, fromLower, newLower,
                fromLower, old, newPath, newPath, from, depthShift, old + "/", old + "0", team);
        TreeCounts.moveBelow(c, old, newPath, team);
        ChildCounts.moveBelow(c, old, newPath, team);
    }

    /** Deletes these rows (those still there); answers how many went. */
    public static int delete(Connection c, List<TreeRow> rows) throws SQLException {
        TreeCounts.Tally tally = new TreeCounts.Tally();
        int gone = 0;
        try (PreparedStatement ps = c.prepareStatement("DELETE FROM file_system WHERE id = ?")) {
            for (TreeRow row : rows) {
                ps.setString(1, row.id());
                if (ps.executeUpdate() > 0) {
                    tally.row(row, -1);
                    gone++;
                }
            }
        }
        tally.flush(c);
        return gone;
    }

    /** Every row's id, path and stored depth (null where unknown), for a whole-tree repair. */
    public static List<StoredDepth> depths(Connection c) throws SQLException {
        return Sql.list(c, "SELECT id, path, depth FROM file_system", rs -> {
            int depth = rs.getInt(3);
            return new StoredDepth(rs.getString(1), rs.getString(2), rs.wasNull() ? null : depth);
        });
    }

    /** A row's path and the depth stored for it. */
    public record StoredDepth(String id, String path, Integer depth) {
    }

    /** Sets the stored depth of rows by id. */
    public static void fixDepths(Connection c, Map<String, Integer> depthById) throws SQLException {
        for (Map.Entry<String, Integer> e : depthById.entrySet()) {
            Sql.update(c, "UPDATE file_system SET depth = ? WHERE id = ?", e.getValue(), e.getKey());
        }
    }

    /** Binds parameters by position; a null is bound as SQL NULL. */
    public static void bind(PreparedStatement ps, List<?> params) throws SQLException {
        Sql.bind(ps, params);
    }
}
