package dev.burrow.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Error bodies, authentication, scopes, routing and throttling (§1, §16). */
class ErrorsContractTest extends ContractSupport {

    private static final String UNKNOWN = "0190a8d3-0000-7000-8000-000000000000";

    // ---- §16 authentication and scopes --------------------------------------------------------

    @Test
    void noCredentialsIs401NotAuthenticated() {
        TestServer.Reply r = s.as(null).get("file_system/");
        assertRaised(r, 401, "authentication_error", "not_authenticated",
                "Authentication credentials were not provided.", null);
    }

    @Test
    void badKeyIs401AuthenticationFailed() {
        String before = s.fingerprint();
        assertRaised(s.as("wrong-key").post("file_system/", "{\"path\":\"x\"}"), 401, "authentication_error",
                "authentication_failed", "Personal API key found in request Authorization header is invalid.", null);
        assertEquals(before, s.fingerprint());
    }

    @Test
    void readOnlyKeyLacksWriteScope() {
        s.close();
        s = TestServer.start("empty", List.of(new ApiKey(TestServer.KEY, Set.of("file_system:read"))), false);
        String id = s.row("F", "folder");
        String before = s.fingerprint();
        String missing = "API key missing required scope 'file_system:write'";
        assertRaised(s.post("file_system/", "{\"path\":\"x\"}"), 403, "authentication_error", "permission_denied",
                missing, null);
        assertRaised(s.patch("file_system/" + id + "/", "{\"path\":\"x\"}"), 403, "authentication_error",
                "permission_denied", missing, null);
        assertRaised(s.delete("file_system/" + id + "/"), 403, "authentication_error", "permission_denied", missing, null);
        assertRaised(s.post("file_system/" + id + "/move", "{\"new_path\":\"y\"}"), 403, "authentication_error",
                "permission_denied", missing, null);
        assertRaised(s.post("file_system/undo_delete/", "{\"items\":[]}"), 403, "authentication_error",
                "permission_denied", missing, null);
        assertRaised(s.post("file_system/log_view/", "{\"type\":\"t\",\"ref\":\"1\"}"), 403, "authentication_error",
                "permission_denied", missing, null);
        assertEquals(before, s.fingerprint());
        assertEquals(200, s.get("file_system/" + id + "/").status());
    }

    @Test
    void starOnlyKeyLacksTreeReadScope() {
        s.close();
        s = TestServer.start("empty", List.of(new ApiKey(TestServer.KEY, Set.of("file_system_shortcut:read"))), false);
        assertRaised(s.get("file_system/"), 403, "authentication_error", "permission_denied",
                "API key missing required scope 'file_system:read'", null);
    }

    @Test
    void writeScopeImpliesRead() {
        s.close();
        s = TestServer.start("empty", List.of(new ApiKey(TestServer.KEY, Set.of("file_system:write"))), false);
        assertEquals(200, s.get("file_system/").status());
        assertEquals(200, s.get("file_system/log_view/").status());
    }

    // ---- §16 not found, routing --------------------------------------------------------------

    @Test
    void unknownAndMalformedIdsAre404OnEveryDetailRoute() {
        String before = s.fingerprint();
        for (String id : List.of(UNKNOWN, "not-a-uuid", "123", "0190a8d3-0000-7000-8000-00000000000g")) {
            assertNotFound(s.get("file_system/" + id + "/"));
            assertNotFound(s.patch("file_system/" + id + "/", "{\"path\":\"x\"}"));
            assertNotFound(s.put("file_system/" + id + "/", "{\"path\":\"x\"}"));
            assertNotFound(s.delete("file_system/" + id + "/"));
            assertNotFound(s.post("file_system/" + id + "/count", null));
            assertNotFound(s.post("file_system/" + id + "/move", "{\"new_path\":\"x\"}"));
            assertNotFound(s.post("file_system/" + id + "/link", "{\"new_path\":\"x\"}"));
            assertNotFound(s.get("file_system_shortcut/" + id + "/"));
            assertNotFound(s.delete("file_system_shortcut/" + id + "/"));
        }
        assertEquals(before, s.fingerprint());
    }

    @Test
    void otherEnvironmentIs404() {
        String id = s.row("F", "folder");
        String base = s.server().baseUrl();
        assertNotFound(s.send("GET", base + "/api/environments/2/file_system/", null));
        assertNotFound(s.send("GET", base + "/api/environments/2/file_system/" + id + "/", null));
        String before = s.fingerprint();
        assertNotFound(s.send("DELETE", base + "/api/environments/2/file_system/" + id + "/", null));
        assertNotFound(s.send("POST", base + "/api/projects/2/file_system/", "{\"path\":\"x\"}"));
        assertEquals(before, s.fingerprint());
    }

