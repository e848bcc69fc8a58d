package dev.burrow.ui;

import dev.burrow.server.LocalServer;
import java.sql.SQLException;

/** Objects behind tree rows, written straight into a test server's store (the API has no create for them). */
final class SeededObjects {

    private SeededObjects() {
    }

    /** A trends insight with id {@code id} and three days of data, behind a row whose ref is {@code id}. */
    static void insight(LocalServer server, long id, String name) {
        try {
            server.database().write(c -> {
                try (var ps = c.prepareStatement("INSERT INTO objects(type, ref, id, short_id, team, name, deleted,"
                        + " payload, created_at, created_by) VALUES ('insight', ?, ?, ?, 1, ?, 0, ?,"
                        + " '2026-11-01T00:00:00.000000Z', 1)")) {
                    ps.setString(1, Long.toString(id));
                    ps.setLong(2, id);
                    ps.setString(3, Long.toString(id));
                    ps.setString(4, name);
                    ps.setString(5, "{\"insight_type\":\"TRENDS\",\"display\":\"ActionsLineGraph\",\"query\":{\"kind\":"
                            + "\"InsightVizNode\"},\"result\":[{\"label\":\"" + name + "\",\"labels\":[\"1-Nov\",\"2-Nov\","
                            + "\"3-Nov\"],\"data\":[12,15,9],\"count\":36}]}");
                    ps.executeUpdate();
                }
                return null;
            });
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
