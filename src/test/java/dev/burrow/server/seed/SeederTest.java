package dev.burrow.server.seed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.burrow.server.store.Database;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Preparing a new store: the owner of the API keys, the seed asked for, once. */
class SeederTest {

    private static final List<String> TABLES = List.of("file_system", "objects", "stars", "view_log", "users",
            "settings", "subtree_counts");

    @TempDir
    Path dir;

    @Test
    void emptyWritesTheOwnerAndNothingElse() throws SQLException {
        try (SeedStore store = SeedStore.seeded(dir, "empty")) {
            for (String table : List.of("file_system", "objects", "stars", "view_log", "subtree_counts")) {
                assertEquals(0, store.count("SELECT count(*) FROM " + table), table);
            }
            assertEquals(List.of("1"), store.strings("SELECT id FROM users"));
            assertEquals(List.of("Local User"), store.strings("SELECT first_name || ' ' || last_name FROM users"));
            assertEquals(List.of("empty"), store.strings("SELECT value FROM settings WHERE key = 'seeded'"));
        }
    }

    @Test
    void zeroRowsIsEmpty() throws SQLException {
        try (SeedStore store = SeedStore.seeded(dir, "0")) {
            assertEquals(0, store.count("SELECT count(*) FROM file_system"));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"Empty", "DEMO", "demo ", "", "-5", "12x", "1e3", " 7", "+10", "1_000", "9999999999999",
        "10000001"})
    void anythingElseIsRefused(String spec) {
        assertThrows(IllegalArgumentException.class, () -> SeedStore.seeded(dir, spec));
    }

    @Test
    void aRefusedSpecWritesNothingAtAll() throws SQLException {
        try (Database db = Database.open(dir, 1)) {
            assertThrows(IllegalArgumentException.class, () -> db.write(c -> {
                Seeder.prepare(c, "lots", 1, 1);
                return null;
            }));
            for (String table : TABLES) {
                assertEquals(0, count(db, table), table);
            }
        }
        try (SeedStore store = SeedStore.seeded(dir, "empty")) {
            assertEquals(1, store.count("SELECT count(*) FROM users"));
        }
    }

    @Test
    void aPreparedStoreIsNotSeededAgain() throws SQLException {
        try (Database db = Database.open(dir, 1)) {
            db.write(c -> {
                Seeder.prepare(c, "50", 1, 1);
                return null;
            });
            db.write(c -> {
                Seeder.prepare(c, "demo", 1, 1);
                return null;
            });
            assertEquals(50, count(db, "file_system"));
            assertEquals(0, count(db, "objects"), "the second seed asked for is not written");
        }
    }

    private static long count(Database db, String table) throws SQLException {
        return db.read(c -> {
            try (var st = c.createStatement(); var rs = st.executeQuery("SELECT count(*) FROM " + table)) {
                return rs.getLong(1);
            }
        });
    }
}
