package dev.burrow.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.burrow.api.EntryPath;
import dev.burrow.api.Json;
import dev.burrow.server.store.Ids;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** Request-body and query fields, read with Django REST framework's rules, codes and messages. */
final class Fields {

    private static final Set<String> TRUE_VALUES = Set.of("true", "yes", "y", "on", "1");
    private static final Set<String> FALSE_VALUES = Set.of("false", "no", "n", "off", "0");
    static final int MAX_META_BYTES = 1024 * 1024;

    private Fields() {
    }

    /**
     * A DRF {@code CharField}: strings, numbers accepted as text, whitespace trimmed. Absent is
     * null unless {@code required}; null only if {@code allowNull}; blank only if
     * {@code allowBlank}; at most {@code maxLength} characters when above 0.
     */
    record TextField(String name, boolean required, boolean allowNull, boolean allowBlank, int maxLength) {

        static TextField required(String name) {
            return new TextField(name, true, false, false, 0);
        }

        static TextField optional(String name) {
            return new TextField(name, false, false, false, 0);
        }

        TextField nullable() {
            return new TextField(name, required, true, allowBlank, maxLength);
        }

        TextField blankAllowed() {
            return new TextField(name, required, allowNull, true, maxLength);
        }

        TextField maxLength(int characters) {
            return new TextField(name, required, allowNull, allowBlank, characters);
        }

        String read(ObjectNode body) {
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
    }

    /** A DRF {@code ListField}: absent is empty unless {@code required}; empty refused if {@code refuseEmpty}; at most {@code maxItems} when above 0. */
    record ListField(String name, boolean required, boolean refuseEmpty, int maxItems) {

        static ListField required(String name) {
            return new ListField(name, true, false, 0);
        }

        static ListField optional(String name) {
            return new ListField(name, false, false, 0);
        }

        ListField nonEmpty() {
            return new ListField(name, required, true, maxItems);
        }

        ListField atMost(int items) {
            return new ListField(name, required, refuseEmpty, items);
        }

        List<JsonNode> read(ObjectNode body) {
            JsonNode v = body.get(name);
            if (v == null) {
                if (required) {
                    throw ApiError.validation("required", "This field is required.", name);
                }
                return List.of();
            }
            if (!v.isArray()) {
                throw ApiError.validation("not_a_list", "Expected a list of items but got type \""
                        + Request.jsonTypeName(v) + "\".", name);
            }
            if (refuseEmpty && v.isEmpty()) {
                throw ApiError.validation("empty", "This list may not be empty.", name);
            }
            if (maxItems > 0 && v.size() > maxItems) {
                throw ApiError.validation("max_length", "Ensure this field has no more than " + maxItems
                        + " elements.", name);
            }
            List<JsonNode> items = new ArrayList<>(v.size());
            v.forEach(items::add);
            return items;
        }

        /**
         * Items that must each be an object, each read by {@code reader} in turn; an item's errors
         * name the field inside it ({@code items__0__path}).
         */
        <T> List<T> eachObject(ObjectNode body, java.util.function.Function<ObjectNode, T> reader) {
            List<JsonNode> items = read(body);
            List<T> out = new ArrayList<>(items.size());
            for (int i = 0; i < items.size(); i++) {
                String prefix = name + "__" + i + "__";
                if (!items.get(i).isObject()) {
                    throw ApiError.validation("invalid", "Invalid data. Expected a dictionary, but got "
                            + Request.jsonTypeName(items.get(i)) + ".", prefix + "non_field_errors");
                }
                try {
                    out.add(reader.apply((ObjectNode) items.get(i)));
                } catch (ApiError e) {
                    throw e.inItem(prefix);
                }
            }
            return out;
        }

        /** Items that must each be a UUID string. */
        List<String> uuids(ObjectNode body) {
            List<JsonNode> items = read(body);
            List<String> out = new ArrayList<>(items.size());
            for (int i = 0; i < items.size(); i++) {
                JsonNode e = items.get(i);
                if (!e.isTextual() || !Ids.isUuid(e.asText())) {
                    throw ApiError.validation("invalid", "Must be a valid UUID.", name + "__" + i);
                }
                out.add(e.asText());
            }
            return out;
        }
    }

    /** A tree path: text, at most 4000 characters and 50 segments; null when absent and not required. */
    static String path(ObjectNode body, boolean required) {
        String p = (required ? TextField.required("path") : TextField.optional("path")).read(body);
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

    /** A DRF {@code IntegerField(allow_null=True)}: an integer or integer text; null when absent or null. */
    static Integer integer(ObjectNode body, String name) {
        JsonNode o = body.get(name);
        if (o == null || o.isNull()) {
            return null;
        }
        if (!o.canConvertToInt() || !(o.isIntegralNumber() || o.isTextual() && intParam(o.asText()) != null)) {
            throw ApiError.validation("invalid", "A valid integer is required.", name);
        }
        return o.isTextual() ? intParam(o.asText()) : o.asInt();
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
