package dev.burrow.server.seed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.burrow.api.EntryPath;
import dev.burrow.api.Json;
import dev.burrow.api.ObjectType;
import dev.burrow.api.WireTime;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DemoSeedTest {

    @TempDir
    static Path dir;
    static SeedStore store;

    @BeforeAll
    static void seed() throws SQLException {
        store = SeedStore.seeded(dir.resolve("demo"), "demo");
    }

    @AfterAll
    static void close() throws SQLException {
        store.close();
    }

    @Test
    void everyTypeHasItsCountOfObjectsEachWithOneOriginalRow() throws SQLException {
        for (Map.Entry<ObjectType, Integer> e : DemoCatalog.COUNTS.entrySet()) {
            String type = e.getKey().wire();
            assertEquals(e.getValue().longValue(), store.count("SELECT count(*) FROM objects WHERE type = ?", type),
                    type);
            assertEquals(e.getValue().longValue(), store.count("SELECT count(*) FROM file_system WHERE type = ?"
                    + " AND shortcut = 0", type), type);
        }
        assertEquals(0, store.count("SELECT count(*) FROM objects o WHERE NOT EXISTS (SELECT 1 FROM file_system f"
                + " WHERE f.type = o.type AND f.ref = o.ref AND f.shortcut = 0)"));
        assertEquals(0, store.count("SELECT count(*) FROM file_system f WHERE type <> 'folder' AND NOT EXISTS"
                + " (SELECT 1 FROM objects o WHERE f.type = o.type AND f.ref = o.ref)"));
    }

    @Test
    void theTreeIsCompleteAndDerivedColumnsMatchThePath() throws SQLException {
        TreeShape.assertComplete(store);
    }

    @Test
    void topLevelHasUnfiledAndHandMadeFolders() throws SQLException {
        List<String> top = store.strings("SELECT path FROM file_system WHERE depth = 1");
        assertTrue(top.containsAll(List.of("Unfiled", "Product", "Marketing", "Engineering", "Customer Success")),
                top::toString);
        assertEquals(top.size(), store.count("SELECT count(*) FROM file_system WHERE depth = 1 AND type = 'folder'"));
        for (ObjectType t : DemoCatalog.COUNTS.keySet()) {
            assertEquals(1, store.count("SELECT count(*) FROM file_system WHERE path = ? AND type = 'folder'",
                    t.defaultFolder()), t.defaultFolder());
        }
    }

    @Test
    void mostObjectsAreUnfiledAndTheRestSitFourToSixDeep() throws SQLException {
        long unfiled = store.count("SELECT count(*) FROM file_system WHERE type <> 'folder' AND path LIKE 'Unfiled/%'");
        long filed = store.count("SELECT count(*) FROM file_system WHERE type <> 'folder' AND path NOT LIKE 'Unfiled/%'");
        assertTrue(unfiled > filed, unfiled + " unfiled vs " + filed);
        for (int depth = 4; depth <= 6; depth++) {
            assertTrue(store.count("SELECT count(*) FROM file_system WHERE type <> 'folder' AND shortcut = 0"
                    + " AND path NOT LIKE 'Unfiled/%' AND depth = ?", depth) > 0, "objects at depth " + depth);
        }
        assertEquals(0, store.count("SELECT count(*) FROM file_system WHERE type <> 'folder'"
                + " AND path NOT LIKE 'Unfiled/%' AND (depth < 4 OR depth > 6)"));
    }

    @Test
    void awkwardNamesAreEscapedAndRoundTrip() throws SQLException {
        for (String name : List.of("Revenue / user", "Über-Funnel", "Café signups", "\"Quoted\" metric",
                "Exports in C:\\Reports\\Q3", "Conversion: mobile / desktop", "日本 launch")) {
            List<String> paths = store.strings("SELECT f.path FROM file_system f JOIN objects o"
                    + " ON o.type = f.type AND o.ref = f.ref WHERE o.name = ? AND f.shortcut = 0", name);
            assertEquals(1, paths.size(), name);
            assertEquals(name, EntryPath.leaf(paths.get(0)));
            assertTrue(paths.get(0).endsWith("/" + EntryPath.escape(name)), paths.get(0));
        }
        assertTrue(store.count("SELECT count(*) FROM file_system WHERE path = ?",
                "Marketing/Campaigns/2026/Q1 \\/ Q2") == 1);
        assertEquals(List.of("Marketing", "Campaigns", "2026", "Q1 / Q2", "Café signups"),
                EntryPath.split(store.strings("SELECT path FROM file_system WHERE path LIKE '%Café signups'"
                        + " AND shortcut = 0").get(0)));
    }

    @Test
    void emptyFoldersExist() throws SQLException {
        for (List<String> folder : DemoCatalog.EMPTY_FOLDERS) {
            String path = EntryPath.join(folder);
            assertEquals(1, store.count("SELECT count(*) FROM file_system WHERE path = ? AND type = 'folder'", path));
            assertEquals(0, store.count("SELECT count(*) FROM file_system WHERE parent = ?", path));
        }
    }

    @Test
    void linkRowsCopyTheOriginalElsewhere() throws SQLException {
        List<String[]> links = store.rows("SELECT path, type, ref, href, meta FROM file_system WHERE shortcut = 1");
        assertEquals(DemoCatalog.LINKS.size(), links.size());
        for (String[] link : links) {
            List<String[]> originals = store.rows("SELECT path, href, meta FROM file_system WHERE type = ?"
                    + " AND ref = ? AND shortcut = 0", link[1], link[2]);
            assertEquals(1, originals.size());
            assertFalse(originals.get(0)[0].equals(link[0]));
            assertEquals(originals.get(0)[1], link[3]);
            assertEquals(originals.get(0)[2], link[4]);
        }
    }

    @Test
    void rowsCarryMetaHrefsAndCreatorsOfTheirObjects() throws SQLException {
        Set<String> users = new HashSet<>(store.strings("SELECT id FROM users"));
        assertEquals(6, users.size());
        List<String[]> rows = store.rows("SELECT f.type, f.ref, f.href, f.meta, f.created_at, f.created_by,"
                + " o.id, o.short_id, o.created_at, o.created_by FROM file_system f JOIN objects o"
                + " ON o.type = f.type AND o.ref = f.ref WHERE f.shortcut = 0");
        for (String[] r : rows) {
            JsonNode meta = Json.parse(r[3]);
            // PostHog writes meta.created_at with Python's str(): a space, microseconds, +00:00
            String metaCreated = meta.get("created_at").asText();
            assertTrue(metaCreated.matches("\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d(\\.\\d{6})?\\+00:00"),
                    metaCreated);
            assertEquals(WireTime.parse(r[8]), WireTime.parse(metaCreated));
            assertEquals(r[9], meta.get("created_by").asText());
            assertEquals(r[4], r[8]);
            assertEquals(r[5], r[9]);
            assertTrue(users.contains(r[9]));
            ObjectType type = ObjectType.of(r[0]).orElseThrow();
            assertEquals(type.refIsShortId() ? r[7] : r[6], r[1]);
            if (type.refIsShortId()) {
                assertTrue(r[7].matches("[0-9A-Za-z]{8}"), r[7]);
            } else {
                assertEquals(null, r[7]);
            }
            assertEquals(type == ObjectType.INSIGHT, meta.has("insight_type"), r[2]);
        }
        assertEquals("/dashboard/", store.strings("SELECT substr(href, 1, 11) FROM file_system WHERE type = 'dashboard'")
                .get(0));
        assertTrue(store.strings("SELECT href FROM file_system WHERE type = 'insight'").get(0)
                .matches("/insights/[0-9A-Za-z]{8}"));
        assertTrue(store.strings("SELECT href FROM file_system WHERE type = 'hog_function/destination'").get(0)
                .matches("/pipeline/destinations/hog-\\d+/configuration"));
    }

    @Test
    void insightAndDashboardPayloadsLookLikePostHogs() throws SQLException {
        Set<String> displays = new HashSet<>();
        for (String text : store.strings("SELECT payload FROM objects WHERE type = 'insight'")) {
            JsonNode p = Json.parse(text);
            assertEquals("InsightVizNode", p.at("/query/kind").asText());
            assertTrue(p.at("/query/source/kind").asText().endsWith("Query"));
            displays.add(p.get("display").asText());
            JsonNode result = p.get("result");
            assertTrue(result.isArray() && result.size() > 0);
            for (JsonNode series : result) {
                long sum = 0;
                for (JsonNode v : series.get("data")) {
                    sum += v.asLong();
                }
                assertEquals(sum, series.get("count").asLong());
                assertEquals(series.get("labels").size(), series.get("data").size());
            }
            if (p.get("display").asText().equals("BoldNumber")) {
                assertEquals(1, result.size());
                assertEquals(1, result.get(0).get("data").size());
            }
        }
        assertEquals(Set.of("ActionsLineGraph", "ActionsBar", "BoldNumber"), displays);
        Set<String> insightIds = new HashSet<>(store.strings("SELECT id FROM objects WHERE type = 'insight'"));
        for (String text : store.strings("SELECT payload FROM objects WHERE type = 'dashboard'")) {
            JsonNode tiles = Json.parse(text).get("tiles");
            assertTrue(tiles.size() >= 3 && tiles.size() <= 8);
            tiles.forEach(t -> assertTrue(insightIds.contains(t.asText()), t.asText()));
        }
    }

    @Test
    void userOneHasStarsAndRecentViewsThatResolve() throws SQLException {
        List<String[]> stars = store.rows("SELECT path, type, ref, href FROM stars WHERE user_id = 1 ORDER BY ord");
        assertTrue(stars.size() >= 3);
        for (String[] s : stars) {
            if (s[1].equals("folder")) {
                assertEquals(1, store.count("SELECT count(*) FROM file_system WHERE type = 'folder' AND path = ?", s[2]));
                assertEquals(EntryPath.escape(EntryPath.leaf(s[2])), s[0]);
            } else {
                assertEquals(1, store.count("SELECT count(*) FROM file_system WHERE type = ? AND ref = ? AND href = ?"
                        + " AND shortcut = 0 AND path LIKE '%/' || ?", s[1], s[2], s[3], s[0]));
            }
        }
        assertTrue(store.count("SELECT count(*) FROM view_log WHERE user_id = 1") >= 10);
        assertEquals(0, store.count("SELECT count(*) FROM view_log v WHERE NOT EXISTS (SELECT 1 FROM objects o"
                + " WHERE o.type = v.type AND o.ref = v.ref)"));
    }

    @Test
    void theDemoIsTheSameEveryTime() throws SQLException {
        try (SeedStore again = SeedStore.seeded(dir.resolve("again"), "demo")) {
            String q = "SELECT id || ' ' || path || ' ' || coalesce(ref, '') || ' ' || created_at FROM file_system"
                    + " ORDER BY rowid";
            assertEquals(store.strings(q), again.strings(q));
            String o = "SELECT type || ref || payload FROM objects ORDER BY rowid";
            assertEquals(store.strings(o), again.strings(o));
        }
    }

    @Test
    void timesSpreadOverEighteenMonthsBeforeTheDemosNow() throws SQLException {
        List<String> times = store.strings("SELECT created_at FROM file_system ORDER BY created_at");
        assertTrue(times.get(0).compareTo("2025-04-01") > 0, times.get(0));
        assertTrue(times.get(0).compareTo("2025-07-01") < 0, times.get(0));
        assertTrue(times.get(times.size() - 1).compareTo("2026-11-01") < 0);
    }
}
