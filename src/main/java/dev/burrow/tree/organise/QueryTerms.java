package dev.burrow.tree.organise;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The few facts organising reads from a query itself (matching is the server's job): whether it
 * names folders ({@code type:folder}) or particular objects ({@code name:…}, {@code ref:…}), in
 * which case folders or link rows it matches move too. Words are split as the search language
 * splits them, quotes and a leading {@code -} / {@code !} included.
 */
final class QueryTerms {

    private final boolean namesFolders;
    private final boolean namesObjects;

    private QueryTerms(boolean namesFolders, boolean namesObjects) {
        this.namesFolders = namesFolders;
        this.namesObjects = namesObjects;
    }

    static QueryTerms of(String query) {
        boolean folders = false;
        boolean objects = false;
        for (String word : words(query == null ? "" : query)) {
            String w = unquote(word);
            if (w.startsWith("-") || w.startsWith("!")) {
                continue;
            }
            int colon = w.indexOf(':');
            if (colon < 0) {
                continue;
            }
            String field = w.substring(0, colon).strip().toLowerCase(Locale.ROOT);
            String value = unquote(w.substring(colon + 1).strip());
            if (field.equals("type") && value.equals("folder")) {
                folders = true;
            } else if ((field.equals("name") || field.equals("ref")) && !value.isEmpty()) {
                objects = true;
            }
        }
        return new QueryTerms(folders, objects);
    }

    /** True when the query asks for folders by type: they move, with everything in them. */
    boolean namesFolders() {
        return namesFolders;
    }

    /** True when the query picks objects by name or ref: their link rows move too. */
    boolean namesObjects() {
        return namesObjects;
    }

    private static String unquote(String s) {
        if (s.length() >= 2 && (s.charAt(0) == '"' || s.charAt(0) == '\'') && s.charAt(s.length() - 1) == s.charAt(0)) {
            return s.substring(1, s.length() - 1);
        }
        return s;
    }

    /** Splits on whitespace outside quotes; quotes inside a word are dropped, a backslash keeps the next character. */
    private static List<String> words(String text) {
        List<String> out = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        char quote = 0;
        boolean inWord = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quote != 0) {
                if (c == quote) {
                    quote = 0;
                } else {
                    word.append(c);
                }
            } else if (c == '"' || c == '\'') {
                quote = c;
                inWord = true;
            } else if (c == '\\' && i + 1 < text.length()) {
                word.append(text.charAt(++i));
                inWord = true;
            } else if (Character.isWhitespace(c)) {
                if (inWord) {
                    out.add(word.toString());
                    word.setLength(0);
                    inWord = false;
                }
            } else {
                word.append(c);
                inWord = true;
            }
        }
        if (inWord) {
            out.add(word.toString());
        }
        return out;
    }
}
