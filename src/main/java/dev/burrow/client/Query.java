package dev.burrow.client;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** A query string under construction; null values are left out, everything is percent-encoded. */
final class Query {

    private final List<String> parts = new ArrayList<>();

    Query add(String name, Object value) {
        if (value != null) {
            parts.add(encode(name) + "=" + encode(String.valueOf(value)));
        }
        return this;
    }

    /** The encoded query without the leading {@code ?}; empty when nothing was added. */
    String encoded() {
        return String.join("&", parts);
    }

    static String encode(String s) {
        // URLEncoder writes form encoding; a query value wants %20, not +.
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }

    /** One path segment (an id), encoded so it can never add a segment or a query. */
    static String segment(Object id) {
        String s = String.valueOf(id);
        if (s.isEmpty() || s.equals(".") || s.equals("..")) {
            throw new IllegalArgumentException("not an id: '" + s + "'");
        }
        return encode(s);
    }
}
