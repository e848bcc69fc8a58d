package dev.burrow.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.burrow.api.Json;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** {@code file_system_shortcut/}: the caller's stars (§15, examples 24–27 of §21). */
class ShortcutContractTest extends ContractSupport {

    private static final String UNKNOWN = "0190a8d3-0000-7000-8000-00000000dead";

    private List<String> storedOrder() {
        return s.column("SELECT path || ':' || ord FROM stars WHERE user_id = 1 ORDER BY ord, path");
    }

    // ---- §21 examples 24–27 -------------------------------------------------------------------

    @Test
    void crudOnOwnStars() {
        TestServer.Reply empty = s.get("file_system_shortcut/");
        assertEquals(200, empty.status());
        assertEquals(0, empty.body().get("count").asInt());

        TestServer.Reply created = s.post("file_system_shortcut/", "{\"path\":\"Document.txt\",\"type\":\"doc-file\"}");
        assertEquals(201, created.status(), created.body()::toString);
        String id = created.body().get("id").asText();
        assertEquals("Document.txt", created.body().get("path").asText());
        assertEquals("doc-file", created.body().get("type").asText());

        TestServer.Reply got = s.get("file_system_shortcut/" + id + "/");
        assertEquals(200, got.status());
        assertEquals(id, got.body().get("id").asText());

        TestServer.Reply patched = s.patch("file_system_shortcut/" + id + "/",
                "{\"path\":\"newfile.txt\",\"type\":\"new-type\"}");
        assertEquals(200, patched.status());
        assertEquals("newfile.txt", patched.body().get("path").asText());
        assertEquals("new-type", patched.body().get("type").asText());

        TestServer.Reply deleted = s.delete("file_system_shortcut/" + id + "/");
        assertEquals(204, deleted.status());
        assertTrue(deleted.body().isMissingNode());
        assertEquals(0, s.get("file_system_shortcut/").body().get("count").asInt());
    }

    @Test
    void listShowsOnlyTheCallersStars() {
        s.star(1, "Mine", "doc-file", null, 0, null);
        s.star(2, "Theirs", "doc-file", null, 0, null);
        s.star(3, "Others", "doc-file", null, 0, null);
        TestServer.Reply r = s.get("file_system_shortcut/");
        assertEquals(1, r.body().get("count").asInt());
        assertEquals(List.of("Mine"), paths(r.body()));
    }

    @Test
    void defaultOrderIsOrderThenLowerCasedPath() {
        s.star(1, "Bananas", "t", null, 0, null);
        s.star(1, "Zebra", "t", null, -1, null);
        s.star(1, "apples", "t", null, 0, null);
        assertEquals(List.of("Zebra", "apples", "Bananas"), paths(s.get("file_system_shortcut/").body()));
    }

    @Test
    void orderingByCreatedAt() {
        s.star(1, "Newer", "t", null, 0, at("2024-01-02T00:00:00Z"));
        s.star(1, "Older", "t", null, 0, at("2024-01-01T00:00:00Z"));
        assertEquals(List.of("Newer", "Older"), paths(s.get("file_system_shortcut/?ordering=-created_at").body()));
        assertEquals(List.of("Older", "Newer"), paths(s.get("file_system_shortcut/?ordering=created_at").body()));
    }

    @Test
    void createWithoutOrderAppendsAfterTheHighest() {
        String existing = s.star(1, "Zoo", "t", null, 5, null);
        TestServer.Reply r = s.post("file_system_shortcut/", "{\"path\":\"Aardvark\",\"type\":\"t\"}");
        assertEquals(201, r.status());
        assertEquals(6, r.body().get("order").asInt());
        JsonNode list = s.get("file_system_shortcut/").body().get("results");
        assertEquals(List.of(existing, r.body().get("id").asText()), ids(list));
    }

