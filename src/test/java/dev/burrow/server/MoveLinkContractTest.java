package dev.burrow.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Move (§9), link (§10) and counts (§11); examples 19–23 of §21. */
class MoveLinkContractTest extends ContractSupport {

    private List<String> allPaths() {
        return s.column("SELECT path FROM file_system ORDER BY path");
    }

    // ---- §21 examples 19–23 -----------------------------------------------------------------

    @Test
    void moveFolderCarriesItsDescendants() {
        String folder = s.row("OldFolder", "folder");
        s.row("OldFolder/File1", "doc-file");
        s.row("OldFolder/File2", "doc-file");
        TestServer.Reply r = s.post("file_system/" + folder + "/move", "{\"new_path\":\"NewFolder\"}");
        assertEquals(200, r.status(), r.body()::toString);
        assertEquals(folder, r.body().get("id").asText());
        assertEquals("NewFolder", r.body().get("path").asText());
        assertEquals(List.of("NewFolder", "NewFolder/File1", "NewFolder/File2"), allPaths());
    }

    @Test
    void moveCreatesMissingParentsButNotTheTargetItself() {
        String file = s.row("file", "doc-file");
        TestServer.Reply r = s.post("file_system/" + file + "/move", "{\"new_path\":\"A/B/C\"}");
        assertEquals(200, r.status());
        assertEquals(3, r.body().get("depth").asInt());
        assertEquals(List.of(List.of("A", "1", "folder"), List.of("A/B", "2", "folder"), List.of("A/B/C", "3", "doc-file")),
                s.query("SELECT path, depth, type FROM file_system ORDER BY path"));
        // automatically created folders have a null shortcut (§2)
        assertEquals(List.of("null", "null"),
                s.column("SELECT coalesce(shortcut, 'null') FROM file_system WHERE type = 'folder'"));
    }

    @Test
    void linkCreatesMissingParentsButNotTheTargetItself() {
        String file = s.row("file", "doc-file");
        assertEquals(200, s.post("file_system/" + file + "/link", "{\"new_path\":\"A/B/C\"}").status());
        assertEquals(List.of(List.of("A", "1"), List.of("A/B", "2")),
                s.query("SELECT path, depth FROM file_system WHERE type = 'folder' ORDER BY path"));
        assertEquals(List.of("A/B/C", "file"), s.column("SELECT path FROM file_system WHERE type = 'doc-file' ORDER BY path"));
    }

    @Test
    void linkFileMakesALinkRowAndLeavesTheOriginal() {
        String id = s.row(1, "OriginalFile.txt", "feature_flag", "4", false, null, "{\"k\":1}");
        String before = s.query("SELECT path, type, ref, shortcut, meta FROM file_system WHERE id = ?", id).toString();
        TestServer.Reply r = s.post("file_system/" + id + "/link", "{\"new_path\":\"NewFolder/NewFile.txt\"}");
        assertEquals(200, r.status());
        assertNotEquals(id, r.body().get("id").asText());
        assertEquals("NewFolder/NewFile.txt", r.body().get("path").asText());
        assertTrue(r.body().get("shortcut").asBoolean());
        assertEquals(2, r.body().get("depth").asInt());
        assertEquals("feature_flag", r.body().get("type").asText());
        assertEquals("4", r.body().get("ref").asText());
        assertEquals(1, r.body().get("meta").get("k").asInt());
        assertEquals(List.of("folder"), s.column("SELECT type FROM file_system WHERE path = 'NewFolder'"));
        assertEquals(List.of("1"), s.column("SELECT shortcut FROM file_system WHERE path = 'NewFolder/NewFile.txt'"));
        assertEquals(before, s.query("SELECT path, type, ref, shortcut, meta FROM file_system WHERE id = ?", id).toString());
    }

    @Test
    void linkFolderCopiesDescendantsAsLinkRows() {
        String folder = s.row("Folder1", "folder");
        s.row("Folder1/Child.txt", "feature_flag");
        TestServer.Reply r = s.post("file_system/" + folder + "/link", "{\"new_path\":\"LinkedFolder\"}");
        assertEquals(200, r.status());
        assertEquals("LinkedFolder", r.body().get("path").asText());
        assertEquals(1, r.body().get("depth").asInt());
        assertNotEquals(folder, r.body().get("id").asText());
        assertEquals(List.of(List.of("feature_flag", "2", "1")),
                s.query("SELECT type, depth, shortcut FROM file_system WHERE path = 'LinkedFolder/Child.txt'"));
        assertEquals(List.of("Folder1", "Folder1/Child.txt", "LinkedFolder", "LinkedFolder/Child.txt"), allPaths());
    }

