package dev.burrow.server.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/** The {@code objects} table: the dashboards, insights, flags, … that tree rows point at. */
public final class ObjectsTable {

    private static final String COLUMNS = "type, ref, id, short_id, team, name, deleted, payload, created_at,"
            + " created_by";

    private ObjectsTable() {
    }

    private static List<StoredObject> query(Connection c, String where, Object... params) throws SQLException {
        List<StoredObject> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM objects " + where)) {
            TreeRows.bind(ps, List.of(params));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    long by = rs.getLong(10);
                    out.add(new StoredObject(rs.getString(1), rs.getString(2), rs.getLong(3), rs.getString(4),
                            rs.getInt(5), rs.getString(6), rs.getInt(7), rs.getString(8), rs.getString(9),
                            rs.wasNull() ? null : by));
                }
            }
        }
        return out;
    }

    /** The object (type, ref) of {@code team}, deleted or not, or null. */
    public static StoredObject find(Connection c, String type, String ref, int team) throws SQLException {
        List<StoredObject> found = query(c, "WHERE type = ? AND ref = ? AND team = ?", type, ref, team);
        return found.isEmpty() ? null : found.get(0);
    }

    /** The live objects of a type in {@code team}, by id. */
    public static List<StoredObject> live(Connection c, String type, int team) throws SQLException {
        return query(c, "WHERE type = ? AND team = ? AND deleted = 0 ORDER BY id", type, team);
    }

    /** The live object of a type with this numeric id in {@code team}, or null. */
    public static StoredObject liveById(Connection c, String type, long id, int team) throws SQLException {
        List<StoredObject> found = query(c, "WHERE type = ? AND team = ? AND deleted = 0 AND id = ? ORDER BY id LIMIT 1",
                type, team, id);
        return found.isEmpty() ? null : found.get(0);
    }

    /** The live insights of {@code team} with this short id, by id. */
    public static List<StoredObject> liveByShortId(Connection c, String type, String shortId, int team)
            throws SQLException {
        return query(c, "WHERE type = ? AND team = ? AND deleted = 0 AND short_id = ? ORDER BY id", type, team, shortId);
    }

    /** The environment of a live object with this numeric id, preferring {@code team} if ids repeat; or null. */
    public static Integer teamOf(Connection c, String type, long id, int team) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT team FROM objects WHERE type = ? AND id = ?"
                + " AND deleted = 0 ORDER BY team = ? DESC LIMIT 1")) {
            ps.setString(1, type);
            ps.setLong(2, id);
            ps.setInt(3, team);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getInt(1) : null;
            }
        }
    }

    /** Live objects of {@code team} (of one type, unless null) that no tree row points at, by type and id. */
    public static List<StoredObject> withoutRows(Connection c, int team, String type) throws SQLException {
        String where = "o WHERE o.deleted = 0 AND o.team = ?" + (type != null ? " AND o.type = ?" : "")
                + " AND NOT EXISTS (SELECT 1 FROM file_system f WHERE f.type = o.type AND f.ref = o.ref)"
                + " ORDER BY o.type, o.id";
        return type != null ? query(c, where, team, type) : query(c, where, team);
    }

    /** Marks a live object deleted: soft (1), or for good though reported as soft (2); answers whether it was live. */
    public static boolean markDeleted(Connection c, String type, String ref, int team, boolean forGood)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE objects SET deleted = ? WHERE type = ? AND ref = ?"
                + " AND team = ? AND deleted = 0")) {
            ps.setInt(1, forGood ? 2 : 1);
            ps.setString(2, type);
            ps.setString(3, ref);
            ps.setInt(4, team);
            return ps.executeUpdate() > 0;
        }
    }

    /** Removes an object; answers whether there was one. */
    public static boolean remove(Connection c, String type, String ref, int team) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("DELETE FROM objects WHERE type = ? AND ref = ? AND team = ?")) {
            ps.setString(1, type);
            ps.setString(2, ref);
            ps.setInt(3, team);
            return ps.executeUpdate() > 0;
        }
    }

    public static void restore(Connection c, String type, String ref, int team) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "UPDATE objects SET deleted = 0 WHERE type = ? AND ref = ? AND team = ?")) {
            ps.setString(1, type);
            ps.setString(2, ref);
            ps.setInt(3, team);
            ps.executeUpdate();
        }
    }
}
