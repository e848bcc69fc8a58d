package dev.burrow.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpHeaders;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ErrorShapesTest {

    private static ApiException answer(int status, String body, String... headerPairs) {
        Map<String, List<String>> map = new java.util.HashMap<>();
        for (int i = 0; i < headerPairs.length; i += 2) {
            map.put(headerPairs[i], List.of(headerPairs[i + 1]));
        }
        HttpHeaders headers = HttpHeaders.of(map, (a, b) -> true);
        return ApiErrors.fromAnswer(status, headers, body.getBytes(StandardCharsets.UTF_8), "POST file_system/");
    }

    @Test
    void fullEnvelopeGivesAttrAndCode() {
        ApiException.Validation v = assertInstanceOf(ApiException.Validation.class, answer(400,
                "{\"type\":\"validation_error\",\"code\":\"blank\",\"detail\":\"This field may not be blank.\",\"attr\":\"path\"}"));
        assertEquals("path", v.attr());
        assertEquals("blank", v.code());
        assertEquals("This field may not be blank.", v.detail());
        assertEquals("The server rejected POST file_system/ (field 'path') (400): This field may not be blank.", v.getMessage());
    }

    @Test
    void bareDetailShapeIsAccepted() {
        ApiException.Validation v = assertInstanceOf(ApiException.Validation.class,
                answer(400, "{\"detail\":\"new_path is required\"}"));
        assertNull(v.attr());
        assertNull(v.code());
        assertEquals("new_path is required", v.detail());
    }

    @Test
    void olderFieldMapShapeIsAccepted() {
        ApiException.Validation v = assertInstanceOf(ApiException.Validation.class,
                answer(400, "{\"export_format\":[\"This type of export is not supported for this resource.\"]}"));
        assertEquals("export_format", v.attr());
        assertEquals("This type of export is not supported for this resource.", v.detail());
    }

    @Test
    void missingScopeIsParsed() {
        ApiException.Forbidden f = assertInstanceOf(ApiException.Forbidden.class, answer(403,
                "{\"type\":\"authentication_error\",\"code\":\"permission_denied\","
                        + "\"detail\":\"API key missing required scope 'file_system:write'\",\"attr\":null}"));
        assertEquals("file_system:write", f.missingScope());
        assertTrue(f.getMessage().contains("lacks the scope 'file_system:write'"), f.getMessage());
    }

    @Test
    void otherForbiddenHasNoScope() {
        ApiException.Forbidden f = assertInstanceOf(ApiException.Forbidden.class,
                answer(403, "{\"detail\":\"This action does not support Personal API Key access\"}"));
        assertNull(f.missingScope());
    }

    @Test
    void throttleWaitComesFromDetailFirstThenHeader() {
        ApiException.Throttled t = assertInstanceOf(ApiException.Throttled.class, answer(429,
                "{\"detail\":\"Request was throttled. Expected available in 42 seconds.\"}", "Retry-After", "5"));
        assertEquals(42, t.waitSeconds());
        ApiException.Throttled h = assertInstanceOf(ApiException.Throttled.class,
                answer(429, "{\"detail\":\"Request was throttled.\"}", "Retry-After", "5"));
        assertEquals(5, h.waitSeconds());
        ApiException.Throttled none = assertInstanceOf(ApiException.Throttled.class, answer(429, ""));
        assertEquals(-1, none.waitSeconds());
    }

    @Test
    void conflictKeepsItsCode() {
        ApiException.Conflict c = assertInstanceOf(ApiException.Conflict.class, answer(409,
                "{\"type\":\"server_error\",\"code\":\"directory_not_empty\",\"detail\":\"Folder is not empty.\",\"attr\":null}"));
        assertEquals("directory_not_empty", c.code());
    }

    @Test
    void htmlAndEmptyAndGarbageBodiesAreDescribed() {
        ApiException html = answer(404, "<!DOCTYPE html><html><title>Page not found at /api/x</title></html>",
                "Content-Type", "text/html; charset=utf-8");
        assertInstanceOf(ApiException.NotFound.class, html);
        assertTrue(html.getMessage().contains("HTML page titled \"Page not found at /api/x\""), html.getMessage());
        assertTrue(answer(503, "").getMessage().endsWith("the server sent an empty error body."));
        assertTrue(answer(500, "oops").getMessage().contains("not JSON: \"oops\""));
        assertInstanceOf(ApiException.Unexpected.class, answer(405,
                "{\"type\":\"invalid_request\",\"code\":\"method_not_allowed\",\"detail\":\"Method \\\"GET\\\" not allowed.\"}"));
    }
}
