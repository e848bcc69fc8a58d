package dev.burrow.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.burrow.server.store.Database;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code count} and {@code count_by_path} read counts that every write keeps (§11): after any
 * mix of creates, PATCHes of path and type, moves, merges, links, deletes, undos, unfiled and
 * other environments' hog functions, they equal a recount of the rows; so do the counts of
 * each type that searches read.
 */
class TreeCountsTest extends ContractSupport {

    private static final String[] NAMES = {"a", "b", "a\\/b", "a\\\\/b", "c d", "ä", ""};
    private static final String[] TYPES = {"folder", "folder", "doc-file", "dashboard", "insight",
        "hog_function/destination", "link"};

    @TempDir
    Path other;

    private String randomPath(Random random) {
        StringBuilder p = new StringBuilder();
        int depth = 1 + random.nextInt(4);
        for (int i = 0; i < depth; i++) {
            if (i > 0) {
                p.append('/');
            }
            String name = NAMES[random.nextInt(NAMES.length)];
            p.append(name.isEmpty() ? "e" + random.nextInt(3) : name);
        }
        return p.toString();
    }

    private List<String> ids() {
        return s.column("SELECT id FROM file_system WHERE team = 1 ORDER BY id");
    }

    /** Every count the API gives equals a recount of the visible rows. */
    private void assertCountsExact() {
        CountCheck.assertMatchesRows(s.server().database());
        Map<String, Long> expected = CountCheck.visibleBelowEachPrefix(s.server().database(), 1);
        for (Map.Entry<String, Long> e : expected.entrySet()) {
            JsonNode r = s.post("file_system/count_by_path?path=" + URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8),
                    null).body();
            assertEquals(e.getValue().longValue(), r.get("count").asLong(), "count below " + e.getKey());
            assertEquals(Math.min(200, e.getValue()), r.get("entries").size(), "preview below " + e.getKey());
            assertEquals(e.getValue() > 200, r.get("has_more").asBoolean(), "has_more below " + e.getKey());
        }
        // a folder's page: its count is kept, and equals a count of the rows the page's condition finds
        for (String parent : s.column("SELECT DISTINCT parent FROM file_system WHERE parent <> ''")) {
            if (!dev.burrow.api.EntryPath.normalize(parent).equals(parent)) {
                continue; // such a page is not one folder's children: counted from the rows
            }
            String found = s.column("SELECT count(*) FROM file_system WHERE type NOT IN ('link', 'message_template',"
                    + " 'hog_flow') AND (team = 1 OR substr(type, 1, 13) <> 'hog_function/') AND path >= ? AND path < ?"
                    + " AND parent = ?", parent + "/", parent + "0", parent).get(0);
            JsonNode page = s.get("file_system/?parent=" + URLEncoder.encode(parent, StandardCharsets.UTF_8)
                    + "&depth=" + (dev.burrow.api.EntryPath.depth(parent) + 1) + "&limit=3").body();
            assertEquals(found, page.get("count").asText(), "children of " + parent);
            assertEquals(Math.min(3, Long.parseLong(found)), page.get("results").size(), "page of " + parent);
        }
        for (List<String> folder : s.query("SELECT id, path FROM file_system WHERE type = 'folder'")) {
            JsonNode r = s.post("file_system/" + folder.get(0) + "/count", null).body();
            assertEquals(expected.getOrDefault(folder.get(1), 0L).longValue(), r.get("count").asLong(), folder.get(1));
        }
    }

    @Test
    void countsStayExactThroughEveryKindOfWrite() {
        Random random = new Random(15);
        for (int i = 0; i < 12; i++) {
            s.object("dashboard", Integer.toString(i), i, "Dash " + i);
        }
        s.get("file_system/unfiled/");
        List<JsonNode> undoable = new ArrayList<>();
        for (int step = 0; step < 400; step++) {
            List<String> ids = ids();
            String id = ids.isEmpty() ? null : ids.get(random.nextInt(ids.size()));
            int op = id == null ? 0 : random.nextInt(11);
            String path = randomPath(random);
            switch (op) {
                case 0, 1 -> s.post("file_system/", "{\"path\":" + q(path) + ",\"type\":"
                        + q(TYPES[random.nextInt(TYPES.length)]) + ",\"ref\":" + q("r" + random.nextInt(4)) + "}");
                case 2 -> s.patch("file_system/" + id + "/", "{\"path\":" + q(path) + "}");
                case 3 -> s.patch("file_system/" + id + "/", "{\"type\":" + q(TYPES[random.nextInt(TYPES.length)])
                        + "}");
                case 4, 5 -> s.post("file_system/" + id + "/move", "{\"new_path\":" + q(random.nextInt(5) == 0
                        ? path.replace("/", "//") + "/" : path) + "}");
                case 6 -> s.post("file_system/" + id + "/link", "{\"new_path\":" + q(path) + "}");
                case 7 -> {
                    TestServer.Reply r = s.delete("file_system/" + id + "/" + (random.nextBoolean() ? ""
                            : "?recursive=false"));
                    r.body().path("deleted").forEach(d -> {
                        if (d.path("can_undo").asBoolean()) {
                            undoable.add(d);
                        }
                    });
                }
                case 8 -> {
                    if (!undoable.isEmpty()) {
                        JsonNode d = undoable.remove(random.nextInt(undoable.size()));
                        s.post("file_system/undo_delete/", "{\"items\":[{\"type\":" + q(d.path("type").asText())
                                + ",\"ref\":" + q(d.path("ref").asText()) + ",\"path\":" + q(path) + "}]}");
                    }
                }
                case 9 -> s.row(2, path, "hog_function/destination", "h" + step, false, null, null);
                default -> s.get("file_system/unfiled/");
            }
            if (step % 50 == 49) {
                assertCountsExact();
            }
        }
        assertTrue(ids().size() > 20, "the writes left a tree to count");
        assertCountsExact();
    }

    @Test
    void aFailedWriteLeavesTheCountsAsTheyWere() {
        String folder = s.row("F", "folder");
        s.rows(List.of("F/a", "F/b", "F/c/d"), "doc-file");
        s.row("F/e", "survey-unknown");
        // refused half-way: the unknown type cannot be deleted, so the whole delete rolls back
        assertEquals(400, s.delete("file_system/" + folder + "/").status());
        assertCountsExact();
        assertEquals(4, s.post("file_system/" + folder + "/count", null).body().get("count").asInt());
    }

    @Test
    void aStoreFromBeforeCountsWereKeptIsCountedAndSearchableWhenOpened() throws Exception {
        s.close();
        s = TestServer.start("demo", List.of(new ApiKey(TestServer.KEY, Set.of())), false);
        Path dir = s.dataDir();
        s.close();
        try (Database db = Database.open(dir, 1)) {
            db.write(c -> {
                try (var st = c.createStatement()) {
                    // the schema of version 3: no counts, the haystack's search index
                    st.execute("DROP TABLE subtree_counts");
                    st.execute("DROP TABLE type_counts");
                    st.execute("DROP TABLE child_counts");
                    st.execute("DROP INDEX fs_listing");
                    st.execute("CREATE INDEX fs_search ON file_system(haystack, type, team)");
                    st.execute("PRAGMA user_version = 3");
                }
                return null;
            });
        }
        try (Database db = Database.open(dir, 1)) {
            CountCheck.assertMatchesRows(db);
            assertTrue(db.read(c -> {
                try (var st = c.createStatement(); var rs = st.executeQuery("SELECT count(*) FROM subtree_counts")) {
                    return rs.getLong(1);
                }
            }) > 10, "the demo's folders are counted");
        }
        s = TestServer.start("demo", List.of(new ApiKey(TestServer.KEY, Set.of())), false, dir);
        assertEquals(s.column("SELECT count(*) FROM file_system WHERE type NOT IN ('link', 'message_template',"
                + " 'hog_flow') AND (instr(lower(path), 'activation') > 0 OR instr(lower(type), 'activation') > 0)")
                .get(0), s.get("file_system/?search=activation").body().get("count").asText());
    }

    @Test
    void seedsAreCounted() throws Exception {
        for (String seed : List.of("demo", "3000")) {
            s.close();
            s = TestServer.start(seed, List.of(new ApiKey(TestServer.KEY, Set.of())), false);
            CountCheck.assertMatchesRows(s.server().database());
            JsonNode root = s.get("file_system/?depth=1&limit=1").body().get("results").get(0);
            assertEquals(CountCheck.visibleBelowEachPrefix(s.server().database(), 1)
                    .getOrDefault(root.get("path").asText(), 0L).longValue(),
                    s.post("file_system/" + root.get("id").asText() + "/count", null).body().get("count").asLong());
        }
    }
}