    @Test
    void reorderSetsPositionsAndAnswersThePlainList() {
        String one = s.star(1, "One", "t", null, 0, null);
        String two = s.star(1, "Two", "t", null, 0, null);
        String three = s.star(1, "Three", "t", null, 0, null);
        TestServer.Reply r = s.post("file_system_shortcut/reorder/",
                "{\"ordered_ids\":[" + q(three) + "," + q(two) + "," + q(one) + "]}");
        assertEquals(200, r.status(), r.body()::toString);
        assertTrue(r.body().isArray());
        assertEquals(List.of(three, two, one), ids(r.body()));
        assertEquals(List.of("Three:0", "Two:1", "One:2"), storedOrder());

        r = s.post("file_system_shortcut/reorder/", "{\"ordered_ids\":[" + q(two) + "," + q(one) + "," + q(three) + "]}");
        assertEquals(List.of(two, one, three), ids(r.body()));

        String before = s.fingerprint();
        assertRaised(s.post("file_system_shortcut/reorder/", "{\"ordered_ids\":[]}"), 400, "validation_error", "empty",
                null, "ordered_ids");
        assertEquals(before, s.fingerprint());
    }

    // ---- §15 rules ----------------------------------------------------------------------------

    @Test
    void createOfAnIdenticalStarReturnsTheExistingOne() {
        String body = "{\"path\":\"Dash\",\"type\":\"dashboard\",\"ref\":\"1\",\"href\":\"/dashboard/1\"}";
        TestServer.Reply first = s.post("file_system_shortcut/", body);
        TestServer.Reply second = s.post("file_system_shortcut/", body);
        assertEquals(201, second.status());
        assertEquals(first.body().get("id"), second.body().get("id"));
        assertEquals(List.of("1"), s.column("SELECT count(*) FROM stars"));
        assertEquals(1, first.body().get("order").asInt());
    }

    @Test
    void otherUsersStarsAre404OnEveryDetailRoute() {
        String theirs = s.star(2, "Theirs", "t", null, 0, null);
        String before = s.fingerprint();
        assertNotFound(s.get("file_system_shortcut/" + theirs + "/"));
        assertNotFound(s.patch("file_system_shortcut/" + theirs + "/", "{\"path\":\"x\"}"));
        assertNotFound(s.put("file_system_shortcut/" + theirs + "/", "{\"path\":\"x\"}"));
        assertNotFound(s.delete("file_system_shortcut/" + theirs + "/"));
        assertNotFound(s.get("file_system_shortcut/not-a-uuid/"));
        assertEquals(before, s.fingerprint());
    }

    @Test
    void putRequiresPath() {
        String id = s.star(1, "A", "t", null, 0, null);
        assertRaised(s.put("file_system_shortcut/" + id + "/", "{\"type\":\"u\"}"), 400, "validation_error", "required",
                "This field is required.", "path");
        assertEquals(200, s.put("file_system_shortcut/" + id + "/", "{\"path\":\"B\"}").status());
    }

    @Test
    void reorderWithUnknownOrForeignIdsChangesNothing() {
        String mine = s.star(1, "Mine", "t", null, 3, null);
        String theirs = s.star(2, "Theirs", "t", null, 0, null);
        String before = s.fingerprint();
        TestServer.Reply r = s.post("file_system_shortcut/reorder/",
                "{\"ordered_ids\":[" + q(mine) + "," + q(UNKNOWN) + "," + q(theirs) + "]}");
        assertEquals(400, r.status());
        assertEquals(Json.parse("{\"detail\":\"Unknown shortcut ids\",\"unknown_ids\":[" + q(UNKNOWN) + "," + q(theirs)
                + "]}"), r.body());
        assertEquals(before, s.fingerprint());
    }

    @Test
    void reorderLeavesUnlistedRowsAlone() {
        String a = s.star(1, "A", "t", null, 7, null);
        s.star(1, "B", "t", null, 9, null);
        s.post("file_system_shortcut/reorder/", "{\"ordered_ids\":[" + q(a) + "]}");
        assertEquals(List.of("A:0", "B:9"), storedOrder());
    }

    @Test
    void bulkUpdateAddsRemovesAndSkipsIdenticalItems() {
        String keep = s.star(1, "Keep", "t", "1", 4, null);
        String drop = s.star(1, "Drop", "t", "2", 10, null);
        TestServer.Reply r = s.post("file_system_shortcut/bulk_update/", "{\"remove_ids\":[" + q(drop) + "],\"add\":["
                + "{\"path\":\"Keep\",\"type\":\"t\",\"ref\":\"1\"},"
                + "{\"path\":\"New\",\"type\":\"t\",\"ref\":\"3\"},"
                + "{\"path\":\"New\",\"type\":\"t\",\"ref\":\"3\"},"
                + "{\"path\":\"Newer\",\"type\":\"t\",\"ref\":\"4\"}]}");
        assertEquals(200, r.status(), r.body()::toString);
        assertTrue(r.body().isArray());
        assertEquals(List.of("Keep", "New", "Newer"), paths(r.body()));
        assertEquals(keep, r.body().get(0).get("id").asText());
        assertEquals(List.of("Keep:4", "New:5", "Newer:6"), storedOrder());
    }

