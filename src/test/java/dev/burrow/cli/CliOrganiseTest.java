package dev.burrow.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.burrow.api.EntryPath;
import dev.burrow.api.FileSystemEntry;
import dev.burrow.api.Json;
import dev.burrow.cli.CliSupport.Result;
import dev.burrow.client.EntryFields;
import dev.burrow.client.FileSystemQuery;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code burrow organise} as a user runs it, against a real local server with the demo project. */
class CliOrganiseTest {

    @TempDir
    Path dir;
    CliSupport s;

    @BeforeEach
    void start() throws Exception {
        s = new CliSupport(dir.resolve("data"));
    }

    @AfterEach
    void stop() {
        s.close();
    }

    Result organise(String answer, String... words) {
        return new OrganiseRun(s.server.baseUrl(), CliSupport.KEY, dir.resolve("config")).run(answer, words);
    }

    static Result ok(Result r) {
        assertEquals(0, r.code(), r::toString);
        return r;
    }

    /** Every row of the project: id to path. */
    Map<String, String> paths() {
        Map<String, String> out = new TreeMap<>();
        for (FileSystemEntry r : s.client.fileSystem().listAll(FileSystemQuery.all().withLimit(1000))) {
            out.put(r.id(), r.path());
        }
        return out;
    }

    Set<String> searched(String query) {
        Set<String> ids = new HashSet<>();
        s.client.fileSystem().listAll(FileSystemQuery.all().withSearch(query).withLimit(1000)).forEach(r -> ids.add(r.id()));
        return ids;
    }

    @Test
    void aDryRunShowsEveryMoveByDestinationTheSkippedRowsAndTheCostAndChangesNothing() {
        Map<String, String> before = paths();
        Result r = ok(organise(null, "--where", "Unfiled/Insights", "--to", "Insights/{creator}", "--dry-run"));
        String out = r.out();
        List<String> lines = out.lines().toList();
        long moves = lines.stream().filter(l -> l.startsWith("  Unfiled/Insights/") && l.contains(" → Insights/")).count();
        assertTrue(moves > 50, out);
        assertTrue(lines.stream().anyMatch(l -> l.matches("Insights/[^/]+ [^/]+/  \\[new folder\\]")), out);
        int i = lines.indexOf(lines.stream().filter(l -> l.startsWith("Insights/") && l.endsWith("[new folder]"))
                .findFirst().orElseThrow());
        String group = lines.get(i).substring(0, lines.get(i).indexOf("/  ["));
        assertTrue(lines.get(i + 1).contains(" → " + group + "/"), "the moves follow their folder: " + lines.get(i + 1));
        assertTrue(out.contains(moves + " moves into "), out);
        assertTrue(lines.contains("Skipped 1:"), out);
        assertTrue(lines.contains("  Unfiled/Insights  — it is a folder; add type:folder to the query to move folders"
                + " with their contents"), out);
        assertTrue(out.contains(" requests (within PostHog's rate limit, no waiting)."), out);
        assertTrue(out.endsWith("Dry run: nothing was changed.\n"), out);
        assertEquals(before, paths());
    }

    @Test
    void jsonListsMovesSkippedRowsAndTheRequestCount() {
        Result r = ok(organise(null, "--where", "Unfiled", "--to", "Sorted/{type}", "--dry-run", "--json"));
        JsonNode doc = Json.parse(r.out());
        Set<String> keys = new HashSet<>();
        doc.fieldNames().forEachRemaining(keys::add);
        assertEquals(Set.of("moves", "skipped", "requests", "new_folders"), keys);
        Set<String> listed = new HashSet<>();
        for (JsonNode m : doc.get("moves")) {
            Set<String> f = new HashSet<>();
            m.fieldNames().forEachRemaining(f::add);
            assertEquals(Set.of("id", "from", "to"), f);
            assertTrue(m.get("to").asText().startsWith("Sorted/"), m.toString());
            listed.add(m.get("id").asText());
        }
        for (JsonNode k : doc.get("skipped")) {
            Set<String> f = new HashSet<>();
            k.fieldNames().forEachRemaining(f::add);
            assertEquals(Set.of("id", "path", "reason"), f);
            listed.add(k.get("id").asText());
        }
        assertTrue(doc.get("skipped").size() > 0, "the Unfiled folders themselves are skipped");
        assertEquals(doc.get("moves").size() + doc.get("new_folders").size(), doc.get("requests").asInt());
        assertEquals(searched("Unfiled"), listed, "exactly what the server's search finds");
    }

    @Test
    void withoutYesItAsksAPersonAndRefusesWhenNobodyIsThere() {
        Map<String, String> before = paths();
        Result refused = organise(null, "--where", "type:cohort", "--to", "Cohorts");
        assertEquals(Cli.EXIT_USAGE, refused.code(), refused::toString);
        assertTrue(refused.err().contains("without --yes"), refused.err());
        assertEquals(before, paths());

        Result no = ok(organise("n\n", "--where", "type:cohort", "--to", "Cohorts"));
        assertTrue(no.out().contains("? [y/N] "), no.out());
        assertTrue(no.out().endsWith("Nothing changed.\n"), no.out());
        assertEquals(before, paths());

        Result yes = ok(organise("y\n", "--where", "type:cohort", "--to", "Cohorts"));
        assertTrue(yes.out().contains("Moved "), yes.out());
        assertTrue(searched("type:cohort").stream().allMatch(id -> paths().get(id).startsWith("Cohorts/")));
    }

