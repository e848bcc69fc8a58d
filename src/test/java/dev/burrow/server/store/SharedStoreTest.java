package dev.burrow.server.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two stores open on one data folder, as the window and the command line are: each has its own
 * SQLite connections, exactly as two processes would. Writes that read first must not be refused
 * because the other wrote in between, and a fresh folder is migrated once.
 */
class SharedStoreTest {

    @TempDir
    Path dir;

    private static int count(Database db, String sql) throws Exception {
        return db.read(c -> {
            try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
                rs.next();
                return rs.getInt(1);
            }
        });
    }

    @Test
    void twoStoresOpeningAFreshFolderTogetherMigrateItOnce() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(2);
        CyclicBarrier together = new CyclicBarrier(2);
        List<Future<Database>> opened = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            opened.add(pool.submit(() -> {
                together.await();
                return Database.open(dir, 1);
            }));
        }
        List<Database> stores = new ArrayList<>();
        for (Future<Database> f : opened) {
            stores.add(f.get());
        }
        pool.shutdown();
        try {
            assertEquals(Migrations.latest(), count(stores.get(0), "PRAGMA user_version"));
            assertEquals(1, count(stores.get(1), "SELECT count(*) FROM sqlite_master WHERE name = 'file_system'"));
        } finally {
            for (Database d : stores) {
                d.close();
            }
        }
    }

    @Test
    void readThenWriteTransactionsOfTwoStoresAreNeitherRefusedNorLost() throws Exception {
        int perStore = 300;
        try (Database a = Database.open(dir, 1); Database b = Database.open(dir, 1)) {
            a.write(c -> {
                try (Statement st = c.createStatement()) {
                    st.execute("CREATE TABLE tally (writer TEXT, seen INTEGER)");
                }
                return null;
            });
            ExecutorService pool = Executors.newFixedThreadPool(2);
            List<Future<Integer>> done = new ArrayList<>();
            for (Database db : List.of(a, b)) {
                String name = db == a ? "a" : "b";
                Callable<Integer> writer = () -> {
                    for (int i = 0; i < perStore; i++) {
                        db.write(c -> {
                            // read first, then write: the pattern of every handler (look up, then change)
                            int seen;
                            try (Statement st = c.createStatement();
                                    ResultSet rs = st.executeQuery("SELECT count(*) FROM tally")) {
                                rs.next();
                                seen = rs.getInt(1);
                            }
                            try (Statement st = c.createStatement()) {
                                st.execute("INSERT INTO tally VALUES ('" + name + "', " + seen + ")");
                            }
                            return null;
                        });
                    }
                    return perStore;
                };
                done.add(pool.submit(writer));
            }
            for (Future<Integer> f : done) {
                assertEquals(perStore, f.get());
            }
            pool.shutdown();
            assertEquals(2 * perStore, count(a, "SELECT count(*) FROM tally"));
            // each write saw every write committed before it: the counts are 0 … 2n-1, each once
            assertEquals(2 * perStore, count(b, "SELECT count(DISTINCT seen) FROM tally"));
            assertTrue(count(b, "SELECT max(seen) FROM tally") == 2 * perStore - 1);
        }
    }
}
