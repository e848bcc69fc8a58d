package dev.burrow.client;

import com.fasterxml.jackson.databind.JsonNode;
import dev.burrow.api.ErrorBody;
import dev.burrow.api.Json;
import java.io.IOException;
import java.net.ConnectException;
import java.net.UnknownHostException;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpHeaders;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Turns a failed answer into the matching {@link ApiException}, with a message a person can act on. */
final class ApiErrors {

    private static final Pattern MISSING_SCOPE = Pattern.compile("missing required scope '([^']+)'");
    private static final Pattern THROTTLE_WAIT = Pattern.compile("available in (\\d+)(?:\\.\\d+)? second");
    private static final Pattern TITLE = Pattern.compile("(?is)<title[^>]*>(.*?)</title>");
    private static final int SNIPPET = 160;

    private ApiErrors() {
    }

    /** What the body of an error answer turned out to be. */
    record ParsedBody(ErrorBody body, String problem) {
    }

    static ApiException fromAnswer(int status, HttpHeaders headers, byte[] raw, String request) {
        ParsedBody parsed = parse(headers, raw);
        ErrorBody body = parsed.body();
        String said = parsed.problem() != null ? parsed.problem() : quote(body.detail());
        switch (status) {
            case 401:
                return new ApiException.Unauthorized("The server refused the API key (401): " + said
                        + " Check the key in the connection settings.", body, request);
            case 403: {
                String scope = missingScope(body);
                String msg = scope != null
                        ? "The API key lacks the scope '" + scope + "' needed for " + request + " (403): " + said
                                + " Give the key that scope in PostHog, or use another key."
                        : "The server refused " + request + " (403): " + said;
                return new ApiException.Forbidden(msg, body, request, scope);
            }
            case 404:
                return new ApiException.NotFound("Not found (404): " + request + ". " + said
                        + " It may have been deleted or moved, or it belongs to another project.", body, request);
            case 400: {
                String field = body == null || body.attr() == null ? "" : " (field '" + body.attr() + "')";
                return new ApiException.Validation("The server rejected " + request + field + " (400): " + said,
                        body, request);
            }
            case 409:
                return new ApiException.Conflict("Conflict (409) on " + request + ": " + said, body, request);
            case 429: {
                long wait = throttleWait(headers, body).orElse(-1);
                String when = wait >= 0 ? " It asks to wait " + wait + " s." : "";
                return new ApiException.Throttled("Too many requests (429) for this API key: " + said + when
                        + " Work slows down on its own; try again shortly.", body, request, wait);
            }
            default:
                if (status >= 500) {
                    String what = status == 502 || status == 503 || status == 504
                            ? "The server or a gateway in front of it is unavailable (" + status + ")"
                            : "The server failed (" + status + ")";
                    return new ApiException.Server(what + " on " + request + ": " + said, status, body, request);
                }
                return new ApiException.Unexpected("Unexpected answer " + status + " to " + request + ": " + said,
                        status, body, request);
        }
    }

