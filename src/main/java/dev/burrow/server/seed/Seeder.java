package dev.burrow.server.seed;

import dev.burrow.api.ObjectType;
import dev.burrow.server.store.Settings;
import dev.burrow.server.store.UsersTable;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/** Fills a new store: {@code demo}, {@code empty}, or N synthetic rows. */
public final class Seeder {

    /** The demo project (see {@link DemoSeed}). */
    public static final String DEMO = "demo";
    /** No rows at all. */
    public static final String EMPTY = "empty";
    /** The largest synthetic row count accepted, as on the command line. */
    public static final long MAX_ROWS = 10_000_000;

    /** The object types the seeds create, in the order they are made (which fixes their ids). */
    static final List<ObjectType> TYPES = List.of(ObjectType.DASHBOARD, ObjectType.INSIGHT, ObjectType.FEATURE_FLAG,
            ObjectType.EXPERIMENT, ObjectType.NOTEBOOK, ObjectType.COHORT, ObjectType.SURVEY,
            ObjectType.REPLAY_PLAYLIST, ObjectType.EARLY_ACCESS_FEATURE, ObjectType.DESTINATION,
            ObjectType.TRANSFORMATION, ObjectType.SITE_APP, ObjectType.SOURCE_WEBHOOK, ObjectType.ACTION);

    private Seeder() {
    }

    /**
     * Makes a new store ready inside the caller's write transaction: the owner of the API keys,
     * the seed, and a note that it is seeded, so that a store is seeded once. A store that is
     * already seeded is left as it is.
     *
     * @throws IllegalArgumentException for a seed spec {@link #seed} refuses (nothing is written)
     */
    public static void prepare(Connection c, String spec, int team, long ownerId) throws SQLException {
        if (Settings.get(c, Settings.SEEDED) != null) {
            return;
        }
        UsersTable.ensureOwner(c, ownerId);
        seed(c, spec, team);
        Settings.put(c, Settings.SEEDED, spec);
        try (Statement st = c.createStatement()) {
            st.execute("ANALYZE");
        }
    }

    /**
     * Seeds inside the caller's open write transaction; user 1 must already exist.
     *
     * @param spec {@code demo}, {@code empty}, or a row count from 0 to {@link #MAX_ROWS} in plain digits
     * @throws IllegalArgumentException for any other spec
     */
    public static void seed(Connection c, String spec, int team) throws SQLException {
        if (spec == null || spec.equals(EMPTY)) {
            return;
        }
        if (spec.equals(DEMO)) {
            DemoSeed.seed(c, team);
            return;
        }
        SyntheticSeed.seed(c, rowCount(spec), team);
    }

    /** The row count of a synthetic spec; throws for anything but plain decimal digits. */
    static long rowCount(String spec) {
        if (spec.isEmpty() || spec.length() > 12 || !spec.chars().allMatch(ch -> ch >= '0' && ch <= '9')
                || Long.parseLong(spec) > MAX_ROWS) {
            throw new IllegalArgumentException("seed must be 'demo', 'empty' or a row count up to " + MAX_ROWS
                    + ", not '" + spec + "'");
        }
        return Long.parseLong(spec);
    }
}