    @Test
    void bulkUpdateWithUnknownRemoveIdChangesNothing() {
        String mine = s.star(1, "Mine", "t", null, 0, null);
        String before = s.fingerprint();
        TestServer.Reply r = s.post("file_system_shortcut/bulk_update/", "{\"remove_ids\":[" + q(mine) + "," + q(UNKNOWN)
                + "],\"add\":[{\"path\":\"X\",\"type\":\"t\"}]}");
        assertEquals(400, r.status());
        assertEquals(Json.parse("{\"detail\":\"Unknown shortcut ids\",\"unknown_ids\":[" + q(UNKNOWN) + "]}"), r.body());
        assertEquals(before, s.fingerprint());
    }

    @Test
    void retiredLinkTypeStarsAreHidden() {
        s.star(1, "Old", "link", "1", 0, null);
        s.star(1, "Kept", "t", null, 0, null);
        assertEquals(List.of("Kept"), paths(s.get("file_system_shortcut/").body()));
    }

    @Test
    void listIsPaginatedWithDefaultPageOf100() {
        for (int i = 0; i < 101; i++) {
            s.star(1, String.format("s%03d", i), "t", null, i, null);
        }
        TestServer.Reply r = s.get("file_system_shortcut/");
        assertEquals(101, r.body().get("count").asInt());
        assertEquals(100, r.body().get("results").size());
        String next = r.body().get("next").asText();
        assertTrue(next.startsWith("http://") && next.contains("offset=100"), next);
        assertEquals(List.of("s100"), paths(s.send("GET", next, null).body()));
    }

    @Test
    void scopedKeysAreRefusedOnReorderAndBulkUpdate() {
        s.close();
        s = TestServer.start("empty", List.of(new ApiKey(TestServer.KEY, Set.of("file_system_shortcut:write"))), false);
        String id = s.star(1, "A", "t", null, 0, null);
        String before = s.fingerprint();
        assertRaised(s.post("file_system_shortcut/reorder/", "{\"ordered_ids\":[" + q(id) + "]}"), 403,
                "authentication_error", "permission_denied", "This action does not support Personal API Key access",
                null);
        assertRaised(s.post("file_system_shortcut/bulk_update/", "{\"remove_ids\":[" + q(id) + "]}"), 403,
                "authentication_error", "permission_denied", "This action does not support Personal API Key access",
                null);
        assertEquals(before, s.fingerprint());
        // the ordinary routes work with the scope
        assertEquals(200, s.get("file_system_shortcut/").status());
        assertEquals(201, s.post("file_system_shortcut/", "{\"path\":\"B\"}").status());
        assertFalse(s.get("file_system_shortcut/").body().get("results").isEmpty());
    }

    @Test
    void starScopeIsSeparateFromTreeScope() {
        s.close();
        s = TestServer.start("empty", List.of(new ApiKey(TestServer.KEY, Set.of("file_system:write"))), false);
        assertRaised(s.get("file_system_shortcut/"), 403, "authentication_error", "permission_denied",
                "API key missing required scope 'file_system_shortcut:read'", null);
    }

    @Test
    void hogFunctionStarsComeOnlyFromTheirOwnEnvironment() {
        s.star(1, "Mine", "hog_function/destination", "1", 0, null);
        s.star(1, "Shared", "dashboard", "2", 1, null);
        String theirs = s.star(1, "Theirs", "hog_function/destination", "3", 2, null);
        String sharedElsewhere = s.star(1, "Shared elsewhere", "dashboard", "4", 3, null);
        s.sql("UPDATE stars SET team = 2 WHERE id IN (?, ?)", theirs, sharedElsewhere);
        assertEquals(List.of("Mine", "Shared", "Shared elsewhere"), paths(s.get("file_system_shortcut/").body()));
        assertNotFound(s.get("file_system_shortcut/" + theirs + "/"));
    }
}
