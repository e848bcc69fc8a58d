package dev.burrow.server;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import dev.burrow.api.EntryPath;
import dev.burrow.api.Json;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code burrow serve} in a child JVM, killed with SIGKILL while eight clients create, rename and
 * move folders; restarted on the same data folder, the store is consistent: integrity check ok,
 * every acknowledged write present (a write in flight at the kill either wholly there or wholly
 * absent), and each row's depth, parent, name and lower-case path agree with its path.
 */
class ServeCrashTest {

    private static final String KEY = "crash-key";
    private static final int WRITERS = 8;

    @TempDir
    Path data;

    /** What one writer knows: the rows it owns (id to path), and the state if its request in flight landed. */
    private static final class Writer {
        final int me;
        final Random random;
        Map<String, String> acked = new HashMap<>();
        Map<String, String> ifLanded;
        String createInFlight;
        int n;

        Writer(int me) {
            this.me = me;
            this.random = new Random(me);
        }

        String root() {
            return "w" + me;
        }
    }

    @Test
    void aKilledServerRestartsWithEveryAcknowledgedWriteAndConsistentRows() throws Exception {
        Process serve = ChildJvm.start("dev.burrow.Main", "serve", "--port", "0", "--data", data.toString(),
                "--api-key", KEY, "--seed", "empty");
        List<Writer> writers = new ArrayList<>();
        AtomicInteger acks = new AtomicInteger();
        try {
            BufferedReader out = new BufferedReader(new InputStreamReader(serve.getInputStream(), StandardCharsets.UTF_8));
            String base = null;
            for (String line; (line = out.readLine()) != null; ) {
                if (line.startsWith("listening on ")) {
                    base = line.substring("listening on ".length()).trim();
                    break;
                }
            }
            assertTrue(base != null, "the server started");
            String api = base + "/api/environments/1/file_system/";
            HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
            List<String> failures = Collections.synchronizedList(new ArrayList<>());
            ExecutorService pool = Executors.newFixedThreadPool(WRITERS);
            List<Future<?>> futures = new ArrayList<>();
            for (int w = 0; w < WRITERS; w++) {
                Writer writer = new Writer(w);
                writers.add(writer);
                futures.add(pool.submit(() -> {
                    write(http, api, writer, failures, acks);
                    return null;
                }));
            }
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(20))
                    .until(() -> acks.get() >= 300 || !failures.isEmpty());
            serve.destroyForcibly(); // SIGKILL mid-write
            assertTrue(serve.waitFor(20, TimeUnit.SECONDS));
            for (Future<?> f : futures) {
                f.get(60, TimeUnit.SECONDS);
            }
            pool.shutdown();
            assertEquals(List.of(), failures, "no request failed before the kill");
            assertTrue(acks.get() >= 300, "writes were acknowledged before the kill: " + acks.get());
        } finally {
            serve.destroyForcibly();
        }

