package dev.burrow.ui;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A tiny HTTP proxy on a free loopback port in front of the local server, which passes requests
 * through unless told otherwise: {@link #throttleNext} answers 429 as PostHog does ("Expected
 * available in 1 second."), {@link #failNext} answers 500, {@link #slowNext} holds matching
 * requests for a while before passing them on.
 */
final class FaultyProxy implements AutoCloseable {

    static final String THROTTLED = "{\"type\":\"throttled_error\",\"code\":\"throttled\","
            + "\"detail\":\"Request was throttled. Expected available in 1 second.\",\"attr\":null}";
    static final String SERVER_ERROR = "{\"type\":\"server_error\",\"code\":\"error\","
            + "\"detail\":\"A server error occurred.\",\"attr\":null}";
    private static final List<String> FORWARDED = List.of("Authorization", "Content-Type", "Accept");

    private final HttpServer http;
    private final HttpClient client = HttpClient.newHttpClient();
    private final String upstream;
    private final AtomicInteger throttleLeft = new AtomicInteger();
    private final AtomicInteger failLeft = new AtomicInteger();
    private final AtomicInteger slowLeft = new AtomicInteger();
    private final AtomicInteger slowArrived = new AtomicInteger();
    private final AtomicInteger slowAnswered = new AtomicInteger();
    private final List<String> throttled = new CopyOnWriteArrayList<>();
    private volatile String slowMatch = "";
    private volatile long slowMillis;

    private FaultyProxy(String upstream) throws IOException {
        this.upstream = upstream;
        http = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        http.setExecutor(Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "faulty-proxy");
            t.setDaemon(true);
            return t;
        }));
        http.createContext("/", this::handle);
        http.start();
    }

    static FaultyProxy to(String upstreamBaseUrl) throws IOException {
        return new FaultyProxy(upstreamBaseUrl);
    }

    String baseUrl() {
        return "http://127.0.0.1:" + http.getAddress().getPort();
    }

    /** The next {@code n} requests get 429. */
    private volatile String failMatch = "";

    void throttleNext(int n) {
        throttleLeft.set(n);
    }

    /** The next {@code n} requests get 500 with PostHog's server_error body. */
    void failNext(int n) {
        failNext(n, "");
    }

    /** The next {@code n} requests whose path and query contain {@code match} get 500. */
    void failNext(int n, String match) {
        failMatch = match;
        failLeft.set(n);
    }

    /** The next {@code n} requests whose path and query contain {@code match} wait {@code millis} first. */
    void slowNext(int n, String match, long millis) {
        slowMatch = match;
        slowMillis = millis;
        slowArrived.set(0);
        slowAnswered.set(0);
        slowLeft.set(n);
    }

    /** How many slowed requests have arrived (and are held or were answered). */
    int slowArrived() {
        return slowArrived.get();
    }

    /** How many slowed requests have been answered. */
    int slowAnswered() {
        return slowAnswered.get();
    }

    /** "METHOD path" of every request answered 429. */
    List<String> throttled() {
        return List.copyOf(throttled);
    }

    private void handle(HttpExchange ex) throws IOException {
        try (ex) {
            byte[] body;
            try (InputStream in = ex.getRequestBody()) {
                body = in.readAllBytes();
            }
            if (throttleLeft.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
                throttled.add(ex.getRequestMethod() + " " + ex.getRequestURI());
                send(ex, 429, "application/json", THROTTLED.getBytes(StandardCharsets.UTF_8));
                return;
            }
            if (ex.getRequestURI().toString().contains(failMatch)
                    && failLeft.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
                send(ex, 500, "application/json", SERVER_ERROR.getBytes(StandardCharsets.UTF_8));
                return;
            }
            boolean slow = ex.getRequestURI().toString().contains(slowMatch)
                    && slowLeft.getAndUpdate(n -> Math.max(0, n - 1)) > 0;
            if (slow) {
                slowArrived.incrementAndGet();
                try {
                    Thread.sleep(slowMillis);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            try {
                forward(ex, body);
            } finally {
                if (slow) {
                    slowAnswered.incrementAndGet();
                }
            }
        }
    }

    private void forward(HttpExchange ex, byte[] body) throws IOException {
        HttpRequest.Builder req = HttpRequest.newBuilder(URI.create(upstream + ex.getRequestURI()))
                .method(ex.getRequestMethod(), body.length == 0 ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofByteArray(body));
        for (String h : FORWARDED) {
            String v = ex.getRequestHeaders().getFirst(h);
            if (v != null) {
                req.header(h, v);
            }
        }
        HttpResponse<byte[]> answer;
        try {
            answer = client.send(req.build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            send(ex, 502, "text/plain", new byte[0]);
            return;
        }
        send(ex, answer.statusCode(), answer.headers().firstValue("Content-Type").orElse(null), answer.body());
    }

    private static void send(HttpExchange ex, int status, String contentType, byte[] body) throws IOException {
        if (contentType != null) {
            ex.getResponseHeaders().set("Content-Type", contentType);
        }
        boolean empty = body.length == 0 || status == 204 || status == 304;
        ex.sendResponseHeaders(status, empty ? -1 : body.length);
        if (!empty) {
            try (OutputStream out = ex.getResponseBody()) {
                out.write(body);
            }
        }
    }

    @Override
    public void close() {
        http.stop(0);
    }
}
