package dev.burrow.server.seed;

import java.sql.Connection;
import java.sql.SQLException;

/** Fills a new store: {@code demo}, {@code empty}, or N synthetic rows. */
public final class Seeder {

    private Seeder() {
    }

    /** Seeds inside the caller's transaction. */
    public static void seed(Connection c, String spec, int team) throws SQLException {
        if (spec == null || spec.equals("empty")) {
            return;
        }
        // demo and synthetic seeds are being written
    }
}
