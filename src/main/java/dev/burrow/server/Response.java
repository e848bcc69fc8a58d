package dev.burrow.server;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a handler answers: a status, a body to serialise as JSON (or null), extra headers. A
 * {@link Raw} body is sent as its bytes with its own content type instead.
 */
public record Response(int status, Object body, Map<String, String> headers) {

    /** Bytes sent as they are, with this content type. */
    public record Raw(byte[] data, String contentType) {
    }

    /** {@code length} bytes of a file from {@code start}, streamed from disk rather than held in memory. */
    public record FileSlice(java.nio.file.Path file, long start, long length, String contentType) {
    }

    public static Response ok(Object body) {
        return new Response(200, body, Map.of());
    }

    public static Response created(Object body) {
        return new Response(201, body, Map.of());
    }

    public static Response noContent() {
        return new Response(204, null, Map.of());
    }

    /** {@code status} with {@code data} as the body, sent as {@code contentType}. */
    public static Response bytes(int status, String contentType, byte[] data) {
        return new Response(status, new Raw(data, contentType), Map.of());
    }

    /** A redirect with no body. */
    public static Response redirect(String location) {
        return new Response(302, null, Map.of("Location", location));
    }

    public Response withHeader(String name, String value) {
        Map<String, String> h = new LinkedHashMap<>(headers);
        h.put(name, value);
        return new Response(status, body, h);
    }
}
