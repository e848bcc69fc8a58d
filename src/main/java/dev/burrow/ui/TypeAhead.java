package dev.burrow.ui;

import java.util.List;
import java.util.Locale;

/**
 * Type-to-jump's rule, without nodes: letters typed within a second of each other make a prefix;
 * the next row (after the current one, wrapping) whose name starts with it is the match. Typing
 * the same letter again steps through the rows starting with it.
 */
final class TypeAhead {

    /** A pause longer than this starts a new prefix. */
    static final long RESET_MS = 1000;

    private final StringBuilder typed = new StringBuilder();
    private long last = Long.MIN_VALUE;

    /** What was typed so far ("" after a pause). */
    String prefix() {
        return typed.toString();
    }

    /** True when a space now belongs to the prefix (it would start nothing on its own). */
    boolean typing(long nowMs) {
        return typed.length() > 0 && nowMs - last <= RESET_MS;
    }

    /**
     * The index of the row to select after typing {@code c} at {@code nowMs}, among {@code names}
     * (the rows shown, in order), {@code current} being the selected index (-1: none); -1 when
     * nothing matches.
     */
    int type(char c, long nowMs, List<String> names, int current) {
        if (nowMs - last > RESET_MS) {
            typed.setLength(0);
        }
        last = nowMs;
        typed.append(Character.toLowerCase(c));
        String p = typed.toString();
        boolean repeat = p.chars().allMatch(ch -> ch == p.charAt(0)) && p.length() > 1;
        String want = repeat ? p.substring(0, 1) : p;
        // A longer prefix may still match the current row; a first letter or a repeat moves on.
        int start = p.length() > 1 && !repeat ? Math.max(current, 0) : current + 1;
        int n = names.size();
        for (int i = 0; i < n; i++) {
            int at = (start + i) % n;
            if (names.get(at).toLowerCase(Locale.ROOT).startsWith(want)) {
                return at;
            }
        }
        return -1;
    }
}