    @Test
    void legacyProjectsRouteServesTheSameViewsets() {
        String base = s.server().baseUrl() + "/api/projects/1/";
        TestServer.Reply created = s.send("POST", base + "file_system/", "{\"path\":\"L/x\",\"type\":\"doc-file\"}");
        assertEquals(201, created.status());
        String id = created.body().get("id").asText();
        assertEquals(2, s.send("GET", base + "file_system/", null).body().get("count").asInt());
        assertEquals(id, s.send("GET", base + "file_system/" + id + "/", null).body().get("id").asText());
        TestServer.Reply page = s.send("GET", base + "file_system/?limit=1", null);
        assertTrue(page.body().get("next").asText().contains("/api/projects/1/file_system/"));
        assertEquals(201, s.send("POST", base + "file_system_shortcut/", "{\"path\":\"x\"}").status());
        assertEquals(1, s.send("GET", base + "file_system_shortcut/", null).body().get("count").asInt());
    }

    @Test
    void actionTrailingSlashIsOptional() {
        String folder = s.row("F", "folder");
        assertEquals(200, s.post("file_system/" + folder + "/count", null).status());
        assertEquals(200, s.post("file_system/" + folder + "/count/", null).status());
        assertEquals(200, s.post("file_system/count_by_path?path=F", null).status());
        assertEquals(200, s.get("file_system/unfiled").status());
        assertEquals(200, s.get("file_system/" + folder).status());
    }

    @Test
    void wrongMethodIs405() {
        String folder = s.row("F", "folder");
        String before = s.fingerprint();
        List<TestServer.Reply> replies = List.of(
                s.delete("file_system/"),
                s.put("file_system/", "{}"),
                s.get("file_system/" + folder + "/move"),
                s.get("file_system/" + folder + "/link"),
                s.get("file_system/" + folder + "/count"),
                s.get("file_system/undo_delete/"),
                s.post("file_system/unfiled/", "{}"),
                s.delete("file_system/log_view/"),
                s.post("file_system/" + folder + "/", "{}"),
                s.get("file_system_shortcut/reorder/"),
                s.get("file_system_shortcut/bulk_update/"),
                s.delete("file_system_shortcut/"));
        for (TestServer.Reply r : replies) {
            assertRaised(r, 405, "invalid_request", "method_not_allowed", null, null);
        }
        assertEquals(before, s.fingerprint());
    }

    // ---- §16 throttling -------------------------------------------------------------------------

    @Test
    void burstLimitAnswers429AfterFourHundredEighty() throws Exception {
        s.close();
        s = TestServer.start("empty", List.of(new ApiKey(TestServer.KEY, Set.of())), true);
        HttpClient http = HttpClient.newHttpClient();
        HttpRequest req = HttpRequest.newBuilder(URI.create(s.url("file_system/?limit=1")))
                .header("Authorization", "Bearer " + TestServer.KEY).GET().build();
        for (int i = 0; i < 480; i++) {
            HttpResponse<Void> resp = http.send(req, HttpResponse.BodyHandlers.discarding());
            assertEquals(200, resp.statusCode(), "request " + (i + 1));
        }
        TestServer.Reply r = s.get("file_system/");
        assertRaised(r, 429, "throttled_error", "throttled", null, null);
        assertTrue(r.detail().matches("Request was throttled\\. Expected available in \\d+ seconds?\\."), r.detail());
        assertTrue(r.headers().firstValue("X-RateLimit-Limit").isEmpty());
    }

    // ---- bad input: 4xx bodies and an unchanged store ----------------------------------------------

    @Test
    void nonJsonBodyIsAParseError() {
        String id = s.row("F", "folder");
        String before = s.fingerprint();
        for (String bad : List.of("not json", "{\"path\":", "{'path':'x'}", "{\"path\":\"x\",}")) {
            TestServer.Reply r = s.post("file_system/", bad);
            assertEquals(400, r.status(), bad);
            assertEquals("invalid_request", r.body().get("type").asText());
            assertTrue(r.body().get("attr").isNull());
            assertEquals(400, s.patch("file_system/" + id + "/", bad).status());
            assertEquals(400, s.post("file_system_shortcut/", bad).status());
        }
        assertEquals(before, s.fingerprint());
    }

    @Test
    void trailingContentAfterJsonIsAParseError() {
        String before = s.fingerprint();
        TestServer.Reply r = s.post("file_system/", "{\"path\":\"x\",\"type\":\"folder\"} trailing");
        assertEquals(400, r.status(), r.body()::toString);
        assertEquals("invalid_request", r.body().get("type").asText());
        assertEquals(400, s.post("file_system/", "{\"path\":\"x\"}{\"path\":\"y\"}").status());
        assertEquals(before, s.fingerprint());
    }

