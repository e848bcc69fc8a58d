package dev.burrow.server.store;

import dev.burrow.api.EntryPath;
import dev.burrow.api.Star;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/** The {@code stars} table: each user's starred items (contract/file_system.md §15). */
public final class StarsTable {

    private static final String COLUMNS = "id, path, type, ref, href, ord, created_at";

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
        List<Star> stars = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM stars WHERE user_id = ?"
                + " AND type <> 'link' AND " + Visibility.SQL + " ORDER BY " + order.sql)) {
            ps.setLong(1, userId);
            ps.setInt(2, team);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    stars.add(read(rs));
                }
            }
        }
        return stars;
    }

    /** One star of {@code userId} that {@code team} sees, or null. */
    public static Star find(Connection c, String id, long userId, int team) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM stars WHERE id = ? AND user_id = ?"
                + " AND " + Visibility.SQL)) {
            ps.setString(1, id);
            ps.setLong(2, userId);
            ps.setInt(3, team);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? read(rs) : null;
            }
        }
    }

    public static void insert(Connection c, long userId, int team, Star star) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO stars(id, user_id, team, path, type, ref, href, ord,"
                + " created_at) VALUES (?,?,?,?,?,?,?,?,?)")) {
            ps.setString(1, star.id());
            ps.setLong(2, userId);
            ps.setInt(3, team);
            ps.setString(4, star.path());
            ps.setString(5, star.type());
            ps.setString(6, star.ref());
            ps.setString(7, star.href());
            ps.setInt(8, star.order());
            ps.setString(9, star.createdAt());
            ps.executeUpdate();
        }
    }

    /** Rewrites a star's path, type, ref, href and order. */
    public static void update(Connection c, Star star) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE stars SET path = ?, type = ?, ref = ?, href = ?,"
                + " ord = ? WHERE id = ?")) {
            ps.setString(1, star.path());
            ps.setString(2, star.type());
            ps.setString(3, star.ref());
            ps.setString(4, star.href());
            ps.setInt(5, star.order());
            ps.setString(6, star.id());
            ps.executeUpdate();
        }
    }

    /** Gives the stars {@code ids} the orders 0, 1, 2, … in that order. */
    public static void reorder(Connection c, List<String> ids) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE stars SET ord = ? WHERE id = ?")) {
            for (int i = 0; i < ids.size(); i++) {
                ps.setInt(1, i);
                ps.setString(2, ids.get(i));
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    public static void delete(Connection c, List<String> ids) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("DELETE FROM stars WHERE id = ?")) {
            for (String id : ids) {
                ps.setString(1, id);
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    /** Every user's stars of an object, which go with it. */
    public static void deleteForObject(Connection c, String type, String ref) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("DELETE FROM stars WHERE type = ? AND ref = ?")) {
            ps.setString(1, type);
            ps.setString(2, ref);
            ps.executeUpdate();
        }
    }

    /**
     * Folder stars follow a folder move from {@code old} to {@code newPath}: their refs (folder
     * paths) change prefix, and the moved folder's own star takes the new name if it had the old.
     */
    public static void followFolderMove(Connection c, String old, String newPath) throws SQLException {
        String oldLeaf = EntryPath.escape(EntryPath.leaf(old));
        String newLeaf = EntryPath.escape(EntryPath.leaf(newPath));
        try (PreparedStatement ps = c.prepareStatement("UPDATE stars SET path = CASE WHEN ref = ? AND path = ?"
                + " THEN ? ELSE path END, ref = ? || substr(ref, ?) WHERE type = 'folder' AND (ref = ? OR"
                + " (ref >= ? AND ref < ?))")) {
            ps.setString(1, old);
            ps.setString(2, oldLeaf);
            ps.setString(3, newLeaf);
            ps.setString(4, newPath);
            ps.setInt(5, old.codePointCount(0, old.length()) + 1);
            ps.setString(6, old);
            ps.setString(7, old + "/");
            ps.setString(8, old + "0");
            ps.executeUpdate();
        }
    }
}
