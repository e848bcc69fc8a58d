package dev.burrow.server.search;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits search text into tokens (contract/file_system.md §6, steps 1 and 2).
 *
 * <p>Step 1 follows a POSIX shell line: whitespace ({@code ' '}, tab, CR, LF) separates words;
 * {@code '…'} keeps everything literally; {@code "…"} keeps spaces and lets a backslash escape
 * only {@code "} or {@code \}; outside quotes a backslash escapes any next character. When the
 * quoting is broken (an unclosed quote or a trailing backslash), the line is split again with
 * {@code '} as an ordinary character, so {@code what's} works; if that fails too, the text is
 * split on whitespace only and nothing is unquoted.
 *
 * <p>Step 2 turns each word into a {@link Token}: one leading {@code -} or {@code !} negates it
 * and is removed, then a pair of matching quotes still surrounding it is removed; empty words
 * are dropped.
 *
 * <p>Nothing here throws for any input. Text without quotes or backslashes, the usual case, is
 * cut with {@link String#substring} and never copied through a buffer.
 */
public final class SearchTokenizer {

    /** One search word: its text without the negation mark, and whether it was negated. */
    public record Token(String text, boolean negated) {
    }

    private SearchTokenizer() {
    }

    /** Steps 1 and 2: the non-empty tokens of {@code text}, in order; empty for null or blank. */
    public static List<Token> tokenize(String text) {
        List<String> words = split(text);
        List<Token> tokens = new ArrayList<>(words.size());
        for (int i = 0, n = words.size(); i < n; i++) {
            String word = words.get(i);
            int start = 0;
            int end = word.length();
            boolean negated = end > 0 && (word.charAt(0) == '-' || word.charAt(0) == '!');
            if (negated) {
                start = 1;
            }
            if (end - start >= 2) {
                char first = word.charAt(start);
                if ((first == '"' || first == '\'') && word.charAt(end - 1) == first) {
                    start++;
                    end--;
                }
            }
            if (start < end) {
                tokens.add(new Token(start == 0 && end == word.length() ? word : word.substring(start, end), negated));
            }
        }
        return tokens;
    }

    /** Step 1 only: the shell words of {@code text} (which may be empty strings, as for {@code ""}). */
    public static List<String> split(String text) {
        List<String> out = new ArrayList<>();
        if (text == null || text.isEmpty()) {
            return out;
        }
        if (!needsUnquoting(text)) {
            splitOn(text, out, true);
            return out;
        }
        StringBuilder sb = new StringBuilder(text.length());
        if (shellSplit(text, true, out, sb)) {
            return out;
        }
        out.clear();
        if (shellSplit(text, false, out, sb)) {
            return out;
        }
        out.clear();
        splitOn(text, out, false);
        return out;
    }

    /** Removes one pair of matching {@code "} or {@code '} around {@code s}, if present. */
    static String stripSurroundingQuotes(String s) {
        int n = s.length();
        if (n >= 2) {
            char first = s.charAt(0);
            if ((first == '"' || first == '\'') && s.charAt(n - 1) == first) {
                return s.substring(1, n - 1);
            }
        }
        return s;
    }

    private static boolean needsUnquoting(String text) {
        for (int i = 0, n = text.length(); i < n; i++) {
            char c = text.charAt(i);
            if (c == '"' || c == '\'' || c == '\\') {
                return true;
            }
        }
        return false;
    }

    private static boolean isShellSpace(char c) {
        return c == ' ' || c == '\t' || c == '\r' || c == '\n';
    }

    /** Whitespace as Python's {@code str.split()} sees it, for the last-resort split. */
    private static boolean isAnySpace(char c) {
        return Character.isWhitespace(c) || Character.isSpaceChar(c) || c == '\u0085';
    }

    /** Cuts {@code text} at runs of whitespace, without unquoting. */
    private static void splitOn(String text, List<String> out, boolean shellSpaceOnly) {
        int n = text.length();
        int start = -1;
        for (int i = 0; i < n; i++) {
            char c = text.charAt(i);
            boolean space = shellSpaceOnly ? isShellSpace(c) : isAnySpace(c);
            if (space) {
                if (start >= 0) {
                    out.add(text.substring(start, i));
                    start = -1;
                }
            } else if (start < 0) {
                start = i;
            }
        }
        if (start >= 0) {
            out.add(text.substring(start));
        }
    }

    /**
     * One shell pass. Returns false, leaving {@code out} partly filled, when the text ends
     * inside a quote or right after an escaping backslash.
     */
    private static boolean shellSplit(String text, boolean singleQuotes, List<String> out, StringBuilder sb) {
        sb.setLength(0);
        boolean inWord = false;
        int n = text.length();
        int i = 0;
        while (i < n) {
            char c = text.charAt(i);
            if (isShellSpace(c)) {
                if (inWord) {
                    out.add(sb.toString());
                    sb.setLength(0);
                    inWord = false;
                }
                i++;
            } else if (c == '\\') {
                if (i + 1 >= n) {
                    return false;
                }
                sb.append(text.charAt(i + 1));
                inWord = true;
                i += 2;
            } else if (c == '\'' && singleQuotes) {
                int close = text.indexOf('\'', i + 1);
                if (close < 0) {
                    return false;
                }
                sb.append(text, i + 1, close);
                inWord = true;
                i = close + 1;
            } else if (c == '"') {
                inWord = true;
                i++;
                boolean closed = false;
                while (i < n) {
                    char q = text.charAt(i);
                    if (q == '"') {
                        closed = true;
                        i++;
                        break;
                    }
                    if (q == '\\') {
                        if (i + 1 >= n) {
                            return false;
                        }
                        char next = text.charAt(i + 1);
                        if (next != '"' && next != '\\') {
                            sb.append('\\');
                        }
                        sb.append(next);
                        i += 2;
                    } else {
                        sb.append(q);
                        i++;
                    }
                }
                if (!closed) {
                    return false;
                }
            } else {
                sb.append(c);
                inWord = true;
                i++;
            }
        }
        if (inWord) {
            out.add(sb.toString());
        }
        return true;
    }
}
