package dev.burrow.server;

import static dev.burrow.server.ExportFixtures.D;
import static dev.burrow.server.ExportFixtures.I;
import static dev.burrow.server.ExportFixtures.I2;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.burrow.api.Json;
import dev.burrow.server.store.Timestamps;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The exports contract (exports.md): fields, validation order and messages, list, scopes, methods. */
class ExportsContractTest extends ContractSupport {

    static final String PNG = "image/png";
    static final String CSV = "text/csv";

    @BeforeEach
    void fixtures() {
        ExportFixtures.setUp(s);
    }

    static String midnightPlus(int days) {
        return DateTimeFormatter.ofPattern("yyyy-MM-dd'T'00:00:00'Z'").withZone(ZoneOffset.UTC)
                .format(Instant.now().plus(days, ChronoUnit.DAYS));
    }

    static String stamp(String createdAt) {
        return DateTimeFormatter.ofPattern("yyyy-MM-dd-HHmmss").withZone(ZoneOffset.UTC)
                .format(Instant.parse(createdAt));
    }

    private TestServer.Reply create(String body) {
        return s.post("exports/", body);
    }

    // ---- §14 examples ----

    @Test
    void example1DashboardPngHasTheDocumentedShape() {
        TestServer.Reply r = create("{\"export_format\":\"image/png\",\"dashboard\":" + D + "}");
        assertEquals(201, r.status(), r.body()::toString);
        JsonNode b = r.body();
        assertEquals(Set.of("id", "created_at", "dashboard", "exception", "export_format", "filename", "has_content",
                "insight", "export_context", "expires_after"), fieldNames(b));
        assertEquals(D, b.get("dashboard").asLong());
        assertTrue(b.get("insight").isNull());
        assertTrue(b.get("exception").isNull());
        assertTrue(b.get("export_context").isNull());
        assertEquals(PNG, b.get("export_format").asText());
        String created = b.get("created_at").asText();
        assertTrue(created.matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d(\\.\\d{6})?Z"), created);
        assertEquals("export-example-dashboard-" + stamp(created) + ".png", b.get("filename").asText());
        assertEquals(midnightPlus(180), b.get("expires_after").asText());
        assertTrue(b.get("has_content").asBoolean(), "the local server renders before answering");
        // retrieve answers the same object
        assertEquals(b, s.get("exports/" + b.get("id").asLong() + "/").body());
    }

    @Test
    void example1AsyncAnswersBeforeTheFileExists() {
        s.close();
        s = TestServer.start("empty", List.of(new ApiKey(TestServer.KEY, Set.of())), false,
                ServerConfig.ExportRendering.ASYNC);
        ExportFixtures.setUp(s);
        TestServer.Reply r = create("{\"export_format\":\"image/png\",\"dashboard\":" + D + "}");
        assertEquals(201, r.status());
        assertFalse(r.body().get("has_content").asBoolean());
        assertTrue(r.body().get("exception").isNull());
        JsonNode polled = poll(r.body().get("id").asLong());
        assertTrue(polled.get("has_content").asBoolean(), polled::toString);
        assertTrue(polled.get("exception").isNull());
    }

    private JsonNode poll(long id) {
        return await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(50))
                .until(() -> s.get("exports/" + id + "/").body(),
                        b -> b.path("has_content").asBoolean() || !b.path("exception").isNull());
    }

    @Test
    void example2ClientTtlIsIgnored() {
        String sent = Timestamps.format(Instant.now().plus(7, ChronoUnit.DAYS));
        TestServer.Reply r = create("{\"export_format\":\"image/png\",\"dashboard\":" + D + ",\"expires_after\":"
                + q(sent) + "}");
        assertEquals(201, r.status());
        assertEquals(midnightPlus(180), r.body().get("expires_after").asText());
    }

