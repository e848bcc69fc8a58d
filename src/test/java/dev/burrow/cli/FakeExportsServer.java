package dev.burrow.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.burrow.api.Json;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Just enough of PostHog's {@code exports/} and {@code insights/} for the export verb: exports
 * become ready after {@link #pollsUntilReady} retrieves, or fail with {@link #failWith}.
 */
final class FakeExportsServer implements AutoCloseable {

    static final String KEY = "phx_fake";
    static final String PREFIX = "/api/environments/1/";

    final List<JsonNode> created = Collections.synchronizedList(new ArrayList<>());
    final List<String> requests = Collections.synchronizedList(new ArrayList<>());
    final Map<Long, ObjectNode> exports = Collections.synchronizedMap(new LinkedHashMap<>());
    final Map<Long, Integer> polls = Collections.synchronizedMap(new LinkedHashMap<>());
    volatile int pollsUntilReady = 2;
    volatile String failWith;
    volatile byte[] content = "a,b\r\n1,2\r\n".getBytes(StandardCharsets.UTF_8);
    private long nextId = 7;
    private final HttpServer http;

    FakeExportsServer() throws IOException {
        http = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 20);
        http.createContext("/", this::handle);
        http.start();
    }

    String baseUrl() {
        return "http://127.0.0.1:" + http.getAddress().getPort();
    }

    private void handle(HttpExchange x) throws IOException {
        try (x) {
            String path = x.getRequestURI().getPath();
            String query = x.getRequestURI().getRawQuery();
            requests.add(x.getRequestMethod() + " " + path + (query == null ? "" : "?" + query));
            if (!("Bearer " + KEY).equals(x.getRequestHeaders().getFirst("Authorization"))) {
                json(x, 401, "{\"type\":\"authentication_error\",\"code\":\"authentication_failed\",\"detail\":"
                        + "\"Personal API key found in request Authorization header is invalid.\",\"attr\":null}");
                return;
            }
            String rest = path.startsWith(PREFIX) ? path.substring(PREFIX.length()) : path;
            if (rest.equals("insights/") && "short_id=abc123".equals(query)) {
                json(x, 200, "{\"count\":1,\"next\":null,\"previous\":null,\"results\":[{\"id\":42,"
                        + "\"short_id\":\"abc123\",\"name\":\"My insight\",\"query\":{\"kind\":\"TrendsQuery\"}}]}");
            } else if (rest.equals("insights/42/")) {
                json(x, 200, "{\"id\":42,\"short_id\":\"abc123\",\"name\":\"My insight\","
                        + "\"query\":{\"kind\":\"TrendsQuery\"}}");
            } else if (rest.equals("insights/")) {
                json(x, 200, "{\"count\":0,\"next\":null,\"previous\":null,\"results\":[]}");
            } else if (rest.equals("exports/") && x.getRequestMethod().equals("POST")) {
                JsonNode body = Json.MAPPER.readTree(x.getRequestBody());
                created.add(body);
                ObjectNode e = Json.object();
                long id;
                synchronized (this) {
                    id = nextId++;
                }
                e.put("id", id);
                e.set("dashboard", body.get("dashboard"));
                e.set("insight", body.get("insight"));
                e.put("export_format", body.get("export_format").asText());
                e.put("created_at", "2026-01-02T03:04:05.000000Z");
                e.put("has_content", false);
                e.set("export_context", body.get("export_context"));
                e.put("filename", "export-my-insight-2026-01-02-030405." + ext(body.get("export_format").asText()));
                e.put("expires_after", "2026-07-01T00:00:00Z");
                e.putNull("exception");
                exports.put(id, e);
                polls.put(id, 0);
                json(x, 201, e.toString());
            } else if (rest.equals("exports/")) {
                ArrayNode results = Json.MAPPER.createArrayNode();
                exports.values().forEach(results::add);
                json(x, 200, "{\"count\":" + results.size() + ",\"next\":null,\"previous\":null,\"results\":"
                        + results + "}");
            } else if (rest.matches("exports/\\d+/")) {
                long id = Long.parseLong(rest.split("/")[1]);
                ObjectNode e = exports.get(id);
                int n = polls.merge(id, 1, Integer::sum);
                if (n >= pollsUntilReady) {
                    if (failWith != null) {
                        e.put("exception", failWith);
                    } else {
                        e.put("has_content", true);
                    }
                }
                json(x, 200, e.toString());
            } else if (rest.matches("exports/\\d+/content/")) {
                long id = Long.parseLong(rest.split("/")[1]);
                ObjectNode e = exports.get(id);
                if (e == null || !e.get("has_content").asBoolean()) {
                    json(x, 404, "{\"type\":\"invalid_request\",\"code\":\"not_found\",\"detail\":\"Not found.\","
                            + "\"attr\":null}");
                    return;
                }
                x.getResponseHeaders().add("Content-Type", e.get("export_format").asText());
                x.getResponseHeaders().add("Content-Disposition",
                        "attachment; filename=\"" + e.get("filename").asText() + "\"");
                x.sendResponseHeaders(200, content.length);
                try (OutputStream out = x.getResponseBody()) {
                    out.write(content);
                }
            } else {
                json(x, 404, "{\"type\":\"invalid_request\",\"code\":\"not_found\",\"detail\":\"Not found.\","
                        + "\"attr\":null}");
            }
        }
    }

    private static String ext(String mime) {
        return switch (mime) {
            case "image/png" -> "png";
            case "text/csv" -> "csv";
            case "application/pdf" -> "pdf";
            default -> "xlsx";
        };
    }

    private static void json(HttpExchange x, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        x.getResponseHeaders().add("Content-Type", "application/json");
        x.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = x.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void close() {
        http.stop(0);
    }
}
