package dev.burrow.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.burrow.server.store.Database;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The {@code count} of a list page when it is not counted row by row: a folder's children from
 * the kept counts, any other list from its last page. Counts, pages, order and the links to the
 * next and previous pages stay as a count of the rows gives them, at every boundary.
 */
class ListingCountsTest extends ContractSupport {

    private JsonNode page(String query) {
        TestServer.Reply r = s.get("file_system/?" + query);
        assertEquals(200, r.status(), query);
        return r.body();
    }

    /** Every page of {@code query} by {@code limit}, checked against the whole list read at once. */
    private void assertPagesAgree(String query, long expectedCount) {
        JsonNode whole = page(query + "&limit=100000");
        assertEquals(expectedCount, whole.get("count").asLong(), query);
        List<String> all = paths(whole);
        assertEquals(expectedCount, all.size(), query);
        for (int limit = 1; limit <= all.size() + 1; limit++) {
            for (int offset = 0; offset <= all.size() + 2; offset++) {
                JsonNode p = page(query + "&limit=" + limit + "&offset=" + offset);
                String at = query + " limit " + limit + " offset " + offset;
                assertEquals(expectedCount, p.get("count").asLong(), at);
                assertEquals(all.subList(Math.min(offset, all.size()), Math.min(offset + limit, all.size())), paths(p), at);
                assertEquals(offset + limit < expectedCount, !p.get("next").isNull(), "next of " + at);
                assertEquals(offset > 0, !p.get("previous").isNull(), "previous of " + at);
            }
        }
    }

    @Test
    void anEmptyFolderCountsNothingAtAnyOffset() {
        s.row("Empty", "folder");
        assertPagesAgree("parent=Empty&depth=2", 0);
        assertEquals(0, page("parent=Empty&depth=2&offset=5").get("results").size());
    }

    @Test
    void aFolderPageCountsItsListedVisibleChildrenAtEveryBoundary() {
        s.row("F", "folder");
        // ties on the lower-cased path: folders first, then by path; links, workflows and other
        // environments' hog functions are not listed; rows deeper down are not children
        s.row("F/b", "folder");
        s.row("F/B", "doc-file");
        s.row("F/b", "insight");
        s.row("F/a", "dashboard");
        s.row("F/c", "link");
        s.row("F/d", "hog_flow");
        s.row("F/b/deeper", "insight");
        s.row(2, "F/e", "hog_function/destination", "h2", false, null, null);
        s.row(1, "F/f", "hog_function/destination", "h1", false, null, null);
        s.row(2, "F/g", "dashboard", "d2", false, null, null);
        s.row("F\\/x", "insight"); // a sibling named "F/x": not in F
        assertPagesAgree("parent=F&depth=2", 6);
        List<String> order = paths(page("parent=F&depth=2"));
        assertEquals("F/b", order.get(0), "the folder row comes first");
        assertTrue(order.indexOf("F/a") > 0 && order.indexOf("F/a") < order.indexOf("F/B"), order.toString());
        assertTrue(order.contains("F/f") && order.contains("F/g") && !order.contains("F/e"), order.toString());
    }

    @Test
    void theTopLevelAndFilteredFolderPagesCountAlike() {
        s.rows(List.of("T1/x", "T1/y", "T2/z"), "doc-file");
        s.row("T1", "folder");
        s.row("T3", "link");
        long top = Long.parseLong(s.column("SELECT count(*) FROM file_system WHERE parent = ''"
                + " AND type NOT IN ('link', 'message_template', 'hog_flow')").get(0));
        assertPagesAgree("depth=1", top);
        // a further filter narrows the children: counted from the rows
        assertPagesAgree("parent=T1&depth=2&type=doc-file", 2);
        assertPagesAgree("parent=T1&depth=2&not_type=doc-file", 0);
    }

    @Test
    void searchesAndOtherListsCountTheirRowsAtEveryBoundary() {
        s.rows(List.of("S/churn a", "S/Churn b", "S/churn/c", "S/other", "T/churned"), "insight");
        s.row("S", "folder");
        s.row("S/churn", "folder");
        assertPagesAgree("search=churn", 5);
        assertPagesAgree("search=path%3Achurn", 1);
        assertPagesAgree("search=nothing-matches", 0);
        assertPagesAgree("parent=S", 5);
        assertPagesAgree("type=insight&order_by=-path", 5);
    }

    @Test
    void aRowWithTheFoldersOwnPathAndASlashMovesAsAnInsertOfItsNewPathWouldStoreIt() {
        String folder = s.row("X", "folder");
        s.rows(List.of("X/a", "X/b/c", "X/"), "insight");
        assertEquals(200, s.post("file_system/" + folder + "/move", "{\"new_path\":\"Y\"}").status());
        CountCheck.assertMatchesRows(s.server().database());
        assertEquals(List.of(List.of("", "y")), s.query("SELECT parent, name_lower FROM file_system WHERE path = 'Y/'"));
        assertPagesAgree("parent=Y&depth=2", 1); // Y/a; Y/b/c lies deeper and Y/b has no row
    }

    @Test
    void aStoreFromBeforeFoldersChildrenWereKeptIsCountedWhenOpened() throws Exception {
        s.close();
        s = TestServer.start("demo", List.of(new ApiKey(TestServer.KEY, Set.of())), false);
        java.nio.file.Path dir = s.dataDir();
        s.close();
        try (Database db = Database.open(dir, 1)) {
            db.write(c -> {
                dev.burrow.server.store.TreeRows.insert(c, new dev.burrow.server.store.TreeRow("odd", 1, "Z/", "insight",
                        "o", null, false, null, "2026-01-01T00:00:00Z", 1L));
                try (var st = c.createStatement()) {
                    st.execute("DROP TABLE child_counts"); // the schema of version 5
                    // the odd row as an earlier folder move left it: with the parent of a row below Z
                    st.execute("UPDATE file_system SET parent = 'Z' WHERE id = 'odd'");
                    st.execute("PRAGMA user_version = 5");
                }
                return null;
            });
        }
        s = TestServer.start("demo", List.of(new ApiKey(TestServer.KEY, Set.of())), false, dir);
        for (String parent : s.column("SELECT DISTINCT parent FROM file_system WHERE parent <> '' LIMIT 20")) {
            String found = s.column("SELECT count(*) FROM file_system WHERE parent = ? AND type NOT IN ('link',"
                    + " 'message_template', 'hog_flow')", parent).get(0);
            JsonNode p = page("parent=" + java.net.URLEncoder.encode(parent, java.nio.charset.StandardCharsets.UTF_8)
                    + "&depth=" + (dev.burrow.api.EntryPath.depth(parent) + 1) + "&limit=1");
            assertEquals(found, p.get("count").asText(), parent);
        }
    }
}