    @Test
    void applyThenUndoPutsEveryRowBackAtItsExactPath() {
        Map<String, String> before = paths();
        Set<String> insights = searched("type:insight path:Unfiled");
        Result applied = ok(organise(null, "--where", "type:insight path:Unfiled", "--to", "Archive/{created:yyyy-MM}",
                "--yes", "--json"));
        JsonNode doc = Json.parse(applied.out());
        assertEquals("complete", doc.path("applied").path("outcome").asText(), applied.out());
        assertEquals(doc.get("moves").size(), doc.path("applied").path("moved").asInt());
        Map<String, String> after = paths();
        for (JsonNode m : doc.get("moves")) {
            assertEquals(m.get("to").asText(), after.get(m.get("id").asText()));
        }
        assertTrue(insights.stream().allMatch(id -> after.get(id).startsWith("Archive/")), "every one moved");
        for (JsonNode f : doc.path("applied").path("folders_created")) {
            assertTrue(after.containsValue(f.asText()), "a folder row for " + f);
        }

        Result undone = ok(organise(null, "--undo"));
        assertTrue(undone.out().startsWith("Undid “Organise " + doc.get("moves").size() + " items into Archive/"),
                undone.out());
        assertEquals(before, paths(), "every row where it was, and no folder left over");
        Result again = ok(organise(null, "--undo"));
        assertTrue(again.out().contains("Nothing to undo"), again.out());
    }

    @Test
    void undoLeavesAloneAndNamesRowsChangedSince() {
        ok(organise(null, "--where", "type:experiment", "--to", "Experiments/{created:yyyy}", "--yes"));
        List<String> ids = new ArrayList<>(searched("type:experiment"));
        ids.sort(null);
        String moved = ids.get(0);
        String renamed = ids.get(1);
        s.client.fileSystem().patch(moved, new EntryFields().path("Elsewhere/kept here"));
        String renamedPath = paths().get(renamed);
        String newName = EntryPath.child(EntryPath.parent(renamedPath), "Renamed by someone");
        s.client.fileSystem().patch(renamed, new EntryFields().path(newName));

        Result r = ok(organise(null, "--undo", "--json"));
        JsonNode doc = Json.parse(r.out());
        Map<String, String> alone = new TreeMap<>();
        doc.get("left_alone").forEach(l -> alone.put(l.get("id").asText(), l.get("now").asText()));
        assertEquals(Map.of(moved, "Elsewhere/kept here", renamed, newName), alone);
        assertEquals(ids.size() - 2, doc.get("restored").size());
        assertEquals("Elsewhere/kept here", paths().get(moved));
        assertTrue(paths().get(ids.get(2)).startsWith("Unfiled/Experiments/"), "the others went back");
        assertFalse(doc.get("folders_kept").isEmpty(), "a folder holding the renamed row stays");
    }

    @Test
    void dashboardPlacesInsightsBesideTheirFirstDashboardAndListsTheRest() {
        Result r = ok(organise(null, "--where", "type:insight path:Unfiled", "--to", "{dashboard}", "--dry-run",
                "--json"));
        JsonNode doc = Json.parse(r.out());
        assertTrue(doc.get("moves").size() > 0, r.out());
        Set<String> dashboardFolders = new HashSet<>();
        s.client.fileSystem().listAll(FileSystemQuery.all().withType("dashboard").withLimit(1000))
                .forEach(d -> dashboardFolders.add(EntryPath.parent(d.path())));
        for (JsonNode m : doc.get("moves")) {
            assertTrue(dashboardFolders.contains(EntryPath.parent(m.get("to").asText())), m.toString());
        }
        assertTrue(java.util.stream.StreamSupport.stream(doc.get("skipped").spliterator(), false)
                .anyMatch(k -> k.get("reason").asText().equals("it is on no dashboard")), r.out());
    }

    @Test
    void mistakesAreUsageErrorsThatChangeNothing() {
        Map<String, String> before = paths();
        Result badTemplate = organise(null, "--where", "type:insight", "--to", "Insights/{owner}", "--yes");
        assertEquals(Cli.EXIT_USAGE, badTemplate.code());
        assertTrue(badTemplate.err().contains("unknown placeholder {owner}"), badTemplate.err());
        Result both = organise(null, "--undo", "--where", "x", "--to", "y");
        assertEquals(Cli.EXIT_USAGE, both.code());
        assertTrue(both.err().contains("one of them"), both.err());
        Result noTo = organise(null, "--where", "type:insight");
        assertEquals(Cli.EXIT_USAGE, noTo.code());
        assertTrue(noTo.err().contains("--to needs a folder template"), noTo.err());
        Result blank = organise(null, "--where", " ", "--to", "x");
        assertEquals(Cli.EXIT_USAGE, blank.code());
        Result stray = organise(null, "--where", "type:insight", "path:Unfiled", "--to", "x");
        assertEquals(Cli.EXIT_USAGE, stray.code());
        assertTrue(stray.err().contains("quote the query"), stray.err());
        assertEquals(before, paths());
        assertTrue(ok(organise(null, "--resume")).out().contains("Nothing to resume"));
    }
}
