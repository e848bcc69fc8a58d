package dev.burrow.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.burrow.api.Json;
import dev.burrow.api.WireTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Listing, create, retrieve and update of {@code file_system/} (§5, §7, examples 4–18 of §21). */
class FileSystemContractTest extends ContractSupport {

    // ---- §21 examples 4–11: create, retrieve, update -------------------------------------

    @Test
    void emptyProjectListsNothing() {
        TestServer.Reply r = s.get("file_system/");
        assertEquals(200, r.status());
        assertEquals(0, r.body().get("count").asInt());
        assertTrue(r.body().get("results").isArray());
        assertEquals(0, r.body().get("results").size());
        assertTrue(r.body().get("next").isNull());
        assertTrue(r.body().get("previous").isNull());
        assertEquals(0, r.body().get("users").size());
    }

    @Test
    void createFileEchoesPathTypeMetaAndShortcutFalse() {
        TestServer.Reply r = s.post("file_system/",
                "{\"path\":\"MyFolder/Document.txt\",\"type\":\"doc-file\",\"meta\":{\"description\":\"A test file\"}}");
        assertEquals(201, r.status(), r.body()::toString);
        assertFalse(r.body().path("id").asText().isEmpty());
        assertEquals("MyFolder/Document.txt", r.body().get("path").asText());
        assertEquals("doc-file", r.body().get("type").asText());
        assertFalse(r.body().get("shortcut").asBoolean(true));
        assertTrue(r.body().get("shortcut").isBoolean());
        assertEquals(Json.parse("{\"description\":\"A test file\"}"), r.body().get("meta"));
        assertEquals(2, r.body().get("depth").asInt());
    }

    @Test
    void createLinkRowKeepsShortcutTrueAndMetaUnchanged() {
        TestServer.Reply r = s.post("file_system/", "{\"path\":\"MyFolder/Document.txt\",\"type\":\"doc-file\","
                + "\"shortcut\":true,\"meta\":{\"description\":\"A test file\",\"created_by\":1}}");
        assertEquals(201, r.status(), r.body()::toString);
        assertTrue(r.body().get("shortcut").asBoolean());
        assertEquals(Json.parse("{\"description\":\"A test file\",\"created_by\":1}"), r.body().get("meta"));
    }

    @Test
    void retrieveAnswersTheStoredRow() {
        String id = s.row("MyFolder/RetrievedFile.txt", "test-type");
        TestServer.Reply r = s.get("file_system/" + id + "/");
        assertEquals(200, r.status());
        assertEquals(id, r.body().get("id").asText());
        assertEquals("MyFolder/RetrievedFile.txt", r.body().get("path").asText());
        assertEquals("test-type", r.body().get("type").asText());
        assertTrue(r.body().get("last_viewed_at").isNull());
    }

    @Test
    void patchChangesPathAndTypeInStorage() {
        String id = s.row("OldPath/file.txt", "old-type");
        TestServer.Reply r = s.patch("file_system/" + id + "/", "{\"path\":\"NewPath/file.txt\",\"type\":\"new-type\"}");
        assertEquals(200, r.status(), r.body()::toString);
        assertEquals("NewPath/file.txt", r.body().get("path").asText());
        assertEquals("new-type", r.body().get("type").asText());
        assertEquals(List.of(List.of("NewPath/file.txt", "new-type")),
                s.query("SELECT path, type FROM file_system WHERE id = ?", id));
    }

    @Test
    void createComputesDepthFromSegments() {
        assertEquals(1, s.post("file_system/", "{\"path\":\"Documents\",\"type\":\"feature_flag\"}")
                .body().get("depth").asInt());
        TestServer.Reply r = s.post("file_system/", "{\"path\":\"Folder/Subfolder/File\",\"type\":\"feature_flag\"}");
        assertEquals(201, r.status());
        assertEquals(3, r.body().get("depth").asInt());
    }

