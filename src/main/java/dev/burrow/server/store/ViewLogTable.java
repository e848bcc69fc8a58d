package dev.burrow.server.store;

import dev.burrow.api.ViewLogEntry;
import java.sql.Connection;
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
        Sql.update(c, "INSERT INTO view_log(user_id, team, type, ref, viewed_at) VALUES (?,?,?,?,?)"
                + " ON CONFLICT(user_id, team, type, ref) DO UPDATE SET viewed_at = excluded.viewed_at",
                userId, team, type, ref, viewedAt);
    }

    /** The user's latest views (of one type, unless null), newest first. */
    public static List<ViewLogEntry> latest(Connection c, long userId, int team, String type, int limit)
            throws SQLException {
        List<Object> params = new ArrayList<>(List.of(userId, team));
        if (type != null) {
            params.add(type);
        }
        params.add(limit);
        return Sql.list(c, "SELECT type, ref, viewed_at FROM view_log WHERE user_id = ? AND team = ?"
                + (type != null ? " AND type = ?" : "") + " ORDER BY viewed_at DESC LIMIT ?",
                rs -> new ViewLogEntry(rs.getString(1), rs.getString(2), rs.getString(3)), params);
    }
}
