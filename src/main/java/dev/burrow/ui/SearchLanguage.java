package dev.burrow.ui;

import dev.burrow.api.ObjectType;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.TreeSet;

/**
 * The search field's knowledge of PostHog's search language, without nodes: completions of the
 * word being typed ({@code type:} values PostHog knows, {@code path:} folders and {@code user:}
 * names from the index), and the check that catches a {@code type:} no row can have.
 */
final class SearchLanguage {

    /** The field names completed from a bare word. */
    static final List<String> FIELDS = List.of("type:", "path:", "name:", "user:");

    /** At most this many completions. */
    static final int LIMIT = 12;

    /** Every value {@code type:} takes: wire names, folder, and the hog functions' short kinds. */
    static final List<String> TYPES = types();

    private static List<String> types() {
        TreeSet<String> out = new TreeSet<>();
        out.add("folder");
        for (ObjectType t : ObjectType.values()) {
            out.add(t.wire());
            if (t.isHogFunction()) {
                out.add(t.wire().substring(t.wire().indexOf('/') + 1));
            }
        }
        return List.copyOf(out);
    }

    private SearchLanguage() {
    }

    /**
     * Completions of the last word of {@code text}, each the whole text with that word completed;
     * {@code folders} and {@code users} are the index's folder paths and user names.
     */
    static List<String> complete(String text, Collection<String> folders, Collection<String> users) {
        if (text == null || text.isEmpty() || Character.isWhitespace(text.charAt(text.length() - 1)) || openQuote(text)) {
            return List.of();
        }
        int start = text.lastIndexOf(' ') + 1;
        String before = text.substring(0, start);
        String word = text.substring(start);
        String sign = word.startsWith("-") ? "-" : "";
        String bare = word.substring(sign.length());
        int colon = bare.indexOf(':');
        List<String> out = new ArrayList<>();
        if (colon < 0) {
            for (String f : FIELDS) {
                if (f.startsWith(bare.toLowerCase(Locale.ROOT)) && !bare.isEmpty()) {
                    out.add(before + sign + f);
                }
            }
            return out;
        }
        String field = bare.substring(0, colon).toLowerCase(Locale.ROOT);
        String value = bare.substring(colon + 1).toLowerCase(Locale.ROOT);
        Collection<String> values = switch (field) {
            case "type" -> TYPES;
            case "path" -> folders;
            case "user", "author" -> users;
            default -> List.of();
        };
        for (String v : values) {
            if (out.size() >= LIMIT) {
                break;
            }
            String low = v.toLowerCase(Locale.ROOT);
            if (low.startsWith(value) && !low.equals(value) || field.equals("path") && !value.isEmpty() && low.contains(value)
                    && !low.startsWith(value)) {
                out.add(before + sign + field + ":" + quoted(v));
            }
        }
        return out;
    }

    private static boolean openQuote(String text) {
        return text.chars().filter(c -> c == '"').count() % 2 == 1;
    }

    private static String quoted(String v) {
        return v.indexOf(' ') >= 0 ? "\"" + v + "\"" : v;
    }

    /** What is wrong with the query, when a {@code type:} names no type PostHog has; empty when fine. */
    static Optional<String> problem(String text) {
        if (text == null) {
            return Optional.empty();
        }
        for (String word : text.strip().split("\\s+")) {
            String bare = word.startsWith("-") ? word.substring(1) : word;
            if (!bare.regionMatches(true, 0, "type:", 0, 5)) {
                continue;
            }
            String value = bare.substring(5).replace("\"", "");
            if (value.isEmpty() || value.endsWith("/") || TYPES.contains(value)) {
                continue;
            }
            String low = value.toLowerCase(Locale.ROOT);
            List<String> near = TYPES.stream().filter(t -> low.startsWith(t) || t.startsWith(low)).limit(4).toList();
            if (near.isEmpty()) {
                near = TYPES.stream().filter(t -> t.charAt(0) == low.charAt(0)).limit(4).toList();
            }
            return Optional.of("There is no type “" + value + "”. " + (near.isEmpty()
                    ? "Types include insight, dashboard, feature_flag and folder."
                    : "Did you mean " + String.join(", ", near) + "?"));
        }
        return Optional.empty();
    }
}
