package dev.burrow.tree.organise;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.burrow.api.EntryPath;
import dev.burrow.api.FileSystemEntry;
import dev.burrow.client.FileSystemQuery;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Planning against a real local server: every placeholder, escaping, what is skipped and why. */
class OrganisePlanTest extends OrganiseSupport {

    @Test
    void typeBecomesThePostHogUnfiledFolderName() {
        start("empty");
        String insight = item("Inbox/Pageviews", "insight", "s1", null, null);
        String flag = item("Inbox/new-checkout", "feature_flag", "3", null, null);
        String destination = item("Inbox/Slack", "hog_function/destination", "4", null, null);
        String other = item("Inbox/notes", "doc-file", null, null, null);
        Plan plan = plan("path:Inbox", "Sorted/{type}");
        assertEquals("Sorted/Insights/Pageviews", to(plan, insight));
        assertEquals("Sorted/Feature Flags/new-checkout", to(plan, flag));
        assertEquals("Sorted/Destinations/Slack", to(plan, destination));
        assertEquals("Sorted/doc-file/notes", to(plan, other), "a type PostHog doesn't file keeps its own name");
    }

    @Test
    void creatorIsTheNameFromTheListsUsersElseEmailElseUnknown() {
        start("empty");
        server.user(7, "Ada", "Lovelace", "ada@example.com");
        server.user(8, "", "", "bob@example.com");
        server.user(9, "R&D/QA", "Team", "team@example.com");
        String ada = item("Inbox/a", "insight", "s1", null, "{\"created_by\":7}");
        String bob = item("Inbox/b", "insight", "s2", null, "{\"created_by\":8}");
        String team = item("Inbox/c", "insight", "s3", null, "{\"created_by\":9}");
        String nobody = item("Inbox/d", "insight", "s4", null, "{\"created_by\":99}");
        server.sql("UPDATE file_system SET created_by = NULL WHERE id = ?", nobody);
        String rowOnly = item("Inbox/e", "insight", "s5", null, "{}");
        server.sql("UPDATE file_system SET created_by = 7 WHERE id = ?", rowOnly);
        Plan plan = plan("path:Inbox", "People/{creator}");
        assertEquals("People/Ada Lovelace/a", to(plan, ada));
        assertEquals("People/bob@example.com/b", to(plan, bob));
        assertEquals("People/R&D\\/QA Team/c", to(plan, team), "a name with '/' stays one folder");
        assertEquals(List.of("People", "R&D/QA Team", "c"), EntryPath.split(to(plan, team)));
        assertEquals("People/Unknown/d", to(plan, nobody));
        assertEquals("People/Ada Lovelace/e", to(plan, rowOnly), "without meta.created_by, the row's created_by");
    }

    @Test
    void createdIsTheObjectsTimeInUtcInEitherFormPostHogWrites() {
        start("empty");
        // Python's str() of an aware datetime, two hours west of UTC: already the next year in UTC
        String python = item("Inbox/a", "insight", "s1", "2020-01-01T00:00:00Z",
                "{\"created_at\":\"2024-12-31 23:30:00.123456-02:00\"}");
        String iso = item("Inbox/b", "insight", "s2", "2020-01-01T00:00:00Z",
                "{\"created_at\":\"2026-08-11T08:01:22.201195Z\"}");
        String column = item("Inbox/c", "insight", "s3", "2023-03-05T10:00:00.000000Z", "{}");
        Plan years = plan("path:Inbox", "Archive/{created:yyyy}");
        assertEquals("Archive/2025/a", to(years, python));
        assertEquals("Archive/2026/b", to(years, iso));
        assertEquals("Archive/2023/c", to(years, column), "without meta.created_at the row's own time counts");
        Plan months = plan("path:Inbox", "Archive/{created:yyyy-MM}");
        assertEquals("Archive/2025-01/a", to(months, python));
        assertEquals("Archive/2026-08/b", to(months, iso));
        Plan days = plan("path:Inbox", "{created:yyyy}/{created:yyyy-MM-dd}");
        assertEquals("2025/2025-01-01/a", to(days, python));
    }

