package dev.burrow.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.burrow.api.Json;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** {@code DELETE file_system/{id}/} (§8) and {@code undo_delete} (§13). */
class DeleteUndoContractTest extends ContractSupport {

    private static final String UNDO_REFUSED =
            "Couldn't restore this. It may already be restored, or you may not have access to it.";

    private List<String> allPaths() {
        return s.column("SELECT path FROM file_system ORDER BY path");
    }

    private static void assertNoContent(TestServer.Reply r) {
        assertEquals(204, r.status(), () -> "body " + r.body());
        assertTrue(r.body().isMissingNode(), () -> "no body expected: " + r.body());
    }

    // ---- link rows and single leaves ------------------------------------------------------------

    @Test
    void deletingALinkRowRemovesOnlyThatRow() {
        s.object("dashboard", "1", 1, "D");
        s.row(1, "Orig", "dashboard", "1", false, null, null);
        String link = s.row(1, "Elsewhere/Alias", "dashboard", "1", true, null, null);
        String unregisteredLink = s.row(1, "Doc alias", "doc-file", "x", true, null, null);
        assertNoContent(s.delete("file_system/" + link + "/"));
        assertNoContent(s.delete("file_system/" + unregisteredLink + "/"));
        assertEquals(List.of("Orig"), allPaths());
        assertEquals(0, s.objectDeleted("dashboard", "1"));
    }

    @Test
    void deletingTheLastRowOfARegisteredTypeDeletesTheObjectAndAnswers200() {
        s.object("dashboard", "7", 7, "Sales");
        String id = s.row(1, "Team/Sales", "dashboard", "7", false, null, null);
        s.row(1, "Other/Alias", "dashboard", "7", true, null, null);
        s.star(1, "Sales", "dashboard", "7", 0, null);
        TestServer.Reply r = s.delete("file_system/" + id + "/");
        assertEquals(200, r.status(), r.body()::toString);
        JsonNode deleted = r.body().get("deleted");
        assertEquals(1, deleted.size());
        JsonNode d = deleted.get(0);
        assertEquals("dashboard", d.get("type").asText());
        assertEquals("7", d.get("ref").asText());
        assertEquals("soft", d.get("mode").asText());
        assertEquals("Team/Sales", d.get("path").asText());
        assertTrue(d.get("can_undo").asBoolean());
        assertTrue(d.get("undo").isTextual());
        assertEquals(1, s.objectDeleted("dashboard", "7"));
        assertEquals(List.of(), allPaths(), "the object's link rows go with it (§2.2)");
        assertEquals(List.of("0"), s.column("SELECT count(*) FROM stars"));
    }

    @Test
    void anotherNonLinkRowForTheSameObjectKeepsTheObject() {
        s.object("dashboard", "7", 7, "Sales");
        String id = s.row(1, "A/Sales", "dashboard", "7", false, null, null);
        s.row(1, "B/Sales", "dashboard", "7", false, null, null);
        assertNoContent(s.delete("file_system/" + id + "/"));
        assertEquals(0, s.objectDeleted("dashboard", "7"));
        assertEquals(List.of("B/Sales"), allPaths());
    }

    @Test
    void lastRowWithoutReferenceIsRefusedAndKept() {
        String nullRef = s.row("No ref", "dashboard");
        String emptyRef = s.row(1, "Empty ref", "dashboard", "", false, null, null);
        String before = s.fingerprint();
        assertRaised(s.delete("file_system/" + nullRef + "/"), 400, "validation_error", "invalid_input",
                "Cannot delete type 'dashboard' without a reference.", "detail");
        assertRaised(s.delete("file_system/" + emptyRef + "/"), 400, "validation_error", "invalid_input",
                "Cannot delete type 'dashboard' without a reference.", "detail");
        assertEquals(before, s.fingerprint());
    }

    @Test
    void unregisteredTypeLeafIsRefused() {
        String id = s.row("Doc", "doc-file");
        String before = s.fingerprint();
        assertRaised(s.delete("file_system/" + id + "/"), 400, "validation_error", "invalid_input",
                "Cannot delete resources with type 'doc-file'.", "detail");
        assertEquals(before, s.fingerprint());
    }