    @Test
    void example3MissingTarget() {
        assertRaised(create("{\"export_format\":\"image/png\"}"), 400, "validation_error", "invalid_input",
                "Either dashboard, insight or export_context is required for an export.", null);
        assertRaised(create("{\"export_format\":\"image/png\",\"export_context\":{}}"), 400, "validation_error",
                "invalid_input", "Either dashboard, insight or export_context is required for an export.", null);
        assertRaised(create("{\"export_format\":\"image/png\",\"dashboard\":null,\"insight\":null}"), 400,
                "validation_error", "invalid_input",
                "Either dashboard, insight or export_context is required for an export.", null);
    }

    @Test
    void example4UnknownDashboard() {
        assertRaised(create("{\"export_format\":\"application/pdf\",\"dashboard\":54321}"), 400, "validation_error",
                "does_not_exist", "Invalid pk \"54321\" - object does not exist.", "dashboard");
        assertRaised(create("{\"export_format\":\"application/pdf\",\"insight\":54321}"), 400, "validation_error",
                "does_not_exist", "Invalid pk \"54321\" - object does not exist.", "insight");
    }

    @Test
    void example5AnotherTeamsInsight() {
        assertRaised(create("{\"export_format\":\"application/pdf\",\"insight\":" + I2 + "}"), 400,
                "validation_error", "invalid_input", "This insight does not belong to your team.", "insight");
        ExportFixtures.object(s, "dashboard", 99, 2, "theirs", "{\"tiles\":[]}");
        assertRaised(create("{\"export_format\":\"image/png\",\"dashboard\":99}"), 400, "validation_error",
                "invalid_input", "This dashboard does not belong to your team.", "dashboard");
    }

    @Test
    void example6LegacyPathIsAccepted() {
        TestServer.Reply r = create("{\"export_format\":\"text/csv\",\"export_context\":{\"path\":"
                + "\"api/projects/1/insights/trend/?insight=TRENDS&events=%5B%5D\"}}");
        assertEquals(201, r.status(), r.body()::toString);
        assertEquals(1, count(), "rendered (and stored) once");
        // the local server renders source or an insight's query only
        assertEquals(ExportRenderer.NO_PATH_FETCH, r.body().get("exception").asText());
    }

    @Test
    void example11RenderFailureStillAnswers201() {
        // no source, no path, no insight: PostHog's KeyError text
        TestServer.Reply r = create("{\"export_format\":\"text/csv\",\"export_context\":{\"columns\":[\"a\"]}}");
        assertEquals(201, r.status());
        assertFalse(r.body().get("has_content").asBoolean());
        assertEquals("'path'", r.body().get("exception").asText());
        assertEquals(List.of(List.of("KeyError", "unknown")),
                s.query("SELECT exception_type, failure_type FROM exports"));
    }

    @Test
    void example12CsvDownloadHasHeaderFirstAndCrlfRows() {
        TestServer.Reply r = create("{\"export_format\":\"text/csv\",\"insight\":" + I + "}");
        assertEquals(201, r.status());
        TestServer.Reply content = s.get("exports/" + r.body().get("id").asLong() + "/content/?download=true");
        assertEquals(302, content.status());
        String location = content.headers().firstValue("Location").orElseThrow();
        String text = new String(ExportsStorageTest.fetch(location, null).body(), java.nio.charset.StandardCharsets.UTF_8);
        assertTrue(text.startsWith("series,1-Jan-2024,2-Jan-2024,3-Jan-2024\r\n"), text);
        assertEquals("series,1-Jan-2024,2-Jan-2024,3-Jan-2024\r\n$pageview,10,20,15\r\nsigned_up,3,4.5,5\r\n", text);
    }

    private int count() {
        return Integer.parseInt(s.column("SELECT count(*) FROM exports").get(0));
    }

    private static Set<String> fieldNames(JsonNode b) {
        Set<String> out = new java.util.TreeSet<>();
        b.fieldNames().forEachRemaining(out::add);
        return out;
    }

    // ---- validation order and messages ----

