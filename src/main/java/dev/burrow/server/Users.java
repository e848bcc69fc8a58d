package dev.burrow.server;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.burrow.api.Json;
import dev.burrow.server.store.Database;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;

/** The organisation's members, as PostHog's basic user summaries. */
final class Users {

    private final Database db;
    private volatile Map<Long, ObjectNode> cache;

    Users(Database db) {
        this.db = db;
    }

    static void ensureOwner(Connection c, long id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT OR IGNORE INTO users(id, uuid, distinct_id, first_name,"
                + " last_name, email) VALUES (?, ?, ?, 'Local', 'User', 'local@burrow.localhost')")) {
            ps.setLong(1, id);
            ps.setString(2, "00000000-0000-4000-8000-" + String.format("%012d", id));
            ps.setString(3, "local-user-" + id);
            ps.executeUpdate();
        }
    }

    /** The basic summary of a user, or null for an unknown id. */
    ObjectNode basic(Long id) throws SQLException {
        if (id == null) {
            return null;
        }
        Map<Long, ObjectNode> all = cache;
        if (all == null || !all.containsKey(id)) {
            all = load();
            cache = all;
        }
        ObjectNode node = all.get(id);
        return node == null ? null : node.deepCopy();
    }

    private Map<Long, ObjectNode> load() throws SQLException {
        return db.read(c -> {
            Map<Long, ObjectNode> map = new HashMap<>();
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT id, uuid, distinct_id, first_name, last_name, email FROM users");
                    ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    ObjectNode u = Json.object();
                    u.put("id", rs.getLong(1));
                    u.put("uuid", rs.getString(2));
                    u.put("distinct_id", rs.getString(3));
                    u.put("first_name", rs.getString(4));
                    u.put("last_name", rs.getString(5));
                    u.put("email", rs.getString(6));
                    u.put("is_email_verified", true);
                    u.putNull("hedgehog_config");
                    u.putNull("role_at_organization");
                    map.put(rs.getLong(1), u);
                }
            }
            return map;
        });
    }
}
