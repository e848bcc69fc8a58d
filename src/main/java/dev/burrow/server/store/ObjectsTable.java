package dev.burrow.server.store;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;

/** The {@code objects} table: the dashboards, insights, flags, … that tree rows point at. */
public final class ObjectsTable {

    private static final String SELECT = "SELECT type, ref, id, short_id, team, name, deleted, payload, created_at,"
            + " created_by FROM objects";
    private static final String LIVE = SELECT + " WHERE type = ? AND team = ? AND deleted = 0";

    private ObjectsTable() {
    }

    private static StoredObject read(ResultSet rs) throws SQLException {
        return new StoredObject(rs.getString(1), rs.getString(2), rs.getLong(3), rs.getString(4), rs.getInt(5),
                rs.getString(6), rs.getInt(7), rs.getString(8), rs.getString(9), Sql.nullableLong(rs, 10));
    }

    /** The object (type, ref) of {@code team}, deleted or not, or null. */
    public static StoredObject find(Connection c, String type, String ref, int team) throws SQLException {
        return Sql.first(c, SELECT + " WHERE type = ? AND ref = ? AND team = ?", ObjectsTable::read, type, ref, team);
    }

    /** The live objects of a type in {@code team}, by id. */
    public static List<StoredObject> live(Connection c, String type, int team) throws SQLException {
        return Sql.list(c, LIVE + " ORDER BY id", ObjectsTable::read, type, team);
    }

    /** The live object of a type with this numeric id in {@code team}, or null. */
    public static StoredObject liveById(Connection c, String type, long id, int team) throws SQLException {
        return Sql.first(c, LIVE + " AND id = ? ORDER BY id", ObjectsTable::read, type, team, id);
    }

    /** The live objects of a type in {@code team} with this short id, by id. */
    public static List<StoredObject> liveByShortId(Connection c, String type, String shortId, int team)
            throws SQLException {
        return Sql.list(c, LIVE + " AND short_id = ? ORDER BY id", ObjectsTable::read, type, team, shortId);
    }

    /** The environment of a live object with this numeric id, preferring {@code team} if ids repeat; or null. */
    public static Integer teamOf(Connection c, String type, long id, int team) throws SQLException {
        return Sql.first(c, "SELECT team FROM objects WHERE type = ? AND id = ? AND deleted = 0"
                + " ORDER BY team = ? DESC LIMIT 1", rs -> rs.getInt(1), type, id, team);
    }

    /** Live objects of {@code team} (of one type, unless null) that no tree row points at, by type and id. */
    public static List<StoredObject> withoutRows(Connection c, int team, String type) throws SQLException {
        String sql = SELECT + " o WHERE o.deleted = 0 AND o.team = ?" + (type != null ? " AND o.type = ?" : "")
                + " AND NOT EXISTS (SELECT 1 FROM file_system f WHERE f.type = o.type AND f.ref = o.ref)"
                + " ORDER BY o.type, o.id";
        return type != null ? Sql.list(c, sql, ObjectsTable::read, team, type) : Sql.list(c, sql, ObjectsTable::read, team);
    }

    /** Marks a live object deleted: soft (1), or for good though reported as soft (2); answers whether it was live. */
    public static boolean markDeleted(Connection c, String type, String ref, int team, boolean forGood)
            throws SQLException {
        return Sql.update(c, "UPDATE objects SET deleted = ? WHERE type = ? AND ref = ? AND team = ? AND deleted = 0",
                forGood ? 2 : 1, type, ref, team) > 0;
    }

    /** Removes an object; answers whether there was one. */
    public static boolean remove(Connection c, String type, String ref, int team) throws SQLException {
        return Sql.update(c, "DELETE FROM objects WHERE type = ? AND ref = ? AND team = ?", type, ref, team) > 0;
    }

    public static void restore(Connection c, String type, String ref, int team) throws SQLException {
        Sql.update(c, "UPDATE objects SET deleted = 0 WHERE type = ? AND ref = ? AND team = ?", type, ref, team);
    }
}
