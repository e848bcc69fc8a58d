package dev.burrow.server.search;

import dev.burrow.api.EntryPath;
import dev.burrow.server.store.TreeRows;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * PostHog's search language (contract/file_system.md §6) compiled to a SQLite condition over
 * the {@code file_system} columns {@code path}, {@code path_lower}, {@code parent},
 * {@code name_lower}, {@code type}, {@code ref} and {@code created_by}, and the table
 * {@code users(id, first_name, last_name, email)}.
 *
 * <p>Columns are referenced unqualified. Negated terms are wrapped in {@code coalesce(…, 0)},
 * so a row with a NULL {@code ref} or {@code created_by} satisfies {@code -ref:x}. Values are
 * always bound as parameters; the SQL text only depends on the shape of the query.
 *
 * <p>Choices where the contract leaves room:
 * <ul>
 *   <li>A plain token is a substring of the stored, escaped path (as PostHog's
 *       {@code path__icontains}) or of the type.</li>
 *   <li>With {@code nameOnly}, a plain token is a substring of the unescaped last name, so
 *       {@code go/revenue} finds the name {@code go/revenue}; {@code name:V} works the same way.</li>
 *   <li>{@code path:V} is matched per segment: V is escaped like a name and must occur in the
 *       parent part of the path. A V without {@code /} or {@code \} cannot straddle a separator,
 *       so it matches exactly when some parent folder name contains it.</li>
 *   <li>A field token with an empty value ({@code path:}, {@code -ref:}) adds no condition.</li>
 * </ul>
 */
public final class SearchFilter {

    /** The fields of a {@code field:value} token. */
    private static final Set<String> FIELDS = Set.of("path", "name", "user", "author", "type", "ref");

    /** Hog-function kinds that {@code type:V} expands to {@code hog_function/V}. */
    static final Set<String> HOG_FUNCTION_KINDS = Set.of(
            "destination", "site_destination", "internal_destination", "transformation",
            "site_app", "source_webhook", "source", "broadcast", "campaign");

    // Rule 5: a plain token is a substring of the lower-cased, escaped path or of the lower-cased
    // type. The path is matched with GLOB: SQLite finds a pattern's first literal character with
    // strcspn(), the cheapest way through every row, and GLOB compares without folding case
    // (path_lower and the token are lower case already); the pattern's *, ? and [ are bracketed, so
    // it matches exactly where instr() would. The types that contain the token are found once,
    // among the types there are, instead of on every row.
    private static final String IN_PATH = "path_lower GLOB ?";
    // A token with the haystack's separator (U+0001) in it may straddle path and type there.
    private static final String IN_HAYSTACK = "instr(haystack, ?) > 0";
    // Rule 4: each '/' of the token matches '/' or '\/'. The token is compared with '\/' folded
    // to '/' on both sides; the unfolded comparison keeps every plain match.
    private static final String FOLDED_SLASHES = " OR instr(replace(path_lower, '\\/', '/'), ?) > 0";
    private static final String NAME = "(instr(name_lower, ?) > 0)";
    // The lower-cased parent is the start of path_lower when the stored path is canonical (the
    // usual case); otherwise fall back to SQLite's lower(), which folds ASCII only.
    private static final String PARENT_LOWER = "(CASE WHEN substr(path, 1, length(parent)) = parent"
            + " THEN substr(path_lower, 1, length(parent)) ELSE lower(parent) END)";
    private static final String PARENT_HAS = "(parent <> '' AND instr(" + PARENT_LOWER + ", ?) > 0)";
    // The lower-cased parent is a prefix of path_lower unless the path is odd (not canonical: a
    // backslash, an empty name, a leading or trailing slash), so a row whose path_lower lacks the
    // value fails PARENT_HAS unless its path is odd: both read the index a search walks, and
    // only the rows left are looked up in the table for their parent (path:Flat at 111k rows
    // looks up 10,000 rows instead of all).
    private static final String PATH = "((instr(path_lower, ?) > 0 OR instr(path_lower, '\\') > 0"
            + " OR instr(path_lower, '//') > 0 OR substr(path_lower, 1, 1) = '/' OR substr(path_lower, -1) = '/')"
            + " AND " + PARENT_HAS + ")";
    private static final String USER_ME = "(created_by IS ?)";
    // lower() folds ASCII only, so the value is also tried in its own case.
    private static final String USER = "(EXISTS (SELECT 1 FROM users u WHERE u.id = created_by AND ("
            + "instr(lower(u.first_name || ' ' || u.last_name), ?) > 0"
            + " OR instr(lower(u.email), ?) > 0"
            + " OR instr(u.first_name || ' ' || u.last_name, ?) > 0"
            + " OR instr(u.email, ?) > 0)))";
    private static final String TYPE_PREFIX = "(instr(type, ?) = 1)";
    private static final String TYPE_EXACT = "(type = ?)";
    private static final String REF = "(ref IS ?)";