    @Test
    void exportFormatIsRequiredAndAChoice() {
        assertRaised(create("{\"dashboard\":" + D + "}"), 400, "validation_error", "required",
                "This field is required.", "export_format");
        assertRaised(create("{\"export_format\":\"image/jpeg\",\"dashboard\":" + D + "}"), 400, "validation_error",
                "invalid_choice", "\"image/jpeg\" is not a valid choice.", "export_format");
        assertRaised(create("{\"export_format\":\"application/x-ndjson\",\"dashboard\":" + D + "}"), 400,
                "validation_error", "invalid_choice", "\"application/x-ndjson\" is not a valid choice.",
                "export_format");
        assertRaised(create("{\"export_format\":null,\"dashboard\":" + D + "}"), 400, "validation_error", "null",
                "This field may not be null.", "export_format");
        assertEquals(0, count());
    }

    @Test
    void checksRunInTheDocumentedOrder() {
        // 1 before 2: a bad format wins over an unknown dashboard
        assertRaised(create("{\"export_format\":\"x\",\"dashboard\":54321}"), 400, "validation_error",
                "invalid_choice", "\"x\" is not a valid choice.", "export_format");
        // 2 before 4: an unknown dashboard wins over another team's insight
        assertRaised(create("{\"export_format\":\"image/png\",\"dashboard\":54321,\"insight\":" + I2 + "}"), 400,
                "validation_error", "does_not_exist", "Invalid pk \"54321\" - object does not exist.", "dashboard");
        // dashboard before insight
        assertRaised(create("{\"export_format\":\"image/png\",\"dashboard\":54321,\"insight\":54322}"), 400,
                "validation_error", "does_not_exist", "Invalid pk \"54321\" - object does not exist.", "dashboard");
        // 4 before 5
        assertRaised(create("{\"export_format\":\"text/csv\",\"insight\":" + I2 + ",\"export_context\":{\"path\":"
                + "\"/x\",\"method\":\"POST\"}}"), 400, "validation_error", "invalid_input",
                "This insight does not belong to your team.", "insight");
        // 5 before 6
        assertRaised(create("{\"export_format\":\"image/png\",\"export_context\":{\"path\":\"/x\",\"method\":"
                + "\"POST\",\"session_recording_id\":\"../..\"}}"), 400, "validation_error", "invalid_input",
                "Exports from API endpoints only support GET requests without a request body.", "export_context");
        assertEquals(0, count());
    }

    @Test
    void apiPathsMustBeGetWithoutBody() {
        String detail = "Exports from API endpoints only support GET requests without a request body.";
        for (String ctx : List.of("{\"path\":\"/api/x\",\"method\":\"POST\"}",
                "{\"path\":\"/api/x\",\"body\":{\"a\":1}}", "{\"path\":\"/api/x\",\"method\":\"get\",\"body\":\"\"}")) {
            assertRaised(create("{\"export_format\":\"text/csv\",\"export_context\":" + ctx + "}"), 400,
                    "validation_error", "invalid_input", detail, "export_context");
        }
        for (String ctx : List.of("{\"path\":\"/api/x\",\"method\":\"get\"}", "{\"path\":\"/api/x\",\"body\":null}")) {
            assertEquals(201, create("{\"export_format\":\"text/csv\",\"export_context\":" + ctx + "}").status());
        }
    }

    @Test
    void sessionRecordingIdsMustBeSafe() {
        for (String id : List.of("\"../..\"", "\"a/b\"", "\"a\\\\b\"", "\"a%2Fb\"", "\"a..b\"", "\"abc\\n\"", "5",
                "[\"x\"]")) {
            assertRaised(create("{\"export_format\":\"image/png\",\"export_context\":{\"session_recording_id\":" + id
                    + "}}"), 400, "validation_error", "invalid_input", "Invalid session_recording_id.",
                    "export_context");
        }
        // empty is not validated, a safe id passes (and fails to render: no recordings here)
        TestServer.Reply ok = create("{\"export_format\":\"image/png\",\"export_context\":{\"session_recording_id\":"
                + "\"0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b\"}}");
        assertEquals(201, ok.status());
        assertEquals(ExportRenderer.NO_RECORDINGS, ok.body().get("exception").asText());
        assertEquals(201, create("{\"export_format\":\"image/png\",\"dashboard\":" + D + ",\"export_context\":"
                + "{\"session_recording_id\":\"\"}}").status());
    }

