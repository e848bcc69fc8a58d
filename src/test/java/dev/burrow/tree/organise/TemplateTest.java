package dev.burrow.tree.organise;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.burrow.api.FileSystemEntry;
import dev.burrow.api.Json;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Templates: what parses, what is refused and how it is said, and the timestamp forms. */
class TemplateTest {

    private static String refused(String template) {
        return assertThrows(TemplateException.class, () -> Template.parse(template)).getMessage();
    }

    @Test
    void mistakesAreNamedClearly() {
        assertTrue(refused("").contains("empty"));
        assertTrue(refused("   ").contains("empty"));
        assertTrue(refused("Insights/{creator").contains("never closed"), refused("Insights/{creator"));
        assertTrue(refused("Insights/{owner}").contains("unknown placeholder {owner}"), refused("Insights/{owner}"));
        assertTrue(refused("{created}").contains("{created:yyyy}"), refused("{created}"));
        assertTrue(refused("{created:dd/MM}").contains("date pattern"), refused("{created:dd/MM}"));
        assertTrue(refused("a}b").contains("'}'"), refused("a}b"));
        assertTrue(refused("{type:x}").contains("unknown placeholder"), refused("{type:x}"));
    }

    @Test
    void bracesDoubledAreLiteralAndPlaceholdersIgnoreCaseAndSpaces() {
        FileSystemEntry row = new FileSystemEntry("1", "Inbox/x", 2, "insight", "s", null, Json.object(), false,
                "2025-02-03T04:05:06Z", null, null, null);
        RowFacts facts = new RowFacts(row, Map.of(), DashboardTiles.NONE);
        assertEquals("{Insights}/2025-02", Template.parse("{{{ Type }}}/{created:yyyy-MM}").fill(facts).folder());
        assertFalse(Template.parse("a/{type}").usesDashboard());
        assertTrue(Template.parse("{dashboard}/x").usesDashboard());
        assertEquals("", Template.parse("/").fill(facts).folder(), "'/' is the top level");
    }

    @Test
    void aRowWithoutAnyCreationTimeIsSkippedForDateTemplates() {
        ObjectNode meta = Json.object().put("created_at", "not a time");
        FileSystemEntry row = new FileSystemEntry("1", "Inbox/x", 2, "insight", "s", null, meta, false, null, null, null,
                null);
        Template.Filled filled = Template.parse("Archive/{created:yyyy}").fill(new RowFacts(row, Map.of(),
                DashboardTiles.NONE));
        assertNull(filled.folder());
        assertEquals("it has no creation date", filled.skipped());
    }

    @Test
    void timestampsInEveryFormPostHogSends() {
        assertEquals(Instant.parse("2026-08-11T08:01:22.201195Z"), RowFacts.instant("2026-08-11 08:01:22.201195+00:00"));
        assertEquals(Instant.parse("2026-08-11T08:01:22.201195Z"), RowFacts.instant("2026-08-11T08:01:22.201195Z"));
        assertEquals(Instant.parse("2026-08-11T06:01:22Z"), RowFacts.instant("2026-08-11T08:01:22+02:00"));
        assertEquals(Instant.parse("2026-08-11T08:01:22Z"), RowFacts.instant("2026-08-11T08:01:22"));
        assertEquals(Instant.parse("2026-08-11T00:00:00Z"), RowFacts.instant("2026-08-11"));
        assertNull(RowFacts.instant("yesterday"));
        assertNull(RowFacts.instant(null));
    }
}
