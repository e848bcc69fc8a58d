package dev.burrow.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.burrow.api.FileSystemEntry;
import dev.burrow.api.Json;
import dev.burrow.cli.CliSupport.Result;
import dev.burrow.client.EntryFields;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The tree verbs as a user runs them, against a real local server with the demo project. */
class CliTreeTest {

    private static final String Q1Q2 = "Marketing/Campaigns/2026/Q1 \\/ Q2";
    private static final String CAFE = Q1Q2 + "/Café signups";
    private static final Set<String> ROW_FIELDS = Set.of("id", "path", "depth", "type", "ref", "href", "meta",
            "shortcut", "created_at", "created_by", "last_viewed_at", "user_access_level");

    @TempDir
    Path dir;
    CliSupport s;

    @BeforeEach
    void start() throws Exception {
        s = new CliSupport(dir);
    }

    @AfterEach
    void stop() {
        s.close();
    }

    private static Result ok(Result r) {
        assertEquals(0, r.code(), r::toString);
        return r;
    }

    private static JsonNode json(Result r) {
        return Json.parse(ok(r).out());
    }

    private static Set<String> fields(JsonNode o) {
        Set<String> names = new java.util.HashSet<>();
        o.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private FileSystemEntry only(String path) {
        List<FileSystemEntry> rows = s.rowsAt(path);
        assertEquals(1, rows.size(), () -> path + ": " + rows);
        return rows.get(0);
    }

    @Test
    void lsRootShowsTheDemoTopFoldersWithCounts() {
        String out = ok(s.run("ls")).out();
        for (String top : List.of("Unfiled/", "Product/", "Marketing/")) {
            assertTrue(out.lines().anyMatch(l -> l.startsWith("folder") && l.contains(" " + top)), out);
        }
        long marketing = s.client.fileSystem().countByPath("Marketing").count();
        assertTrue(out.contains("Marketing/  (" + marketing + " items)"), out);
    }

    @Test
    void lsRecursiveListsTheWholeSubtreeInTreeOrder() {
        String out = ok(s.run("ls", "-R", "Marketing")).out();
        List<String> lines = out.lines().toList();
        assertEquals(s.below("Marketing").size(), lines.size(), out);
        int folder = lines.indexOf(lines.stream().filter(l -> l.contains(Q1Q2 + "/  (")).findFirst().orElseThrow());
        assertTrue(lines.get(folder + 1).contains(Q1Q2 + "/"), "children follow their folder: " + out);
        assertTrue(out.contains(CAFE), out);
    }

    @Test
    void lsJsonHasTheApiFieldsAndDescendantCounts() {
        JsonNode doc = json(s.run("ls", "Marketing", "--json"));
        assertEquals(Set.of("path", "recursive", "count", "results"), fields(doc));
        assertEquals("Marketing", doc.get("path").asText());
        assertFalse(doc.get("recursive").asBoolean());
        assertEquals(doc.get("results").size(), doc.get("count").asInt());
        assertTrue(doc.get("results").size() > 0);
        for (JsonNode row : doc.get("results")) {
            Set<String> expected = new java.util.HashSet<>(ROW_FIELDS);
            expected.add("descendants");
            assertEquals(expected, fields(row));
            if (row.get("type").asText().equals("folder")) {
                assertEquals(s.client.fileSystem().countByPath(row.get("path").asText()).count(),
                        row.get("descendants").asLong());
            } else {
                assertTrue(row.get("descendants").isNull());
            }
        }
        JsonNode recursive = json(s.run("ls", "-R", "--json", "Marketing/Campaigns"));
        assertTrue(recursive.get("recursive").asBoolean());
        assertEquals(s.below("Marketing/Campaigns").size(), recursive.get("count").asInt());
    }

    @Test
    void aFolderWithoutARowIsStillAFolder() {
        FileSystemEntry item = s.client.fileSystem().create(EntryFields.of("Solo/x", "doc-file"));
        // PATCH creates no parents: Phantom and Phantom/Deep have no folder rows.
        s.client.fileSystem().patch(item.id(), new EntryFields().path("Phantom/Deep/x"));
        assertTrue(s.rowsAt("Phantom").isEmpty());
        assertTrue(ok(s.run("ls", "Phantom/Deep")).out().contains("x"));
        JsonNode doc = json(s.run("ls", "-R", "--json", "Phantom"));
        JsonNode deep = doc.get("results").get(0);
        assertEquals("Phantom/Deep", deep.get("path").asText());
        assertTrue(deep.get("id").isNull());
        assertEquals(1, deep.get("descendants").asInt());
        assertTrue(ok(s.run("ls", "-R")).out().contains("Phantom/  (1 item)  [no folder row]"));
        // mv of a synthetic folder moves what is below it.
        ok(s.run("mv", "Phantom", "Ghost"));
        assertEquals(item.id(), only("Ghost/Deep/x").id());
        // rm -r of one deletes what is below it (doc-file rows can't be deleted: the server says so).
        Result r = s.run("rm", "-r", "Ghost");
        assertEquals(1, r.code(), r::toString);
        assertTrue(r.err().contains("Cannot delete resources with type 'doc-file'"), r::toString);
    }

    @Test
    void escapedPathsNameItemsWithSlashes() {
        String out = ok(s.run("ls", Q1Q2)).out();
        assertTrue(out.contains("Café signups"), out);
        assertEquals(Long.toString(s.client.fileSystem().countByPath(Q1Q2).count()), ok(s.run("count", Q1Q2)).out()
                .strip());
        Result missing = s.run("ls", "Marketing/Campaigns/2026/Q1 / Q2");
        assertEquals(1, missing.code(), missing::toString);
        assertEquals("burrow: no such path 'Marketing/Campaigns/2026/Q1 / Q2'\n", missing.err());
    }

    @Test
    void findUsesPostHogsSearchLanguage() {
        String out = ok(s.run("find", "name:café")).out();
        assertTrue(out.contains(CAFE), out);
        assertTrue(out.lines().allMatch(l -> l.contains("Café")), out);
        JsonNode doc = json(s.run("find", "name:café", "type:insight", "--json"));
        assertEquals(Set.of("search", "count", "results"), fields(doc));
        assertEquals("name:café type:insight", doc.get("search").asText());
        assertEquals(doc.get("count").asInt(), doc.get("results").size());
        assertTrue(doc.get("count").asInt() >= 1);
        for (JsonNode row : doc.get("results")) {
            assertEquals(ROW_FIELDS, fields(row));
            assertEquals("insight", row.get("type").asText());
        }
    }

    @Test
    void mkdirCreatesAFolderOnce() {
        assertEquals("Sandbox/New \\/ Old\n", ok(s.run("mkdir", "Sandbox/New \\/ Old")).out());
        assertEquals("folder", only("Sandbox/New \\/ Old").type());
        assertEquals("folder", only("Sandbox").type());
        Result again = s.run("mkdir", "Sandbox/New \\/ Old");
        assertEquals(1, again.code());
        assertTrue(again.err().contains("already exists"));
        JsonNode doc = json(s.run("mkdir", "-p", "--json", "Sandbox/New \\/ Old"));
        assertEquals(only("Sandbox/New \\/ Old").id(), doc.get("created").get("id").asText());
    }

    @Test
    void mvMovesAnItemIntoAFolderAndRenames() {
        FileSystemEntry cafe = only(CAFE);
        assertEquals(CAFE + " -> Marketing/SEO/Café signups  (1 row)\n",
                ok(s.run("mv", CAFE, "Marketing/SEO")).out());
        assertTrue(s.rowsAt(CAFE).isEmpty());
        assertEquals(cafe.id(), only("Marketing/SEO/Café signups").id());

        JsonNode doc = json(s.run("mv", "Marketing/SEO/Café signups", "Marketing/SEO/Café \\/ signups", "--json"));
        JsonNode moved = doc.get("moved").get(0);
        assertEquals("patch", moved.get("method").asText());
        assertEquals("Marketing/SEO/Café \\/ signups", moved.get("to").asText());
        assertEquals(cafe.id(), only("Marketing/SEO/Café \\/ signups").id());
    }

    @Test
    void mvOfAFolderUsesTheServersMove() {
        Map<String, String> before = s.below("Marketing/Campaigns").stream()
                .collect(Collectors.toMap(FileSystemEntry::id, FileSystemEntry::path));
        String folderId = only("Marketing/Campaigns").id();
        JsonNode doc = json(s.run("mv", "Marketing/Campaigns", "Product", "--json"));
        JsonNode moved = doc.get("moved").get(0);
        assertEquals("move", moved.get("method").asText());
        assertEquals("Product/Campaigns", moved.get("to").asText());
        assertEquals(before.size() + 1, moved.get("rows").asInt());
        assertEquals(folderId, only("Product/Campaigns").id());
        assertTrue(s.below("Marketing/Campaigns").isEmpty());
        Map<String, String> after = s.below("Product/Campaigns").stream()
                .collect(Collectors.toMap(FileSystemEntry::id, FileSystemEntry::path));
        assertEquals(before.keySet(), after.keySet());
        before.forEach((id, p) -> assertEquals("Product/" + p.substring("Marketing/".length()), after.get(id)));
    }

    @Test
    void mvOfAFolderFallsBackToPatchingEveryRow() {
        Map<String, String> before = s.below("Marketing/Campaigns/2026").stream()
                .collect(Collectors.toMap(FileSystemEntry::id, FileSystemEntry::path));
        String folderId = only("Marketing/Campaigns/2026").id();
        JsonNode doc = json(s.run("mv", "--no-server-move", "Marketing/Campaigns/2026", "Marketing/Y2026", "--json"));
        JsonNode moved = doc.get("moved").get(0);
        assertEquals("patch", moved.get("method").asText());
        assertEquals(before.size() + 1, moved.get("rows").asInt());
        assertEquals(folderId, only("Marketing/Y2026").id());
        assertTrue(s.rowsAt("Marketing/Campaigns/2026").isEmpty());
        assertTrue(s.below("Marketing/Campaigns/2026").isEmpty());
        Map<String, String> after = s.below("Marketing/Y2026").stream()
                .collect(Collectors.toMap(FileSystemEntry::id, FileSystemEntry::path));
        assertEquals(before.keySet(), after.keySet());
        for (Map.Entry<String, String> e : after.entrySet()) {
            assertTrue(e.getValue().startsWith("Marketing/Y2026/"), e::toString);
            assertEquals(before.get(e.getKey()).replace("Marketing/Campaigns/2026/", "Marketing/Y2026/"), e.getValue());
        }
        assertEquals(only("Marketing/Y2026/Q1 \\/ Q2").type(), "folder");
    }

    @Test
    void mvChecksItsArgumentsBeforeMovingAnything() {
        Result tooFew = s.run("mv", CAFE);
        assertEquals(2, tooFew.code());
        assertTrue(tooFew.err().contains("usage: burrow mv"));
        Result intoItself = s.run("mv", "Marketing", "Marketing/Campaigns");
        assertEquals(2, intoItself.code(), intoItself::toString);
        Result noFolder = s.run("mv", CAFE, "Marketing/SEO/Blog/Purchased", "Nowhere");
        assertEquals(1, noFolder.code());
        assertEquals("burrow: no such folder 'Nowhere'\n", noFolder.err());
        Result missing = s.run("mv", "Marketing/Nope", "Product");
        assertEquals(1, missing.code());
        assertEquals("burrow: no such path 'Marketing/Nope'\n", missing.err());
        assertEquals(1, s.rowsAt(CAFE).size());
        // Several sources into one folder.
        ok(s.run("mv", CAFE, "Marketing/SEO/Blog/Purchased", "Design"));
        assertEquals(1, s.rowsAt("Design/Café signups").size());
        assertEquals(1, s.rowsAt("Design/Purchased").size());
    }

    @Test
    void rmNeedsRecursiveForFoldersAndReportsDeletedObjects() {
        Result refused = s.run("rm", Q1Q2);
        assertEquals(2, refused.code());
        assertTrue(refused.err().contains("use rm -r"), refused::toString);
        long rows = s.below(Q1Q2).size();
        JsonNode doc = json(s.run("rm", "-r", Q1Q2, "--json"));
        assertEquals(Set.of("path", "deleted", "rows"), fields(doc));
        assertEquals(Q1Q2, doc.get("path").asText());
        assertEquals(rows, doc.get("deleted").size());
        for (JsonNode d : doc.get("deleted")) {
            assertEquals(Set.of("type", "ref", "mode", "undo", "path", "can_undo"), fields(d));
            assertTrue(d.get("path").asText().startsWith(Q1Q2 + "/"), d::toString);
        }
        assertTrue(s.rowsAt(Q1Q2).isEmpty());
        assertTrue(s.below(Q1Q2).isEmpty());
        String out = ok(s.run("rm", "Marketing/SEO/Blog/Purchased")).out();
        assertTrue(out.startsWith("deleted Marketing/SEO/Blog/Purchased\n  action "), out);
        assertTrue(s.rowsAt("Marketing/SEO/Blog/Purchased").isEmpty());
    }

    @Test
    void shortcutTurnsTheLinkFlagOnAndOff() {
        ok(s.run("shortcut", "on", CAFE));
        assertTrue(only(CAFE).isLink());
        JsonNode doc = json(s.run("shortcut", "off", CAFE, "--json"));
        assertFalse(doc.get("results").get(0).get("shortcut").asBoolean());
        assertFalse(only(CAFE).isLink());
        assertEquals(2, s.run("shortcut", "maybe", CAFE).code());
    }

    @Test
    void linkMakesALinkCopyAndKeepsTheOriginal() {
        FileSystemEntry original = only(CAFE);
        JsonNode doc = json(s.run("link", CAFE, "Design", "--json"));
        JsonNode created = doc.get("created");
        assertEquals("Design/Café signups", created.get("path").asText());
        assertTrue(created.get("shortcut").asBoolean());
        FileSystemEntry link = only("Design/Café signups");
        assertTrue(link.isLink());
        assertEquals(original.ref(), link.ref());
        assertEquals(original.id(), only(CAFE).id());
        ok(s.run("link", CAFE, "Design/Signups alias"));
        assertTrue(only("Design/Signups alias").isLink());
    }

    @Test
    void countPrintsTheNumberOfRowsBelow() {
        assertEquals(s.below("Marketing").size() + "\n", ok(s.run("count", "Marketing")).out());
        JsonNode doc = json(s.run("count", "Marketing", "--json"));
        assertEquals(Set.of("path", "count", "entries", "has_more"), fields(doc));
        assertEquals(s.below("Marketing").size(), doc.get("count").asInt());
        assertEquals(1, s.run("count", CAFE).code());
    }
}
