package dev.burrow.server.store;

import dev.burrow.api.EntryPath;
import dev.burrow.api.Star;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;

/** The {@code stars} table: each user's starred items (contract/file_system.md §15). */
public final class StarsTable {

    private static final String SELECT = "SELECT id, path, type, ref, href, ord, created_at FROM stars";

    /** The orders a user's stars can be listed in. */
    public enum StarOrder {
        STORED("ord, lower(path), id"),
        CREATED("created_at, id"),
        CREATED_DESCENDING("created_at DESC, id");

        final String sql;

        StarOrder(String sql) {
            this.sql = sql;
        }
    }

    private StarsTable() {
    }

    private static Star read(ResultSet rs) throws SQLException {
        return new Star(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                rs.getInt(6), rs.getString(7), null);
    }

    /** The stars of {@code userId} a request from {@code team} sees (link stars never). */
    public static List<Star> mine(Connection c, long userId, int team, StarOrder order) throws SQLException {
        return Sql.list(c, SELECT + " WHERE user_id = ? AND type <> 'link' AND " + Visibility.SQL + " ORDER BY "
                + order.sql, StarsTable::read, userId, team);
    }

    /** One star of {@code userId} that {@code team} sees, or null. */
    public static Star find(Connection c, String id, long userId, int team) throws SQLException {
        return Sql.first(c, SELECT + " WHERE id = ? AND user_id = ? AND " + Visibility.SQL, StarsTable::read, id,
                userId, team);
    }

    public static void insert(Connection c, long userId, int team, Star star) throws SQLException {
        Sql.update(c, "INSERT INTO stars(id, user_id, team, path, type, ref, href, ord, created_at)"
                + " VALUES (?,?,?,?,?,?,?,?,?)", star.id(), userId, team, star.path(), star.type(), star.ref(),
                star.href(), star.order(), star.createdAt());
    }

    /** Rewrites a star's path, type, ref, href and order. */
    public static void update(Connection c, Star star) throws SQLException {
        Sql.update(c, "UPDATE stars SET path = ?, type = ?, ref = ?, href = ?, ord = ? WHERE id = ?", star.path(),
                star.type(), star.ref(), star.href(), star.order(), star.id());
    }

    /** Gives the stars {@code ids} the orders 0, 1, 2, … in that order. */
    public static void reorder(Connection c, List<String> ids) throws SQLException {
        for (int i = 0; i < ids.size(); i++) {
            Sql.update(c, "UPDATE stars SET ord = ? WHERE id = ?", i, ids.get(i));
        }
    }

    public static void delete(Connection c, List<String> ids) throws SQLException {
        for (String id : ids) {
            Sql.update(c, "DELETE FROM stars WHERE id = ?", id);
        }
    }

    /** Every user's stars of an object, which go with it. */
    public static void deleteForObject(Connection c, String type, String ref) throws SQLException {
        Sql.update(c, "DELETE FROM stars WHERE type = ? AND ref = ?", type, ref);
    }

    /**
     * Folder stars follow a folder move from {@code old} to {@code newPath}: their refs (folder
     * paths) change prefix, and the moved folder's own star takes the new name if it had the old.
     */
    public static void followFolderMove(Connection c, String old, String newPath) throws SQLException {
        Sql.update(c, "UPDATE stars SET path = CASE WHEN ref = ? AND path = ? THEN ? ELSE path END,"
                + " ref = ? || substr(ref, ?) WHERE type = 'folder' AND (ref = ? OR (ref >= ? AND ref < ?))",
                old, EntryPath.escape(EntryPath.leaf(old)), EntryPath.escape(EntryPath.leaf(newPath)), newPath,
                old.codePointCount(0, old.length()) + 1, old, old + "/", old + "0");
    }
}
