package dev.burrow.client;

import com.fasterxml.jackson.databind.JavaType;
import dev.burrow.api.Json;
import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.function.DoubleSupplier;
import java.util.function.IntPredicate;

/**
 * Sends {@link ApiRequest}s: adds the key, waits for the rate budget, retries what is safe to
 * retry, waits out 429s, and turns failures into {@link ApiException}s. Thread-safe.
 */
final class Transport {

    private static final System.Logger LOG = System.getLogger(Transport.class.getName());
    private static final int MAX_ERROR_BODY = 256 * 1024;

    /** What to do with a successful (or passed-through) answer; IOException counts as a broken connection. */
    interface Handling<T> {
        T handle(HttpResponse<InputStream> response) throws IOException;
    }

    /** A body that arrived whole but is not the JSON we expected (cut off, or garbage). */
    static final class MalformedBody extends IOException {
        private static final long serialVersionUID = 1L;

        MalformedBody(String message, Throwable cause) {
            super(message, cause);
        }
    }

    private final String baseUrl;
    private final String apiPrefix;
    private final String authorization;
    private final HttpClient http;
    private final Duration requestTimeout;
    private final RetryPolicy retry;
    private final RateBudget budget;
    private final ClientListener listener;
    private final Sleeper sleeper;
    private final DoubleSupplier jitter;

    Transport(String baseUrl, long environmentId, String apiKey, HttpClient http, Duration requestTimeout,
            RetryPolicy retry, RateBudget budget, ClientListener listener, Sleeper sleeper, DoubleSupplier jitter) {
        this.baseUrl = baseUrl;
        this.apiPrefix = "/api/environments/" + environmentId + "/";
        this.authorization = "Bearer " + apiKey;
        this.http = http;
        this.requestTimeout = requestTimeout;
        this.retry = retry;
        this.budget = budget;
        this.listener = listener;
        this.sleeper = sleeper;
        this.jitter = jitter;
    }

    String baseUrl() {
        return baseUrl;
    }

    HttpClient http() {
        return http;
    }

    Duration requestTimeout() {
        return requestTimeout;
    }

    RetryPolicy retry() {
        return retry;
    }

    Sleeper sleeper() {
        return sleeper;
    }

    double jitter() {
        return jitter.getAsDouble();
    }

    URI uri(ApiRequest req) {
        String q = req.query() == null || req.query().isEmpty() ? "" : "?" + req.query();
        return URI.create(baseUrl + apiPrefix + req.path() + q);
    }

    /** Sends and decodes the JSON answer as {@code type}; a 204 or empty body gives null. */
    <T> T json(ApiRequest req, JavaType type) {
        return execute(req, status -> false, response -> {
            BodyChunks body;
            try (InputStream in = response.body()) {
                body = BodyChunks.read(in);
            }
            try {
                if (response.statusCode() == 204 || body.length() == 0) {
                    return null;
                }
                return PageConcurrency.decode(() -> Json.MAPPER.readValue(body.stream(), type));
            } catch (com.fasterxml.jackson.core.JacksonException e) {
                throw new MalformedBody("the answer is not the expected JSON (" + body.length()
                        + " bytes; it may have been cut off): " + e.getOriginalMessage(), e);
            } finally {
                body.release(); // decoded (the values hold none of its bytes): its chunks take the next body
            }
        });
    }

    <T> T json(ApiRequest req, Class<T> type) {
        return json(req, Json.MAPPER.getTypeFactory().constructType(type));
    }

    /** Sends and ignores the body. */
    void discard(ApiRequest req) {
        execute(req, status -> false, response -> {
            try (InputStream in = response.body()) {
                in.transferTo(java.io.OutputStream.nullOutputStream());
            }
            return null;
        });
    }

