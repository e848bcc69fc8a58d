package dev.burrow.client;

/**
 * One request relative to the environment: {@code path} like {@code file_system/abc/move},
 * {@code query} already encoded (or empty), {@code body} JSON bytes or null.
 * {@code idempotent} says whether repeating it after a failure is safe.
 */
record ApiRequest(String method, String path, String query, byte[] body, boolean idempotent) {

    static ApiRequest get(String path, Query query) {
        return new ApiRequest("GET", path, query == null ? "" : query.encoded(), null, true);
    }

    static ApiRequest get(String path) {
        return get(path, null);
    }

    /** A POST that changes something: never repeated blindly. */
    static ApiRequest post(String path, Query query, byte[] body) {
        return new ApiRequest("POST", path, query == null ? "" : query.encoded(), body, false);
    }

    /** A POST that only reads (count, count_by_path): safe to repeat. */
    static ApiRequest readingPost(String path, Query query, byte[] body) {
        return new ApiRequest("POST", path, query == null ? "" : query.encoded(), body, true);
    }

    static ApiRequest patch(String path, byte[] body) {
        return new ApiRequest("PATCH", path, "", body, true);
    }

    static ApiRequest put(String path, byte[] body) {
        return new ApiRequest("PUT", path, "", body, true);
    }

    static ApiRequest delete(String path, Query query) {
        return new ApiRequest("DELETE", path, query == null ? "" : query.encoded(), null, true);
    }

    /** The request as people read it in messages: {@code POST file_system/} (no query, no key). */
    String describe() {
        return method + " " + path;
    }
}
