package dev.burrow.server.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Counts kept up to date by every write of {@code file_system} in the same transaction: how
 * many rows lie below each folder, so that a count costs one lookup however many rows it counts;
 * and how many rows have each type, so that a search knows the types there are without reading
 * every row.
 *
 * <p>"Below P" is PostHog's string-prefix rule: the rows whose path starts with {@code P/}. So
 * a row counts under every string its path continues with a {@code /}: {@code a/b\/c/d} under
 * {@code a}, {@code a/b\} and {@code a/b\/c}. Counts are kept per environment and per
 * hog-function-or-not, since a request sees other environments' rows except their hog
 * functions ({@link Visibility}).
 */
public final class TreeCounts {

    private TreeCounts() {
    }

    /** Every type some row has. */
    public static List<String> types(Connection c) throws SQLException {
        return Sql.list(c, "SELECT type FROM type_counts", rs -> rs.getString(1));
    }

    /** The rows below {@code prefix} a request from {@code team} sees. */
    public static long visibleBelow(Connection c, String prefix, int team) throws SQLException {
        return Sql.number(c, "SELECT coalesce(sum(n), 0) FROM subtree_counts WHERE prefix = ? AND (hog = 0 OR team = ?)",
                List.of(prefix, team));
    }

    /**
     * Shifts the counts of the rows below {@code old} that {@code team} sees to below
     * {@code newPath}, as a folder move does with one statement for all its descendants.
     */
    static void moveBelow(Connection c, String old, String newPath, int team) throws SQLException {
        Tally tally = new Tally();
        Map<Long, Long> movedTotals = new HashMap<>();
        for (Count k : Sql.list(c, "SELECT prefix, team, hog, n FROM subtree_counts WHERE (prefix = ? OR (prefix >= ?"
                + " AND prefix < ?)) AND (hog = 0 OR team = ?)", rs -> new Count(rs.getString(1), rs.getInt(2),
                rs.getInt(3) != 0, rs.getLong(4)), old, old + "/", old + "0", team)) {
            tally.add(k.prefix(), k.team(), k.hog(), -k.n());
            tally.add(newPath + k.prefix().substring(old.length()), k.team(), k.hog(), k.n());
            if (k.prefix().equals(old)) {
                movedTotals.put(Key.group(k.team(), k.hog()), k.n());
            }
        }
        for (Map.Entry<Long, Long> e : movedTotals.entrySet()) {
            int rowTeam = Key.teamOf(e.getKey());
            boolean hog = Key.hogOf(e.getKey());
            tally.addAbove(old, rowTeam, hog, -e.getValue());
            tally.addAbove(newPath, rowTeam, hog, e.getValue());
        }
        tally.flush(c);
    }

    /** Recounts the rows below each folder (a store from before these counts were kept). */
    static void rebuildBelow(Connection c) throws SQLException {
        try (var st = c.createStatement()) {
            st.execute("DELETE FROM subtree_counts");
        }
        Tally tally = new Tally();
        try (PreparedStatement ps = c.prepareStatement("SELECT path, team, type FROM file_system");
                ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                tally.addAbove(rs.getString(1), rs.getInt(2), Visibility.isHogFunction(rs.getString(3)), 1);
            }
        }
        tally.flush(c);
    }

    /** A stored count: the rows of one environment, hog functions or not, below a prefix. */
    private record Count(String prefix, int team, boolean hog, long n) {
    }

    private record Key(String prefix, int team, boolean hog) {

        static long group(int team, boolean hog) {
            return ((long) team << 1) | (hog ? 1 : 0);
        }

        static int teamOf(long group) {
            return (int) (group >> 1);
        }

        static boolean hogOf(long group) {
            return (group & 1) != 0;
        }
    }

    /** Count changes gathered in memory and written at once. */
    static final class Tally {

        private static final CountTable<Key> BELOW = new CountTable<>("subtree_counts", Tally::bind,
                "prefix", "team", "hog");
        private static final CountTable<String> TYPES = new CountTable<>("type_counts", (ps, type) ->
                ps.setString(1, type), "type");

        private final Map<Key, Long> deltas = new HashMap<>();
        private final Map<String, Long> typeDeltas = new HashMap<>();
        private final ChildCounts.Deltas children = new ChildCounts.Deltas();

        /** One row more ({@code sign} 1) or fewer (-1): below each folder of its path, and of its type. */
        void row(TreeRow row, int sign) {
            addAbove(row.path(), row.team(), Visibility.isHogFunction(row.type()), sign);
            typeDeltas.merge(row.type(), (long) sign, Long::sum);
            children.row(row.path(), row.team(), row.type(), sign);
        }

        void rows(List<TreeRow> rows, int sign) {
            for (TreeRow row : rows) {
                row(row, sign);
            }
        }

        /** {@code delta} for every prefix that {@code path} continues with a {@code /}. */
        void addAbove(String path, int team, boolean hog, long delta) {
            for (int i = path.indexOf('/'); i >= 0; i = path.indexOf('/', i + 1)) {
                add(path.substring(0, i), team, hog, delta);
            }
        }

        void add(String prefix, int team, boolean hog, long delta) {
            deltas.merge(new Key(prefix, team, hog), delta, Long::sum);
        }

        /** Writes the changes (folders' children too) and forgets them; counts that reach zero are removed. */
        void flush(Connection c) throws SQLException {
            TYPES.apply(c, typeDeltas);
            children.flush(c);
            BELOW.apply(c, deltas);
        }

        private static void bind(PreparedStatement ps, Key k) throws SQLException {
            ps.setString(1, k.prefix());
            ps.setInt(2, k.team());
            ps.setInt(3, k.hog() ? 1 : 0);
        }
    }
}
