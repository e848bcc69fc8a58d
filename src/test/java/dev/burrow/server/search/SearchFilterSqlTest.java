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
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Runs compiled conditions against a real SQLite table shaped like {@code file_system}. */
class SearchFilterSqlTest {

    static final long ALICE = 1;
    static final long BOB = 2;

    static final String BANANA = "Banana";
    static final String REVENUE = "Banana/go\\/revenue";
    static final String SLACK = "Unfiled/Destinations/Slack alert";
    static final String STRIPE = "Unfiled/Sources/Stripe";
    static final String WEEKLY = "Docs/Über Reports/Weekly Ünits";
    static final String FLAG = "Flags/Flag \\/ With Slash";
    static final String FOOBAR = "Misc/foo:bar thing";
    static final String WHATS = "Misc/what's new";
    static final String SITE_APP = "Apps/Banner";
    static final String Q1 = "Reports\\/2024/Q1";
    /** Not canonical: parent is "Odd/Place", which is not a prefix of the path. */
    static final String ODD = "/Odd//Place/Item";
    /** LIKE's wildcards as plain characters. */
    static final String DEALS = "Deals/100% off_now";

    /** The types of the rows below, as the store's type counts list them. */
    static final List<String> TYPES = List.of("folder", "insight", "hog_function/destination", "hog_function/source",
            "notebook", "feature_flag", "dashboard", "hog_function/site_app");

    static final Set<String> ALL = Set.of(BANANA, REVENUE, SLACK, STRIPE, WEEKLY, FLAG, FOOBAR, WHATS, SITE_APP,
            Q1, ODD, DEALS);

    private static Connection db;

    @BeforeAll
    static void createDb() throws SQLException {
        db = openDb();
    }

    @AfterAll
    static void closeDb() throws SQLException {
        db.close();
    }

    static Connection openDb() throws SQLException {
        Connection c = DriverManager.getConnection("jdbc:sqlite::memory:");
        try (Statement st = c.createStatement()) {
            st.execute("CREATE TABLE file_system (path TEXT NOT NULL, path_lower TEXT NOT NULL,"
                    + " parent TEXT NOT NULL, name_lower TEXT NOT NULL, type TEXT NOT NULL DEFAULT '',"
                    + " ref TEXT, created_by INTEGER, haystack TEXT NOT NULL)");
            st.execute("CREATE TABLE users (id INTEGER PRIMARY KEY, first_name TEXT NOT NULL,"
                    + " last_name TEXT NOT NULL, email TEXT NOT NULL)");
            st.execute("INSERT INTO users VALUES (1, 'Alice', 'Anders', 'alice@example.com'),"
                    + " (2, 'Bob', 'Brown', 'bob@corp.io')");
        }
        insert(c, BANANA, "folder", null, ALICE);
        insert(c, REVENUE, "insight", "i1", ALICE);
        insert(c, SLACK, "hog_function/destination", "hf1", BOB);
        insert(c, STRIPE, "hog_function/source", "hf2", null);
        insert(c, WEEKLY, "notebook", "n1", BOB);
        insert(c, FLAG, "feature_flag", "f1", ALICE);
        insert(c, FOOBAR, "dashboard", "d1", null);
        insert(c, WHATS, "notebook", "n2", null);
        insert(c, SITE_APP, "hog_function/site_app", "hf3", BOB);
        insert(c, Q1, "insight", "i2", null);
        insert(c, ODD, "dashboard", "d2", null);
        insert(c, DEALS, "dashboard", "d3", null);
        return c;
    }