    @Test
    void videoWithoutRecordingIs400AndTheRowStays() {
        for (String f : List.of("video/mp4", "video/webm", "image/gif")) {
            assertRaised(create("{\"export_format\":" + q(f) + ",\"dashboard\":" + D + "}"), 400, "validation_error",
                    "invalid_input", "Video export supports session recordings only.", "export_format");
        }
        JsonNode list = s.get("exports/").body();
        assertEquals(3, list.get("count").asInt());
        for (JsonNode row : list.get("results")) {
            assertFalse(row.get("has_content").asBoolean());
            assertTrue(row.get("exception").isNull());
            assertEquals(midnightPlus(365), row.get("expires_after").asText());
        }
    }

    @Test
    void formEncodedBodiesWork() {
        TestServer.Reply r = s.send("POST", s.url("exports/"), null);
        assertRaised(r, 400, "validation_error", "required", "This field is required.", "export_format");
        java.net.http.HttpRequest req = java.net.http.HttpRequest.newBuilder(java.net.URI.create(s.url("exports/")))
                .header("Authorization", "Bearer " + TestServer.KEY)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString("export_format=image%2Fpng&insight=" + I))
                .build();
        try {
            var resp = java.net.http.HttpClient.newHttpClient().send(req,
                    java.net.http.HttpResponse.BodyHandlers.ofString());
            assertEquals(201, resp.statusCode(), resp.body());
            assertEquals(I, Json.parse(resp.body()).get("insight").asLong());
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    // ---- fields ----

    @Test
    void filenamesFollowTheSlugRules() {
        JsonNode a = create("{\"export_format\":\"text/csv\",\"insight\":" + I + ",\"export_context\":{\"filename\":"
                + "\"  Héllo, Wörld! -- _x_ \"}}").body();
        assertEquals("hello-world-_x-" + stamp(a.get("created_at").asText()) + ".csv", a.get("filename").asText());
        JsonNode b = create("{\"export_format\":\"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet\","
                + "\"insight\":" + I + "}").body();
        assertEquals("export-example-insight-" + stamp(b.get("created_at").asText()) + ".xlsx",
                b.get("filename").asText());
        assertEquals(midnightPlus(7), b.get("expires_after").asText());
        JsonNode c = create("{\"export_format\":\"application/json\",\"export_context\":{\"x\":1}}").body();
        assertEquals("export-" + stamp(c.get("created_at").asText()) + ".json", c.get("filename").asText());
        assertEquals(Json.parse("{\"x\":1}"), c.get("export_context"));
        ExportFixtures.object(s, "dashboard", 50, 1, "", "{\"tiles\":[]}");
        JsonNode d = create("{\"export_format\":\"image/png\",\"dashboard\":50}").body();
        assertEquals("export--" + stamp(d.get("created_at").asText()) + ".png", d.get("filename").asText());
    }

    @Test
    void exportContextComesBackExactlyAsSent() {
        String ctx = "{\"source\":" + ExportFixtures.TRENDS_QUERY + ",\"columns\":[\"series\"],\"unknown\":"
                + "{\"nested\":[1,2.5,null,true]}}";
        JsonNode b = create("{\"export_format\":\"text/csv\",\"export_context\":" + ctx + "}").body();
        assertEquals(Json.parse(ctx), b.get("export_context"));
    }

    @Test
    void stuckExportsReadAsFailedWithoutChangingTheRow() {
        long csv = pending("text/csv", 631);
        long fresh = pending("text/csv", 600);
        long video = pending("video/mp4", 631);
        long oldVideo = pending("video/webm", 75 * 60 + 31);
        assertEquals(ExportsHandler.STUCK, s.get("exports/" + csv + "/").body().get("exception").asText());
        assertTrue(s.get("exports/" + fresh + "/").body().get("exception").isNull());
        assertTrue(s.get("exports/" + video + "/").body().get("exception").isNull());
        assertEquals(ExportsHandler.STUCK, s.get("exports/" + oldVideo + "/").body().get("exception").asText());
        JsonNode listed = null;
        for (JsonNode row : s.get("exports/").body().get("results")) {
            if (row.get("id").asLong() == csv) {
                listed = row;
            }
        }
        assertEquals(ExportsHandler.STUCK, listed.get("exception").asText(), "the list applies the override too");
        assertEquals(List.of("0"), s.column("SELECT count(*) FROM exports WHERE exception IS NOT NULL"));
    }

    /** A row with no content and no exception, created {@code agoSeconds} ago; answers its id. */
    private long pending(String format, long agoSeconds) {
        return insert(format, Instant.now().minusSeconds(agoSeconds), null, 1L, null);
    }

    private long insert(String format, Instant created, Instant expires, Long by, String ctx) {
        s.sql("INSERT INTO exports(team, created_by, export_format, export_context, created_at, expires_after)"
                + " VALUES (1, ?, ?, ?, ?, ?)", by, format, ctx, Timestamps.format(created),
                expires == null ? null : Timestamps.format(expires));
        return Long.parseLong(s.column("SELECT max(id) FROM exports").get(0));
    }

    // ---- list, retrieve, expiry ----

    @Test
    void listShowsOwnUnexpiredRowsNewestFirst() {
        Instant now = Instant.now();
        long older = insert(PNG, now.minusSeconds(100), now.plusSeconds(3600), 1L, null);
        long newer = insert(CSV, now.minusSeconds(10), null, 1L, null);
        insert(PNG, now.minusSeconds(5), now.minusSeconds(1), 1L, null); // expired
        insert(PNG, now.minusSeconds(5), null, 2L, null); // someone else's
        insert(PNG, now.minusSeconds(5), null, null, null); // system row
        long jsonl = insert("application/x-ndjson", now.minusSeconds(50), null, 1L,
                "{\"kind\":\"dataset\",\"dataset_id\":\"d1\",\"dataset_revision\":1}");
        JsonNode list = s.get("exports/").body();
        assertEquals(3, list.get("count").asInt());
        assertEquals(List.of(Long.toString(newer), Long.toString(jsonl), Long.toString(older)), ids(list.get("results")));
        assertTrue(list.get("next").isNull());
        assertTrue(list.get("previous").isNull());
    }

    @Test
    void listPagesWithLimitAndOffset() {
        Instant now = Instant.now();
        List<String> expected = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            expected.add(0, Long.toString(insert(PNG, now.minusSeconds(100 - i), null, 1L, null)));
        }
        JsonNode p1 = s.get("exports/?limit=2").body();
        assertEquals(5, p1.get("count").asInt());
        assertEquals(expected.subList(0, 2), ids(p1.get("results")));
        assertTrue(p1.get("next").asText().endsWith("/api/environments/1/exports/?limit=2&offset=2"),
                p1.get("next").asText());
        JsonNode p3 = s.get("exports/?limit=2&offset=4").body();
        assertEquals(expected.subList(4, 5), ids(p3.get("results")));
        assertTrue(p3.get("next").isNull());
        assertTrue(p3.get("previous").asText().contains("offset=2"));
    }

