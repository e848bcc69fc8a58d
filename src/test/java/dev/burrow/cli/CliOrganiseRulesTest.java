package dev.burrow.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.burrow.api.FileSystemEntry;
import dev.burrow.api.Json;
import dev.burrow.cli.CliSupport.Result;
import dev.burrow.client.FileSystemQuery;
import dev.burrow.settings.OrganiseRule;
import dev.burrow.settings.OrganiseRules;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code burrow organise --rule NAME} and {@code --rules}: the rules the window saves, per connection. */
class CliOrganiseRulesTest {

    @TempDir
    Path dir;
    CliSupport s;
    OrganiseRules rules;
    String connection;

    @BeforeEach
    void start() throws Exception {
        s = new CliSupport(dir.resolve("data"));
        rules = new OrganiseRules(dir.resolve("config"));
        connection = s.server.baseUrl() + "#1"; // as the window names a connection (URL#environment)
        rules.put(connection, new OrganiseRule("Unfiled insights", "Unfiled/Insights/", "Tidy/{type}", true));
        rules.put(connection, new OrganiseRule("Flags", "type:feature_flag", "Flags/{created:yyyy}", false));
        rules.put("https://elsewhere.example#3", new OrganiseRule("Other", "type:insight", "X", true));
    }

    @AfterEach
    void stop() {
        s.close();
    }

    Result organise(String... words) {
        return new OrganiseRun(s.server.baseUrl(), CliSupport.KEY, dir.resolve("config")).run(null, words);
    }

    Map<String, String> paths() {
        Map<String, String> out = new TreeMap<>();
        for (FileSystemEntry r : s.client.fileSystem().listAll(FileSystemQuery.all().withLimit(1000))) {
            out.put(r.id(), r.path());
        }
        return out;
    }

    @Test
    void rulesListsThisConnectionsRulesOnly() throws Exception {
        Result text = organise("--rules");
        assertEquals(0, text.code(), text::toString);
        assertEquals("Unfiled insights  (Keep Unfiled tidy)\n  --where 'Unfiled/Insights/' --to 'Tidy/{type}'\n"
                + "Flags\n  --where 'type:feature_flag' --to 'Flags/{created:yyyy}'\n", text.out());

        Result json = organise("--rules", "--json");
        JsonNode doc = Json.MAPPER.readTree(json.out());
        assertEquals(2, doc.get("rules").size());
        assertEquals("Unfiled insights", doc.get("rules").get(0).get("name").asText());
        assertTrue(doc.get("rules").get(0).get("tidy").asBoolean());
        assertEquals("type:feature_flag", doc.get("rules").get(1).get("where").asText());
    }

    @Test
    void aRuleRunsLikeItsWhereAndToDryRunFirst() {
        Map<String, String> before = paths();
        Result dry = organise("--rule", "unfiled INSIGHTS", "--dry-run");
        assertEquals(0, dry.code(), dry::toString);
        assertTrue(dry.out().startsWith("Rule “Unfiled insights”: --where 'Unfiled/Insights/' --to 'Tidy/{type}'"),
                dry.out());
        Result same = organise("--where", "Unfiled/Insights/", "--to", "Tidy/{type}", "--dry-run");
        assertEquals(same.out(), dry.out().substring(dry.out().indexOf('\n') + 1), "the same plan as --where/--to");
        assertEquals(before, paths(), "a dry run changes nothing");

        Result applied = organise("--rule", "Unfiled insights", "--yes");
        assertEquals(0, applied.code(), applied::toString);
        long moved = paths().values().stream().filter(p -> p.startsWith("Tidy/Insights/")).count();
        assertTrue(moved > 50, "moved " + moved);
        assertEquals(0, organise("--undo").code());
        assertEquals(before, paths());
    }

    @Test
    void anUnknownRuleOrARuleWithWhereIsAUsageError() {
        Result unknown = organise("--rule", "Other", "--dry-run");
        assertEquals(Cli.EXIT_USAGE, unknown.code());
        assertTrue(unknown.err().contains("no rule named 'Other'") && unknown.err().contains("--rules"), unknown.err());
        Result both = organise("--rule", "Flags", "--where", "type:insight");
        assertEquals(Cli.EXIT_USAGE, both.code());
        assertTrue(both.err().contains("--rule brings its own --where and --to"), both.err());
        Result mixed = organise("--rules", "--undo");
        assertEquals(Cli.EXIT_USAGE, mixed.code());
    }
}
