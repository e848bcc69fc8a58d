package dev.burrow.server;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.burrow.server.store.Database;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * The counts the writes keep against the rows themselves: for every string a stored path
 * continues with {@code /}, per environment and hog-function-or-not, how many rows lie below;
 * and how many rows have each type.
 */
final class CountCheck {

    private CountCheck() {
    }

    /** Recounts from the rows and compares with what the writes kept; zero counts are not stored. */
    static void assertMatchesRows(Database db) {
        try {
            Map<String, Long> recounted = new TreeMap<>();
            Map<String, Long> kept = new TreeMap<>();
            db.read(c -> {
                try (var ps = c.prepareStatement("SELECT path, team, type FROM file_system"); var rs = ps.executeQuery()) {
                    while (rs.next()) {
                        String path = rs.getString(1);
                        String group = "|" + rs.getInt(2) + "|" + (rs.getString(3).startsWith("hog_function/") ? 1 : 0);
                        for (int i = path.indexOf('/'); i >= 0; i = path.indexOf('/', i + 1)) {
                            recounted.merge(path.substring(0, i) + group, 1L, Long::sum);
                        }
                    }
                }
                try (var ps = c.prepareStatement("SELECT prefix, team, hog, n FROM subtree_counts");
                        var rs = ps.executeQuery()) {
                    while (rs.next()) {
                        kept.put(rs.getString(1) + "|" + rs.getInt(2) + "|" + rs.getInt(3), rs.getLong(4));
                    }
                }
                return null;
            });
            assertEquals(recounted, kept, "subtree counts kept by the writes against a recount of the rows");
            Map<String, Long> types = new TreeMap<>();
            Map<String, Long> keptTypes = new TreeMap<>();
            db.read(c -> {
                for (String[] q : new String[][] {{"SELECT type, count(*) FROM file_system GROUP BY type", "rows"},
                    {"SELECT type, n FROM type_counts", "kept"}}) {
                    try (var ps = c.prepareStatement(q[0]); var rs = ps.executeQuery()) {
                        while (rs.next()) {
                            (q[1].equals("rows") ? types : keptTypes).put(rs.getString(1), rs.getLong(2));
                        }
                    }
                }
                return null;
            });
            assertEquals(types, keptTypes, "type counts kept by the writes against a recount of the rows");
            assertEquals(recount(db, CHILDREN_BY_ROWS), recount(db, "SELECT parent || '|' || team || '|' || hog, n"
                    + " FROM child_counts"), "folders' children kept by the writes against a recount of the rows");
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Each folder's listed children by environment and hog-function-or-not, as a folder page's condition finds them. */
    private static final String CHILDREN_BY_ROWS = "SELECT parent || '|' || team || '|'"
            + " || (CASE WHEN substr(type, 1, 13) = 'hog_function/' THEN 1 ELSE 0 END) AS k, count(*)"
            + " FROM file_system WHERE type NOT IN ('link', 'message_template', 'hog_flow')"
            + " AND (parent = '' OR (path >= parent || '/' AND path < parent || '0')) GROUP BY k";

    private static Map<String, Long> recount(Database db, String sql) throws SQLException {
        Map<String, Long> out = new TreeMap<>();
        db.read(c -> {
            try (var ps = c.prepareStatement(sql); var rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.put(rs.getString(1), rs.getLong(2));
                }
            }
            return null;
        });
        return out;
    }

    /** How many rows lie below {@code prefix} that environment {@code team} sees, counted row by row. */
    static Map<String, Long> visibleBelowEachPrefix(Database db, int team) {
        Map<String, Long> out = new HashMap<>();
        try {
            db.read(c -> {
                try (var ps = c.prepareStatement("SELECT path, team, type FROM file_system"); var rs = ps.executeQuery()) {
                    while (rs.next()) {
                        String path = rs.getString(1);
                        if (rs.getInt(2) != team && rs.getString(3).startsWith("hog_function/")) {
                            continue;
                        }
                        for (int i = path.indexOf('/'); i >= 0; i = path.indexOf('/', i + 1)) {
                            out.merge(path.substring(0, i), 1L, Long::sum);
                        }
                    }
                }
                return null;
            });
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return out;
    }
}
