package dev.burrow.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/**
 * 50 clients at once for a bounded time (5 s; {@code -Dburrow.load.seconds=N} for a soak): creates,
 * moves and reads. No answer is a 5xx, and every write a client saw acknowledged is in the store
 * afterwards, exactly as acknowledged.
 */
class ServerLoadTest {

    private static final int CLIENTS = 50;
    private static final long SECONDS = Long.getLong("burrow.load.seconds", 5);

    @Test
    void fiftyClientsForAFewSecondsGetNoServerErrorAndLoseNoWrite() throws Exception {
        try (TestServer server = TestServer.start()) {
            List<String> failures = Collections.synchronizedList(new ArrayList<>());
            Map<String, String> acknowledged = new ConcurrentHashMap<>();
            AtomicLong requests = new AtomicLong();
            ExecutorService pool = Executors.newFixedThreadPool(CLIENTS);
            CountDownLatch go = new CountDownLatch(1);
            long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(SECONDS);
            List<Future<?>> futures = new ArrayList<>();
            for (int c = 0; c < CLIENTS; c++) {
                int me = c;
                futures.add(pool.submit(() -> {
                    Random random = new Random(me);
                    Map<String, String> mine = new HashMap<>();
                    List<String> ids = new ArrayList<>();
                    go.await();
                    for (int i = 0; System.nanoTime() < end && failures.size() < 20; i++) {
                        int op = ids.isEmpty() ? 0 : random.nextInt(10);
                        TestServer.Reply r;
                        if (op < 5) {
                            String path = "client " + me + "/f" + random.nextInt(4) + "/item " + i;
                            r = server.post("file_system/", "{\"path\":\"" + path + "\",\"type\":\"notebook\"}");
                            if (r.status() == 201) {
                                String id = r.body().path("id").asText();
                                mine.put(id, path);
                                ids.add(id);
                            }
                        } else if (op < 8) {
                            String id = ids.get(random.nextInt(ids.size()));
                            String path = "client " + me + "/g" + random.nextInt(4) + "/moved " + i;
                            r = server.patch("file_system/" + id + "/", "{\"path\":\"" + path + "\"}");
                            if (r.status() == 200) {
                                mine.put(id, path);
                            }
                        } else {
                            r = server.get("file_system/?parent=" + java.net.URLEncoder.encode("client " + me,
                                    java.nio.charset.StandardCharsets.UTF_8) + "&limit=20");
                        }
                        requests.incrementAndGet();
                        if (r.status() >= 300) {
                            failures.add("client " + me + " op " + op + ": " + r.status() + " " + r.body());
                        }
                    }
                    acknowledged.putAll(mine);
                    return null;
                }));
            }
            go.countDown();
            for (Future<?> f : futures) {
                f.get(SECONDS + 60, TimeUnit.SECONDS);
            }
            pool.shutdown();
            assertEquals(List.of(), failures, "no request failed");
            Map<String, String> stored = new HashMap<>();
            for (List<String> row : server.query("SELECT id, path FROM file_system WHERE type = 'notebook'")) {
                stored.put(row.get(0), row.get(1));
            }
            assertEquals(acknowledged, stored, "every acknowledged write is stored as acknowledged, nothing else");
            assertTrue(requests.get() > CLIENTS, "the clients got work done");
            assertEquals(List.of("ok"), server.column("PRAGMA integrity_check"));
            System.out.printf("load: %d clients, %d s, %d requests, %d rows%n", CLIENTS, SECONDS, requests.get(),
                    stored.size());
        }
    }
}