    @Test
    void linkOrMoveFolderIntoItselfIsRefused() {
        String id = s.row("Folder2", "folder");
        String before = s.fingerprint();
        assertPlain(s.post("file_system/" + id + "/link", "{\"new_path\":\"Folder2\"}"), 400,
                "Cannot link folder into itself");
        assertPlain(s.post("file_system/" + id + "/move", "{\"new_path\":\"Folder2\"}"), 400,
                "Cannot move folder into itself");
        assertEquals(before, s.fingerprint());
        assertPlain(s.post("file_system/" + id + "/link", "{}"), 400, "new_path is required");
        assertPlain(s.post("file_system/" + id + "/move", "{}"), 400, "new_path is required");
        assertPlain(s.post("file_system/" + id + "/move", "{\"new_path\":\"\"}"), 400, "new_path is required");
        assertEquals(before, s.fingerprint());
    }

    // ---- §9 move rules -------------------------------------------------------------------------

    @Test
    void moveIntoItselfStillCreatesMissingParentsFirst() {
        // only reachable when the folder's own parents are missing: step 3 runs before step 4
        String id = s.row("P/Q", "folder");
        assertPlain(s.post("file_system/" + id + "/move", "{\"new_path\":\"P/Q\"}"), 400,
                "Cannot move folder into itself");
        assertEquals(List.of("P", "P/Q"), allPaths());
    }

    @Test
    void moveFileUpdatesOnlyItsPathWithoutCollisionCheck() {
        String a = s.row("a", "doc-file");
        s.row("b", "doc-file");
        s.row("a/child-like", "doc-file");
        TestServer.Reply r = s.post("file_system/" + a + "/move", "{\"new_path\":\"b\"}");
        assertEquals(200, r.status());
        assertEquals(a, r.body().get("id").asText());
        assertEquals(List.of("a/child-like", "b", "b"), allPaths());
    }

    @Test
    void moveFolderIntoExistingFolderMergesAndAnswersNullIdWithOldPath() {
        String moved = s.row("Src", "folder");
        s.row("Src/one", "doc-file");
        s.row("Src/sub/two", "doc-file");
        String existing = s.row("Dst", "folder");
        TestServer.Reply r = s.post("file_system/" + moved + "/move", "{\"new_path\":\"Dst\"}");
        assertEquals(200, r.status());
        assertTrue(r.body().get("id").isNull(), r.body()::toString);
        assertEquals("Src", r.body().get("path").asText());
        assertEquals(List.of("Dst", "Dst/one", "Dst/sub/two"), allPaths());
        assertEquals(List.of(existing), s.column("SELECT id FROM file_system WHERE type = 'folder'"));
        assertEquals(List.of("2", "3"), s.column("SELECT depth FROM file_system WHERE type <> 'folder' ORDER BY path"));
    }

    @Test
    void moveParentsCountAnyRowInTheProject() {
        s.row(2, "Team2", "folder", null, null, null, null);
        String f = s.row("f", "doc-file");
        s.post("file_system/" + f + "/move", "{\"new_path\":\"Team2/f\"}");
        assertEquals(List.of("1"), s.column("SELECT count(*) FROM file_system WHERE path = 'Team2'"));
    }

    @Test
    void moveFolderRewritesFolderStarRefsAndLabel() {
        String folder = s.row("Old", "folder");
        s.row("Old/Sub", "folder");
        s.star(1, "Old", "folder", "Old", 0, null);
        s.star(1, "Sub", "folder", "Old/Sub", 1, null);
        s.star(1, "My label", "folder", "Old", 2, null);
        s.star(1, "Old", "dashboard", "Old", 3, null);
        assertEquals(200, s.post("file_system/" + folder + "/move", "{\"new_path\":\"New/Place\"}").status());
        assertEquals(List.of(List.of("Place", "New/Place"), List.of("Sub", "New/Place/Sub"),
                List.of("My label", "New/Place"), List.of("Old", "Old")),
                s.query("SELECT path, ref FROM stars ORDER BY ord"));
    }

