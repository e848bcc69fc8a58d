package dev.burrow.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.burrow.api.FileSystemEntry;
import dev.burrow.api.Json;
import dev.burrow.cli.CliSupport.Result;
import dev.burrow.client.EntryFields;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The command line keeps the tree's rules, because it runs the tree's operations: where the
 * window would move a folder row by row (so that nothing is merged or filed behind its back) or
 * delete a link folder link by link, so does {@code burrow}.
 */
class CliTreeRulesTest {

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

    private JsonNode json(Result r) {
        assertEquals(0, r.code(), r::toString);
        return Json.parse(r.out());
    }

    private String create(String path, String type) {
        return s.client.fileSystem().create(EntryFields.of(path, type)).id();
    }

    @Test
    void aFolderMovedOntoAFolderOfTheSameNameIsNotMergedButMovedRowByRow() {
        String moving = create("Left/Reports", "folder");
        String inside = create("Left/Reports/Weekly", "doc-file");
        String staying = create("Right/Reports", "folder");
        JsonNode moved = json(s.run("mv", "Left/Reports", "Right", "--json")).get("moved").get(0);
        assertEquals("patch", moved.get("method").asText(), "POST move would merge the two folder rows");
        assertEquals(2, moved.get("rows").asInt());
        List<String> folderRows = s.rowsAt("Right/Reports").stream().map(FileSystemEntry::id).sorted().toList();
        assertEquals(List.of(moving, staying).stream().sorted().toList(), folderRows, "both folder rows are kept");
        assertEquals(inside, s.rowsAt("Right/Reports/Weekly").get(0).id());
        assertTrue(s.rowsAt("Left/Reports").isEmpty());
    }

    @Test
    void aFolderMovedIntoAFolderWithoutARowLeavesItWithoutOne() {
        String item = create("Solo/x", "doc-file");
        s.client.fileSystem().patch(item, new EntryFields().path("Phantom/x")); // a PATCH files no parent
        create("Box/inside", "doc-file");
        JsonNode moved = json(s.run("mv", "Box", "Phantom", "--json")).get("moved").get(0);
        assertEquals("patch", moved.get("method").asText(), "POST move would file a folder row for Phantom");
        assertTrue(s.rowsAt("Phantom").isEmpty(), "Phantom still has no folder row");
        assertEquals(1, s.rowsAt("Phantom/Box/inside").size());
    }

    @Test
    void aLinkedFolderIsDeletedLinkByLinkAndTheOriginalStays() {
        long before = s.below("Marketing/SEO").size();
        assertEquals(0, s.run("link", "Marketing/SEO", "Design").code());
        assertTrue(s.rowsAt("Design/SEO").get(0).isLink());
        assertFalse(s.below("Design/SEO").isEmpty());
        JsonNode doc = json(s.run("rm", "-r", "Design/SEO", "--json"));
        assertEquals(before + 1, doc.get("rows").asInt(), "the link folder and every link below it");
        assertTrue(s.rowsAt("Design/SEO").isEmpty());
        assertTrue(s.below("Design/SEO").isEmpty());
        assertEquals(before, s.below("Marketing/SEO").size(), "the linked originals are all there");
    }
}