    @Test
    void listFilters() {
        Instant now = Instant.now();
        long png = insert(PNG, now.minusSeconds(30), null, 1L, "{\"path\":\"/api/Projects/1/Insights/trend\"}");
        long csv = insert(CSV, now.minusSeconds(20), null, 1L, "{\"session_recording_id\":\"rec1\"}");
        insert(CSV, now.minusSeconds(10), null, 2L, "{\"session_recording_id\":\"rec1\"}");
        assertEquals(List.of(Long.toString(csv)), ids(s.get("exports/?export_format=text%2Fcsv").body().get("results")));
        assertEquals(2, s.get("exports/?export_format=image%2Fjpeg").body().get("count").asInt(),
                "an unsupported format filter is ignored");
        assertEquals(List.of(Long.toString(png)),
                ids(s.get("exports/?context_path=insights%2FTREND").body().get("results")));
        assertEquals(List.of(Long.toString(csv)),
                ids(s.get("exports/?session_recording_id=rec1").body().get("results")));
        assertEquals(0, s.get("exports/?session_recording_id=rec").body().get("count").asInt());
    }

    @Test
    void retrieveHidesOthersExpiredAndDatasetRows() {
        Instant now = Instant.now();
        long theirs = insert(PNG, now, null, 2L, null);
        long theirRecording = insert(PNG, now, null, 2L, "{\"session_recording_id\":\"r1\"}");
        long expired = insert(PNG, now.minusSeconds(100), now.minusSeconds(1), 1L, null);
        long jsonl = insert("application/x-ndjson", now, null, 1L, "{\"kind\":\"dataset\",\"dataset_id\":\"d1\"}");
        long notDataset = insert(CSV, now, null, 1L, "{\"dataset_id\":\"d1\"}");
        assertNotFound(s.get("exports/" + theirs + "/"));
        assertNotFound(s.get("exports/" + theirs + "/content/"));
        assertEquals(200, s.get("exports/" + theirRecording + "/").status());
        assertNotFound(s.get("exports/" + expired + "/"));
        assertNotFound(s.get("exports/" + expired + "/content/"));
        assertNotFound(s.get("exports/" + jsonl + "/"));
        assertEquals(200, s.get("exports/" + notDataset + "/").status());
        assertNotFound(s.get("exports/999999/"));
        assertNotFound(s.get("exports/abc/"));
        TestServer.Reply dataset = s.get("exports/" + jsonl + "/content/");
        assertEquals(302, dataset.status());
        assertEquals("/api/projects/1/datasets/d1/exports/" + jsonl + "/content",
                dataset.headers().firstValue("Location").orElseThrow());
        // content that is not ready yet
        assertNotFound(s.get("exports/" + notDataset + "/content/"));
    }

