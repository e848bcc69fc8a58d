package dev.burrow.server.store;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.burrow.server.seed.Seeder;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Several stores opened on one new data folder at the same moment, as two processes do (each
 * with its own connections): each migrates or finds the work done, and the seed is written once.
 */
class OpeningTogetherTest {

    private static final int OPENERS = 4;

    @TempDir
    Path dir;

    @Test
    void storesOpenedTogetherMigrateAndSeedOnce() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(OPENERS);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<Database>> opened = new ArrayList<>();
        for (int i = 0; i < OPENERS; i++) {
            opened.add(pool.submit(() -> {
                go.await();
                Database db = Database.open(dir, 1);
                db.write(c -> {
                    Seeder.prepare(c, "demo", 1, 1);
                    return null;
                });
                return db;
            }));
        }
        go.countDown();
        List<Database> stores = new ArrayList<>();
        try {
            for (Future<Database> f : opened) {
                stores.add(f.get(120, TimeUnit.SECONDS));
            }
            Database any = stores.get(0);
            assertEquals(Migrations.latest(), single(any, "PRAGMA user_version"));
            assertEquals(40, single(any, "SELECT count(*) FROM objects WHERE type = 'dashboard'"), "one demo, not four");
            assertEquals(1, single(any, "SELECT count(*) FROM settings WHERE key = 'seeded'"));
        } finally {
            for (Database db : stores) {
                db.close();
            }
            pool.shutdownNow();
        }
    }

    private static long single(Database db, String sql) throws SQLException {
        return db.read(c -> {
            try (var st = c.createStatement(); var rs = st.executeQuery(sql)) {
                return rs.getLong(1);
            }
        });
    }
}