    @Test
    void wrongJsonTypesAreValidationErrors() {
        String id = s.row("F", "folder");
        String star = s.star(1, "S", "t", null, 0, null);
        String before = s.fingerprint();
        assertRaised(s.post("file_system/", "{\"path\":[\"a\",\"b\"]}"), 400, "validation_error", "invalid_input",
                "Not a valid string.", "path");
        assertRaised(s.post("file_system/", "{\"path\":{\"a\":1}}"), 400, "validation_error", "invalid_input",
                "Not a valid string.", "path");
        assertRaised(s.post("file_system/", "{\"path\":null}"), 400, "validation_error", "null",
                "This field may not be null.", "path");
        assertRaised(s.post("file_system/", "{\"path\":\"x\",\"shortcut\":\"maybe\"}"), 400, "validation_error",
                "invalid_input", "Must be a valid boolean.", "shortcut");
        assertRaised(s.post("file_system/", "{\"path\":\"x\",\"meta\":\"a string\"}"), 400, "validation_error",
                "invalid_input", "Meta must be an object.", "meta");
        assertRaised(s.post("file_system/", "{\"path\":\"x\",\"meta\":[1,2]}"), 400, "validation_error",
                "invalid_input", "Meta must be an object.", "meta");
        TestServer.Reply nullMeta = s.post("file_system/", "{\"path\":\"x\",\"meta\":null}");
        assertEquals(400, nullMeta.status());
        assertEquals("meta", nullMeta.body().get("attr").asText());
        assertRaised(s.post("file_system/", "{\"path\":\"x\",\"type\":{}}"), 400, "validation_error", "invalid_input",
                "Not a valid string.", "type");
        assertRaised(s.post("file_system/", "{\"path\":\"x\",\"type\":\"" + "t".repeat(101) + "\"}"), 400,
                "validation_error", "max_length", "Ensure this field has no more than 100 characters.", "type");
        assertRaised(s.post("file_system/", "[{\"path\":\"x\"}]"), 400, "validation_error", "invalid_input",
                "Invalid data. Expected a dictionary, but got list.", null);
        assertRaised(s.post("file_system/", "\"x\""), 400, "validation_error", "invalid_input",
                "Invalid data. Expected a dictionary, but got str.", null);
        assertRaised(s.patch("file_system/" + id + "/", "{\"meta\":\"x\"}"), 400, "validation_error",
                "invalid_input", "Meta must be an object.", "meta");
        assertRaised(s.patch("file_system/" + id + "/", "[1]"), 400, "validation_error", "invalid_input",
                "Invalid data. Expected a dictionary, but got list.", null);
        assertRaised(s.post("file_system/" + id + "/move", "[\"x\"]"), 400, "validation_error", "invalid_input",
                null, null);
        assertEquals(400, s.post("file_system/" + id + "/move", "{\"new_path\":[\"x\"]}").status());
        assertRaised(s.post("file_system_shortcut/", "{\"path\":[\"x\"]}"), 400, "validation_error", "invalid_input",
                "Not a valid string.", "path");
        assertRaised(s.patch("file_system_shortcut/" + star + "/", "{\"order\":\"soon\"}"), 400, "validation_error",
                "invalid_input", "A valid integer is required.", "order");
        assertRaised(s.post("file_system_shortcut/reorder/", "{\"ordered_ids\":\"x\"}"), 400, "validation_error",
                "not_a_list", null, "ordered_ids");
        assertRaised(s.post("file_system_shortcut/reorder/", "{\"ordered_ids\":[\"nope\"]}"), 400, "validation_error",
                "invalid_input", "Must be a valid UUID.", "ordered_ids__0");
        assertRaised(s.post("file_system_shortcut/bulk_update/", "{\"add\":{}}"), 400, "validation_error",
                "not_a_list", null, "add");
        assertRaised(s.post("file_system_shortcut/bulk_update/", "{\"add\":[{\"type\":\"t\"}]}"), 400,
                "validation_error", "required", "This field is required.", "add__0__path");
        assertRaised(s.post("file_system/log_view/", "{\"type\":\"t\"}"), 400, "validation_error", "required",
                "This field is required.", "ref");
        assertRaised(s.post("file_system/log_view/", "{\"type\":\"t\",\"ref\":\"1\",\"viewed_at\":\"yesterday\"}"),
                400, "validation_error", "invalid_input", null, "viewed_at");
        assertEquals(before, s.fingerprint());
    }

