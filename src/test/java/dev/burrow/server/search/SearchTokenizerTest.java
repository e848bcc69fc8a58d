package dev.burrow.server.search;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.burrow.server.search.SearchTokenizer.Token;
import java.util.List;
import org.junit.jupiter.api.Test;

class SearchTokenizerTest {

    private static Token t(String text) {
        return new Token(text, false);
    }

    private static Token neg(String text) {
        return new Token(text, true);
    }

    @Test
    void splitsOnWhitespaceRuns() {
        assertEquals(List.of("foo", "bar", "baz"), SearchTokenizer.split("  foo \t bar\r\n baz  "));
        assertEquals(List.of(), SearchTokenizer.split(""));
        assertEquals(List.of(), SearchTokenizer.split("   "));
        assertEquals(List.of(), SearchTokenizer.split(null));
    }

    @Test
    void quotesKeepSpacesAndAreRemoved() {
        assertEquals(List.of("hello world", "x"), SearchTokenizer.split("\"hello world\" x"));
        assertEquals(List.of("hello world"), SearchTokenizer.split("'hello world'"));
        assertEquals(List.of("name:my report"), SearchTokenizer.split("name:\"my report\""));
        assertEquals(List.of("abc de"), SearchTokenizer.split("ab\"c d\"e"));
        assertEquals(List.of("", "a"), SearchTokenizer.split("\"\" a"));
    }

    @Test
    void backslashEscapesOutsideQuotes() {
        assertEquals(List.of("a/b"), SearchTokenizer.split("a\\/b"));
        assertEquals(List.of("a b"), SearchTokenizer.split("a\\ b"));
        assertEquals(List.of("a\"b"), SearchTokenizer.split("a\\\"b"));
        // Inside single quotes a backslash is literal.
        assertEquals(List.of("a\\/b"), SearchTokenizer.split("'a\\/b'"));
        // Inside double quotes it only escapes " and \.
        assertEquals(List.of("a\\/b", "q\"\\"), SearchTokenizer.split("\"a\\/b\" \"q\\\"\\\\\""));
    }

    @Test
    void unbalancedSingleQuoteIsRetriedAsPlainCharacter() {
        assertEquals(List.of("what's", "new"), SearchTokenizer.split("what's new"));
        assertEquals(List.of("what's new"), SearchTokenizer.split("\"what's new\""));
        assertEquals(List.of("it's", "a b"), SearchTokenizer.split("it's \"a b\""));
    }

    @Test
    void stillUnbalancedFallsBackToWhitespaceSplit() {
        assertEquals(List.of("\"foo", "bar's"), SearchTokenizer.split("\"foo bar's"));
        assertEquals(List.of("a\\/b", "\"x"), SearchTokenizer.split("a\\/b \"x"));
        // A trailing backslash is broken quoting too.
        assertEquals(List.of("foo\\"), SearchTokenizer.split("foo\\"));
    }

    @Test
    void negationAndSurroundingQuotes() {
        assertEquals(List.of(neg("foo"), neg("bar"), t("baz")), SearchTokenizer.tokenize("-foo !bar baz"));
        assertEquals(List.of(neg("foo bar")), SearchTokenizer.tokenize("-\"foo bar\""));
        assertEquals(List.of(neg("-foo")), SearchTokenizer.tokenize("--foo"));
        assertEquals(List.of(t("x")), SearchTokenizer.tokenize("- ! \"\" '' x"));
        // Unbalanced text falls back to whitespace split; quotes around a word are still stripped.
        assertEquals(List.of(neg("quoted"), t("\"open")), SearchTokenizer.tokenize("-\"quoted\" \"open"));
        assertEquals(List.of(t("what's")), SearchTokenizer.tokenize("what's"));
        assertEquals(List.of(t("a/b")), SearchTokenizer.tokenize("a\\/b"));
    }
}