    private SearchFilter() {
    }

    /**
     * Compiles {@code text}; {@code callerId} resolves {@code user:me}; {@code types} are the
     * types the rows have (a plain token matches a row whose type contains it). Never throws.
     */
    public static SqlCondition compile(String text, boolean nameOnly, long callerId, Collection<String> types) {
        if (text == null || text.isBlank()) {
            return SqlCondition.TRUE;
        }
        List<SearchTokenizer.Token> tokens = SearchTokenizer.tokenize(text);
        StringBuilder sql = new StringBuilder();
        List<Object> params = new ArrayList<>();
        int terms = 0;
        for (SearchTokenizer.Token token : tokens) {
            int mark = sql.length();
            if (terms > 0) {
                sql.append(" AND ");
            }
            if (token.negated()) {
                // coalesce: a NULL column must not hide the row from a negated term
                sql.append("NOT coalesce(");
            }
            if (!appendTerm(token.text(), nameOnly, callerId, types, sql, params)) {
                sql.setLength(mark);
                continue;
            }
            if (token.negated()) {
                sql.append(", 0)");
            }
            terms++;
        }
        if (terms == 0) {
            return SqlCondition.TRUE;
        }
        if (terms > 1) {
            sql.insert(0, '(').append(')');
        }
        return new SqlCondition(sql.toString(), params);
    }

    /** Appends one parenthesised term for {@code token}; false (and nothing added) when it adds no condition. */
    private static boolean appendTerm(String token, boolean nameOnly, long callerId, Collection<String> types,
            StringBuilder sql, List<Object> params) {
        int colon = token.indexOf(':');
        String field = colon < 0 ? "" : token.substring(0, colon).toLowerCase(Locale.ROOT);
        if (!FIELDS.contains(field)) {
            // no field, or one the language doesn't know: the whole token is plain text
            appendPlain(token, nameOnly, colon < 0 && token.indexOf('/') >= 0, types, sql, params);
            return true;
        }
        String value = SearchTokenizer.stripSurroundingQuotes(token.substring(colon + 1).trim());
        if (value.isEmpty()) {
            return false;
        }
        switch (field) {
            case "path" -> {
                sql.append(PATH);
                String v = lower(EntryPath.escape(value));
                params.add(v);
                params.add(v);
            }
            case "name" -> {
                sql.append(NAME);
                params.add(lower(value));
            }
            case "type" -> {
                boolean prefix = value.endsWith("/");
                sql.append(prefix ? TYPE_PREFIX : TYPE_EXACT);
                params.add(prefix || !HOG_FUNCTION_KINDS.contains(value) ? value : "hog_function/" + value);
            }
            case "ref" -> {
                sql.append(REF);
                params.add(value);
            }
            default -> { // user, author
                if (value.equalsIgnoreCase("me")) {
                    sql.append(USER_ME);
                    params.add(callerId);
                } else {
                    sql.append(USER);
                    params.addAll(List.of(lower(value), lower(value), value, value));
                }
            }
        }
        return true;
    }


    /** A plain token; {@code slashes}: its '/' may also match an escaped slash (rule 4). */
    private static void appendPlain(String token, boolean nameOnly, boolean slashes, Collection<String> types,
            StringBuilder sql, List<Object> params) {
        String low = lower(token);
        if (nameOnly) {
            sql.append(NAME);
            params.add(low);
            return;
        }
        sql.append('(');
        if (low.indexOf('\u0001') >= 0) {
            sql.append(IN_HAYSTACK);
            params.add(low);
        } else {
            sql.append(IN_PATH);
            params.add("*" + globEscaped(low) + "*");
            List<String> matching = new ArrayList<>();
            for (String type : types) {
                // the haystack held the type lower-cased as SQLite's lower() does: ASCII only
                if (TreeRows.lowerAscii(type).contains(low)) {
                    matching.add(type);
                }
            }
            if (!matching.isEmpty()) {
                sql.append(" OR type IN (").append(String.join(", ", Collections.nCopies(matching.size(), "?")))
                        .append(')');
                params.addAll(matching);
            }
        }
        if (slashes) {
            sql.append(FOLDED_SLASHES);
            params.add(low.replace("\\/", "/"));
        }
        sql.append(')');
    }

    /** {@code text} as a literal inside a GLOB pattern: its wildcards in brackets. */
    private static String globEscaped(String text) {
        StringBuilder sb = new StringBuilder(text.length() + 8);
        for (int i = 0; i < text.length(); i++) {
            char ch = text.charAt(i);
            if (ch == '*' || ch == '?' || ch == '[') {
                sb.append('[').append(ch).append(']');
            } else {
                sb.append(ch);
            }
        }
        return sb.toString();
    }

    private static String lower(String s) {
        return s.toLowerCase(Locale.ROOT);
    }
}