    @Test
    void patchRecomputesDepth() {
        String a = s.row("OldPath/file.txt", "doc-file");
        TestServer.Reply r = s.patch("file_system/" + a + "/", "{\"path\":\"NewPath/Subfolder/file.txt\"}");
        assertEquals(200, r.status());
        assertEquals(3, r.body().get("depth").asInt());
        String b = s.row("A/B/C", "doc-file");
        r = s.patch("file_system/" + b + "/", "{\"path\":\"SingleSegment\"}");
        assertEquals(200, r.status());
        assertEquals(1, r.body().get("depth").asInt());
        assertEquals(List.of("1"), s.column("SELECT depth FROM file_system WHERE id = ?", b));
    }

    @Test
    void createAutoCreatesEveryMissingParentFolder() {
        TestServer.Reply r = s.post("file_system/", "{\"path\":\"a/b/c/d/e\",\"type\":\"doc-file\"}");
        assertEquals(201, r.status());
        assertEquals(5, r.body().get("depth").asInt());
        assertEquals(List.of(List.of("a", "1"), List.of("a/b", "2"), List.of("a/b/c", "3"), List.of("a/b/c/d", "4")),
                s.query("SELECT path, depth FROM file_system WHERE type = 'folder' ORDER BY depth"));
    }

    // ---- §7 rules the examples do not cover ----------------------------------------------

    @Test
    void createMakesParentsOnlyWhereNoRowOfAnyTypeExists() {
        s.row("a", "doc-file");
        s.post("file_system/", "{\"path\":\"a/b/c\",\"type\":\"doc-file\"}");
        assertEquals(List.of("a/b"), s.column("SELECT path FROM file_system WHERE type = 'folder'"));
    }

    @Test
    void createIgnoresRowsOfSiblingEnvironmentsWhenMakingParents() {
        s.row(2, "a", "folder", null, null, null, null);
        s.post("file_system/", "{\"path\":\"a/x\",\"type\":\"doc-file\"}");
        assertEquals(List.of(List.of("1"), List.of("2")),
                s.query("SELECT team FROM file_system WHERE path = 'a' ORDER BY team"));
    }

    @Test
    void createAllowsDuplicates() {
        assertEquals(201, s.post("file_system/", "{\"path\":\"X\",\"type\":\"folder\"}").status());
        assertEquals(201, s.post("file_system/", "{\"path\":\"X\",\"type\":\"folder\"}").status());
        assertEquals(List.of("2"), s.column("SELECT count(*) FROM file_system WHERE path = 'X' AND type = 'folder'"));
    }

    @Test
    void createDefaultsTypeToBlankAndIgnoresDepthInBody() {
        TestServer.Reply r = s.post("file_system/", "{\"path\":\"p/q\",\"depth\":9}");
        assertEquals(201, r.status());
        assertEquals("", r.body().get("type").asText());
        assertEquals(2, r.body().get("depth").asInt());
        assertEquals(Json.object(), r.body().get("meta"));
    }

    @Test
    void createWithoutPathOrWithBlankPathIsRefused() {
        String before = s.fingerprint();
        assertRaised(s.post("file_system/", "{\"type\":\"folder\"}"), 400, "validation_error", "required",
                "This field is required.", "path");
        assertRaised(s.post("file_system/", "{\"path\":\"\",\"type\":\"folder\"}"), 400, "validation_error", "blank",
                "This field may not be blank.", "path");
        assertEquals(before, s.fingerprint());
    }

    @Test
    void patchOfAFolderChangesOnlyThatRow() {
        String folder = s.row("F", "folder");
        s.row("F/child", "doc-file");
        s.star(1, "F", "folder", "F", 0, null);
        TestServer.Reply r = s.patch("file_system/" + folder + "/", "{\"path\":\"G/H/F2\"}");
        assertEquals(200, r.status());
        assertEquals(List.of("F/child", "G/H/F2"), s.column("SELECT path FROM file_system ORDER BY path"));
        assertEquals(List.of("F"), s.column("SELECT ref FROM stars"));
    }

    @Test
    void putRequiresPathAndOtherwiseUpdatesLikePatch() {
        String id = s.row("A/file", "doc-file");
        String before = s.fingerprint();
        assertRaised(s.put("file_system/" + id + "/", "{\"type\":\"x\"}"), 400, "validation_error", "required",
                "This field is required.", "path");
        assertEquals(before, s.fingerprint());
        TestServer.Reply r = s.put("file_system/" + id + "/", "{\"path\":\"B/C/file\",\"type\":\"x\"}");
        assertEquals(200, r.status());
        assertEquals(3, r.body().get("depth").asInt());
        assertEquals("x", r.body().get("type").asText());
        assertEquals(List.of("B/C/file"), s.column("SELECT path FROM file_system"));
    }