    @Test
    void moveRecomputesDepthOfDescendants() {
        String folder = s.row("A", "folder");
        s.row("A/b/c", "doc-file");
        s.post("file_system/" + folder + "/move", "{\"new_path\":\"X/Y/Z\"}");
        JsonNode row = s.get("file_system/?path=X/Y/Z/b/c").body().get("results").get(0);
        assertEquals(5, row.get("depth").asInt());
        assertEquals(List.of("5"), s.column("SELECT depth FROM file_system WHERE path = 'X/Y/Z/b/c'"));
        assertEquals(1, s.get("file_system/?depth=5").body().get("count").asInt());
        assertEquals(1, s.get("file_system/?parent=X/Y/Z/b&depth=5").body().get("count").asInt());
    }

    @Test
    void moveAndLinkOfUnknownOrMalformedIdAnswer404() {
        String before = s.fingerprint();
        assertNotFound(s.post("file_system/0190a8d3-0000-7000-8000-000000000000/move", "{\"new_path\":\"x\"}"));
        assertNotFound(s.post("file_system/not-a-uuid/move", "{\"new_path\":\"x\"}"));
        assertNotFound(s.post("file_system/not-a-uuid/link", "{\"new_path\":\"x\"}"));
        assertEquals(before, s.fingerprint());
    }

    @Test
    void moveWithTooDeepPathIsAValidationErrorWithNullAttr() {
        String id = s.row("f", "doc-file");
        String before = s.fingerprint();
        String deep = String.join("/", java.util.Collections.nCopies(51, "a"));
        assertRaised(s.post("file_system/" + id + "/move", "{\"new_path\":" + q(deep) + "}"), 400, "validation_error",
                "invalid_input", "Path can be at most 50 levels deep.", null);
        assertRaised(s.post("file_system/" + id + "/link", "{\"new_path\":" + q("x".repeat(4001)) + "}"), 400,
                "validation_error", "invalid_input", "Path must be 4000 characters or fewer.", null);
        assertEquals(before, s.fingerprint());
    }

    // ---- §10 link rules -----------------------------------------------------------------------

    @Test
    void linkFolderOntoExistingFolderReturnsTheOriginalRow() {
        String folder = s.row("Src", "folder");
        s.row("Src/a", "doc-file");
        s.row("Src/b/c", "doc-file");
        s.row("Dst", "folder");
        TestServer.Reply r = s.post("file_system/" + folder + "/link", "{\"new_path\":\"Dst\"}");
        assertEquals(200, r.status());
        assertEquals(folder, r.body().get("id").asText());
        assertEquals("Src", r.body().get("path").asText());
        assertEquals(List.of("Dst", "Dst/a", "Dst/b/c", "Src", "Src/a", "Src/b/c"), allPaths());
        assertEquals(List.of("1"), s.column("SELECT count(*) FROM file_system WHERE path = 'Dst'"));
        assertEquals(List.of("1", "1"),
                s.column("SELECT shortcut FROM file_system WHERE path LIKE 'Dst/%' ORDER BY path"));
    }

    // ---- §11 counts ------------------------------------------------------------------------------

    @Test
    void countListsUpTo200EntriesByDepthThenPathWithHasMore() {
        String folder = s.row("F", "folder");
        List<String> paths = new ArrayList<>();
        for (int i = 0; i < 203; i++) {
            paths.add(String.format("F/deep/x%03d", i));
        }
        paths.add("F/zz");
        paths.add("F/deep");
        s.rows(paths, "doc-file");
        s.row("Fx", "doc-file");
        s.row("F2/y", "doc-file");
        TestServer.Reply r = s.post("file_system/" + folder + "/count", null);
        assertEquals(200, r.status());
        assertEquals(205, r.body().get("count").asInt());
        JsonNode entries = r.body().get("entries");
        assertEquals(200, entries.size());
        assertEquals("F/deep", entries.get(0).get("path").asText());
        assertEquals("F/zz", entries.get(1).get("path").asText());
        assertEquals("F/deep/x000", entries.get(2).get("path").asText());
        assertTrue(r.body().get("has_more").asBoolean());

        TestServer.Reply small = s.post("file_system/count_by_path?path=F/deep/x001", null);
        assertEquals(0, small.body().get("count").asInt());
        assertFalse(small.body().get("has_more").asBoolean());
    }

