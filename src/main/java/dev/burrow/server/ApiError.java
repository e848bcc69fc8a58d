package dev.burrow.server;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.burrow.api.Json;

/**
 * An error answer in one of PostHog's two body shapes: raised errors with type, code, detail
 * and attr; or a bare {@code {"detail": …}} that a viewset returns directly.
 */
public final class ApiError extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final int status;
    private final transient ObjectNode body;
    private final transient java.util.Map<String, String> headers = new java.util.LinkedHashMap<>();

    private ApiError(int status, ObjectNode body) {
        super(body.path("detail").asText(), null, false, false);
        this.status = status;
        this.body = body;
    }

    public static ApiError raised(int status, String type, String code, String detail, String attr) {
        ObjectNode body = Json.object();
        body.put("type", type);
        body.put("code", code);
        body.put("detail", detail);
        if (attr == null) {
            body.putNull("attr");
        } else {
            body.put("attr", attr);
        }
        return new ApiError(status, body);
    }

    /** 400 {@code validation_error}; a DRF {@code invalid} code is reported as {@code invalid_input}. */
    public static ApiError validation(String code, String detail, String attr) {
        return raised(400, "validation_error", "invalid".equals(code) ? "invalid_input" : code, detail, attr);
    }

    /** A bare {@code {"detail": …}} body, as the viewsets return for their own checks. */
    public static ApiError plain(int status, String detail) {
        ObjectNode body = Json.object();
        body.put("detail", detail);
        return new ApiError(status, body);
    }

    public static ApiError notFound() {
        return raised(404, "invalid_request", "not_found", "Not found.", null);
    }

    public static ApiError methodNotAllowed(String method) {
        return raised(405, "invalid_request", "method_not_allowed", "Method \"" + method + "\" not allowed.", null);
    }

    public static ApiError parse(String detail) {
        return raised(400, "invalid_request", "parse_error", detail, null);
    }

    public static ApiError forbidden(String detail) {
        return raised(403, "authentication_error", "permission_denied", detail, null);
    }

    public static ApiError throttled(long seconds) {
        ApiError e = raised(429, "throttled_error", "throttled",
                "Request was throttled. Expected available in " + seconds + " second" + (seconds == 1 ? "" : "s") + ".",
                null);
        return e;
    }

    public static ApiError server() {
        return raised(500, "server_error", "error", "A server error occurred.", null);
    }

    public ApiError withHeader(String name, String value) {
        headers.put(name, value);
        return this;
    }

    public int status() {
        return status;
    }

    public ObjectNode body() {
        return body;
    }

    public java.util.Map<String, String> headers() {
        return headers;
    }
}