    /** Accepts both PostHog shapes ({@code {type,code,detail,attr}} and bare {@code {detail}}), DRF field maps, HTML and emptiness. */
    static ParsedBody parse(HttpHeaders headers, byte[] raw) {
        String text = raw == null ? "" : new String(raw, StandardCharsets.UTF_8).trim();
        if (text.isEmpty()) {
            return new ParsedBody(null, "the server sent an empty error body.");
        }
        String contentType = headers == null ? "" : headers.firstValue("Content-Type").orElse("").toLowerCase(Locale.ROOT);
        if (contentType.contains("html") || text.startsWith("<")) {
            Matcher m = TITLE.matcher(text);
            String title = m.find() ? " titled \"" + clip(m.group(1).trim().replaceAll("\\s+", " ")) + "\"" : "";
            return new ParsedBody(null, "the server sent an HTML page" + title
                    + " instead of a JSON error (a proxy or gateway page, or the wrong base URL).");
        }
        JsonNode node;
        try {
            node = Json.MAPPER.readTree(text);
        } catch (IOException e) {
            return new ParsedBody(null, "the server sent an error body that is not JSON: \"" + clip(text) + "\".");
        }
        if (node == null || !node.isObject()) {
            return new ParsedBody(null, "the server sent an unexpected error body: \"" + clip(text) + "\".");
        }
        String detail = textOf(node.get("detail"));
        if (detail != null) {
            return new ParsedBody(new ErrorBody(textOf(node.get("type")), textOf(node.get("code")), detail,
                    textOf(node.get("attr"))), null);
        }
        // Older servers answer {"field": ["message", …]}.
        Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> f = fields.next();
            String message = textOf(f.getValue());
            if (message != null) {
                return new ParsedBody(new ErrorBody("validation_error", null, message, f.getKey()), null);
            }
        }
        return new ParsedBody(null, "the server sent an error body without a detail: \"" + clip(text) + "\".");
    }

    static String missingScope(ErrorBody body) {
        if (body == null || body.detail() == null) {
            return null;
        }
        Matcher m = MISSING_SCOPE.matcher(body.detail());
        return m.find() ? m.group(1) : null;
    }

    /** The wait from the {@code detail} text, else from {@code Retry-After} (seconds). */
    static OptionalLong throttleWait(HttpHeaders headers, ErrorBody body) {
        if (body != null && body.detail() != null) {
            Matcher m = THROTTLE_WAIT.matcher(body.detail());
            if (m.find()) {
                return OptionalLong.of(Long.parseLong(m.group(1)));
            }
        }
        Duration retryAfter = retryAfter(headers);
        return retryAfter == null ? OptionalLong.empty() : OptionalLong.of(retryAfter.toSeconds());
    }

    /** {@code Retry-After} in seconds; an HTTP-date form is ignored. */
    static Duration retryAfter(HttpHeaders headers) {
        if (headers == null) {
            return null;
        }
        String v = headers.firstValue("Retry-After").orElse(null);
        if (v == null) {
            return null;
        }
        try {
            long s = Long.parseLong(v.trim());
            return s < 0 ? null : Duration.ofSeconds(s);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    static ApiException.Network network(IOException e, String request, String baseUrl, Duration requestTimeout) {
        javax.net.ssl.SSLException tls = tlsFailure(e);
        if (tls != null) {
            return new ApiException.Network("The server at " + baseUrl + " presented a certificate that is not trusted ("
                    + reason(tls) + "), so nothing was sent to it. Burrow always checks certificates: use the server's"
                    + " proper name, fix its certificate, or add its certificate authority to Java's trust store.",
                    request, e, false);
        }
        if (e instanceof HttpConnectTimeoutException) {
            return new ApiException.Network("Could not connect to " + baseUrl + " in time (connect timeout) for "
                    + request + ". Check the address and your network.", request, e, true);
        }
        if (e instanceof HttpTimeoutException) {
            return new ApiException.Network("The server at " + baseUrl + " did not answer " + request + " within "
                    + seconds(requestTimeout) + " (timeout). It may be overloaded; try again, or raise the timeout.",
                    request, e, true);
        }
        if (e instanceof ConnectException) {
            return new ApiException.Network("Could not connect to " + baseUrl + " (" + reason(e)
                    + "). Check the address, and that the server is running.", request, e, false);
        }
        if (e instanceof UnknownHostException) {
            return new ApiException.Network("Unknown host in " + baseUrl + ". Check the address.", request, e, false);
        }
        return new ApiException.Network("The connection to " + baseUrl + " broke during " + request + " ("
                + reason(e) + "). Check your network and try again.", request, e, false);
    }

    /**
     * The same failure, for a change (create, move, link, export…) that reached the server before its
     * answer was lost: the server may have made it, and repeating it blindly could make it twice.
     */
    static ApiException mayHaveActed(ApiException e) {
        String msg = stripTryAgain(e.getMessage()) + " The server may have made this change before the answer was"
                + " lost: reload and check before trying again, or it may be done twice.";
        if (e instanceof ApiException.Network n) {
            return new ApiException.Network(msg, n.request(), n.getCause(), n.isTimeout());
        }
        if (e instanceof ApiException.BadResponse b) {
            return new ApiException.BadResponse(msg, b.status(), b.request(), b.getCause());
        }
        return e;
    }

    private static String stripTryAgain(String message) {
        for (String advice : new String[] {" Check your network and try again.",
                " It may be overloaded; try again, or raise the timeout."}) {
            if (message.endsWith(advice)) {
                return message.substring(0, message.length() - advice.length()) + (advice.contains("overloaded")
                        ? " It may be overloaded." : "");
            }
        }
        return message;
    }

    /** The TLS handshake failure behind {@code e} (an untrusted or mismatched certificate), or null. */
    static javax.net.ssl.SSLException tlsFailure(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof javax.net.ssl.SSLHandshakeException h) {
                return h;
            }
            if (t instanceof javax.net.ssl.SSLPeerUnverifiedException u) {
                return u;
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return null;
    }

    /** An answer that redirects: not followed, so the key goes nowhere else. */
    static ApiException redirected(int status, HttpHeaders headers, String request, String baseUrl) {
        String location = headers.firstValue("Location").orElse(null);
        String where = "";
        if (location != null) {
            try {
                java.net.URI target = java.net.URI.create(baseUrl + "/").resolve(location.trim());
                where = " to " + target.getScheme() + "://" + target.getRawAuthority();
            } catch (IllegalArgumentException e) {
                where = " to an address that could not be read";
            }
        }
        return new ApiException.Unexpected("The server redirected " + request + where + " (" + status + "). Burrow does"
                + " not follow redirects of API requests, so the key is not sent anywhere else: check the server"
                + " address (for example https:// instead of http://, or the region's own address).", status, null,
                request);
    }

    private static String reason(Throwable e) {
        String m = e.getMessage();
        if (m == null || m.isBlank()) {
            // Words, not the exception's class name.
            return e instanceof ConnectException ? "connection refused"
                    : e instanceof java.io.EOFException ? "the connection closed early" : "no reason given";
        }
        return m;
    }

    private static String seconds(Duration d) {
        if (d == null) {
            return "the time allowed";
        }
        long ms = d.toMillis();
        return ms % 1000 == 0 ? (ms / 1000) + " s" : String.format(Locale.ROOT, "%.1f s", ms / 1000.0);
    }

    private static String textOf(JsonNode n) {
        if (n == null || n.isNull()) {
            return null;
        }
        if (n.isArray()) {
            return n.isEmpty() ? null : textOf(n.get(0));
        }
        if (n.isValueNode()) {
            return n.asText();
        }
        return null;
    }

    private static String quote(String s) {
        return s == null ? "(no detail)" : s;
    }

    private static String clip(String s) {
        String one = s.replaceAll("\\s+", " ");
        return one.length() <= SNIPPET ? one : one.substring(0, SNIPPET) + "…";
    }
}