    @Test
    void retiredLinkTypeRowIsSimplyRemoved() {
        String id = s.row(1, "Old link", "link", "3", false, null, null);
        assertNoContent(s.delete("file_system/" + id + "/"));
        assertEquals(List.of(), allPaths());
    }

    @Test
    void surveyAndEarlyAccessFeatureDeletesAreNotUndoable() {
        s.object("survey", "1", 1, "S");
        s.object("early_access_feature", "2", 2, "E");
        String survey = s.row(1, "S", "survey", "1", false, null, null);
        String eaf = s.row(1, "E", "early_access_feature", "2", false, null, null);
        JsonNode d = s.delete("file_system/" + survey + "/").body().get("deleted").get(0);
        assertEquals("soft", d.get("mode").asText());
        assertFalse(d.get("can_undo").asBoolean());
        d = s.delete("file_system/" + eaf + "/").body().get("deleted").get(0);
        assertEquals("hard", d.get("mode").asText());
        assertFalse(d.get("can_undo").asBoolean());
        assertNull(s.objectDeleted("early_access_feature", "2"));
    }

    @Test
    void deleteOfUnknownOrMalformedIdIs404() {
        assertNotFound(s.delete("file_system/0190a8d3-0000-7000-8000-000000000000/"));
        assertNotFound(s.delete("file_system/xyz/"));
    }

    // ---- folders ------------------------------------------------------------------------------

    @Test
    void folderDeleteCascadesAndDeletesEachObjectOnce() {
        s.object("dashboard", "1", 1, "D");
        s.object("insight", "abc", 2, "I");
        String folder = s.row("F", "folder");
        s.row("F/sub", "folder");
        s.row(1, "F/sub/D", "dashboard", "1", false, null, null);
        s.row(1, "F/D again", "dashboard", "1", false, null, null);
        s.row(1, "F/I", "insight", "abc", false, null, null);
        s.row(1, "F/doc alias", "doc-file", "z", true, null, null);
        s.row("Outside", "doc-file");
        TestServer.Reply r = s.delete("file_system/" + folder + "/");
        assertEquals(200, r.status(), r.body()::toString);
        Set<String> kinds = new TreeSet<>();
        r.body().get("deleted").forEach(d -> kinds.add(d.get("type").asText() + ":" + d.get("ref").asText()));
        assertEquals(Set.of("dashboard:1", "insight:abc"), kinds);
        assertEquals(2, r.body().get("deleted").size());
        assertEquals(List.of("Outside"), allPaths());
        assertEquals(1, s.objectDeleted("dashboard", "1"));
        assertEquals(1, s.objectDeleted("insight", "abc"));
    }

    @Test
    void folderDeleteWithOnlyFoldersAndLinkRowsAnswers204() {
        String folder = s.row("F", "folder");
        s.row("F/sub", "folder");
        s.row(1, "F/sub/alias", "doc-file", "1", true, null, null);
        assertNoContent(s.delete("file_system/" + folder + "/"));
        assertEquals(List.of(), allPaths());
    }

    @Test
    void unregisteredDescendantRefusesTheWholeFolderDelete() {
        s.object("dashboard", "1", 1, "D");
        String folder = s.row("F", "folder");
        s.row(1, "F/a-dash", "dashboard", "1", false, null, null);
        s.row(1, "F/a-link", "dashboard", "1", true, null, null);
        s.row("F/sub", "folder");
        s.row("F/sub/z-doc", "doc-file");
        String before = s.fingerprint();
        assertRaised(s.delete("file_system/" + folder + "/"), 400, "validation_error", "invalid_input",
                "Cannot delete resources with type 'doc-file'.", "detail");
        assertEquals(before, s.fingerprint());
        assertEquals(0, s.objectDeleted("dashboard", "1"));
    }

