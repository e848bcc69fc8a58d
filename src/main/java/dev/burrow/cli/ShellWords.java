package dev.burrow.cli;

import java.util.ArrayList;
import java.util.List;

/**
 * The words of a command line as a POSIX shell splits them (blanks, single and double quotes,
 * backslashes), for completion: the last word is the one being typed, possibly unterminated.
 */
final class ShellWords {

    /** A word as typed ({@code raw}) and as the command receives it ({@code value}). */
    record Word(String raw, String value) {
    }

    private ShellWords() {
    }

    /** The words of {@code line}; when it ends in a blank the last word is empty (a new word starts). */
    static List<Word> split(String line) {
        List<Word> words = new ArrayList<>();
        StringBuilder raw = new StringBuilder();
        StringBuilder value = new StringBuilder();
        boolean inWord = false;
        char quote = 0;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quote == 0 && (c == ' ' || c == '\t' || c == '\n')) {
                if (inWord) {
                    words.add(new Word(raw.toString(), value.toString()));
                    raw.setLength(0);
                    value.setLength(0);
                    inWord = false;
                }
                continue;
            }
            inWord = true;
            raw.append(c);
            if (quote == '\'') {
                if (c == '\'') {
                    quote = 0;
                } else {
                    value.append(c);
                }
            } else if (c == '\\' && quote == 0) {
                if (i + 1 < line.length()) {
                    char next = line.charAt(++i);
                    raw.append(next);
                    if (next != '\n') {
                        value.append(next);
                    }
                }
            } else if (c == '\\' && quote == '"') {
                char next = i + 1 < line.length() ? line.charAt(i + 1) : 0;
                if (next == '"' || next == '\\' || next == '$' || next == '`') {
                    raw.append(next);
                    value.append(next);
                    i++;
                } else {
                    value.append(c);
                }
            } else if (c == '"' && quote == '"') {
                quote = 0;
            } else if ((c == '\'' || c == '"') && quote == 0) {
                quote = c;
            } else {
                value.append(c);
            }
        }
        words.add(new Word(raw.toString(), value.toString()));
        return words;
    }

    /** {@code text} as one word for bash, backslash-escaped the way {@code printf %q} does. */
    static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length() + 8);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean plain = Character.isLetterOrDigit(c) || "_./,:@%+=-".indexOf(c) >= 0 || c > 127;
            if (!plain) {
                out.append('\\');
            }
            out.append(c);
        }
        return out.toString();
    }

    /** {@code text} inside an open single quote: a quote in it closes, escapes and reopens. */
    static String insideSingleQuotes(String text) {
        return text.replace("'", "'\\''");
    }

    /** {@code text} inside an open double quote. */
    static String insideDoubleQuotes(String text) {
        StringBuilder out = new StringBuilder(text.length() + 8);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '"' || c == '\\' || c == '$' || c == '`') {
                out.append('\\');
            }
            out.append(c);
        }
        return out.toString();
    }
}
