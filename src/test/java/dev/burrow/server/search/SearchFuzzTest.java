package dev.burrow.server.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.sql.Connection;
import java.sql.SQLException;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

/** Any text tokenises and compiles to SQL that SQLite accepts. */
class SearchFuzzTest {

    private static Connection db;

    @BeforeContainer
    static void open() throws SQLException {
        db = SearchFilterSqlTest.openDb();
    }

    @AfterContainer
    static void close() throws SQLException {
        db.close();
    }

    @Provide
    Arbitrary<String> searchText() {
        Arbitrary<String> tricky = Arbitraries.strings()
                .withChars("\"'\\/:-! \t\nabAB_İÜ")
                .withChars("pathnmeusrtyfbc")
                .ofMaxLength(40);
        Arbitrary<String> any = Arbitraries.strings().all().ofMaxLength(40);
        Arbitrary<String> fields = Arbitraries.of("path:", "name:", "user:", "author:", "type:", "ref:", "-", "!",
                "\"", "'", "\\", "/", " ", "me", "destination", "hog_function/", "x");
        Arbitrary<String> glued = fields.list().ofMaxSize(8).map(l -> String.join("", l));
        return Arbitraries.oneOf(tricky, any, glued);
    }

    @Property(tries = 1500)
    void anyTextCompilesAndRuns(@ForAll("searchText") String text, @ForAll boolean nameOnly) throws SQLException {
        for (SearchTokenizer.Token t : SearchTokenizer.tokenize(text)) {
            assertFalse(t.text().isEmpty());
        }
        SqlCondition c = SearchFilter.compile(text, nameOnly, 7, SearchFilterSqlTest.TYPES);
        long marks = c.sql().chars().filter(ch -> ch == '?').count();
        assertEquals(marks, c.params().size());
        SearchFilterSqlTest.query(db, c);
    }

    /** One plain or field term, not negated, free of quotes and backslashes, that adds a condition. */
    @Provide
    Arbitrary<String> singleTerm() {
        return searchText().filter(text -> {
            var tokens = SearchTokenizer.tokenize(text);
            return tokens.size() == 1 && !tokens.get(0).negated() && !text.contains("\"") && !text.contains("'")
                    && !text.contains("\\")
                    && !SearchFilter.compile(tokens.get(0).text(), false, 1, SearchFilterSqlTest.TYPES).equals(SqlCondition.TRUE);
        }).map(text -> SearchTokenizer.tokenize(text).get(0).text());
    }

    @Property(tries = 500)
    void negatingATokenSplitsTheRows(@ForAll("singleTerm") String word) throws SQLException {
        // A term and its negation partition the table.
        int pos = SearchFilterSqlTest.query(db, SearchFilter.compile(word, false, 1, SearchFilterSqlTest.TYPES)).size();
        int neg = SearchFilterSqlTest.query(db, SearchFilter.compile("-" + word, false, 1, SearchFilterSqlTest.TYPES)).size();
        assertEquals(SearchFilterSqlTest.ALL.size(), pos + neg, word);
    }

    /** Words of the table's paths and types, cut anywhere, with LIKE's wildcards mixed in. */
    @Provide
    Arbitrary<String> plainWord() {
        Arbitrary<String> piece = Arbitraries.of("banana", "revenue", "unfiled", "destination", "hog_function",
                "dash", "board", "insight", "note", "flag", "über", "ÜNITS", "100%", "off_now", "q1", "misc", "%", "_");
        return piece.list().ofMinSize(1).ofMaxSize(2).map(l -> String.join("", l))
                .flatMap(w -> Arbitraries.integers().between(0, w.length() - 1)
                        .flatMap(from -> Arbitraries.integers().between(from + 1, w.length())
                                .map(to -> w.substring(from, to))));
    }

    @Property(tries = 300)
    void aPlainWordMatchesTheRowsWhoseLowerCasedPathOrTypeContainsIt(@ForAll("plainWord") String word)
            throws SQLException {
        String low = word.toLowerCase(java.util.Locale.ROOT);
        java.util.Set<String> expected = new java.util.TreeSet<>();
        try (var st = db.createStatement(); var rs = st.executeQuery("SELECT path, haystack FROM file_system")) {
            while (rs.next()) {
                // the haystack: the path lower-cased by Java, U+0001, the type lower-cased as SQLite does
                if (rs.getString(2).contains(low)) {
                    expected.add(rs.getString(1));
                }
            }
        }
        assertEquals(expected, SearchFilterSqlTest.query(db, SearchFilter.compile("'" + word + "'", false, 1,
                SearchFilterSqlTest.TYPES)), word);
    }
}