    @Test
    void nonRecursiveDeleteOfNonEmptyFolderIs409() {
        String folder = s.row("F", "folder");
        s.row(1, "F/alias", "dashboard", "1", true, null, null);
        String before = s.fingerprint();
        TestServer.Reply r = s.delete("file_system/" + folder + "/?recursive=false");
        assertEquals(409, r.status());
        assertEquals(Json.parse("{\"type\":\"server_error\",\"code\":\"directory_not_empty\","
                + "\"detail\":\"Folder is not empty.\",\"attr\":null}"), r.body());
        assertEquals(before, s.fingerprint());
    }

    @Test
    void nonRecursiveDeleteRemovesAnEmptyFolderAndRetiredRows() {
        String empty = s.row("Empty", "folder");
        assertNoContent(s.delete("file_system/" + empty + "/?recursive=false"));
        s.object("link", "4", 4, "L");
        String folder = s.row("F", "folder");
        s.row(1, "F/old", "link", "4", false, null, null);
        assertNoContent(s.delete("file_system/" + folder + "/?recursive=false"));
        assertEquals(List.of(), allPaths());
        assertEquals(0, s.objectDeleted("link", "4"), "objects are never touched");
    }

    // ---- §13 undo_delete ------------------------------------------------------------------------

    @Test
    void undoRestoresASoftDeletedObject() {
        s.object("dashboard", "7", 7, "Sales");
        String id = s.row(1, "Team/Sales", "dashboard", "7", false, null, null);
        s.delete("file_system/" + id + "/");
        TestServer.Reply r = s.post("file_system/undo_delete/", "{\"items\":[{\"type\":\"dashboard\",\"ref\":\"7\"}]}");
        assertEquals(200, r.status(), r.body()::toString);
        assertEquals(Json.parse("{\"undone\":[{\"type\":\"dashboard\",\"ref\":\"7\"}]}"), r.body());
        assertEquals(0, s.objectDeleted("dashboard", "7"));
    }

    @Test
    void undoWithPathRecreatesTheRowAndItsParents() {
        s.object("dashboard", "7", 7, "Sales");
        String id = s.row(1, "Team/Sales", "dashboard", "7", false, null, null);
        String path = s.delete("file_system/" + id + "/").body().get("deleted").get(0).get("path").asText();
        TestServer.Reply r = s.post("file_system/undo_delete/",
                "{\"items\":[{\"type\":\"dashboard\",\"ref\":\"7\",\"path\":" + q(path) + "}]}");
        assertEquals(200, r.status());
        assertEquals(List.of(List.of("Team", "folder"), List.of("Team/Sales", "dashboard")),
                s.query("SELECT path, type FROM file_system ORDER BY path"));
        JsonNode row = s.get("file_system/?type=dashboard&ref=7").body().get("results").get(0);
        assertEquals("/dashboard/7", row.get("href").asText());
    }

    @Test
    void undoWithPathMovesEveryExistingRowOfTheObject() {
        s.object("dashboard", "7", 7, "Sales");
        s.sql("UPDATE objects SET deleted = 1 WHERE type = 'dashboard' AND ref = '7'");
        s.row(1, "A/Sales", "dashboard", "7", false, null, null);
        s.row(1, "B/Alias", "dashboard", "7", true, null, null);
        assertEquals(200, s.post("file_system/undo_delete/",
                "{\"items\":[{\"type\":\"dashboard\",\"ref\":\"7\",\"path\":\"C/Sales\"}]}").status());
        assertEquals(List.of("C/Sales", "C/Sales"),
                s.column("SELECT path FROM file_system WHERE type = 'dashboard'"));
    }

    @Test
    void undoAnswersItemsSortedByTypeAndRef() {
        s.object("insight", "b", 2, "I");
        s.object("dashboard", "9", 9, "D");
        s.sql("UPDATE objects SET deleted = 1");
        TestServer.Reply r = s.post("file_system/undo_delete/",
                "{\"items\":[{\"type\":\"insight\",\"ref\":\"b\"},{\"type\":\"dashboard\",\"ref\":\"9\"}]}");
        assertEquals(Json.parse("{\"undone\":[{\"type\":\"dashboard\",\"ref\":\"9\"},{\"type\":\"insight\",\"ref\":\"b\"}]}"),
                r.body());
    }