    @Test
    void dashboardIsTheFolderOfTheFirstDashboardByPathThatShowsTheInsight() {
        start("empty");
        server.object("insight", "ins11", 11, "Signups");
        server.object("insight", "ins12", 12, "Churn");
        server.object("insight", "ins13", 13, "Lonely");
        server.object("dashboard", "1", 1, "Team board");
        server.object("dashboard", "2", 2, "Alpha board");
        server.sql("UPDATE objects SET payload = ? WHERE type = 'dashboard' AND id = 1", "{\"tiles\":[11]}");
        server.sql("UPDATE objects SET payload = ? WHERE type = 'dashboard' AND id = 2", "{\"tiles\":[12, 11]}");
        item("Teams/Growth/Team board", "dashboard", "1", null, null);
        item("Alpha/Boards/Alpha board", "dashboard", "2", null, null);
        String signups = item("Unfiled/Insights/Signups", "insight", "ins11", null, null);
        String churn = item("Unfiled/Insights/Churn", "insight", "ins12", null, null);
        String lonely = item("Unfiled/Insights/Lonely", "insight", "ins13", null, null);
        String flag = item("Unfiled/Insights/stray flag", "feature_flag", "5", null, null);
        Plan plan = plan("path:Unfiled", "{dashboard}");
        assertEquals("Alpha/Boards/Signups", to(plan, signups), "on both dashboards: Alpha… comes first by path");
        assertEquals("Alpha/Boards/Churn", to(plan, churn));
        assertNull(to(plan, lonely));
        assertEquals("it is on no dashboard", reason(plan, lonely));
        assertTrue(reason(plan, flag).contains("not an insight"), reason(plan, flag));
        assertEquals("Alpha/Boards/Insights/Signups", to(plan("path:Unfiled", "{dashboard}/Insights"), signups));
    }

    @Test
    void parentIsTheRowsCurrentFolder() {
        start("empty");
        String deep = item("Inbox/Q1 \\/ Q2/report", "insight", "s1", null, null);
        String top = item("loose", "insight", "s2", null, null);
        Plan plan = plan("type:insight", "{parent}/{type}");
        assertEquals("Inbox/Q1 \\/ Q2/Insights/report", to(plan, deep), "the parent's escaped segments stay as they are");
        assertEquals("Insights/loose", to(plan, top));
    }

    @Test
    void literalTextEscapesAndNamesKeepTheirEscaping() {
        start("empty");
        String slashed = item("Inbox/a\\/b \\\\ c", "insight", "s1", "2025-06-01T00:00:00Z", null);
        Plan plan = plan("path:Inbox", "Old \\/ archive/{created:yyyy}");
        assertEquals("Old \\/ archive/2025/a\\/b \\\\ c", to(plan, slashed));
        assertEquals(List.of("Old / archive", "2025", "a/b \\ c"), EntryPath.split(to(plan, slashed)));
        assertEquals("Top/a\\/b \\\\ c", to(plan("path:Inbox", "/Top//"), slashed), "empty segments are dropped");
    }

    @Test
    void foldersLinksAndRowsAlreadyInPlaceAreSkippedWithTheirReason() {
        start("empty");
        String inboxFolder = folder("Inbox");
        String sub = folder("Inbox/Sub");
        String link = server.row(1, "Inbox/shortcut to Pageviews", "insight", "s1", Boolean.TRUE, null, null);
        String placed = item("Inbox/Insights/Churn", "insight", "s2", null, null);
        String moving = item("Inbox/Sub/Signups", "insight", "s3", null, null);
        Plan plan = plan("Inbox", "Inbox/{type}");
        assertTrue(reason(plan, sub).contains("folder"), String.valueOf(reason(plan, sub)));
        assertTrue(reason(plan, link).contains("link"), String.valueOf(reason(plan, link)));
        assertEquals(Planner.IN_PLACE, reason(plan, placed));
        assertEquals("Inbox/Insights/Signups", to(plan, moving));
        assertEquals(1, plan.moves().size(), plan.moves().toString());
        assertTrue(reason(plan, inboxFolder).contains("folder"), "the plain word matches the folder's own path");
        // naming the object moves its link row too
        Plan named = plan("name:shortcut", "Links");
        assertEquals("Links/shortcut to Pageviews", to(named, link));
    }

    @Test
    void foldersMoveWhenTheQueryNamesThemAndTheirContentsRideAlong() {
        start("empty");
        folder("Projects");
        String q1 = folder("Projects/Q1");
        folder("Projects/Q2");
        folder("Archive/Q2");
        String orphan = folder("Loose/Q3");
        String inside = item("Projects/Q1/report", "insight", "s1", null, null);
        Plan plan = plan("type:folder Q", "Archive");
        assertEquals("Archive/Q1", to(plan, q1));
        assertEquals(Planner.OCCUPIED, plan.skipped().stream().filter(s -> s.path().equals("Projects/Q2"))
                .findFirst().orElseThrow().reason());
        assertEquals(Planner.NO_PARENT_ROW, reason(plan, orphan), "'Loose' has no folder row");
        assertNull(to(plan, inside), "the folder carries it");
    }

