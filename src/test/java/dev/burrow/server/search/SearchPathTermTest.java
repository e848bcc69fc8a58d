package dev.burrow.server.search;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.burrow.api.EntryPath;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * {@code path:V} first tests the lower-cased path the search's index holds, and looks up the
 * parent only where that test lets the row through: on any paths, odd ones (empty names,
 * backslashes, leading or trailing slashes, case that lower-casing lengthens) included, it finds
 * exactly the rows whose parent contains V, as the condition on the parent alone does.
 */
class SearchPathTermTest {

    /** The parent part of the lower-cased path, or the lower-cased parent where the path is odd. */
    private static final String PARENT_ALONE = "parent <> '' AND instr((CASE WHEN substr(path, 1, length(parent))"
            + " = parent THEN substr(path_lower, 1, length(parent)) ELSE lower(parent) END), ?) > 0";

    @Provide
    Arbitrary<List<String>> paths() {
        return Arbitraries.strings().withChars("aAbF/\\ İß.").ofMinLength(1).ofMaxLength(12).list().ofMinSize(1)
                .ofMaxSize(25);
    }

    @Provide
    Arbitrary<String> values() {
        return Arbitraries.strings().withChars("aAbF/\\ İiß.").ofMinLength(1).ofMaxLength(4);
    }

    @Property(tries = 400)
    void findsWhatTheParentAloneFinds(@ForAll("paths") List<String> paths, @ForAll("values") String value)
            throws SQLException {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite::memory:")) {
            try (Statement st = c.createStatement()) {
                st.execute("CREATE TABLE file_system (path TEXT NOT NULL, path_lower TEXT NOT NULL,"
                        + " parent TEXT NOT NULL, name_lower TEXT NOT NULL, type TEXT NOT NULL DEFAULT '',"
                        + " ref TEXT, created_by INTEGER, haystack TEXT NOT NULL)");
            }
            for (String path : paths) {
                List<String> names = EntryPath.split(path);
                try (PreparedStatement ps = c.prepareStatement(
                        "INSERT INTO file_system VALUES (?, ?, ?, '', 'insight', NULL, NULL, '')")) {
                    ps.setString(1, path);
                    ps.setString(2, path.toLowerCase(Locale.ROOT));
                    ps.setString(3, names.size() <= 1 ? "" : EntryPath.join(names.subList(0, names.size() - 1)));
                    ps.executeUpdate();
                }
            }
            Set<String> all = select(c, "1", List.of());
            for (boolean negated : new boolean[] {false, true}) {
                SqlCondition term = SearchFilter.compile((negated ? "-" : "") + "path:" + value, false, 1,
                        List.of("insight"));
                if (term.params().isEmpty() || SearchTokenizer.tokenize("path:" + value).size() != 1) {
                    continue; // an empty value adds no condition; a space starts another term
                }
                // the value the term looks for, as the parent-alone condition would be given it
                Set<String> expected = select(c, PARENT_ALONE, List.of(term.params().get(term.params().size() - 1)));
                if (negated) {
                    Set<String> rest = new TreeSet<>(all);
                    rest.removeAll(expected);
                    expected = rest;
                }
                assertEquals(expected, select(c, term.sql(), term.params()), term.sql() + " " + term.params()
                        + " over " + paths);
            }
        }
    }

    private static Set<String> select(Connection c, String where, List<Object> params) throws SQLException {
        Set<String> out = new TreeSet<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT rowid || ':' || path FROM file_system WHERE " + where)) {
            for (int i = 0; i < params.size(); i++) {
                ps.setObject(i + 1, params.get(i));
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(rs.getString(1));
                }
            }
        }
        return out;
    }
}