    // ---- §21 examples 12–18: listing ------------------------------------------------------

    @Test
    void depthFilterMatchesExactDepth() {
        s.row("OneSegment", "doc-file");
        s.row("Folder/Sub", "doc-file");
        s.row("Deep/Nested/Path", "doc-file");
        TestServer.Reply r = s.get("file_system/?depth=2");
        assertEquals(1, r.body().get("count").asInt());
        assertEquals(List.of("Folder/Sub"), paths(r.body()));
        r = s.get("file_system/?depth=3");
        assertEquals(List.of("Deep/Nested/Path"), paths(r.body()));
    }

    @Test
    void parentFilterMatchesDescendantsAtAnyDepthAndPathIsExact() {
        s.row("RootItem", "doc-file");
        String file1 = s.row("SomeFolder/File1", "doc-file");
        s.row("SomeFolder/SubFolder/File2", "doc-file");
        s.row("AnotherFolder/File3", "doc-file");
        TestServer.Reply r = s.get("file_system/?parent=SomeFolder");
        assertEquals(2, r.body().get("count").asInt());
        assertEquals(List.of("SomeFolder/File1", "SomeFolder/SubFolder/File2"), paths(r.body()));
        assertEquals(1, s.get("file_system/?path=SomeFolder/File1").body().get("count").asInt());
        r = s.get("file_system/?parent=SomeFolder&depth=2");
        assertEquals(1, r.body().get("count").asInt());
        assertEquals(file1, r.body().get("results").get(0).get("id").asText());
    }

    @Test
    void parentPrefixDoesNotMatchEscapedSlashInAName() {
        s.row("Foo\\/Bar", "doc-file");
        s.row("Foo/Baz", "doc-file");
        assertEquals(List.of("Foo/Baz"), paths(s.get("file_system/?parent=Foo").body()));
        assertEquals(2, s.get("file_system/?parent=").body().get("count").asInt());
    }

    @Test
    void pathAndParentFiltersAreCaseSensitive() {
        s.row("Some/File", "doc-file");
        assertEquals(0, s.get("file_system/?path=some/file").body().get("count").asInt());
        assertEquals(0, s.get("file_system/?parent=some").body().get("count").asInt());
    }

    @Test
    void typeFiltersExactPrefixAndExclusion() {
        s.row("FileA.txt", "feature_flag");
        s.row("FileB.txt", "dashboard");
        s.row("FileC.txt", "feature_flag");
        assertEquals(2, s.get("file_system/?type=feature_flag").body().get("count").asInt());
        assertEquals(2, s.get("file_system/?type__startswith=f").body().get("count").asInt());
        TestServer.Reply r = s.get("file_system/?not_type=feature_flag");
        assertEquals(1, r.body().get("count").asInt());
        assertEquals("dashboard", r.body().get("results").get(0).get("type").asText());
    }

    @Test
    void typePrefixFilterMatchesHogFunctionKinds() {
        s.row("D1", "hog_function/destination");
        s.row("D2", "hog_function/site_app");
        s.row("H", "hog");
        assertEquals(List.of("D1", "D2"), paths(s.get("file_system/?type__startswith=hog_function/").body()));
        assertEquals(0, s.get("file_system/?type__startswith=Hog").body().get("count").asInt());
    }

    @Test
    void defaultOrderingIsFoldersFirstWithDepthElseLowerCasedPath() {
        s.row("beta", "folder");
        s.row("alpha", "folder");
        s.row("bFile.txt", "doc-file");
        s.row("Afile.txt", "doc-file");
        assertEquals(List.of("alpha", "beta", "Afile.txt", "bFile.txt"), paths(s.get("file_system/?depth=1").body()));
        assertEquals(List.of("Afile.txt", "alpha", "beta", "bFile.txt"), paths(s.get("file_system/").body()));
    }

