package dev.burrow.server.store;

import dev.burrow.api.ViewLogEntry;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/** The {@code view_log} table: when each user last viewed each object (Recents). */
public final class ViewLogTable {

    private ViewLogTable() {
    }

    /** Records a view, replacing the user's earlier one of the same object. */
    public static void record(Connection c, long userId, int team, String type, String ref, String viewedAt)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO view_log(user_id, team, type, ref, viewed_at)"
                + " VALUES (?,?,?,?,?) ON CONFLICT(user_id, team, type, ref) DO UPDATE SET viewed_at ="
                + " excluded.viewed_at")) {
            ps.setLong(1, userId);
            ps.setInt(2, team);
            ps.setString(3, type);
            ps.setString(4, ref);
            ps.setString(5, viewedAt);
            ps.executeUpdate();
        }
    }

    /** The user's latest views (of one type, unless null), newest first. */
    public static List<ViewLogEntry> latest(Connection c, long userId, int team, String type, int limit)
            throws SQLException {
        String sql = "SELECT type, ref, viewed_at FROM view_log WHERE user_id = ? AND team = ?"
                + (type != null ? " AND type = ?" : "") + " ORDER BY viewed_at DESC LIMIT ?";
        List<ViewLogEntry> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            int i = 1;
            ps.setLong(i++, userId);
            ps.setInt(i++, team);
            if (type != null) {
                ps.setString(i++, type);
            }
            ps.setInt(i, limit);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new ViewLogEntry(rs.getString(1), rs.getString(2), rs.getString(3)));
                }
            }
        }
        return out;
    }
}
