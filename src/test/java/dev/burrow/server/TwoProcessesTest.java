package dev.burrow.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
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
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The window's in-process server and a command line's own server on one data folder: they start
 * together on a new store (migrated and seeded once), write at the same time, and each sees the
 * other's writes at once, counts included.
 */
class TwoProcessesTest {

    private static final String KEY = "two-key";
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @TempDir
    Path data;

    @Test
    void twoServersOnOneStoreStartTogetherWriteTogetherAndAgree() throws Exception {
        Process child = ChildJvm.start("dev.burrow.Main", "serve", "--port", "0", "--data", data.toString(),
                "--api-key", KEY, "--seed", "demo");
        ServerConfig config = new ServerConfig("127.0.0.1", 0, data, List.of(new ApiKey(KEY, Set.of())), "demo",
                false, 1, ServerConfig.ExportRendering.SYNC);
        try (LocalServer here = LocalServer.start(config)) {
            String there = listening(child);
            String mine = here.baseUrl();
            // migrated and seeded once: the demo's objects are there once, whichever server seeded them
            JsonNode dashboards = get(mine, "dashboards/");
            assertEquals(40, dashboards.get("count").asInt(), "one demo project, not two");
            assertEquals(get(mine, "file_system/?limit=1").get("count"), get(there, "file_system/?limit=1").get("count"));

            // both write at once, each in its own folder and both in a shared one
            CompletableFuture<List<String>> a = CompletableFuture.supplyAsync(() -> writes(mine, "here"));
            CompletableFuture<List<String>> b = CompletableFuture.supplyAsync(() -> writes(there, "there"));
            List<String> failures = new ArrayList<>(a.get(120, TimeUnit.SECONDS));
            failures.addAll(b.get(120, TimeUnit.SECONDS));
            assertEquals(List.of(), failures);

            // each sees the other's rows and counts at once: nothing is served from a stale copy
            for (String base : List.of(mine, there)) {
                assertEquals(2 * 40, count(base, "shared"), base);
                assertEquals(40 + 1, count(base, "here"), base); // the items and their folder row here/f
                assertEquals(40, count(base, "there/moved"), base);
                assertEquals(0, count(base, "there/f"), base);
            }
            CountCheck.assertMatchesRows(here.database());
        } finally {
            child.destroy();
            assertTrue(child.waitFor(20, TimeUnit.SECONDS));
        }
    }

    /** 40 items in {@code who}/f and 40 in shared/{@code who}, then a move of {@code who}/f. */
    private static List<String> writes(String base, String who) {
        List<String> failures = new ArrayList<>();
        try {
            for (int i = 0; i < 40; i++) {
                expect(failures, send(base, "POST", "file_system/", "{\"path\":\"" + who + "/f/item " + i
                        + "\",\"type\":\"doc-file\"}"), 201);
                expect(failures, send(base, "POST", "file_system/", "{\"path\":\"shared/" + who + " " + i
                        + "\",\"type\":\"doc-file\"}"), 201);
            }
            if (who.equals("there")) {
                String folder = send(base, "GET", "file_system/?path=there/f&type=folder", null).body();
                String id = Json.parse(folder).get("results").get(0).get("id").asText();
                expect(failures, send(base, "POST", "file_system/" + id + "/move", "{\"new_path\":\"there/moved\"}"),
                        200);
            }
        } catch (Exception e) {
            failures.add(who + ": " + e);
        }
        return failures;
    }

    private static void expect(List<String> failures, HttpResponse<String> r, int status) {
        if (r.statusCode() != status) {
            failures.add(r.statusCode() + " " + r.body());
        }
    }

    private static long count(String base, String path) throws Exception {
        return Json.parse(send(base, "POST", "file_system/count_by_path?path=" + path.replace(" ", "%20"), null)
                .body()).get("count").asLong();
    }

    private static JsonNode get(String base, String path) throws Exception {
        return Json.parse(send(base, "GET", path, null).body());
    }

    private static HttpResponse<String> send(String base, String method, String path, String body) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + "/api/environments/1/" + path))
                .timeout(Duration.ofSeconds(60)).header("Authorization", "Bearer " + KEY)
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            b.header("Content-Type", "application/json");
        }
        return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String listening(Process p) throws Exception {
        BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
        for (String line; (line = out.readLine()) != null; ) {
            if (line.startsWith("listening on ")) {
                return line.substring("listening on ".length()).trim();
            }
        }
        throw new AssertionError("the child server did not start (exit " + p.waitFor() + ")");
    }
}
