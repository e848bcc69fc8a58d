package dev.burrow.server;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;
import dev.burrow.api.Json;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** One API request, after routing to an environment: method, segments below it, query, body, key. */
public final class Request {

    private final String method;
    private final List<String> segments;
    private final String rawQuery;
    private final Map<String, String> query;
    private final byte[] body;
    private final ApiKey key;
    private final long userId;
    private final int environment;
    private final String baseUrl;
    private final String pathPrefix;
    private final Map<String, List<String>> headers;
    private JsonNode json;

    Request(String method, List<String> segments, String rawQuery, byte[] body, ApiKey key, long userId,
            int environment, String baseUrl, String pathPrefix, Map<String, List<String>> headers) {
        this.method = method;
        this.segments = segments;
        this.rawQuery = rawQuery;
        this.query = parseQuery(rawQuery);
        this.body = body;
        this.key = key;
        this.userId = userId;
        this.environment = environment;
        this.baseUrl = baseUrl;
        this.pathPrefix = pathPrefix;
        this.headers = headers;
    }

    static Map<String, String> parseQuery(String raw) {
        Map<String, String> q = new LinkedHashMap<>();
        if (raw == null || raw.isEmpty()) {
            return q;
        }
        for (String pair : raw.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String k = decode(eq < 0 ? pair : pair.substring(0, eq));
            String v = eq < 0 ? "" : decode(pair.substring(eq + 1));
            // Django's QueryDict.get answers the last value of a repeated parameter.
            q.put(k, v);
        }
        return q;
    }

    private static String decode(String s) {
        try {
            return URLDecoder.decode(s, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return s;
        }
    }

    public String method() {
        return method;
    }

    /** The path segments after {@code /api/environments/{id}/}, without empty ones. */
    public List<String> segments() {
        return segments;
    }

    public String segment(int i) {
        return i < segments.size() ? segments.get(i) : null;
    }

    /** Segment {@code i} as a row id: the 404 when it is not a UUID, as for an unknown id. */
    public String uuid(int i) {
        String id = segment(i);
        if (!dev.burrow.server.store.Ids.isUuid(id)) {
            throw ApiError.notFound();
        }
        return id;
    }

    /** Segment {@code i} as a numeric id: the 404 when it is not a number. */
    public long number(int i) {
        try {
            return Long.parseLong(segment(i));
        } catch (NumberFormatException e) {
            throw ApiError.notFound();
        }
    }

    public String param(String name) {
        return query.get(name);
    }

    /** A query parameter that is present and not empty, else null. */
    public String nonEmptyParam(String name) {
        String v = query.get(name);
        return v == null || v.isEmpty() ? null : v;
    }

    public ApiKey key() {
        return key;
    }

    public long userId() {
        return userId;
    }

    public int environment() {
        return environment;
    }

    public String header(String name) {
        for (Map.Entry<String, List<String>> e : headers.entrySet()) {
            if (e.getKey() != null && e.getKey().equalsIgnoreCase(name) && !e.getValue().isEmpty()) {
                return e.getValue().get(0);
            }
        }
        return null;
    }

    /** The body as JSON; an empty body is {@code null}; malformed JSON answers DRF's parse error. */
    public JsonNode json() {
        if (json == null) {
            if (body.length == 0) {
                json = NullNode.getInstance();
            } else {
                try {
                    // Like Python's json.loads, anything after the document is an error.
                    JsonNode parsed = Json.MAPPER.reader()
                            .with(com.fasterxml.jackson.databind.DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                            .readTree(body);
                    json = parsed == null ? NullNode.getInstance() : parsed;
                } catch (JsonProcessingException e) {
                    throw ApiError.parse("JSON parse error - " + e.getOriginalMessage());
                } catch (java.io.IOException e) {
                    throw ApiError.parse("JSON parse error - " + e.getMessage());
                }
            }
        }
        return json;
    }

    /** The body as a JSON object (an empty body counts as {}); anything else is DRF's "Invalid data". */
    public com.fasterxml.jackson.databind.node.ObjectNode object() {
        JsonNode node = json();
        if (node.isNull() || node.isMissingNode()) {
            return Json.object();
        }
        if (!node.isObject()) {
            throw ApiError.validation("invalid",
                    "Invalid data. Expected a dictionary, but got " + jsonTypeName(node) + ".", null);
        }
        return (com.fasterxml.jackson.databind.node.ObjectNode) node;
    }

    /**
     * The body as an object: JSON, or for a form-encoded body its fields as strings, where a
     * field named in {@code jsonFields} is parsed as JSON when it can be (DRF's JSONField).
     */
    public com.fasterxml.jackson.databind.node.ObjectNode objectOrForm(String... jsonFields) {
        String type = header("Content-Type");
        if (type == null || !type.toLowerCase(java.util.Locale.ROOT).startsWith("application/x-www-form-urlencoded")) {
            return object();
        }
        com.fasterxml.jackson.databind.node.ObjectNode out = Json.object();
        parseQuery(new String(body, StandardCharsets.UTF_8)).forEach((k, v) -> {
            if (java.util.Arrays.asList(jsonFields).contains(k)) {
                try {
                    out.set(k, Json.MAPPER.readTree(v));
                    return;
                } catch (JsonProcessingException e) {
                    // kept as text below
                }
            }
            out.put(k, v);
        });
        return out;
    }

    static String jsonTypeName(JsonNode node) {
        if (node.isArray()) {
            return "list";
        }
        if (node.isTextual()) {
            return "str";
        }
        if (node.isBoolean()) {
            return "bool";
        }
        if (node.isIntegralNumber()) {
            return "int";
        }
        if (node.isNumber()) {
            return "float";
        }
        return "NoneType";
    }

    /** Refuses with PostHog's 403 unless the key has {@code object:action}. */
    public void require(String object, String action) {
        if (!key.allows(object, action)) {
            throw ApiError.forbidden("API key missing required scope '" + object + ":" + action + "'");
        }
    }

    /** Refuses scoped keys, for actions PostHog lists in no scope. */
    public void requireUnscopedKey() {
        if (!key.isLegacy()) {
            throw ApiError.forbidden("This action does not support Personal API Key access");
        }
    }

    /** An absolute URL of this endpoint with the query's {@code limit} and {@code offset} replaced. */
    public String pageUrl(int limit, int offset) {
        List<String> parts = new ArrayList<>();
        if (rawQuery != null && !rawQuery.isEmpty()) {
            for (String pair : rawQuery.split("&")) {
                String k = decode(pair.contains("=") ? pair.substring(0, pair.indexOf('=')) : pair);
                if (!k.equals("limit") && !k.equals("offset") && !pair.isEmpty()) {
                    parts.add(pair);
                }
            }
        }
        parts.add("limit=" + limit);
        if (offset > 0) {
            parts.add("offset=" + offset);
        }
        return baseUrl + pathPrefix + String.join("/", segments) + "/?" + String.join("&", parts);
    }

    static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    public String baseUrl() {
        return baseUrl;
    }
}