    @Test
    void newFoldersAreEveryMissingFolderRowParentsFirstAndTheyCostOneRequestEach() {
        start("empty");
        folder("Sorted");
        item("Sorted/Feature Flags/old flag", "feature_flag", "1", null, null); // a folder with no row
        item("Inbox/Pageviews", "insight", "s1", null, null);
        item("Inbox/new-checkout", "feature_flag", "3", null, null);
        item("Inbox/Slack", "hog_function/destination", "4", null, null);
        Plan plan = plan("path:Inbox", "Sorted/{type}/{created:yyyy}");
        String year = String.valueOf(java.time.Year.now(java.time.ZoneOffset.UTC).getValue());
        assertEquals(List.of("Sorted/Destinations", "Sorted/Feature Flags", "Sorted/Insights",
                "Sorted/Destinations/" + year, "Sorted/Feature Flags/" + year, "Sorted/Insights/" + year),
                plan.newFolders());
        assertEquals(3 + 6, plan.requests());
        assertEquals(List.of("Sorted/Destinations/" + year, "Sorted/Feature Flags/" + year, "Sorted/Insights/" + year),
                List.copyOf(plan.byDestination().keySet()));
    }

    @Test
    void namesAlreadyTakenInTheDestinationAreMarked() {
        start("empty");
        item("Sorted/Insights/Pageviews", "insight", "s0", null, null);
        String taken = item("Inbox/Pageviews", "insight", "s1", null, null);
        String twinA = item("Inbox/A/Same", "insight", "s2", null, null);
        String twinB = item("Inbox/B/Same", "insight", "s3", null, null);
        String free = item("Inbox/Unique", "insight", "s4", null, null);
        Plan plan = plan("path:Inbox", "Sorted/{type}");
        assertEquals(Set.of(taken, twinA, twinB), plan.clashes());
        assertEquals("Sorted/Insights/Unique", to(plan, free));
    }

    @Test
    void theRowsPlannedAreExactlyTheRowsTheServersSearchFinds() {
        start("demo");
        for (String q : List.of("type:insight path:Unfiled", "user:me -type:dashboard", "revenue", "-type:folder",
                "name:\"weekly\"", "type:destination", "'Q1 / Q2'", "café", "path:Marketing -name:a")) {
            Set<String> server = new HashSet<>();
            client.fileSystem().listAll(FileSystemQuery.all().withSearch(q).withLimit(137))
                    .forEach(r -> server.add(r.id()));
            Plan plan = plan(q, "Elsewhere/{type}");
            Set<String> planned = new HashSet<>();
            Stream.concat(plan.moves().stream().map(Plan.Move::id), plan.skipped().stream().map(Plan.Skip::id))
                    .forEach(planned::add);
            assertEquals(server, planned, q);
            assertEquals(server.size(), plan.matched(), q);
        }
    }

    @Test
    void aPlanSendsNothing() {
        start("demo");
        String before = server.fingerprint();
        calls.clear();
        Plan plan = plan("type:insight path:Unfiled", "Insights/{creator}");
        assertTrue(plan.moves().size() > 100, "the demo has many unfiled insights: " + plan.moves().size());
        assertTrue(writes().isEmpty(), calls.toString());
        assertEquals(before, server.fingerprint());
    }

    @Test
    void theTimeAtPostHogsRateLimitFollowsTheClientsBudget() {
        Plan small = new Plan("q", "t", 0, List.of(), List.of(), List.of("A"));
        assertEquals(java.time.Duration.ZERO, small.timeAtRateLimit(), "one request goes at once");
        List<Plan.Move> many = new java.util.ArrayList<>();
        FileSystemEntry row = new FileSystemEntry("x", "a", 1, "insight", null, null, null, false, null, null, null, null);
        for (int i = 0; i < 1000; i++) {
            many.add(new Plan.Move("id" + i, "a", "b/a", row));
        }
        Plan big = new Plan("q", "t", 1000, many, List.of(), List.of());
        // 360 at once, then 2 a second: the 1,000th goes after (1000 - 360) / 2 = 320 s
        assertEquals(320, big.timeAtRateLimit().toSeconds(), 1);
    }
}
