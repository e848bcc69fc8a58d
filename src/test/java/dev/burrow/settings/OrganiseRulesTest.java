package dev.burrow.settings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.burrow.api.Json;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Saved organise rules on disk: per connection, round trip, replace, remove, bad files. */
class OrganiseRulesTest {

    @TempDir
    Path config;

    static final OrganiseRule INSIGHTS = new OrganiseRule("Unfiled insights", "type:insight path:Unfiled",
            "Insights/{creator}", true);
    static final OrganiseRule FLAGS = new OrganiseRule("Flags by year", "type:feature_flag", "Flags/{created:yyyy}",
            false);

    @Test
    void rulesSurviveARoundTripPerConnectionInTheOrderSaved() throws Exception {
        OrganiseRules rules = new OrganiseRules(config);
        rules.put("local", INSIGHTS);
        rules.put("local", FLAGS);
        rules.put("https://eu.posthog.com#2", FLAGS);

        OrganiseRules again = new OrganiseRules(config);
        assertEquals(List.of(INSIGHTS, FLAGS), again.load("local").value());
        assertEquals(List.of(FLAGS), again.load("https://eu.posthog.com#2").value());
        assertEquals(List.of(), again.load("https://us.posthog.com#9").value());
        assertTrue(again.load("local").problem().isEmpty());
        assertEquals(FLAGS, again.find("local", "  flags BY year ").orElseThrow());
        assertEquals(OrganiseRules.FORMAT.current(),
                Json.MAPPER.readTree(config.resolve(OrganiseRules.FILE_NAME).toFile()).get("version").asInt());
    }

    @Test
    void aRuleOfTheSameNameIsReplacedInItsPlaceAndRemovingForgetsIt() {
        OrganiseRules rules = new OrganiseRules(config);
        rules.put("local", INSIGHTS);
        rules.put("local", FLAGS);
        OrganiseRule changed = new OrganiseRule("UNFILED INSIGHTS", "type:insight", "Archive", false);

        assertEquals(List.of(changed, FLAGS), rules.put("local", changed));
        assertEquals(List.of(FLAGS), rules.remove("local", "unfiled insights"));
        assertEquals(List.of(FLAGS), rules.remove("local", "no such rule"));
        assertEquals(List.of(), rules.remove("local", "Flags by year"));
        assertEquals(List.of(), new OrganiseRules(config).load("local").value());
    }

    @Test
    void aRuleWithoutNameQueryOrTemplateIsRefusedWithASentence() {
        InvalidSettingException e = assertThrows(InvalidSettingException.class,
                () -> new OrganiseRule("  ", "type:insight", "Archive", true));
        assertEquals("A rule needs a name.", e.getMessage());
        assertThrows(InvalidSettingException.class, () -> new OrganiseRule("x", " ", "Archive", true));
        assertThrows(InvalidSettingException.class, () -> new OrganiseRule("x", "type:insight", "", true));
        assertThrows(InvalidSettingException.class, () -> new OrganiseRule("x".repeat(81), "a", "b", true));
    }

    @Test
    void aFileOfANewerBurrowIsRefusedAndLeftAsItIs() throws Exception {
        Path file = config.resolve(OrganiseRules.FILE_NAME);
        String newer = "{\"version\": 99, \"connections\": {\"local\": [{\"name\": \"x\", \"where\": \"a\","
                + " \"to\": \"b\", \"tidy\": true, \"schedule\": \"daily\"}]}}";
        Files.writeString(file, newer);
        OrganiseRules rules = new OrganiseRules(config);

        DocumentFormat.NewerFormatException e = assertThrows(DocumentFormat.NewerFormatException.class,
                () -> rules.load("local"));
        assertTrue(e.getMessage().contains("organise-rules.json format 99"), e.getMessage());
        assertThrows(DocumentFormat.NewerFormatException.class, () -> rules.put("local", INSIGHTS));
        assertThrows(DocumentFormat.NewerFormatException.class, () -> rules.remove("local", "x"));
        assertEquals(newer, Files.readString(file), "neither read in part nor written over");
    }

    @Test
    void anUnreadableFileIsKeptAsideAndTheRulesStartEmpty() throws Exception {
        Path file = config.resolve(OrganiseRules.FILE_NAME);
        Files.writeString(file, "{\"version\": 1, \"connections\": {\"local\": [{\"name\": \"\"");
        OrganiseRules rules = new OrganiseRules(config);

        Loaded<List<OrganiseRule>> loaded = rules.load("local");

        assertEquals(List.of(), loaded.value());
        assertTrue(loaded.problem().orElseThrow().contains("organise-rules.json"), loaded.problem().get());
        assertFalse(Files.exists(file));
        try (Stream<Path> files = Files.list(config)) {
            assertEquals(1, files.filter(p -> p.getFileName().toString().startsWith(OrganiseRules.FILE_NAME
                    + ".corrupt")).count());
        }
        rules.put("local", INSIGHTS);
        assertEquals(List.of(INSIGHTS), rules.load("local").value());
    }
}
