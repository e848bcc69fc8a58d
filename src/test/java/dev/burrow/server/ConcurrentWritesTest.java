package dev.burrow.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** 8 clients × 1,000 mixed writes at once: nothing lost, nothing duplicated, no busy errors. */
class ConcurrentWritesTest {

    private static final int CLIENTS = 8;
    private static final int WRITES = 1000;

    @Test
    void eightClientsWritingAtOnceLoseAndDuplicateNothing() throws Exception {
        try (TestServer server = TestServer.start()) {
            Map<String, String> expected = new ConcurrentHashMap<>();
            List<String> failures = java.util.Collections.synchronizedList(new ArrayList<>());
            ExecutorService pool = Executors.newFixedThreadPool(CLIENTS);
            List<Future<?>> futures = new ArrayList<>();
            for (int client = 0; client < CLIENTS; client++) {
                int me = client;
                futures.add(pool.submit(() -> {
                    Random random = new Random(me);
                    Map<String, String> mine = new HashMap<>();
                    for (int i = 0; i < WRITES; i++) {
                        int op = mine.isEmpty() ? 0 : random.nextInt(10);
                        if (op < 5) {
                            String path = "client" + me + "/f" + random.nextInt(5) + "/item" + i;
                            TestServer.Reply r = server.post("file_system/",
                                    "{\"path\":\"" + path + "\",\"type\":\"doc-file\"}");
                            check(failures, r, 201);
                            mine.put(r.body().path("id").asText(), path);
                        } else if (op < 7) {
                            String id = mine.keySet().iterator().next();
                            String path = "client" + me + "/moved/item" + i;
                            check(failures, server.patch("file_system/" + id + "/", "{\"path\":\"" + path + "\"}"), 200);
                            mine.put(id, path);
                        } else if (op < 9) {
                            String id = mine.keySet().iterator().next();
                            String path = "client" + me + "/renamed" + i;
                            check(failures, server.post("file_system/" + id + "/move",
                                    "{\"new_path\":\"" + path + "\"}"), 200);
                            mine.put(id, path);
                        } else {
                            // a link row is always deletable: make one, then delete it
                            String id = mine.keySet().iterator().next();
                            TestServer.Reply link = server.post("file_system/" + id + "/link",
                                    "{\"new_path\":\"client" + me + "/links/l" + i + "\"}");
                            check(failures, link, 200);
                            check(failures, server.delete("file_system/" + link.body().path("id").asText() + "/"), 204);
                        }
                    }
                    expected.putAll(mine);
                    return null;
                }));
            }
            for (Future<?> f : futures) {
                f.get();
            }
            pool.shutdown();
            assertTrue(failures.isEmpty(), () -> failures.size() + " failed writes, first: " + failures.get(0));

            TestServer.Reply all = server.get("file_system/?not_type=folder&limit=100000");
            assertEquals(200, all.status());
            Map<String, String> actual = new HashMap<>();
            for (JsonNode row : all.body().path("results")) {
                String previous = actual.put(row.path("id").asText(), row.path("path").asText());
                assertEquals(null, previous, "duplicated id " + row.path("id").asText());
            }
            assertEquals(expected, actual);
            CountCheck.assertMatchesRows(server.server().database());
        }
    }

    private static void check(List<String> failures, TestServer.Reply r, int status) {
        if (r.status() != status) {
            failures.add(r.status() + " " + r.body());
        }
    }
}
