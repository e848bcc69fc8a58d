package dev.burrow.server.store;

import dev.burrow.api.BasicUser;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The {@code users} table: the organisation's members, as PostHog's basic user summaries. */
public final class UsersTable {

    private UsersTable() {
    }

    /** Adds the member every personal API key of the local server belongs to, unless there. */
    public static void ensureOwner(Connection c, long id) throws SQLException {
        Sql.update(c, "INSERT OR IGNORE INTO users(id, uuid, distinct_id, first_name, last_name, email)"
                + " VALUES (?, ?, ?, 'Local', 'User', 'local@burrow.localhost')", id,
                "00000000-0000-4000-8000-" + String.format("%012d", id), "local-user-" + id);
    }

    /** The members among {@code ids}, by id (unknown ids are left out). */
    public static Map<Long, BasicUser> members(Connection c, Collection<Long> ids) throws SQLException {
        Map<Long, BasicUser> out = new HashMap<>();
        List<Long> all = List.copyOf(ids);
        for (int from = 0; from < all.size(); from += 500) {
            List<Long> chunk = all.subList(from, Math.min(all.size(), from + 500));
            for (BasicUser u : Sql.list(c, "SELECT id, uuid, distinct_id, first_name, last_name, email FROM users"
                    + " WHERE id IN (" + String.join(",", Collections.nCopies(chunk.size(), "?")) + ")",
                    rs -> BasicUser.member(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                            rs.getString(5), rs.getString(6)), chunk)) {
                out.put(u.id(), u);
            }
        }
        return out;
    }
}