    @Test
    void nonIntegerDepthIsIgnoredAsFilterButKeepsFoldersFirst() {
        s.row("b", "folder");
        s.row("a", "doc-file");
        s.row("c/d", "doc-file");
        assertEquals(List.of("b", "a", "c/d"), paths(s.get("file_system/?depth=abc").body()));
    }

    @Test
    void orderByCreatedAtBothWays() {
        s.row(1, "Second", "doc-file", null, false, at("2020-01-02T00:00:00Z"), null);
        s.row(1, "First", "doc-file", null, false, at("2020-01-01T00:00:00Z"), null);
        s.row(1, "Third", "doc-file", null, false, at("2020-01-03T00:00:00Z"), null);
        assertEquals(List.of("Third", "Second", "First"), paths(s.get("file_system/?order_by=-created_at").body()));
        assertEquals(List.of("First", "Second", "Third"), paths(s.get("file_system/?order_by=created_at").body()));
    }

    @Test
    void orderByPathUsesCollationNotLowerCase() {
        s.row("b", "doc-file");
        s.row("B", "doc-file");
        s.row("a", "doc-file");
        assertEquals(List.of("B", "a", "b"), paths(s.get("file_system/?order_by=path").body()));
        assertEquals(List.of("b", "a", "B"), paths(s.get("file_system/?order_by=-path").body()));
    }

    @Test
    void unknownOrderByMeansNewestFirst() {
        s.row(1, "Old", "doc-file", null, false, at("2020-01-01T00:00:00Z"), null);
        s.row(1, "New", "doc-file", null, false, at("2021-01-01T00:00:00Z"), null);
        assertEquals(List.of("New", "Old"), paths(s.get("file_system/?order_by=bogus").body()));
    }

    @Test
    void refFilterOrdersOriginalThenLinkRowsThenNull() {
        s.row(1, "c-null", "dashboard", "7", null, at("2020-01-01T00:00:00Z"), null);
        s.row(1, "a-link", "dashboard", "7", true, at("2020-01-02T00:00:00Z"), null);
        s.row(1, "z-original", "dashboard", "7", false, at("2020-01-03T00:00:00Z"), null);
        s.row(1, "other", "dashboard", "8", false, null, null);
        // ref wins over order_by and depth
        TestServer.Reply r = s.get("file_system/?type=dashboard&ref=7&order_by=path&depth=1");
        assertEquals(List.of("z-original", "a-link", "c-null"), paths(r.body()));
    }

    @Test
    void createdAtBoundsAreStrict() {
        s.row(1, "OldFile", "doc-file", null, false, at("2020-01-01T10:00:00Z"), null);
        s.row(1, "MidFile", "doc-file", null, false, at("2020-01-02T10:00:00Z"), null);
        s.row(1, "NewFile", "doc-file", null, false, at("2020-01-03T10:00:00Z"), null);
        assertEquals(Set.of("MidFile", "NewFile"),
                Set.copyOf(paths(s.get("file_system/?created_at__gt=2020-01-01T12:00:00Z").body())));
        assertEquals(List.of("OldFile"), paths(s.get("file_system/?created_at__lt=2020-01-02T10:00:00Z").body()));
        assertEquals(List.of("MidFile"), paths(s.get(
                "file_system/?created_at__gt=2020-01-01T12:00:00Z&created_at__lt=2020-01-03T00:00:00Z").body()));
    }

    @Test
    void usersListsCreatorsNamedInMeta() {
        s.user(2, "Bea", "Second", "bea@example.com");
        s.row(1, "File1", "doc-file", null, false, null, "{\"created_by\":1}");
        s.row(1, "File2", "doc-file", null, false, null, "{\"created_by\":2}");
        TestServer.Reply r = s.get("file_system/");
        assertEquals(2, r.body().get("count").asInt());
        List<Long> userIds = new ArrayList<>();
        r.body().get("users").forEach(u -> userIds.add(u.get("id").asLong()));
        assertEquals(Set.of(1L, 2L), Set.copyOf(userIds));
        assertEquals(2, userIds.size());
        assertEquals(1, r.body().get("results").get(0).get("meta").get("created_by").asInt());
        assertEquals(2, r.body().get("results").get(1).get("meta").get("created_by").asInt());
    }

