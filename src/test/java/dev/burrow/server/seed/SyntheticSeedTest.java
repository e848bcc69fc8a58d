package dev.burrow.server.seed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.SQLException;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SyntheticSeedTest {

    @TempDir
    Path dir;

    @Test
    void writesExactlyNRowsAsACompleteTree() throws SQLException {
        try (SeedStore store = SeedStore.seeded(dir, "20000")) {
            assertEquals(20_000, store.count("SELECT count(*) FROM file_system"));
            TreeShape.assertComplete(store);
            assertEquals(1, store.count("SELECT min(depth) FROM file_system"));
            assertEquals(SyntheticSeed.MAX_DEPTH, store.count("SELECT max(depth) FROM file_system"));
            assertTrue(store.count("SELECT count(DISTINCT type) FROM file_system") >= 10);
            assertTrue(store.count("SELECT max(n) FROM (SELECT count(*) AS n FROM file_system GROUP BY parent)")
                    >= 1_000, "some folder has a thousand children");
            assertEquals(1, store.count("SELECT count(*) FROM file_system WHERE path = 'Unfiled'"));
        }
    }

    @Test
    void sameNSameRows() throws SQLException {
        String q = "SELECT id || ' ' || path || ' ' || type || ' ' || coalesce(ref, '') FROM file_system ORDER BY rowid";
        List<String> first;
        try (SeedStore store = SeedStore.seeded(dir.resolve("a"), "5000")) {
            first = store.strings(q);
        }
        try (SeedStore store = SeedStore.seeded(dir.resolve("b"), "5000")) {
            assertEquals(first, store.strings(q));
        }
        assertEquals(5000, first.size());
    }

    @Test
    void aHundredThousandRowsPutTenThousandBelowTheBigFolder() throws SQLException {
        try (SeedStore store = SeedStore.seeded(dir, "100000")) {
            assertEquals(100_000, store.count("SELECT count(*) FROM file_system"));
            assertEquals(1, store.count("SELECT count(*) FROM file_system WHERE path = ? AND type = 'folder'",
                    SyntheticSeed.BIG_FOLDER));
            assertTrue(store.count("SELECT count(*) FROM file_system WHERE path LIKE ?", SyntheticSeed.BIG_FOLDER
                    + "/%") >= 10_000);
            assertTrue(store.count("SELECT count(*) FROM file_system WHERE parent = ?", SyntheticSeed.BIG_FLAT_FOLDER)
                    >= 5_000);
        }
    }

    @Test
    void tinyCountsStillGiveCompleteTrees() throws SQLException {
        for (int n = 0; n <= 40; n++) {
            try (SeedStore store = SeedStore.seeded(dir.resolve("n" + n), Integer.toString(n))) {
                assertEquals(n, store.count("SELECT count(*) FROM file_system"), "n=" + n);
                TreeShape.assertComplete(store);
            }
        }
    }
}
