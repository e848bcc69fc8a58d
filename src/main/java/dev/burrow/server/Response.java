package dev.burrow.server;

import java.util.LinkedHashMap;
import java.util.Map;

/** What a handler answers: a status, a body to serialise as JSON (or null), extra headers. */
public record Response(int status, Object body, Map<String, String> headers) {

    public static Response ok(Object body) {
        return new Response(200, body, Map.of());
    }

    public static Response created(Object body) {
        return new Response(201, body, Map.of());
    }

    public static Response noContent() {
        return new Response(204, null, Map.of());
    }

    public Response withHeader(String name, String value) {
        Map<String, String> h = new LinkedHashMap<>(headers);
        h.put(name, value);
        return new Response(status, body, h);
    }
}
