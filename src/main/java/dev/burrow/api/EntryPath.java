package dev.burrow.api;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * PostHog's path codec for the project tree (contract/file_system.md §3).
 *
 * <p>A path is a list of names joined with {@code /}; inside a name, {@code \} is written
 * {@code \\} and {@code /} is written {@code \/}. Splitting drops empty segments and keeps any
 * other backslash literally, so every string splits to something and nothing throws.
 */
public final class EntryPath {

    /** The most characters a stored path may have. */
    public static final int MAX_LENGTH = 4000;
    /** The most segments a stored path may have. */
    public static final int MAX_DEPTH = 50;

    private EntryPath() {
    }

    /** Splits an escaped path into its unescaped names, dropping empty segments. */
    public static List<String> split(String path) {
        if (path == null || path.isEmpty()) {
            return List.of();
        }
        List<String> names = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        int n = path.length();
        for (int i = 0; i < n; i++) {
            char c = path.charAt(i);
            if (c == '\\' && i + 1 < n && (path.charAt(i + 1) == '/' || path.charAt(i + 1) == '\\')) {
                current.append(path.charAt(i + 1));
                i++;
            } else if (c == '/') {
                if (current.length() > 0) {
                    names.add(current.toString());
                }
                current.setLength(0);
            } else {
                current.append(c);
            }
        }
        if (current.length() > 0) {
            names.add(current.toString());
        }
        return Collections.unmodifiableList(names);
    }

    /**
     * The path's own characters cut right after each separating {@code /} (never after an escaped
     * {@code \/}), so that joining the pieces gives the path back exactly: {@code "a\\/b/c"} is
     * {@code ["a\\/b/", "c"]}. For showing a path that may wrap only between its segments.
     */
    public static List<String> piecesAfterSeparators(String path) {
        if (path == null || path.isEmpty()) {
            return List.of();
        }
        List<String> pieces = new ArrayList<>();
        int start = 0;
        int n = path.length();
        for (int i = 0; i < n; i++) {
            char c = path.charAt(i);
            if (c == '\\' && i + 1 < n && (path.charAt(i + 1) == '/' || path.charAt(i + 1) == '\\')) {
                i++;
            } else if (c == '/') {
                pieces.add(path.substring(start, i + 1));
                start = i + 1;
            }
        }
        if (start < n) {
            pieces.add(path.substring(start));
        }
        return Collections.unmodifiableList(pieces);
    }

    /** Escapes one name into a path segment: {@code \} first, then {@code /}. */
    public static String escape(String name) {
        if (name.indexOf('\\') < 0 && name.indexOf('/') < 0) {
            return name;
        }
        return name.replace("\\", "\\\\").replace("/", "\\/");
    }

    /** Reverses {@link #escape} the way PostHog's web UI shows a name. */
    public static String unescape(String segment) {
        return segment.replace("\\/", "/").replace("\\\\", "\\");
    }

    /** Escapes each name and joins them with {@code /}. */
    public static String join(List<String> names) {
        StringBuilder sb = new StringBuilder();
        for (String name : names) {
            if (sb.length() > 0) {
                sb.append('/');
            }
            sb.append(escape(name));
        }
        return sb.toString();
    }

    /** The number of segments of a path. */
    public static int depth(String path) {
        if (isCanonical(path)) {
            if (path.isEmpty()) {
                return 0;
            }
            int d = 1;
            for (int i = 0, n = path.length(); i < n; i++) {
                char c = path.charAt(i);
                if (c == '\\') {
                    i++;
                } else if (c == '/') {
                    d++;
                }
            }
            return d;
        }
        return split(path).size();
    }

    /** The escaped path of the folder that holds this path; {@code ""} for a top-level row. */
    public static String parent(String path) {
        if (isCanonical(path)) {
            int sep = lastSeparator(path);
            return sep < 0 ? "" : path.substring(0, sep);
        }
        List<String> names = split(path);
        return names.size() <= 1 ? "" : join(names.subList(0, names.size() - 1));
    }

    /** The unescaped last name of a path; {@code ""} for the root. */
    public static String leaf(String path) {
        if (isCanonical(path)) {
            String last = path.substring(lastSeparator(path) + 1);
            return last.indexOf('\\') < 0 ? last : split(last).get(0);
        }
        List<String> names = split(path);
        return names.isEmpty() ? "" : names.get(names.size() - 1);
    }

    /**
     * True when {@code path} is already in its canonical form ({@code normalize(path).equals(path)}):
     * no empty segment, no separator at either end, and every backslash starts an escape. Paths
     * from a server are nearly always canonical; for them the helpers here skip splitting and
     * joining.
     */
    public static boolean isCanonical(String path) {
        if (path == null) {
            return false;
        }
        int n = path.length();
        if (n == 0) {
            return true;
        }
        if (path.charAt(0) == '/') {
            return false;
        }
        for (int i = 0; i < n; i++) {
            char c = path.charAt(i);
            if (c == '\\') {
                if (i + 1 >= n || (path.charAt(i + 1) != '/' && path.charAt(i + 1) != '\\')) {
                    return false;
                }
                i++;
            } else if (c == '/' && (i + 1 == n || path.charAt(i + 1) == '/')) {
                return false;
            }
        }
        return true;
    }

    /** The index of the last separator of a canonical path, or -1 for a single name. */
    private static int lastSeparator(String canonical) {
        int last = -1;
        for (int i = 0, n = canonical.length(); i < n; i++) {
            char c = canonical.charAt(i);
            if (c == '\\') {
                i++;
            } else if (c == '/') {
                last = i;
            }
        }
        return last;
    }

    /** The escaped path of {@code name} inside the folder {@code folder} (which may be the root). */
    public static String child(String folder, String name) {
        List<String> names = new ArrayList<>(split(folder));
        names.add(name);
        return join(names);
    }

    /** The canonical form of a path: split then joined, so {@code a//b/} becomes {@code a/b}. */
    public static String normalize(String path) {
        if (isCanonical(path)) {
            return path;
        }
        return join(split(path));
    }

    /**
     * The escaped paths of every proper ancestor, outermost first: {@code a/b/c} gives
     * {@code a}, {@code a/b}.
     */
    public static List<String> ancestors(String path) {
        if (isCanonical(path)) {
            List<String> result = new ArrayList<>(4);
            for (int i = 0, n = path.length(); i < n; i++) {
                char c = path.charAt(i);
                if (c == '\\') {
                    i++;
                } else if (c == '/') {
                    result.add(path.substring(0, i));
                }
            }
            return result;
        }
        List<String> names = split(path);
        List<String> result = new ArrayList<>();
        for (int i = 1; i < names.size(); i++) {
            result.add(join(names.subList(0, i)));
        }
        return result;
    }

    /** True when {@code path} lies strictly below {@code folder} by PostHog's string-prefix rule. */
    public static boolean isBelow(String path, String folder) {
        return path.startsWith(folder + "/");
    }
}
