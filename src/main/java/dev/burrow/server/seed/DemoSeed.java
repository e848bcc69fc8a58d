package dev.burrow.server.seed;

import java.sql.Connection;
import java.sql.SQLException;

/** Placeholder while the demo project is written. */
final class DemoSeed {
    private DemoSeed() {
    }

    static void seed(Connection c, int team) throws SQLException {
    }
}