    @Test
    void projectsRouteServesTheSameViewset() {
        long id = create("{\"export_format\":\"image/png\",\"insight\":" + I + "}").body().get("id").asLong();
        TestServer.Reply r = s.send("GET", s.url("").replace("/environments/", "/projects/") + "exports/" + id, null);
        assertEquals(200, r.status());
        assertEquals(id, r.body().get("id").asLong());
    }

    // ---- methods, scopes ----

    @Test
    void updatesAndDeletesAre405() {
        long id = create("{\"export_format\":\"image/png\",\"insight\":" + I + "}").body().get("id").asLong();
        assertRaised(s.put("exports/" + id + "/", "{}"), 405, "invalid_request", "method_not_allowed",
                "Method \"PUT\" not allowed.", null);
        assertRaised(s.patch("exports/" + id + "/", "{}"), 405, "invalid_request", "method_not_allowed",
                "Method \"PATCH\" not allowed.", null);
        assertRaised(s.delete("exports/" + id + "/"), 405, "invalid_request", "method_not_allowed",
                "Method \"DELETE\" not allowed.", null);
        assertRaised(s.delete("exports/"), 405, "invalid_request", "method_not_allowed",
                "Method \"DELETE\" not allowed.", null);
        assertEquals(1, count());
    }

    @Test
    void scopes() {
        s.close();
        s = TestServer.start("empty", List.of(new ApiKey(TestServer.KEY, Set.of()),
                ApiKey.parse("read=export:read"), ApiKey.parse("write=export:write"),
                ApiKey.parse("wi=export:write,insight:read"), ApiKey.parse("wd=export:write,dashboard:read"),
                ApiKey.parse("wq=export:write,query:read,insight:read"), ApiKey.parse("none=insight:read"),
                ApiKey.parse("star=*")), false);
        ExportFixtures.setUp(s);
        String insightPng = "{\"export_format\":\"image/png\",\"insight\":" + I + "}";
        assertForbidden(s.as("none").get("exports/"), "export:read");
        assertForbidden(s.as("none").post("exports/", insightPng), "export:write");
        assertForbidden(s.as("read").post("exports/", insightPng), "export:write");
        assertForbidden(s.as("write").post("exports/", insightPng), "insight:read");
        assertForbidden(s.as("wi").post("exports/", "{\"export_format\":\"image/png\",\"dashboard\":" + D + "}"),
                "dashboard:read");
        assertForbidden(s.as("wi").post("exports/", "{\"export_format\":\"text/csv\",\"insight\":" + I
                + ",\"export_context\":{\"source\":{\"kind\":\"HogQLQuery\"}}}"), "query:read");
        assertForbidden(s.as("star").as("wi").post("exports/", "{\"export_format\":\"image/png\",\"export_context\":"
                + "{\"session_recording_id\":\"r1\"}}"), "session_recording:read");
        // scope gates run before validation
        assertForbidden(s.as("write").post("exports/", "{\"export_format\":\"bogus\",\"insight\":54321}"),
                "insight:read");
        long id = s.as("wi").post("exports/", insightPng).body().get("id").asLong();
        assertEquals(201, s.as("wd").post("exports/", "{\"export_format\":\"image/png\",\"dashboard\":" + D + "}")
                .status());
        assertEquals(201, s.as("wq").post("exports/", "{\"export_format\":\"text/csv\",\"insight\":" + I
                + ",\"export_context\":{\"source\":" + ExportFixtures.TRENDS_QUERY + "}}").status());
        assertEquals(201, s.as("star").post("exports/", insightPng).status());
        // export:write implies export:read
        assertEquals(200, s.as("write").get("exports/" + id + "/").status());
        assertEquals(200, s.as("read").get("exports/").status());
        assertEquals(302, s.as("read").get("exports/" + id + "/content/").status());
        assertForbidden(s.as("none").get("exports/" + id + "/"), "export:read");
        assertForbidden(s.as("none").get("exports/" + id + "/content/"), "export:read");
        // 405 needs no scope
        assertEquals(405, s.as("none").delete("exports/" + id + "/").status());
        // authentication
        assertEquals(401, s.as(null).get("exports/").status());
        assertRaised(s.as("nope").get("exports/"), 401, "authentication_error", "authentication_failed",
                "Personal API key found in request Authorization header is invalid.", null);
    }

