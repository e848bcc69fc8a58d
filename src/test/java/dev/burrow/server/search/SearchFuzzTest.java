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
        SqlCondition c = SearchFilter.compile(text, nameOnly, 7);
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
                    && !SearchFilter.compile(tokens.get(0).text(), false, 1).equals(SqlCondition.TRUE);
        }).map(text -> SearchTokenizer.tokenize(text).get(0).text());
    }

    @Property(tries = 500)
    void negatingATokenSplitsTheRows(@ForAll("singleTerm") String word) throws SQLException {
        // A term and its negation partition the table.
        int pos = SearchFilterSqlTest.query(db, SearchFilter.compile(word, false, 1)).size();
        int neg = SearchFilterSqlTest.query(db, SearchFilter.compile("-" + word, false, 1)).size();
        assertEquals(SearchFilterSqlTest.ALL.size(), pos + neg, word);
    }
}
