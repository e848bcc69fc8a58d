package dev.burrow.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.burrow.api.Json;
import dev.burrow.cli.CliSupport.Result;
import dev.burrow.server.ApiKey;
import dev.burrow.server.LocalServer;
import dev.burrow.server.ServerConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code export} and {@code exports} against a small fake of PostHog's exports API (the local
 * server's {@code exports/} is written on another branch; see the disabled end-to-end test).
 */
class CliExportTest {

    @TempDir
    Path dir;
    FakeExportsServer fake;

    @BeforeEach
    void start() throws Exception {
        fake = new FakeExportsServer();
    }

    @AfterEach
    void stop() {
        fake.close();
    }

    private Result run(String verb, String... rest) {
        List<String> words = new ArrayList<>(Arrays.asList(rest));
        words.addAll(List.of("--host", fake.baseUrl(), "--api-key", FakeExportsServer.KEY, "--environment", "1"));
        return CliSupport.runWith(Map.of(), verb, words.toArray(String[]::new));
    }

    @Test
    void anInsightCsvIsCreatedPolledAndDownloaded() throws Exception {
        Result r = run("export", "--insight", "abc123", "--format", "csv", "-o", dir.toString());
        assertEquals(0, r.code(), r::toString);
        Path file = Path.of(r.out().strip());
        assertEquals(dir.resolve("export-my-insight-2026-01-02-030405.csv").toAbsolutePath(), file);
        assertArrayEquals(fake.content, Files.readAllBytes(file));
        JsonNode body = fake.created.get(0);
        assertEquals("text/csv", body.get("export_format").asText());
        assertEquals(42, body.get("insight").asLong());
        assertEquals("TrendsQuery", body.get("export_context").get("source").get("kind").asText(),
                "a tabular export carries the insight's query");
        assertTrue(r.err().contains("export 7 created"), r::toString);
        assertTrue(r.err().contains("still rendering"), "progress on stderr: " + r);
        assertTrue(fake.requests.stream().filter(q -> q.equals("GET /api/environments/1/exports/7/")).count() >= 2);
        try (var files = Files.list(dir)) {
            assertEquals(1, files.count(), "no temporary file left behind");
        }
    }

    @Test
    void aDashboardPngWithJsonOutput() {
        Result r = run("export", "--dashboard", "5", "--format", "png", "-o", dir.toString(), "--json");
        assertEquals(0, r.code(), r::toString);
        JsonNode doc = Json.parse(r.out());
        assertEquals(Set.of("export", "file", "bytes"), names(doc));
        assertEquals(Set.of("id", "dashboard", "insight", "export_format", "created_at", "has_content",
                "export_context", "filename", "expires_after", "exception"), names(doc.get("export")));
        assertEquals("image/png", doc.get("export").get("export_format").asText());
        assertEquals(5, doc.get("export").get("dashboard").asLong());
        assertTrue(doc.get("export").get("has_content").asBoolean());
        assertEquals(fake.content.length, doc.get("bytes").asLong());
        assertTrue(Files.exists(Path.of(doc.get("file").asText())));
        assertEquals("image/png", fake.created.get(0).get("export_format").asText());
        assertFalse(fake.created.get(0).has("export_context"));
    }

    @Test
    void everyFormatIsSentAsItsMimeType() {
        fake.pollsUntilReady = 1;
        Map<String, String> formats = Map.of("png", "image/png", "csv", "text/csv", "xlsx",
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "pdf", "application/pdf");
        formats.forEach((name, mime) -> {
            Result r = run("export", "--insight", "42", "--format", name, "-o", dir.toString());
            assertEquals(0, r.code(), r::toString);
            assertEquals(mime, fake.created.get(fake.created.size() - 1).get("export_format").asText());
        });
        Result list = run("exports", "--json");
        assertEquals(0, list.code(), list::toString);
        JsonNode doc = Json.parse(list.out());
        assertEquals(4, doc.get("count").asInt());
        assertEquals(4, doc.get("results").size());
        assertTrue(run("exports").out().contains("ready"));
    }

    @Test
    void aFailedRenderIsARefusalWithTheServersText() {
        fake.failWith = "Export to format application/pdf is not supported for insights";
        Result r = run("export", "--insight", "42", "--format", "pdf", "-o", dir.toString());
        assertEquals(1, r.code(), r::toString);
        assertTrue(r.err().contains("Export to format application/pdf is not supported for insights"), r::toString);
        assertTrue(run("exports").out().contains("failed"));
    }

    @Test
    void anExportThatIsNotReadyInTimeIsATimeout() {
        fake.pollsUntilReady = Integer.MAX_VALUE;
        Result r = run("export", "--dashboard", "5", "--format", "png", "-o", dir.toString(), "--timeout", "1");
        assertEquals(3, r.code(), r::toString);
        assertTrue(r.err().contains("not ready within 1 s"), r::toString);
    }

    @Test
    void badExportArgumentsAreUsageErrors() {
        assertEquals(2, run("export", "--format", "png").code());
        assertEquals(2, run("export", "--dashboard", "5").code());
        assertEquals(2, run("export", "--dashboard", "5", "--insight", "42", "--format", "png").code());
        assertEquals(2, run("export", "--dashboard", "5", "--format", "gif").code());
        assertEquals(2, run("export", "--dashboard", "x", "--format", "png", "-o", dir.toString()).code());
        assertEquals(2, run("export", "--dashboard", "5", "--format", "png", "-o", dir.resolve("nope").toString())
                .code());
        assertEquals(2, run("export", "--dashboard", "5", "--format", "png", "--timeout", "0").code());
        assertEquals(1, run("export", "--insight", "zzz", "--format", "png", "-o", dir.toString()).code());
        assertTrue(fake.created.isEmpty());
    }

    private static Set<String> names(JsonNode o) {
        Set<String> names = new java.util.HashSet<>();
        o.fieldNames().forEachRemaining(names::add);
        return names;
    }

    /** Against the local server itself: create, wait, download (contract/exports.md §7). */
    @Test
    void exportsAnInsightFromTheLocalServerEndToEnd() throws Exception {
        try (LocalServer server = LocalServer.start(new ServerConfig("127.0.0.1", 0, dir.resolve("data"),
                List.of(new ApiKey("k1", Set.of())), "demo", false, 1))) {
            Path out = Files.createDirectories(dir.resolve("out"));
            String shortId = dev.burrow.client.PostHogClient.builder(server.baseUrl(), "k1", 1).build().fileSystem()
                    .listAll(dev.burrow.client.FileSystemQuery.all().withType("insight").withLimit(1)).get(0).ref();
            for (String format : List.of("png", "csv", "xlsx")) {
                Result r = CliSupport.runWith(Map.of(), "export", "--insight", shortId, "--format", format, "-o",
                        out.toString(), "--host", server.baseUrl(), "--api-key", "k1", "--environment", "1");
                assertEquals(0, r.code(), r::toString);
                Path file = Path.of(r.out().strip());
                assertTrue(file.getFileName().toString().endsWith("." + format));
                assertTrue(Files.size(file) > 0);
            }
        }
    }
}
