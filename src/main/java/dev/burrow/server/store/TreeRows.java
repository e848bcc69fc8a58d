package dev.burrow.server.store;

import dev.burrow.api.EntryPath;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;

/** Reading and writing {@code file_system} rows; every write recomputes the path-derived columns. */
public final class TreeRows {

    /** The column list every {@link #read} expects, in order. */
    public static final String COLUMNS =
            "id, team, path, type, ref, href, shortcut, meta, created_at, created_by";

    private static final String INSERT = "INSERT INTO file_system (id, team, path, path_lower, parent, name_lower,"
            + " depth, type, is_folder, ref, href, shortcut, meta, created_at, created_by, haystack)"
            + " VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)";

    private TreeRows() {
    }

    /** Prepares the insert statement, for callers that add many rows in one transaction. */
    public static PreparedStatement prepareInsert(Connection c) throws SQLException {
        return c.prepareStatement(INSERT);
    }

    /** Binds {@code row} to a statement from {@link #prepareInsert}; the caller executes or batches it. */
    public static void bindInsert(PreparedStatement ps, TreeRow row) throws SQLException {
        List<String> names = EntryPath.split(row.path());
        ps.setString(1, row.id());
        ps.setInt(2, row.team());
        ps.setString(3, row.path());
        ps.setString(4, TreeRow.lower(row.path()));
        ps.setString(5, names.size() <= 1 ? "" : EntryPath.join(names.subList(0, names.size() - 1)));
        ps.setString(6, names.isEmpty() ? "" : TreeRow.lower(names.get(names.size() - 1)));
        ps.setInt(7, names.size());
        ps.setString(8, row.type());
        ps.setInt(9, row.isFolder() ? 1 : 0);
        ps.setString(10, row.ref());
        ps.setString(11, row.href());
        if (row.shortcut() == null) {
            ps.setNull(12, Types.INTEGER);
        } else {
            ps.setInt(12, row.shortcut() ? 1 : 0);
        }
        ps.setString(13, row.meta());
        ps.setString(14, row.createdAt());
        if (row.createdBy() == null) {
            ps.setNull(15, Types.INTEGER);
        } else {
            ps.setLong(15, row.createdBy());
        }
        ps.setString(16, haystack(row.path(), row.type()));
    }

    /** What a plain search token is looked for in: the lower-cased path and type, apart. */
    public static String haystack(String path, String type) {
        return TreeRow.lower(path) + "\u0001" + lowerAscii(type == null ? "" : type);
    }

    /** ASCII-only lower case, as SQLite's {@code lower()} folds, so SQL updates agree with Java. */
    static String lowerAscii(String s) {
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

    public static void insert(Connection c, TreeRow row) throws SQLException {
        try (PreparedStatement ps = prepareInsert(c)) {
            bindInsert(ps, row);
            ps.executeUpdate();
        }
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

    public static List<TreeRow> query(Connection c, String sqlAfterFrom, List<?> params) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM file_system " + sqlAfterFrom)) {
            bind(ps, params);
            try (ResultSet rs = ps.executeQuery()) {
                List<TreeRow> rows = new ArrayList<>();
                while (rs.next()) {
                    rows.add(read(rs));
                }
                return rows;
            }
        }
    }

    public static TreeRow byId(Connection c, String id) throws SQLException {
        List<TreeRow> rows = query(c, "WHERE id = ?", List.of(id));
        return rows.isEmpty() ? null : rows.get(0);
    }

    /** Rewrites the path of one row and its derived columns. */
    public static void updatePath(Connection c, String id, String newPath) throws SQLException {
        List<String> names = EntryPath.split(newPath);
        try (PreparedStatement ps = c.prepareStatement("UPDATE file_system SET path = ?, path_lower = ?, parent = ?,"
                + " name_lower = ?, depth = ?, haystack = ? || char(1) || lower(type) WHERE id = ?")) {
            ps.setString(1, newPath);
            ps.setString(2, TreeRow.lower(newPath));
            ps.setString(3, names.size() <= 1 ? "" : EntryPath.join(names.subList(0, names.size() - 1)));
            ps.setString(4, names.isEmpty() ? "" : TreeRow.lower(names.get(names.size() - 1)));
            ps.setInt(5, names.size());
            ps.setString(6, TreeRow.lower(newPath));
            ps.setString(7, id);
            ps.executeUpdate();
        }
    }

    public static void bind(PreparedStatement ps, List<?> params) throws SQLException {
        for (int i = 0; i < params.size(); i++) {
            Object p = params.get(i);
            if (p == null) {
                ps.setNull(i + 1, Types.VARCHAR);
            } else {
                ps.setObject(i + 1, p);
            }
        }
    }
}