    @Test
    void usersIsEmptyWhenNoIntegerCreatorOnThePage() {
        s.row(1, "File1", "doc-file", null, false, null, "{\"created_by\":\"1\"}");
        s.row(1, "File2", "doc-file", null, false, null, "{\"created_by\":null}");
        assertEquals(0, s.get("file_system/").body().get("users").size());
    }

    // ---- §5 paging ---------------------------------------------------------------------------

    @Test
    void pagingGivesAbsoluteNextAndPreviousWithLimitAndOffset() {
        List<String> names = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            names.add("item" + i);
        }
        s.rows(names, "doc-file");
        TestServer.Reply first = s.get("file_system/?depth=1&limit=2");
        assertEquals(5, first.body().get("count").asInt());
        assertEquals(List.of("item0", "item1"), paths(first.body()));
        assertTrue(first.body().get("previous").isNull());
        String next = first.body().get("next").asText();
        assertTrue(next.startsWith(s.server().baseUrl() + "/api/environments/1/file_system/?"), next);
        assertTrue(next.contains("limit=2") && next.contains("offset=2") && next.contains("depth=1"), next);

        TestServer.Reply second = s.send("GET", next, null);
        assertEquals(List.of("item2", "item3"), paths(second.body()));
        String prev = second.body().get("previous").asText();
        assertTrue(prev.startsWith("http://") && prev.contains("limit=2"), prev);
        assertEquals(List.of("item0", "item1"), paths(s.send("GET", prev, null).body()));

