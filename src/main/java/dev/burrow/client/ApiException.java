package dev.burrow.client;

import dev.burrow.api.ErrorBody;
import java.time.Duration;

/**
 * Every way a call to PostHog can fail, as a closed set of kinds. The message is written for a
 * person: what went wrong, the server's own words, and what to do about it. No message ever
 * contains the API key.
 */
public abstract sealed class ApiException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final int status;
    private final transient ErrorBody body;
    private final String request;

    ApiException(String message, int status, ErrorBody body, String request, Throwable cause) {
        super(message, cause);
        this.status = status;
        this.body = body;
        this.request = request;
    }

    /** The HTTP status, or 0 when no answer arrived. */
    public int status() {
        return status;
    }

    /** The parsed error body, or null when the server sent none that could be read. */
    public ErrorBody body() {
        return body;
    }

    /** The server's {@code detail}, or null. */
    public String detail() {
        return body == null ? null : body.detail();
    }

    /** The request that failed, as {@code METHOD path} relative to the environment. */
    public String request() {
        return request;
    }

    /** True when repeating the same request later may succeed without changing anything. */
    public boolean isTransient() {
        return false;
    }

    /** 401: the key is missing, wrong or revoked. */
    public static final class Unauthorized extends ApiException {
        private static final long serialVersionUID = 1L;

        Unauthorized(String message, ErrorBody body, String request) {
            super(message, 401, body, request, null);
        }
    }

    /** 403: the key works but may not do this; {@link #missingScope()} names the scope when the server said. */
    public static final class Forbidden extends ApiException {
        private static final long serialVersionUID = 1L;
        private final String missingScope;

        Forbidden(String message, ErrorBody body, String request, String missingScope) {
            super(message, 403, body, request, null);
            this.missingScope = missingScope;
        }

        /** e.g. {@code file_system:write}, or null when the refusal was not about a scope. */
        public String missingScope() {
            return missingScope;
        }
    }

    /** 404: the row or object does not exist, is hidden, or belongs elsewhere. */
    public static final class NotFound extends ApiException {
        private static final long serialVersionUID = 1L;

        NotFound(String message, ErrorBody body, String request) {
            super(message, 404, body, request, null);
        }
    }

    /** 400: the server refused the request's content. */
    public static final class Validation extends ApiException {
        private static final long serialVersionUID = 1L;

        Validation(String message, ErrorBody body, String request) {
            super(message, 400, body, request, null);
        }

        /** The field the server blamed, or null for a non-field error. */
        public String attr() {
            return body() == null ? null : body().attr();
        }

        /** The server's error code ({@code required}, {@code blank}, {@code invalid_input}, …), or null. */
        public String code() {
            return body() == null ? null : body().code();
        }
    }

    /** 429, after the client's own bounded waiting ran out. */
    public static final class Throttled extends ApiException {
        private static final long serialVersionUID = 1L;
        private final long waitSeconds;

        Throttled(String message, ErrorBody body, String request, long waitSeconds) {
            super(message, 429, body, request, null);
            this.waitSeconds = waitSeconds;
        }

        /** How long the server asked to wait, or -1 when it did not say. */
        public long waitSeconds() {
            return waitSeconds;
        }

        public Duration waitTime() {
            return waitSeconds < 0 ? null : Duration.ofSeconds(waitSeconds);
        }

        @Override
        public boolean isTransient() {
            return true;
        }
    }

    /** 409: the request clashes with the current state (e.g. "Folder is not empty."). */
    public static final class Conflict extends ApiException {
        private static final long serialVersionUID = 1L;

        Conflict(String message, ErrorBody body, String request) {
            super(message, 409, body, request, null);
        }

        public String code() {
            return body() == null ? null : body().code();
        }
    }

    /** 5xx: the server or a gateway in front of it failed. */
    public static final class Server extends ApiException {
        private static final long serialVersionUID = 1L;

        Server(String message, int status, ErrorBody body, String request) {
            super(message, status, body, request, null);
        }

        @Override
        public boolean isTransient() {
            return status() == 502 || status() == 503 || status() == 504;
        }
    }

    /** Any other status this client does not expect (405, 410, 413, …). */
    public static final class Unexpected extends ApiException {
        private static final long serialVersionUID = 1L;

        Unexpected(String message, int status, ErrorBody body, String request) {
            super(message, status, body, request, null);
        }
    }

    /** A success status whose body could not be read as the expected JSON. */
    public static final class BadResponse extends ApiException {
        private static final long serialVersionUID = 1L;

        BadResponse(String message, int status, String request, Throwable cause) {
            super(message, status, null, request, cause);
        }
    }

    /** No usable answer: refused connection, reset, timeout, unknown host. */
    public static final class Network extends ApiException {
        private static final long serialVersionUID = 1L;
        private final boolean timeout;

        Network(String message, String request, Throwable cause, boolean timeout) {
            super(message, 0, null, request, cause);
            this.timeout = timeout;
        }

        /** True when the failure was a connect or request timeout. */
        public boolean isTimeout() {
            return timeout;
        }

        @Override
        public boolean isTransient() {
            return true;
        }
    }
}
