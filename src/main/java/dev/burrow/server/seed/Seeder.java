package dev.burrow.server.seed;

import java.sql.Connection;
import java.sql.SQLException;

/** Fills a new store: {@code demo}, {@code empty}, or N synthetic rows. */
public final class Seeder {

    /** The demo project (see {@link DemoSeed}). */
    public static final String DEMO = "demo";
    /** No rows at all. */
    public static final String EMPTY = "empty";
    /** The largest synthetic row count accepted, as on the command line. */
    public static final long MAX_ROWS = 10_000_000;

    private Seeder() {
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
