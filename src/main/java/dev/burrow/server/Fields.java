package dev.burrow.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.burrow.api.EntryPath;
import dev.burrow.api.Json;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Set;

/** Request-body field validation with Django REST framework's codes and messages. */
final class Fields {

    private static final Set<String> TRUE_VALUES = Set.of("true", "yes", "y", "on", "1");
    private static final Set<String> FALSE_VALUES = Set.of("false", "no", "n", "off", "0");
    static final int MAX_META_BYTES = 1024 * 1024;

    private Fields() {
    }

    /** A field that may be absent: answers null when absent. */
    static boolean has(ObjectNode body, String name) {
        return body.has(name);
    }

    /**
     * A DRF {@code CharField}: strings, numbers accepted as text, whitespace trimmed; null only
     * if {@code allowNull}; blank only if {@code allowBlank}.
     */
    static String text(ObjectNode body, String name, boolean required, boolean allowNull, boolean allowBlank,
            int maxLength) {
        if (!body.has(name)) {
            if (required) {
                throw ApiError.validation("required", "This field is required.", name);
            }
            return null;
        }
        JsonNode v = body.get(name);
        if (v.isNull()) {
            if (!allowNull) {
                throw ApiError.validation("null", "This field may not be null.", name);
            }
            return null;
        }
        if (!(v.isTextual() || v.isNumber())) {
            throw ApiError.validation("invalid", "Not a valid string.", name);
        }
        String s = v.asText().strip();
        if (s.isEmpty() && !allowBlank) {
            throw ApiError.validation("blank", "This field may not be blank.", name);
        }
        if (maxLength > 0 && s.codePointCount(0, s.length()) > maxLength) {
            throw ApiError.validation("max_length", "Ensure this field has no more than " + maxLength
                    + " characters.", name);
        }
        if (s.indexOf('\0') >= 0) {
            throw ApiError.validation("null_characters_not_allowed", "Null characters are not allowed.", name);
        }
        return s;
    }

    /** A tree path: required text, at most 4000 characters and 50 segments. */
    static String path(ObjectNode body, boolean required) {
        String p = text(body, "path", required, false, false, 0);
        if (p != null) {
            checkPath(p, "path");
        }
        return p;
    }

    static void checkPath(String p, String attr) {
        if (p.length() > EntryPath.MAX_LENGTH) {
            throw ApiError.validation("invalid", "Path must be " + EntryPath.MAX_LENGTH + " characters or fewer.",
                    attr);
        }
        if (EntryPath.depth(p) > EntryPath.MAX_DEPTH) {
            throw ApiError.validation("invalid", "Path can be at most " + EntryPath.MAX_DEPTH + " levels deep.", attr);
        }
    }

    /** A DRF {@code BooleanField(allow_null=True)}; answers null when absent or null. */
    static Boolean bool(ObjectNode body, String name) {
        if (!body.has(name) || body.get(name).isNull()) {
            return null;
        }
        JsonNode v = body.get(name);
        if (v.isBoolean()) {
            return v.asBoolean();
        }
        if (v.isIntegralNumber() && (v.asLong() == 0 || v.asLong() == 1)) {
            return v.asLong() == 1;
        }
        if (v.isTextual()) {
            String t = v.asText().toLowerCase(Locale.ROOT);
            if (TRUE_VALUES.contains(t)) {
                return true;
            }
            if (FALSE_VALUES.contains(t)) {
                return false;
            }
        }
        throw ApiError.validation("invalid", "Must be a valid boolean.", name);
    }

    /** {@code meta}: an object of at most 1 MB, as JSON text; null when absent. */
    static String meta(ObjectNode body) {
        if (!body.has("meta")) {
            return null;
        }
        JsonNode v = body.get("meta");
        if (!v.isObject()) {
            throw ApiError.validation("invalid", "Meta must be an object.", "meta");
        }
        String text = Json.write(v);
        if (text.getBytes(StandardCharsets.UTF_8).length > MAX_META_BYTES) {
            throw ApiError.validation("invalid", "Meta must be smaller than 1 MB.", "meta");
        }
        return text;
    }

    /** An integer query parameter, or null when absent or not an integer. */
    static Integer intParam(String value) {
        if (value == null) {
            return null;
        }
        try {
            return Integer.valueOf(value.trim());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    static boolean truthy(String value) {
        return value != null && TRUE_VALUES.contains(value.trim().toLowerCase(Locale.ROOT));
    }
}