        // the next start, on the same data folder
        ServerConfig config = new ServerConfig("127.0.0.1", 0, data, List.of(new ApiKey(KEY, Set.of())), "empty",
                false, 1, ServerConfig.ExportRendering.SYNC);
        try (LocalServer again = LocalServer.start(config)) {
            List<List<String>> rows = again.database().read(c -> {
                List<List<String>> out = new ArrayList<>();
                try (var ps = c.prepareStatement("SELECT id, path, path_lower, parent, name_lower, depth, type"
                        + " FROM file_system"); var rs = ps.executeQuery()) {
                    while (rs.next()) {
                        List<String> r = new ArrayList<>();
                        for (int i = 1; i <= 7; i++) {
                            r.add(rs.getString(i));
                        }
                        out.add(r);
                    }
                }
                return out;
            });
            List<String> integrity = again.database().read(c -> {
                try (var ps = c.prepareStatement("PRAGMA integrity_check"); var rs = ps.executeQuery()) {
                    List<String> out = new ArrayList<>();
                    while (rs.next()) {
                        out.add(rs.getString(1));
                    }
                    return out;
                }
            });
            assertEquals(List.of("ok"), integrity, "SQLite's integrity check");
            CountCheck.assertMatchesRows(again.database());
            Map<String, String> stored = new HashMap<>();
            for (List<String> r : rows) {
                String path = r.get(1);
                List<String> names = EntryPath.split(path);
                assertEquals(path.toLowerCase(Locale.ROOT), r.get(2), "path_lower of " + path);
                assertEquals(names.size() <= 1 ? "" : EntryPath.join(names.subList(0, names.size() - 1)), r.get(3),
                        "parent of " + path);
                assertEquals(names.isEmpty() ? "" : names.get(names.size() - 1).toLowerCase(Locale.ROOT), r.get(4),
                        "name_lower of " + path);
                assertEquals(Integer.toString(names.size()), r.get(5), "depth of " + path);
                stored.put(r.get(0), path);
            }
            for (Writer w : writers) {
                Map<String, String> mine = new HashMap<>();
                stored.forEach((id, p) -> {
                    if (p.equals(w.root()) || p.startsWith(w.root() + "/")) {
                        mine.put(id, p);
                    }
                });
                if (mine.equals(w.acked)) {
                    continue;
                }
                if (w.ifLanded != null && w.createInFlight == null && mine.equals(w.ifLanded)) {
                    continue; // the request in flight was committed before the kill
                }
                if (w.createInFlight != null) {
                    Map<String, String> extra = new HashMap<>(mine);
                    w.acked.keySet().forEach(extra::remove);
                    Map<String, String> known = new HashMap<>(mine);
                    known.keySet().retainAll(w.acked.keySet());
                    if (known.equals(w.acked) && extra.size() == 1
                            && extra.values().iterator().next().equals(w.createInFlight)) {
                        continue;
                    }
                }
                throw new AssertionError("writer " + w.me + ": stored " + new java.util.TreeMap<>(mine)
                        + " but acknowledged " + new java.util.TreeMap<>(w.acked) + " (in flight: "
                        + (w.createInFlight != null ? "create " + w.createInFlight : w.ifLanded) + ")");
            }
            System.out.printf("crash: %d acknowledged writes before SIGKILL, %d rows after restart%n", acks.get(),
                    rows.size());
        }
    }

    /** Creates a folder row, then items in subfolders, renames items and moves subfolders, until the server dies. */
    private static void write(HttpClient http, String api, Writer w, List<String> failures, AtomicInteger acks) {
        try {
            while (true) {
                int op = w.acked.size() < 3 ? 0 : w.random.nextInt(10);
                List<String> items = w.acked.entrySet().stream()
                        .filter(e -> EntryPath.depth(e.getValue()) == 3).map(Map.Entry::getKey).sorted().toList();
                if (w.acked.isEmpty()) {
                    w.createInFlight = w.root();
                    JsonNode r = send(http, "POST", api, "{\"path\":\"" + w.root() + "\",\"type\":\"folder\"}", 201);
                    w.acked.put(r.path("id").asText(), w.root());
                    w.createInFlight = null;
                } else if (op < 3 || items.isEmpty()) {
                    // a folder row for a subfolder (the parent exists, so nothing is filed)
                    String path = w.root() + "/f" + (w.n++);
                    w.createInFlight = path;
                    JsonNode r = send(http, "POST", api, "{\"path\":\"" + path + "\",\"type\":\"folder\"}", 201);
                    w.acked.put(r.path("id").asText(), path);
                    w.createInFlight = null;
                } else if (op < 6) {
                    List<String> folders = w.acked.values().stream().filter(p -> EntryPath.depth(p) == 2).sorted()
                            .toList();
                    String path = folders.get(w.random.nextInt(folders.size())) + "/item " + (w.n++);
                    w.createInFlight = path;
                    JsonNode r = send(http, "POST", api, "{\"path\":\"" + path + "\",\"type\":\"notebook\"}", 201);
                    w.acked.put(r.path("id").asText(), path);
                    w.createInFlight = null;
                } else if (op < 8) {
                    String id = items.get(w.random.nextInt(items.size()));
                    String old = w.acked.get(id);
                    String path = EntryPath.parent(old) + "/renamed " + (w.n++);
                    w.ifLanded = new HashMap<>(w.acked);
                    w.ifLanded.put(id, path);
                    send(http, "PATCH", api + id + "/", "{\"path\":\"" + path + "\"}", 200);
                    w.acked = w.ifLanded;
                    w.ifLanded = null;
                } else {
                    // POST move of a subfolder to a new name: its items move in the same transaction
                    List<Map.Entry<String, String>> folders = w.acked.entrySet().stream()
                            .filter(e -> EntryPath.depth(e.getValue()) == 2).sorted(Map.Entry.comparingByKey())
                            .toList();
                    Map.Entry<String, String> f = folders.get(w.random.nextInt(folders.size()));
                    String target = w.root() + "/f" + (w.n++);
                    Map<String, String> next = new HashMap<>();
                    w.acked.forEach((id, p) -> next.put(id, p.equals(f.getValue()) ? target
                            : p.startsWith(f.getValue() + "/") ? target + p.substring(f.getValue().length()) : p));
                    w.ifLanded = next;
                    send(http, "POST", api + f.getKey() + "/move/", "{\"new_path\":\"" + target + "\"}", 200);
                    w.acked = w.ifLanded;
                    w.ifLanded = null;
                }
                acks.incrementAndGet();
            }
        } catch (java.io.IOException | InterruptedException e) {
            // the server was killed: this writer stops with its request (if any) in flight
        } catch (AssertionError e) {
            failures.add("writer " + w.me + ": " + e.getMessage());
        }
    }

    private static JsonNode send(HttpClient http, String method, String url, String body, int expected)
            throws java.io.IOException, InterruptedException {
        HttpRequest req = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + KEY).header("Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofString(body)).build();
        HttpResponse<String> resp = http.send(req, HttpResponse.BodyHandlers.ofString());
        if (resp.statusCode() != expected) {
            throw new AssertionError(method + " " + url + " answered " + resp.statusCode() + ": " + resp.body());
        }
        return resp.body().isEmpty() ? MissingNode.getInstance() : Json.parse(resp.body());
    }
}
