package dev.burrow.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.burrow.api.EntryPath;
import dev.burrow.api.Json;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A small stand-in for PostHog in test sources: enough of {@code file_system/} and {@code exports/}
 * to drive the client, plus a second "object storage" server that refuses an Authorization header.
 */
final class FakePostHog implements AutoCloseable {

    static final String KEY = "phx_fake_secret_key_0123456789";
    static final int ENV = 1;

    record Seen(String method, String path, String query, String authorization, String range) {
    }

    final List<Seen> seen = Collections.synchronizedList(new ArrayList<>());
    final List<Seen> storageSeen = Collections.synchronizedList(new ArrayList<>());
    final Map<String, ObjectNode> rows = Collections.synchronizedMap(new LinkedHashMap<>());
    final AtomicInteger concurrent = new AtomicInteger();
    final AtomicInteger maxConcurrent = new AtomicInteger();

    volatile byte[] content = "a,b\r\n1,2\r\n".getBytes(StandardCharsets.UTF_8);
    volatile String disposition = "attachment; filename=\"export-my-insight-2024-01-02-030405.csv\"";
    volatile boolean redirectToStorage;
    volatile int contentStatus = 200;
    volatile long pageDelayMillis;

    private final HttpServer api;
    private final HttpServer storage;

    FakePostHog() throws IOException {
        api = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 50);
        api.setExecutor(Executors.newCachedThreadPool());
        api.createContext("/", this::api);
        api.start();
        storage = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 50);
        storage.setExecutor(Executors.newCachedThreadPool());
        storage.createContext("/", this::storage);
        storage.start();
    }

    String baseUrl() {
        return "http://127.0.0.1:" + api.getAddress().getPort();
    }

    String storageUrl() {
        return "http://127.0.0.1:" + storage.getAddress().getPort() + "/bucket/export.csv?X-Amz-Signature=abc";
    }

    ObjectNode addRow(String path, String type) {
        ObjectNode row = Json.object();
        String id = UUID.randomUUID().toString();
        row.put("id", id);
        row.put("path", path);
        row.put("depth", EntryPath.depth(path));
        row.put("type", type);
        row.putNull("ref");
        row.putNull("href");
        row.set("meta", Json.object());
        row.put("shortcut", false);
        row.put("created_at", "2024-01-01T00:00:00Z");
        row.put("some_future_field", "ignored");
        rows.put(id, row);
        return row;
    }

    long count(String method, String pathPrefix) {
        synchronized (seen) {
            return seen.stream().filter(s -> s.method.equals(method) && s.path.startsWith(pathPrefix)).count();
        }
    }

    private void api(HttpExchange ex) throws IOException {
        try (ex) {
            String method = ex.getRequestMethod();
            String path = ex.getRequestURI().getPath();
            String query = ex.getRequestURI().getRawQuery();
            String auth = ex.getRequestHeaders().getFirst("Authorization");
            seen.add(new Seen(method, ex.getRequestURI().getRawPath(), query, auth, ex.getRequestHeaders().getFirst("Range")));
            byte[] body = ex.getRequestBody().readAllBytes();
            if (!("Bearer " + KEY).equals(auth)) {
                json(ex, 401, "{\"type\":\"authentication_error\",\"code\":\"authentication_failed\","
                        + "\"detail\":\"Personal API key found in request Authorization header is invalid.\",\"attr\":null}");
                return;
            }
            String prefix = "/api/environments/" + ENV + "/";
            if (!path.startsWith(prefix)) {
                notFound(ex);
                return;
            }
            String[] parts = path.substring(prefix.length()).split("/");
            Map<String, String> q = params(query);
            route(ex, method, parts, q, body);
        }
    }

    private void route(HttpExchange ex, String method, String[] parts, Map<String, String> q, byte[] body)
            throws IOException {
        if (parts[0].equals("file_system")) {
            if (parts.length == 1 && method.equals("GET")) {
                list(ex, q);
            } else if (parts.length == 1 && method.equals("POST")) {
                JsonNode in = Json.parse(new String(body, StandardCharsets.UTF_8));
                ObjectNode row = addRow(in.path("path").asText(), in.path("type").asText(""));
                json(ex, 201, Json.write(row));
            } else if (parts.length == 2 && parts[1].equals("count_by_path")) {
                String p = q.get("path");
                long n = rows.values().stream().filter(r -> r.path("path").asText().startsWith(p + "/")).count();
                json(ex, 200, "{\"count\":" + n + "}");
            } else if (parts.length >= 2) {
                ObjectNode row = rows.get(parts[1]);
                if (row == null) {
                    notFound(ex);
                } else if (parts.length == 2 && method.equals("GET")) {
                    json(ex, 200, Json.write(row));
                } else if (parts.length == 2 && method.equals("DELETE")) {
                    rows.remove(parts[1]);
                    if (row.path("type").asText().equals("dashboard")) {
                        json(ex, 200, "{\"deleted\":[{\"type\":\"dashboard\",\"ref\":\"7\",\"mode\":\"soft\","
                                + "\"undo\":\"Restore\",\"path\":" + Json.write(row.path("path")) + ",\"can_undo\":true}]}");
                    } else {
                        ex.sendResponseHeaders(204, -1);
                    }
                } else if (parts.length == 3 && parts[2].equals("count") && method.equals("POST")) {
                    // An older server: only the number.
                    String p = row.path("path").asText() + "/";
                    long n = rows.values().stream().filter(r -> r.path("path").asText().startsWith(p)).count();
                    json(ex, 200, "{\"count\":" + n + "}");
                } else if (parts.length == 3 && parts[2].equals("move") && method.equals("POST")) {
                    String np = Json.parse(new String(body, StandardCharsets.UTF_8)).path("new_path").asText();
                    row.put("path", np);
                    row.put("depth", EntryPath.depth(np));
                    json(ex, 200, Json.write(row));
                } else {
                    notFound(ex);
                }
            } else {
                notFound(ex);
            }
        } else if (parts[0].equals("exports") && parts.length == 3 && parts[2].equals("content")) {
            content(ex);
        } else if (parts[0].equals("exports") && parts.length == 2) {
            json(ex, 200, "{\"id\":" + parts[1] + ",\"export_format\":\"text/csv\",\"has_content\":true,"
                    + "\"filename\":\"export-my-insight.csv\",\"export_context\":null,\"created_at\":\"2024-01-02T03:04:05Z\"}");
        } else {
            notFound(ex);
        }
    }

    private void list(HttpExchange ex, Map<String, String> q) throws IOException {
        if (pageDelayMillis > 0) {
            // in flight = inside this wait, before any byte of an answer: a request counted until
            // its exchange closed overlapped the next one the client sent on receiving the answer
            maxConcurrent.accumulateAndGet(concurrent.incrementAndGet(), Math::max);
            try {
                Thread.sleep(pageDelayMillis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } finally {
                concurrent.decrementAndGet();
            }
        }
        List<ObjectNode> all;
        synchronized (rows) {
            all = new ArrayList<>(rows.values());
        }
        String parent = q.get("parent");
        if (parent != null && !parent.isEmpty()) {
            all.removeIf(r -> !r.path("path").asText().startsWith(parent + "/"));
        }
        if (q.containsKey("depth")) {
            int d = Integer.parseInt(q.get("depth"));
            all.removeIf(r -> r.path("depth").asInt() != d);
        }
        int limit = Integer.parseInt(q.getOrDefault("limit", "100"));
        int offset = Integer.parseInt(q.getOrDefault("offset", "0"));
        ObjectNode page = Json.object();
        page.put("count", all.size());
        String self = "http://" + ex.getRequestHeaders().getFirst("Host") + ex.getRequestURI().getPath();
        if (offset + limit < all.size()) {
            page.put("next", self + "?limit=" + limit + "&offset=" + (offset + limit)
                    + (parent == null ? "" : "&parent=" + java.net.URLEncoder.encode(parent, StandardCharsets.UTF_8)));
        } else {
            page.putNull("next");
        }
        page.putNull("previous");
        ArrayNode results = page.putArray("results");
        all.stream().skip(offset).limit(limit).forEach(results::add);
        page.putArray("users");
        json(ex, 200, Json.write(page));
    }

    private void content(HttpExchange ex) throws IOException {
        if (contentStatus == 404) {
            notFound(ex);
            return;
        }
        if (contentStatus == 409) {
            ex.getResponseHeaders().add("Retry-After", "5");
            json(ex, 409, "{\"detail\":\"not ready\"}");
            return;
        }
        if (redirectToStorage) {
            ex.getResponseHeaders().add("Location", storageUrl());
            ex.sendResponseHeaders(302, -1);
            return;
        }
        serveBytes(ex);
    }

    private void storage(HttpExchange ex) throws IOException {
        try (ex) {
            String auth = ex.getRequestHeaders().getFirst("Authorization");
            storageSeen.add(new Seen(ex.getRequestMethod(), ex.getRequestURI().getPath(), ex.getRequestURI().getRawQuery(),
                    auth, ex.getRequestHeaders().getFirst("Range")));
            if (auth != null) {
                byte[] err = "<Error><Code>InvalidArgument</Code><Message>Only one auth mechanism allowed</Message></Error>"
                        .getBytes(StandardCharsets.UTF_8);
                ex.getResponseHeaders().add("Content-Type", "application/xml");
                ex.sendResponseHeaders(400, err.length);
                ex.getResponseBody().write(err);
                return;
            }
            serveBytes(ex);
        }
    }

    /** 200 with the bytes, or 206 for {@code Range: bytes=N-}. */
    private void serveBytes(HttpExchange ex) throws IOException {
        byte[] bytes = content;
        ex.getResponseHeaders().add("Content-Type", "text/csv");
        if (disposition != null) {
            ex.getResponseHeaders().add("Content-Disposition", disposition);
        }
        String range = ex.getRequestHeaders().getFirst("Range");
        int from = 0;
        int status = 200;
        if (range != null && range.startsWith("bytes=") && range.endsWith("-")) {
            from = Integer.parseInt(range.substring(6, range.length() - 1));
            status = 206;
            ex.getResponseHeaders().add("Content-Range", "bytes " + from + "-" + (bytes.length - 1) + "/" + bytes.length);
        }
        ex.sendResponseHeaders(status, bytes.length - from);
        try (OutputStream out = ex.getResponseBody()) {
            out.write(bytes, from, bytes.length - from);
        }
    }

    private static void notFound(HttpExchange ex) throws IOException {
        json(ex, 404, "{\"type\":\"invalid_request\",\"code\":\"not_found\",\"detail\":\"Not found.\",\"attr\":null}");
    }

    static void json(HttpExchange ex, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().add("Content-Type", "application/json");
        ex.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = ex.getResponseBody()) {
            out.write(bytes);
        }
    }

    private static Map<String, String> params(String raw) {
        Map<String, String> m = new LinkedHashMap<>();
        if (raw == null || raw.isEmpty()) {
            return m;
        }
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            String k = eq < 0 ? pair : pair.substring(0, eq);
            String v = eq < 0 ? "" : pair.substring(eq + 1);
            m.put(URLDecoder.decode(k, StandardCharsets.UTF_8), URLDecoder.decode(v, StandardCharsets.UTF_8));
        }
        return m;
    }

    @Override
    public void close() {
        api.stop(0);
        storage.stop(0);
    }
}