    @Test
    void tenMegabyteBodiesAreRefusedWith4xx() {
        String id = s.row("F", "folder");
        String before = s.fingerprint();
        String big = "x".repeat(10 * 1024 * 1024);
        assertRaised(s.post("file_system/", "{\"path\":\"x\",\"meta\":{\"blob\":" + q(big) + "}}"), 400,
                "validation_error", "invalid_input", "Meta must be smaller than 1 MB.", "meta");
        assertRaised(s.patch("file_system/" + id + "/", "{\"meta\":{\"blob\":" + q(big) + "}}"), 400,
                "validation_error", "invalid_input", "Meta must be smaller than 1 MB.", "meta");
        assertRaised(s.post("file_system/", "{\"path\":" + q(big) + "}"), 400, "validation_error", "invalid_input",
                "Path must be 4000 characters or fewer.", "path");
        TestServer.Reply garbage = s.post("file_system/", big);
        assertEquals(400, garbage.status());
        assertEquals(before, s.fingerprint());
    }

    @Test
    void pathLimitsOnCreatePatchAndPut() {
        String id = s.row("F", "folder");
        String before = s.fingerprint();
        String tooLong = "a".repeat(4001);
        String tooDeep = String.join("/", Collections.nCopies(51, "a"));
        for (String body : List.of("{\"path\":" + q(tooLong) + "}", "{\"path\":" + q(tooDeep) + "}")) {
            String detail = body.length() > 4000 ? "Path must be 4000 characters or fewer."
                    : "Path can be at most 50 levels deep.";
            assertRaised(s.post("file_system/", body), 400, "validation_error", "invalid_input", detail, "path");
            assertRaised(s.patch("file_system/" + id + "/", body), 400, "validation_error", "invalid_input", detail,
                    "path");
            assertRaised(s.put("file_system/" + id + "/", body), 400, "validation_error", "invalid_input", detail,
                    "path");
        }
        assertEquals(before, s.fingerprint());
        assertEquals(201, s.post("file_system/", "{\"path\":" + q("a".repeat(4000)) + "}").status());
        TestServer.Reply deep = s.post("file_system/", "{\"path\":" + q(String.join("/", Collections.nCopies(50, "b")))
                + ",\"type\":\"doc-file\"}");
        assertEquals(201, deep.status());
        assertEquals(50, deep.body().get("depth").asInt());
    }

    @Test
    void oddBodiesAndQueriesNeverAnswer500() {
        String id = s.row("F", "folder");
        String before = s.fingerprint();
        String nested = "[".repeat(5000) + "]".repeat(5000);
        List<TestServer.Reply> replies = List.of(
                s.post("file_system/", nested),
                s.post("file_system/", "{\"path\":\"x\",\"meta\":" + "{\"a\":".repeat(3000) + "1" + "}".repeat(3000)
                        + "}"),
                s.post("file_system/", "{\"path\":\"a\\u0000b\"}"),
                s.post("file_system/", "null"),
                s.post("file_system/", "true"),
                s.post("file_system/", ""),
                s.post("file_system/" + id + "/move", "{\"new_path\":{}}"),
                s.post("file_system/" + id + "/move", "{\"new_path\":\"///\"}"),
                s.post("file_system/undo_delete/", "{\"items\":[1]}"),
                s.post("file_system/undo_delete/", "{\"items\":[{\"type\":[],\"ref\":{}}]}"),
                s.post("file_system_shortcut/bulk_update/", "{\"remove_ids\":[1]}"),
                s.post("file_system_shortcut/", "{\"path\":\"x\",\"order\":1e40}"),
                s.post("file_system_shortcut/", "{\"path\":\"x\",\"order\":99999999999}"));
        for (TestServer.Reply r : replies) {
            assertTrue(r.status() >= 400 && r.status() < 500, () -> r.status() + " " + r.body());
            assertTrue(r.body().has("detail"), r.body()::toString);
        }
        assertEquals(before, s.fingerprint());
        for (String query : List.of("limit=-5", "limit=abc&offset=xyz", "offset=-1", "depth=1.5", "limit=99999999999",
                "created_at__gt=garbage", "order_by=", "ref=&type=", "search=%22unbalanced", "parent=%2F%2F",
                "order_by=-last_viewed_at&limit=0", "order_by=last_viewed_at&limit=99999")) {
            TestServer.Reply r = s.get("file_system/?" + query);
            assertTrue(r.status() < 500, () -> query + " -> " + r.status() + " " + r.body());
        }
        assertTrue(s.get("file_system/log_view/?limit=-1").status() < 500);
        assertTrue(s.get("file_system_shortcut/?limit=-1&offset=-3").status() < 500);
    }
}