    /**
     * The shared request loop. Statuses for which {@code passThrough} is true reach {@code handling}
     * like successes (downloads use it for redirects, 404 and 409).
     */
    <T> T execute(ApiRequest req, IntPredicate passThrough, Handling<T> handling) {
        String what = req.describe();
        int attempt = 0;
        int throttles = 0;
        boolean mayHaveActed = false; // an earlier attempt reached the server and its answer was lost
        while (true) {
            attempt++;
            holdForBudget(what);
            HttpResponse<InputStream> response;
            try {
                response = http.send(build(req), HttpResponse.BodyHandlers.ofInputStream());
            } catch (IOException e) {
                // A connection that was never made sent nothing, so even a create may go again.
                boolean unsent = e instanceof ConnectException || e instanceof HttpConnectTimeoutException;
                ApiException failure = ApiErrors.network(e, what, baseUrl, requestTimeout);
                if (ApiErrors.tlsFailure(e) != null) {
                    throw failure; // a certificate does not get better by asking again
                }
                if ((req.idempotent() || unsent) && attempt < retry.maxAttempts()) {
                    mayHaveActed |= !unsent;
                    backoff(what, attempt, failure, null);
                    continue;
                }
                throw unsent || req.idempotent() ? failure : ApiErrors.mayHaveActed(failure);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new ApiException.Network("Interrupted while waiting for " + what + ".", what, e, false);
            }
            int status = response.statusCode();
            if (status == 404 && mayHaveActed && req.method().equals("DELETE")) {
                // The first DELETE reached the server and its answer was lost: the row is gone, as asked.
                readBounded(response);
                LOG.log(System.Logger.Level.DEBUG, "{0}: gone on attempt {1}, so an earlier attempt did it", what, attempt);
                return null;
            }
            if (status >= 300 && status < 400 && !passThrough.test(status)) {
                closeQuietly(response);
                throw ApiErrors.redirected(status, response.headers(), what, baseUrl);
            }
            if (status >= 400 && !passThrough.test(status)) {
                byte[] body = readBounded(response);
                ApiException failure = ApiErrors.fromAnswer(status, response.headers(), body, what);
                if (failure instanceof ApiException.Throttled t) {
                    Duration wait = t.waitSeconds() >= 0 ? Duration.ofSeconds(t.waitSeconds())
                            : retry.backoff(throttles + 1, jitter.getAsDouble());
                    if (throttles < retry.maxThrottleWaits() && wait.compareTo(retry.maxThrottleWait()) <= 0) {
                        throttles++;
                        attempt--; // waiting out a 429 is not a failed attempt
                        budget.pause(wait);
                        listener.throttled(what, wait, throttles);
                        LOG.log(System.Logger.Level.DEBUG, "{0} throttled, waiting {1}", what, wait);
                        sleep(wait, what);
                        continue;
                    }
                    throw failure;
                }
                if (failure.isTransient() && req.idempotent() && attempt < retry.maxAttempts()) {
                    mayHaveActed = true; // a 502/503/504 may come from a gateway after the server acted
                    backoff(what, attempt, failure, ApiErrors.retryAfter(response.headers()));
                    continue;
                }
                throw failure;
            }
            try {
                return handling.handle(response);
            } catch (MalformedBody e) {
                ApiException failure = new ApiException.BadResponse("The server's answer to " + what + " could not be read: "
                        + e.getMessage(), status, what, e);
                if (req.idempotent() && attempt < retry.maxAttempts()) {
                    mayHaveActed = true;
                    backoff(what, attempt, failure, null);
                    continue;
                }
                throw req.idempotent() ? failure : ApiErrors.mayHaveActed(failure);
            } catch (IOException e) {
                closeQuietly(response);
                ApiException failure = ApiErrors.network(e, what, baseUrl, requestTimeout);
                if (req.idempotent() && attempt < retry.maxAttempts()) {
                    mayHaveActed = true;
                    backoff(what, attempt, failure, null);
                    continue;
                }
                throw req.idempotent() ? failure : ApiErrors.mayHaveActed(failure);
            }
        }
    }

    private void holdForBudget(String what) {
        Duration wait = budget.reserve();
        if (!wait.isZero()) {
            listener.heldBack(what, wait);
            sleep(wait, what);
        }
    }

    private void backoff(String what, int attempt, ApiException cause, Duration serverWait) {
        Duration delay = retry.backoff(attempt, jitter.getAsDouble());
        if (serverWait != null && serverWait.compareTo(delay) > 0) {
            delay = serverWait.compareTo(retry.maxDelay()) > 0 ? retry.maxDelay() : serverWait;
        }
        listener.retrying(what, attempt + 1, delay, cause);
        LOG.log(System.Logger.Level.DEBUG, "{0} failed ({1}); attempt {2} in {3}", what, cause.getClass().getSimpleName(),
                attempt + 1, delay);
        sleep(delay, what);
    }

    private void sleep(Duration d, String what) {
        try {
            sleeper.sleep(d);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ApiException.Network("Interrupted while waiting to retry " + what + ".", what, e, false);
        }
    }

    HttpRequest build(ApiRequest req) {
        return build(req, null);
    }

    /** The request with the key; {@code range} adds a {@code Range} header when not null. */
    HttpRequest build(ApiRequest req, String range) {
        HttpRequest.Builder b = HttpRequest.newBuilder(uri(req))
                .header("Authorization", authorization)
                .header("Accept", "application/json")
                .header("User-Agent", "Burrow");
        if (requestTimeout != null) {
            b.timeout(requestTimeout);
        }
        if (range != null) {
            b.header("Range", range);
        }
        if (req.body() != null) {
            b.header("Content-Type", "application/json");
            b.method(req.method(), HttpRequest.BodyPublishers.ofByteArray(req.body()));
        } else {
            b.method(req.method(), HttpRequest.BodyPublishers.noBody());
        }
        return b.build();
    }

    static byte[] readBounded(HttpResponse<InputStream> response) {
        try (InputStream in = response.body()) {
            return in.readNBytes(MAX_ERROR_BODY);
        } catch (IOException e) {
            return new byte[0];
        }
    }

    static void closeQuietly(HttpResponse<InputStream> response) {
        try {
            response.body().close();
        } catch (IOException ignored) {
            // closing a broken stream has nothing left to tell
        }
    }

    static HttpHeaders headers(HttpResponse<?> r) {
        return r.headers();
    }

    @Override
    public String toString() {
        return "Transport[" + baseUrl + apiPrefix + ", key=<redacted>]";
    }
}
