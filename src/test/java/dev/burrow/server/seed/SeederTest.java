package dev.burrow.server.seed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SeederTest {

    @TempDir
    Path dir;

    @Test
    void emptyWritesNothingButTheOwner() throws SQLException {
        try (SeedStore store = SeedStore.seeded(dir, "empty")) {
            assertEquals(0, store.count("SELECT count(*) FROM file_system"));
            assertEquals(0, store.count("SELECT count(*) FROM objects"));
            assertEquals(1, store.count("SELECT count(*) FROM users"));
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
    void aRefusedSpecLeavesTheStoreUntouched() throws SQLException {
        assertThrows(IllegalArgumentException.class, () -> SeedStore.seeded(dir, "lots"));
        try (SeedStore store = SeedStore.seeded(dir, "empty")) {
            assertEquals(1, store.count("SELECT count(*) FROM users"));
        }
    }
}