    private static void assertForbidden(TestServer.Reply r, String scope) {
        assertRaised(r, 403, "authentication_error", "permission_denied", "API key missing required scope '" + scope
                + "'", null);
    }

    @Test
    void pdfAndJsonFailWithPostHogsText() {
        for (String f : List.of("application/pdf", "application/json")) {
            TestServer.Reply r = create("{\"export_format\":" + q(f) + ",\"insight\":" + I + "}");
            assertEquals(201, r.status());
            assertFalse(r.body().get("has_content").asBoolean());
            assertEquals("Export to format " + f + " is not supported for insights",
                    r.body().get("exception").asText());
            assertNotFound(s.get("exports/" + r.body().get("id").asLong() + "/content/"));
        }
        assertEquals(List.of(List.of("NotImplementedError", "unknown"), List.of("NotImplementedError", "unknown")),
                s.query("SELECT exception_type, failure_type FROM exports ORDER BY id"));
    }

    @Test
    void videoAndGifOfARecordingFailClearly() {
        for (String f : List.of("video/mp4", "video/webm", "image/gif")) {
            TestServer.Reply r = create("{\"export_format\":" + q(f) + ",\"export_context\":{\"session_recording_id\":"
                    + "\"rec-1\"}}");
            assertEquals(201, r.status());
            assertEquals(ExportRenderer.NO_RECORDINGS, r.body().get("exception").asText());
            assertEquals(midnightPlus(365), r.body().get("expires_after").asText());
        }
    }

    @Test
    void rateLimitAppliesToExports() {
        s.close();
        s = TestServer.start("empty", List.of(new ApiKey(TestServer.KEY, Set.of())), true);
        int last = 0;
        for (int i = 0; i < 481; i++) {
            last = s.get("exports/").status();
        }
        assertEquals(429, last);
        assertNull(null);
    }
}