    private static void insert(Connection c, String path, String type, String ref, Long createdBy)
            throws SQLException {
        List<String> names = EntryPath.split(path);
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO file_system VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
            ps.setString(1, path);
            ps.setString(2, path.toLowerCase(Locale.ROOT));
            ps.setString(3, EntryPath.join(names.subList(0, names.size() - 1)));
            ps.setString(4, names.get(names.size() - 1).toLowerCase(Locale.ROOT));
            ps.setString(5, type);
            ps.setString(6, ref);
            ps.setObject(7, createdBy);
            ps.setString(8, path.toLowerCase(Locale.ROOT) + "\u0001" + type.toLowerCase(Locale.ROOT));
            ps.executeUpdate();
        }
    }

    static Set<String> query(Connection c, SqlCondition cond) throws SQLException {
        Set<String> out = new TreeSet<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT path FROM file_system WHERE " + cond.sql())) {
            for (int i = 0; i < cond.params().size(); i++) {
                ps.setObject(i + 1, cond.params().get(i));
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(rs.getString(1));
                }
            }
        }
        return out;
    }

    private static Set<String> search(String text) throws SQLException {
        return query(db, SearchFilter.compile(text, false, ALICE, TYPES));
    }

    private static Set<String> searchNames(String text) throws SQLException {
        return query(db, SearchFilter.compile(text, true, ALICE, TYPES));
    }

    private static Set<String> all() {
        return new TreeSet<>(ALL);
    }

    private static Set<String> allBut(String... paths) {
        Set<String> s = all();
        for (String p : paths) {
            s.remove(p);
        }
        return s;
    }

    private static Set<String> only(String... paths) {
        return new TreeSet<>(List.of(paths));
    }

    @Test
    void wildcardsInATokenAreLiteral() throws SQLException {
        assertEquals(only(DEALS), search("100%"));
        assertEquals(only(DEALS), search("off_now"));
        assertEquals(Set.of(), search("1%0"), "% is no wildcard");
        assertEquals(Set.of(), search("o_f"), "_ is no wildcard");
        assertEquals(allBut(DEALS), search("-100%"));
    }

    @Test
    void blankTextIsTrue() throws SQLException {
        assertEquals(SqlCondition.TRUE, SearchFilter.compile("", false, ALICE, TYPES));
        assertEquals(SqlCondition.TRUE, SearchFilter.compile("  \t", false, ALICE, TYPES));
        assertEquals(SqlCondition.TRUE, SearchFilter.compile(null, false, ALICE, TYPES));
        assertEquals(SqlCondition.TRUE, SearchFilter.compile("- ! \"\"", false, ALICE, TYPES));
        assertEquals(all(), search("   "));
    }

    @Test
    void plainTokenIsCaseInsensitiveSubstringOfPathOrType() throws SQLException {
        assertEquals(only(BANANA, REVENUE), search("BANANA"));
        assertEquals(only(SLACK, STRIPE), search("unfiled"));
        // matches the type only
        assertEquals(only(WEEKLY, WHATS), search("notebook"));
        assertEquals(only(SLACK, STRIPE, SITE_APP), search("hog_function"));
        // non-ASCII letters fold too
        assertEquals(only(WEEKLY), search("über"));
        assertEquals(only(WEEKLY), search("ÜNITS"));
    }

    @Test
    void tokensAreAnded() throws SQLException {
        assertEquals(only(SLACK), search("unfiled slack"));
        assertEquals(only(), search("unfiled banana"));
        assertEquals(only(SLACK), search("\"slack alert\""));
        assertEquals(only(), search("slack-alert"));
    }

    @Test
    void negationWithDashAndBang() throws SQLException {
        assertEquals(allBut(BANANA, REVENUE), search("-banana"));
        assertEquals(allBut(BANANA, REVENUE), search("!banana"));
        assertEquals(only(STRIPE), search("unfiled !slack"));
        assertEquals(only(SLACK, STRIPE), search("-misc -banana -docs -flags -apps -reports -odd -deals"));
    }

    @Test
    void slashTokenMatchesSeparatorOrEscapedSlash() throws SQLException {
        assertEquals(only(REVENUE), search("go/revenue"));
        assertEquals(only(REVENUE), search("banana/go"));
        assertEquals(only(REVENUE), search("banana/go/revenue"));
        assertEquals(only(REVENUE), search("Banana/Go/Revenue"));
        // a shell-escaped slash is the same token
        assertEquals(only(REVENUE), search("go\\/revenue"));
        // the escaped form, kept literally inside single quotes
        assertEquals(only(REVENUE), search("'go\\/revenue'"));
        assertEquals(only(FLAG), search("flags/flag"));
        assertEquals(only(FLAG), search("\"flag / with\""));
        // and the type
        assertEquals(only(SLACK), search("hog_function/destination"));
        assertEquals(only(SLACK, STRIPE, SITE_APP), search("hog_function/"));
        assertEquals(allBut(REVENUE), search("-banana/go"));
        assertEquals(only(), search("banana/revenue"));
        assertEquals(only(Q1), search("reports/2024"));
        assertEquals(only(Q1), search("reports/2024/q1"));
        assertEquals(only(Q1), search("2024/Q1"));
        assertEquals(only(ODD), search("odd//place"));
    }

    @Test
    void nameOnlyMatchesLastSegment() throws SQLException {
        assertEquals(only(BANANA), searchNames("banana"));
        assertEquals(only(), searchNames("unfiled"));
        assertEquals(only(), searchNames("notebook"));
        assertEquals(only(SLACK), searchNames("ALERT"));
        assertEquals(only(REVENUE), searchNames("go/revenue"));
        assertEquals(only(), searchNames("banana/go"));
        assertEquals(allBut(SLACK), searchNames("-slack"));
        assertEquals(only(WEEKLY), searchNames("ünits"));
        // fields still apply
        assertEquals(only(SLACK, STRIPE), searchNames("path:unfiled"));
    }

    @Test
    void pathFieldMatchesParentFolderNames() throws SQLException {
        assertEquals(only(REVENUE), search("path:banana"));
        assertEquals(only(), search("path:revenue"));
        assertEquals(only(SLACK), search("path:destinations"));
        assertEquals(only(SLACK, STRIPE), search("PATH:unfiled"));
        assertEquals(only(WEEKLY), search("path:über"));
        assertEquals(only(WEEKLY), search("path:\"über reports\""));
        // does not straddle a separator
        assertEquals(only(), search("path:docs/über"));
        assertEquals(allBut(SLACK, STRIPE), search("-path:unfiled"));
        // a folder name containing a slash
        assertEquals(only(Q1), search("path:reports/2024"));
        assertEquals(only(Q1), search("path:2024"));
        assertEquals(only(), search("path:q1"));
        // a non-canonical stored path
        assertEquals(only(ODD), search("path:odd"));
        assertEquals(only(ODD), search("path:PLACE"));
        assertEquals(only(), search("path:item"));
    }

    @Test
    void nameFieldMatchesLastSegment() throws SQLException {
        assertEquals(only(BANANA), search("name:banana"));
        assertEquals(only(REVENUE), search("name:go/revenue"));
        assertEquals(only(FLAG), search("name:\"flag / with\""));
        assertEquals(only(), search("name:unfiled"));
        assertEquals(allBut(BANANA), search("!name:banana"));
    }

    @Test
    void userFieldMatchesCreator() throws SQLException {
        assertEquals(only(BANANA, REVENUE, FLAG), search("user:me"));
        assertEquals(only(BANANA, REVENUE, FLAG), search("author:ME"));
        assertEquals(only(SLACK, WEEKLY, SITE_APP), query(db, SearchFilter.compile("user:me", false, BOB, TYPES)));
        assertEquals(only(BANANA, REVENUE, FLAG), search("user:alice"));
        assertEquals(only(BANANA, REVENUE, FLAG), search("user:\"alice anders\""));
        assertEquals(only(SLACK, WEEKLY, SITE_APP), search("author:corp.io"));
        assertEquals(only(SLACK, WEEKLY, SITE_APP), search("user:BROWN"));
        assertEquals(only(), search("user:nobody"));
        // negation keeps rows without a creator
        assertEquals(allBut(BANANA, REVENUE, FLAG), search("-user:me"));
        assertEquals(allBut(BANANA, REVENUE, FLAG), search("-user:alice"));
    }

    @Test
    void typeField() throws SQLException {
        assertEquals(only(SLACK), search("type:destination"));
        assertEquals(only(STRIPE), search("type:source"));
        assertEquals(only(SITE_APP), search("type:site_app"));
        assertEquals(only(SLACK, STRIPE, SITE_APP), search("type:hog_function/"));
        assertEquals(only(WEEKLY, WHATS), search("type:notebook"));
        // exact and case-sensitive
        assertEquals(only(), search("type:Notebook"));
        assertEquals(only(), search("type:note"));
        assertEquals(only(), search("type:Hog_function/"));
        assertEquals(allBut(SLACK, STRIPE, SITE_APP), search("-type:hog_function/"));
        assertEquals(only(SLACK), search("type:hog_function/destination"));
    }

    @Test
    void everyHogFunctionKindExpands() {
        for (String kind : List.of("destination", "site_destination", "internal_destination", "transformation",
                "site_app", "source_webhook", "source", "broadcast", "campaign")) {
            assertEquals(List.of("hog_function/" + kind), SearchFilter.compile("type:" + kind, false, ALICE, TYPES).params());
        }
        assertEquals(List.of("folder"), SearchFilter.compile("type:folder", false, ALICE, TYPES).params());
        assertEquals(List.of("Destination"), SearchFilter.compile("type:Destination", false, ALICE, TYPES).params());
    }

    @Test
    void refField() throws SQLException {
        assertEquals(only(REVENUE), search("ref:i1"));
        assertEquals(only(), search("ref:I1"));
        assertEquals(only(), search("ref:i"));
        // negation keeps rows without a ref
        assertEquals(allBut(REVENUE), search("-ref:i1"));
    }

    @Test
    void unknownFieldIsPlainSubstringOfWholeToken() throws SQLException {
        assertEquals(only(FOOBAR), search("foo:bar"));
        assertEquals(only(FOOBAR), search("FOO:BAR"));
        assertEquals(only(), search("foo:baz"));
        assertEquals(allBut(FOOBAR), search("-foo:bar"));
        assertEquals(only(FOOBAR), searchNames("foo:bar"));
    }

    @Test
    void apostropheSearch() throws SQLException {
        assertEquals(only(WHATS), search("what's"));
        assertEquals(only(WHATS), search("\"what's new\""));
    }

    @Test
    void emptyFieldValueAddsNoCondition() throws SQLException {
        assertEquals(all(), search("path:"));
        assertEquals(all(), search("-ref:"));
        assertEquals(only(SLACK, STRIPE), search("unfiled type:"));
    }

    @Test
    void paramsMatchPlaceholders() {
        for (String text : List.of("a", "-a b/c path:x name:y user:me user:z type:t type:t/ ref:r q:w")) {
            SqlCondition c = SearchFilter.compile(text, false, ALICE, TYPES);
            long marks = c.sql().chars().filter(ch -> ch == '?').count();
            assertEquals(marks, c.params().size(), text);
        }
    }
}
