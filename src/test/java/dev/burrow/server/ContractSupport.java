package dev.burrow.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.burrow.api.Json;
import dev.burrow.server.store.Timestamps;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/** Shared setup and assertions for the contract tests: one fresh server per test. */
abstract class ContractSupport {

    protected TestServer s;

    @BeforeEach
    void startServer() {
        s = TestServer.start();
    }

    @AfterEach
    void stopServer() {
        if (s != null) {
            s.close();
        }
    }

    /** A JSON string literal for {@code text} (for building bodies with raw paths). */
    static String q(String text) {
        return Json.write(text);
    }

    static String at(String iso) {
        return Timestamps.format(Instant.parse(iso));
    }

    /** The {@code path} of each entry of an array (or of a list body's {@code results}). */
    static List<String> paths(JsonNode arrayOrList) {
        JsonNode arr = arrayOrList.has("results") ? arrayOrList.get("results") : arrayOrList;
        List<String> out = new ArrayList<>();
        arr.forEach(n -> out.add(n.path("path").asText()));
        return out;
    }

    static List<String> ids(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.path("id").asText()));
        return out;
    }

    /** A raised error: {@code {type, code, detail, attr}} and nothing else. */
    static void assertRaised(TestServer.Reply r, int status, String type, String code, String detail, String attr) {
        assertEquals(status, r.status(), () -> "status; body " + r.body());
        JsonNode b = r.body();
        assertEquals(type, b.path("type").asText(null), () -> "type in " + b);
        assertEquals(code, b.path("code").asText(null), () -> "code in " + b);
        if (detail != null) {
            assertEquals(detail, b.path("detail").asText(null), () -> "detail in " + b);
        }
        assertTrue(b.has("attr"), () -> "attr present in " + b);
        assertEquals(attr, b.get("attr").isNull() ? null : b.get("attr").asText(), () -> "attr in " + b);
        assertEquals(4, b.size(), () -> "exactly type, code, detail, attr in " + b);
    }

    /** A viewset's own error: exactly {@code {"detail": …}}. */
    static void assertPlain(TestServer.Reply r, int status, String detail) {
        assertEquals(status, r.status(), () -> "status; body " + r.body());
        assertEquals(Json.parse("{\"detail\":" + q(detail) + "}"), r.body());
    }

    static void assertNotFound(TestServer.Reply r) {
        assertRaised(r, 404, "invalid_request", "not_found", "Not found.", null);
    }
}
