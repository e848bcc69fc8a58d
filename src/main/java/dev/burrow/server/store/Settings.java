package dev.burrow.server.store;

import java.sql.Connection;
import java.sql.SQLException;

/** The {@code settings} table: facts about the store itself, such as how it was seeded. */
public final class Settings {

    /** Set once a new store has been seeded: the seed it got. */
    public static final String SEEDED = "seeded";

    private Settings() {
    }

    public static String get(Connection c, String key) throws SQLException {
        return Sql.first(c, "SELECT value FROM settings WHERE key = ?", rs -> rs.getString(1), key);
    }

    public static void put(Connection c, String key, String value) throws SQLException {
        Sql.update(c, "INSERT INTO settings(key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value ="
                + " excluded.value", key, value);
    }
}