        TestServer.Reply last = s.send("GET", second.body().get("next").asText(), null);
        assertEquals(List.of("item4"), paths(last.body()));
        assertTrue(last.body().get("next").isNull());
        assertTrue(last.body().get("previous").asText().contains("offset=2"));
    }

    @Test
    void defaultLimitIsOneHundredAndThereIsNoMaximum() {
        List<String> names = new ArrayList<>();
        for (int i = 0; i < 1200; i++) {
            names.add(String.format("n%04d", i));
        }
        s.rows(names, "doc-file");
        TestServer.Reply page = s.get("file_system/");
        assertEquals(1200, page.body().get("count").asInt());
        assertEquals(100, page.body().get("results").size());
        TestServer.Reply all = s.get("file_system/?limit=1200");
        assertEquals(1200, all.body().get("results").size());
        assertTrue(all.body().get("next").isNull());
    }

    // ---- §6 search basics (only the plain substring rules) ---------------------------------

    @Test
    void searchPlainTokenIsCaseInsensitiveSubstringOfPathOrType() {
        s.row("Reports/Revenue", "dashboard");
        s.row("Other/Thing", "insight");
        s.row("Misc/Note", "doc-file");
        assertEquals(List.of("Reports/Revenue"), paths(s.get("file_system/?search=REVEN").body()));
        assertEquals(List.of("Other/Thing"), paths(s.get("file_system/?search=insig").body()));
    }

    @Test
    void searchNameAndPathFieldsAndNegation() {
        s.row("Alpha/Beta", "doc-file");
        s.row("Beta/Alpha", "doc-file");
        assertEquals(List.of("Alpha/Beta"), paths(s.get("file_system/?search=name:bet").body()));
        assertEquals(List.of("Beta/Alpha"), paths(s.get("file_system/?search=path:bet").body()));
        assertEquals(List.of("Alpha/Beta"), paths(s.get("file_system/?search=-name:alpha").body()));
        assertEquals(List.of("Beta/Alpha"), paths(s.get("file_system/?search=!name:beta").body()));
    }

    @Test
    void searchTokensAreAnded() {
        s.row("red/apple", "doc-file");
        s.row("red/cherry", "doc-file");
        s.row("green/apple", "doc-file");
        assertEquals(List.of("red/apple"), paths(s.get("file_system/?search=red%20apple").body()));
    }

    // ---- §4 scoping ----------------------------------------------------------------------

    @Test
    void siblingEnvironmentRowsAreVisibleExceptHogFunctions() {
        String plain = s.row(2, "Shared", "dashboard", "1", false, null, null);
        String hog = s.row(2, "Hog", "hog_function/destination", "2", false, null, null);
        assertEquals(List.of("Shared"), paths(s.get("file_system/").body()));
        assertEquals(200, s.get("file_system/" + plain + "/").status());
        assertNotFound(s.get("file_system/" + hog + "/"));
        assertNotFound(s.delete("file_system/" + hog + "/"));
    }

    @Test
    void retiredLinkTypeIsHiddenFromLists() {
        s.row("Old link", "link");
        s.row("Kept", "doc-file");
        assertEquals(List.of("Kept"), paths(s.get("file_system/").body()));
    }

    // ---- §5 Recents and §14 log_view ---------------------------------------------------------

    @Test
    void logViewRecordsAndListsNewestFirst() {
        TestServer.Reply r = s.post("file_system/log_view/", "{\"type\":\"dashboard\",\"ref\":\"1\","
                + "\"viewed_at\":\"2024-01-01T00:00:00Z\"}");
        assertEquals(204, r.status());
        s.post("file_system/log_view/", "{\"type\":\"insight\",\"ref\":\"abc\",\"viewed_at\":\"2024-01-02T00:00:00Z\"}");
        // upsert: a second view of the same object replaces the first
        s.post("file_system/log_view/", "{\"type\":\"dashboard\",\"ref\":\"1\",\"viewed_at\":\"2024-01-03T00:00:00Z\"}");
        JsonNode list = s.get("file_system/log_view/").body();
        assertTrue(list.isArray());
        assertEquals(2, list.size());
        assertEquals("dashboard", list.get(0).get("type").asText());
        assertEquals("1", list.get(0).get("ref").asText());
        assertTrue(list.get(0).get("viewed_at").asText().startsWith("2024-01-03T00:00:00"));
        assertEquals("insight", list.get(1).get("type").asText());
        assertEquals(1, s.get("file_system/log_view/?type=insight").body().size());
        assertEquals(1, s.get("file_system/log_view/?limit=1").body().size());
    }

    @Test
    void recentsReturnsViewedRowsWithLastViewedAtAndNoPaging() {
        s.row(1, "D/One", "dashboard", "1", false, null, null);
        s.row(1, "D/Two", "dashboard", "2", false, null, null);
        s.row(1, "D/Three", "dashboard", "3", false, null, null);
        s.row(1, "Folder", "folder", null, false, null, null);
        s.post("file_system/log_view/", "{\"type\":\"dashboard\",\"ref\":\"1\",\"viewed_at\":\"2024-01-01T00:00:00Z\"}");
        s.post("file_system/log_view/", "{\"type\":\"dashboard\",\"ref\":\"2\",\"viewed_at\":\"2024-01-02T00:00:00Z\"}");
        TestServer.Reply r = s.get("file_system/?order_by=-last_viewed_at&limit=1&offset=1&depth=5");
        assertEquals(200, r.status());
        assertEquals(1, r.body().get("count").asInt());
        assertTrue(r.body().get("next").isNull());
        assertTrue(r.body().get("previous").isNull());
        assertEquals(List.of("D/Two"), paths(r.body()));
        assertTrue(r.body().get("results").get(0).get("last_viewed_at").asText().startsWith("2024-01-02T00:00:00"));
        assertTrue(r.body().has("users"));

        r = s.get("file_system/?order_by=last_viewed_at");
        assertEquals(2, r.body().get("count").asInt());
        assertEquals(List.of("D/One", "D/Two"), paths(r.body()));
        r = s.get("file_system/?order_by=-last_viewed_at&not_type=dashboard");
        assertEquals(0, r.body().get("count").asInt());
    }

    @Test
    void recentsHonoursSearchOverRecentViews() {
        s.row(1, "D/Revenue", "dashboard", "1", false, null, null);
        s.row(1, "D/Costs", "dashboard", "2", false, null, null);
        s.post("file_system/log_view/", "{\"type\":\"dashboard\",\"ref\":\"1\"}");
        s.post("file_system/log_view/", "{\"type\":\"dashboard\",\"ref\":\"2\"}");
        TestServer.Reply r = s.get("file_system/?order_by=-last_viewed_at&search=revenue");
        assertEquals(200, r.status(), r.body()::toString);
        assertEquals(List.of("D/Revenue"), paths(r.body()));
        assertEquals(1, r.body().get("count").asInt());
    }

    @Test
    void lastViewedAtIsNullOutsideRecents() {
        s.row(1, "D/One", "dashboard", "1", false, null, null);
        s.post("file_system/log_view/", "{\"type\":\"dashboard\",\"ref\":\"1\"}");
        assertTrue(s.get("file_system/").body().get("results").get(0).get("last_viewed_at").isNull());
    }

    // ---- §12 unfiled ---------------------------------------------------------------------

    @Test
    void unfiledFilesObjectsWithoutRowsAndIsIdempotent() {
        s.object("dashboard", "5", 5, "Sales / Q1");
        s.object("feature_flag", "9", 9, "my-flag");
        s.object("insight", "AbC", 3, "Has a row");
        s.row(1, "Mine/Has a row", "insight", "AbC", false, null, null);
        TestServer.Reply r = s.get("file_system/unfiled/");
        assertEquals(200, r.status());
        assertEquals(Json.parse("{\"count\":2}"), r.body());
        JsonNode dash = s.get("file_system/?type=dashboard&ref=5").body().get("results").get(0);
        assertEquals("Unfiled/Dashboards/Sales \\/ Q1", dash.get("path").asText());
        assertEquals("/dashboard/5", dash.get("href").asText());
        assertTrue(dash.get("meta").has("created_at"));
        assertEquals(1, dash.get("meta").get("created_by").asInt());
        // meta.created_at the way PostHog writes it (§2): Python's str() of the object's creation time
        String metaCreated = dash.get("meta").get("created_at").asText();
        assertTrue(metaCreated.matches("\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d(\\.\\d{6})?\\+00:00"), metaCreated);
        assertEquals(WireTime.parse(dash.get("created_at").asText()), WireTime.parse(metaCreated));
        assertEquals(List.of("Mine", "Unfiled", "Unfiled/Dashboards", "Unfiled/Feature Flags"),
                s.column("SELECT path FROM file_system WHERE type = 'folder' ORDER BY path"));
        assertEquals(Json.parse("{\"count\":0}"), s.get("file_system/unfiled/").body());
        assertEquals(List.of("Mine", "Unfiled", "Unfiled/Dashboards", "Unfiled/Feature Flags"),
                s.column("SELECT path FROM file_system WHERE type = 'folder' ORDER BY path"));
    }

    @Test
    void unfiledWithTypeOnlyFilesThatTypeAndUnknownTypeFilesNothing() {
        s.object("dashboard", "5", 5, "D");
        s.object("feature_flag", "9", 9, "F");
        assertEquals(0, s.get("file_system/unfiled/?type=nope").body().get("count").asInt());
        assertEquals(1, s.get("file_system/unfiled/?type=feature_flag").body().get("count").asInt());
        assertEquals(List.of("feature_flag"), s.column("SELECT type FROM file_system WHERE type <> 'folder'"));
    }

    @Test
    void unfiledCreatesMissingAncestorFoldersForTheWholeTree() {
        s.row("x/y/z/leaf", "doc-file");
        s.row("x", "folder");
        assertEquals(0, s.get("file_system/unfiled/").body().get("count").asInt());
        assertEquals(List.of(List.of("x", "1"), List.of("x/y", "2"), List.of("x/y/z", "3")),
                s.query("SELECT path, depth FROM file_system WHERE type = 'folder' ORDER BY path"));
        String again = s.fingerprint();
        s.get("file_system/unfiled/");
        assertEquals(again, s.fingerprint());
    }

    // ---- scoped keys on read and write routes (§1) -------------------------------------------

    @Test
    void readScopeCoversCountsButNotLogView() {
        s.close();
        s = TestServer.start("empty", List.of(new ApiKey(TestServer.KEY, Set.of("file_system:read"))), false);
        String folder = s.row("F", "folder");
        assertEquals(200, s.post("file_system/" + folder + "/count", null).status());
        assertEquals(200, s.post("file_system/count_by_path?path=F", null).status());
        assertEquals(200, s.get("file_system/unfiled/").status());
        assertRaised(s.get("file_system/log_view/"), 403, "authentication_error", "permission_denied",
                "API key missing required scope 'file_system:write'", null);
        assertNotEquals(200, s.post("file_system/", "{\"path\":\"x\"}").status());
    }
}