    @Test
    void countCountsFilesFoldersAndLinkRowsButNotTheFolder() {
        String folder = s.row("F", "folder");
        s.row("F/sub", "folder");
        s.row("F/sub/file", "doc-file");
        s.row(1, "F/link", "dashboard", "1", true, null, null);
        TestServer.Reply r = s.post("file_system/" + folder + "/count/", null);
        assertEquals(3, r.body().get("count").asInt());
        assertEquals(List.of("F/link", "F/sub", "F/sub/file"), paths(r.body().get("entries")));
        assertFalse(r.body().get("has_more").asBoolean());
    }

    @Test
    void countOnNonFolderIsRefusedAndGetIs405() {
        String file = s.row("file", "doc-file");
        assertPlain(s.post("file_system/" + file + "/count", null), 400, "Count can only be called on folders");
        String folder = s.row("F", "folder");
        assertRaised(s.get("file_system/" + folder + "/count"), 405, "invalid_request", "method_not_allowed",
                null, null);
        assertRaised(s.get("file_system/count_by_path?path=F"), 405, "invalid_request", "method_not_allowed",
                null, null);
    }

    @Test
    void countByPathNeedsNoFolderRowButNeedsPath() {
        s.row("Ghost/a", "doc-file");
        s.row("Ghost/b/c", "doc-file");
        TestServer.Reply r = s.post("file_system/count_by_path/?path=Ghost", null);
        assertEquals(200, r.status());
        assertEquals(2, r.body().get("count").asInt());
        assertEquals(List.of("Ghost/a", "Ghost/b/c"), paths(r.body().get("entries")));
        assertPlain(s.post("file_system/count_by_path", null), 400, "path parameter is required");
        assertPlain(s.post("file_system/count_by_path?path=", null), 400, "path parameter is required");
    }

    // ---- §4 scoping inside multi-row actions ------------------------------------------------------

    @Test
    void countLeavesOutHogFunctionsOfSiblingEnvironments() {
        String folder = s.row("F", "folder");
        s.row(1, "F/mine", "hog_function/destination", "1", false, null, null);
        s.row(2, "F/theirs", "hog_function/destination", "2", false, null, null);
        s.row(2, "F/shared", "dashboard", "3", false, null, null);
        TestServer.Reply r = s.post("file_system/" + folder + "/count", null);
        assertEquals(2, r.body().get("count").asInt());
        assertEquals(List.of("F/mine", "F/shared"), paths(r.body().get("entries")));
        assertEquals(2, s.post("file_system/count_by_path?path=F", null).body().get("count").asInt());
    }

    @Test
    void moveLeavesSiblingHogFunctionsAndRecreatesTheirFolderChain() {
        String folder = s.row("F", "folder");
        s.row("F/sub", "folder");
        s.row("F/sub/file", "doc-file");
        s.row(2, "F/sub/theirs", "hog_function/destination", "2", false, null, null);
        assertEquals(200, s.post("file_system/" + folder + "/move", "{\"new_path\":\"G\"}").status());
        assertEquals(List.of(List.of("F", "folder", "2"), List.of("F/sub", "folder", "2"),
                List.of("F/sub/theirs", "hog_function/destination", "2"), List.of("G", "folder", "1"),
                List.of("G/sub", "folder", "1"), List.of("G/sub/file", "doc-file", "1")),
                s.query("SELECT path, type, team FROM file_system ORDER BY path"));
    }

    @Test
    void linkCopiesOnlyVisibleDescendants() {
        String folder = s.row("F", "folder");
        s.row("F/file", "doc-file");
        s.row(2, "F/theirs", "hog_function/destination", "2", false, null, null);
        assertEquals(200, s.post("file_system/" + folder + "/link", "{\"new_path\":\"L\"}").status());
        assertEquals(List.of("F", "F/file", "F/theirs", "L", "L/file"), allPaths());
    }
}
