package dev.burrow.server.store;

import dev.burrow.api.EntryPath;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * How many listed rows each folder holds directly, kept by every write of {@code file_system}
 * in the same transaction (through {@link TreeCounts.Tally}), so that the {@code count} of a
 * folder's page costs one lookup instead of a walk over all its children.
 *
 * <p>A row counts in its {@code parent} exactly when a folder page's condition
 * ({@link TreeFilter#placed}) would find it there: its type is listed ({@link Visibility#LISTED})
 * and its path continues its parent with a {@code /} (or the parent is the root). Counts are
 * kept per environment and per hog-function-or-not, since a request sees other environments'
 * rows except their hog functions ({@link Visibility}).
 */
final class ChildCounts {

    static final String TABLE = """
            CREATE TABLE child_counts (
                parent  TEXT NOT NULL,
                team    INTEGER NOT NULL,
                hog     INTEGER NOT NULL,
                n       INTEGER NOT NULL,
                PRIMARY KEY (parent, team, hog)
            ) WITHOUT ROWID""";

    private ChildCounts() {
    }

    /** The listed rows directly in {@code parent} ({@code ""}: the top level) that {@code team} sees. */
    static long visibleIn(Connection c, String parent, int team) throws SQLException {
        return Sql.number(c, "SELECT coalesce(sum(n), 0) FROM child_counts WHERE parent = ? AND (hog = 0 OR team = ?)",
                List.of(parent, team));
    }

    /** True when a row of this path and type counts in its parent (see the class comment). */
    static boolean counted(String path, String type) {
        if (type == null || !listed(type)) {
            return false;
        }
        String parent = EntryPath.parent(path);
        return parent.isEmpty() || path.startsWith(parent + "/");
    }

    private static boolean listed(String type) {
        return !type.equals("link") && !type.equals("message_template") && !type.equals("hog_flow");
    }

    /**
     * Shifts the counts of the folders at and below {@code old} that {@code team} sees to
     * {@code newPath}, as {@link TreeRows#moveBelow} rewrites every row below {@code old} with one
     * statement (the parent column shifts the same way). The moved folder's own row is counted by
     * its own update.
     */
    static void moveBelow(Connection c, String old, String newPath, int team) throws SQLException {
        Deltas deltas = new Deltas();
        Sql.list(c, "SELECT parent, team, hog, n FROM child_counts WHERE (parent = ? OR (parent >= ? AND parent < ?))"
                + " AND (hog = 0 OR team = ?)", rs -> {
                    String parent = rs.getString(1);
                    int rowTeam = rs.getInt(2);
                    boolean hog = rs.getInt(3) != 0;
                    long n = rs.getLong(4);
                    deltas.add(parent, rowTeam, hog, -n);
                    deltas.add(newPath + parent.substring(old.length()), rowTeam, hog, n);
                    return null;
                }, old, old + "/", old + "0", team);
        deltas.flush(c);
    }

    /**
     * Counts every folder's rows afresh (a store from before these counts were kept). A row
     * whose stored parent is not the one its path gives (an odd path an earlier folder move
     * shifted as if it were below) gets the parent an insert of its path would store.
     */
    static void rebuild(Connection c) throws SQLException {
        Deltas deltas = new Deltas();
        Map<String, String> repaired = new HashMap<>();
        Sql.list(c, "SELECT id, path, team, type, parent FROM file_system", rs -> {
            String path = rs.getString(2);
            deltas.row(path, rs.getInt(3), rs.getString(4), 1);
            if (!EntryPath.parent(path).equals(rs.getString(5))) {
                repaired.put(rs.getString(1), EntryPath.parent(path));
            }
            return null;
        });
        for (Map.Entry<String, String> e : repaired.entrySet()) {
            Sql.update(c, "UPDATE file_system SET parent = ? WHERE id = ?", e.getValue(), e.getKey());
        }
        Sql.update(c, "DELETE FROM child_counts");
        deltas.flush(c);
    }

    private record Key(String parent, int team, boolean hog) {
    }

    /** Count changes gathered in memory and written at once; counts that reach zero are removed. */
    static final class Deltas {

        private static final CountTable<Key> TABLE_COUNTS = new CountTable<>("child_counts", Deltas::bind,
                "parent", "team", "hog");

        private final Map<Key, Long> deltas = new HashMap<>();

        void row(String path, int team, String type, int sign) {
            if (counted(path, type)) {
                add(EntryPath.parent(path), team, Visibility.isHogFunction(type), sign);
            }
        }

        void add(String parent, int team, boolean hog, long delta) {
            deltas.merge(new Key(parent, team, hog), delta, Long::sum);
        }

        void flush(Connection c) throws SQLException {
            TABLE_COUNTS.apply(c, deltas);
        }

        private static void bind(PreparedStatement ps, Key k) throws SQLException {
            ps.setString(1, k.parent());
            ps.setInt(2, k.team());
            ps.setInt(3, k.hog() ? 1 : 0);
        }
    }
}
