package dev.burrow.server;

import dev.burrow.api.ErrorBody;

/**
 * An error answer: a status and PostHog's error body in one of its two shapes ({@link ErrorBody}):
 * raised errors with type, code, detail and attr; or a bare {@code {"detail": …}} that a viewset
 * returns directly.
 */
public final class ApiError extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final int status;
    private final transient ErrorBody body;

    private ApiError(int status, ErrorBody body) {
        super(body.detail(), null, false, false);
        this.status = status;
        this.body = body;
    }

    public static ApiError raised(int status, String type, String code, String detail, String attr) {
        return new ApiError(status, ErrorBody.raised(type, code, detail, attr));
    }

    /** 400 {@code validation_error}; a DRF {@code invalid} code is reported as {@code invalid_input}. */
    public static ApiError validation(String code, String detail, String attr) {
        return raised(400, "validation_error", "invalid".equals(code) ? "invalid_input" : code, detail, attr);
    }

    /** A bare {@code {"detail": …}} body, as the viewsets return for their own checks. */
    public static ApiError plain(int status, String detail) {
        return new ApiError(status, ErrorBody.detailOnly(detail));
    }

    public static ApiError notFound() {
        return raised(404, "invalid_request", "not_found", "Not found.", null);
    }

    /** {@code value}, or the 404 when there is none: every fetch of one thing by id ends here. */
    public static <T> T orNotFound(T value) {
        if (value == null) {
            throw notFound();
        }
        return value;
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
        return raised(429, "throttled_error", "throttled",
                "Request was throttled. Expected available in " + seconds + " second" + (seconds == 1 ? "" : "s") + ".",
                null);
    }

    public static ApiError server() {
        return raised(500, "server_error", "error", "A server error occurred.", null);
    }

    /** The same error about a field of the list item {@code prefix} names ({@code items__0__}). */
    ApiError inItem(String prefix) {
        return new ApiError(status, body.withAttrPrefix(prefix));
    }

    /** The same bare error listing the ids it did not know. */
    ApiError withUnknownIds(java.util.List<String> ids) {
        return new ApiError(status, body.withUnknownIds(ids));
    }

    public int status() {
        return status;
    }

    public ErrorBody body() {
        return body;
    }
}