    @Test
    void undoRefusesUnknownLiveAndUnrestorableObjects() {
        s.object("dashboard", "live", 1, "Live");
        s.object("survey", "1", 2, "S");
        String survey = s.row(1, "S", "survey", "1", false, null, null);
        s.delete("file_system/" + survey + "/");
        String before = s.fingerprint();
        for (String item : List.of("{\"type\":\"dashboard\",\"ref\":\"nope\"}", "{\"type\":\"dashboard\",\"ref\":\"live\"}",
                "{\"type\":\"survey\",\"ref\":\"1\"}", "{\"type\":\"doc-file\",\"ref\":\"1\"}")) {
            assertRaised(s.post("file_system/undo_delete/", "{\"items\":[" + item + "]}"), 400, "validation_error",
                    "invalid_input", UNDO_REFUSED, "detail");
        }
        assertEquals(before, s.fingerprint());
    }

    @Test
    void oneRefusedItemRestoresNothing() {
        s.object("dashboard", "1", 1, "D");
        s.object("dashboard", "2", 2, "E");
        s.sql("UPDATE objects SET deleted = 1 WHERE ref = '1'");
        String before = s.fingerprint();
        assertRaised(s.post("file_system/undo_delete/", "{\"items\":[{\"type\":\"dashboard\",\"ref\":\"1\","
                + "\"path\":\"X/D\"},{\"type\":\"dashboard\",\"ref\":\"2\"}]}"), 400, "validation_error",
                "invalid_input", UNDO_REFUSED, "detail");
        assertEquals(before, s.fingerprint());
        assertEquals(1, s.objectDeleted("dashboard", "1"));
    }

    @Test
    void undoBodyValidation() {
        String before = s.fingerprint();
        assertRaised(s.post("file_system/undo_delete/", "{}"), 400, "validation_error", "required",
                "This field is required.", "items");
        assertRaised(s.post("file_system/undo_delete/", "{\"items\":[]}"), 400, "validation_error", "empty", null,
                "items");
        assertRaised(s.post("file_system/undo_delete/", "{\"items\":\"x\"}"), 400, "validation_error", "not_a_list",
                null, "items");
        assertRaised(s.post("file_system/undo_delete/", "{\"items\":[{\"type\":\"dashboard\"}]}"), 400,
                "validation_error", "required", "This field is required.", "items__0__ref");
        assertEquals(before, s.fingerprint());
    }

    @Test
    void folderDeleteLeavesSiblingHogFunctionsAndRecreatesTheirFolderChain() {
        s.object("dashboard", "1", 1, "D");
        String folder = s.row("F", "folder");
        s.row("F/sub", "folder");
        s.row(1, "F/sub/D", "dashboard", "1", false, null, null);
        s.row(2, "F/sub/theirs", "hog_function/destination", "2", false, null, null);
        TestServer.Reply r = s.delete("file_system/" + folder + "/");
        assertEquals(200, r.status(), r.body()::toString);
        assertEquals(1, r.body().get("deleted").size());
        assertEquals(List.of(List.of("F", "folder", "2"), List.of("F/sub", "folder", "2"),
                List.of("F/sub/theirs", "hog_function/destination", "2")),
                s.query("SELECT path, type, team FROM file_system ORDER BY path"));
    }

    @Test
    void nonRecursiveDeleteIgnoresInvisibleDescendants() {
        String folder = s.row("F", "folder");
        s.row(2, "F/theirs", "hog_function/destination", "2", false, null, null);
        assertNoContent(s.delete("file_system/" + folder + "/?recursive=false"));
        assertEquals(List.of(List.of("F", "2"), List.of("F/theirs", "2")),
                s.query("SELECT path, team FROM file_system ORDER BY path"));
    }
}
