package dev.burrow.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** A compact row reads, compares and writes as the row it was made from. */
class CompactEntryTest {

    private static FileSystemEntry row(String ref, String href, String metaJson, String createdAt) {
        JsonNode meta = metaJson == null ? null : Json.parse(metaJson);
        return new FileSystemEntry("0190-a", "Product/Q2/Funnel", 3, "insight", ref, href, meta, false, createdAt,
                Json.parse("{\"id\":7,\"email\":\"a@b.c\"}"), null, "editor");
    }

    private static void assertSameRow(FileSystemEntry full, FileSystemEntry compact) {
        assertTrue(compact.isCompact());
        assertFalse(full.isCompact());
        assertEquals(full.ref(), compact.ref());
        assertEquals(full.href(), compact.href());
        assertEquals(full.createdAt(), compact.createdAt());
        assertEquals(full.meta(), compact.meta());
        assertEquals(full, compact);
        assertEquals(compact, full, "equal both ways");
        assertEquals(full.hashCode(), compact.hashCode());
        assertEquals(Json.write(full), Json.write(compact), "the same JSON, fields in the same order");
        assertEquals(readBack(full), readBack(compact), "read back from its JSON as the full row is");
    }

    private static FileSystemEntry readBack(FileSystemEntry row) {
        return Json.MAPPER.convertValue(Json.MAPPER.valueToTree(row), FileSystemEntry.class);
    }

    @Test
    void aCompactRowReadsAndWritesAsItsFullSelf() {
        FileSystemEntry full = row("aBc12", "/insights/aBc12",
                "{\"created_at\":\"2026-01-02 03:04:05.123456+00:00\",\"created_by\":12,\"insight_type\":\"TRENDS\","
                        + "\"nested\":{\"a\":[1,2.5,null,true]}}",
                "2026-01-02T03:04:05.123456Z");
        FileSystemEntry compact = full.compact();
        assertSameRow(full, compact);
        assertEquals("TRENDS", compact.meta().path("insight_type").asText());
        assertEquals(12, compact.meta().path("created_by").asInt());
        assertSame(compact, compact.compact(), "already compact");
    }

    @Test
    void nullsEmptiesJsonNullAndLongOrUnicodeTextSurvive() {
        String longText = "é/ü/日本/" + "x".repeat(300); // lengths over 127 bytes take two length bytes
        List<FileSystemEntry> rows = List.of(
                row(null, null, null, null),
                row("", "", "{}", ""),
                row("r", null, "null", "t"),
                row(longText, "/h/" + longText, "{\"k\":\"" + longText + "\"}", longText));
        for (FileSystemEntry full : rows) {
            assertSameRow(full, full.compact());
        }
        assertNull(rows.get(0).compact().meta(), "no meta stays no meta");
        assertEquals(NullNode.getInstance(), rows.get(2).compact().meta(), "a JSON null stays a JSON null");
    }

    @Test
    void rowsThatDifferInAPackedFieldAreNotEqual() {
        FileSystemEntry a = row("r1", "/insights/r1", "{\"n\":1}", "2026-01-01T00:00:00Z");
        assertNotEquals(a.compact(), row("r2", "/insights/r1", "{\"n\":1}", "2026-01-01T00:00:00Z").compact());
        assertNotEquals(a.compact(), row("r1", "/insights/r2", "{\"n\":1}", "2026-01-01T00:00:00Z"));
        assertNotEquals(a, row("r1", "/insights/r1", "{\"n\":2}", "2026-01-01T00:00:00Z").compact());
        assertNotEquals(a.compact(), row("r1", "/insights/r1", "{\"n\":1}", "2026-01-01T00:00:01Z").compact());
        assertEquals(a.compact(), row("r1", "/insights/r1", "{\"n\":1}", "2026-01-01T00:00:00Z").compact());
    }

    @Test
    void changingTheMetaACompactRowGaveChangesNoRow() {
        FileSystemEntry compact = row("r", "/h", "{\"n\":1}", "t").compact();
        ((ObjectNode) compact.meta()).put("n", 2);
        assertEquals(1, compact.meta().path("n").asInt());
    }

    @Test
    void movingOrLinkingACompactRowKeepsItCompactAndWhole() {
        FileSystemEntry full = row("r", "/insights/r", "{\"n\":1}", "2026-01-01T00:00:00Z");
        FileSystemEntry moved = full.compact().withPath("Elsewhere/Funnel");
        assertTrue(moved.isCompact());
        assertEquals(full.withPath("Elsewhere/Funnel"), moved);
        assertEquals(2, moved.depth());
        FileSystemEntry linked = full.compact().withShortcut(true);
        assertTrue(linked.isCompact() && linked.isLink());
        assertEquals(full.withShortcut(true), linked);
    }

    @Test
    void randomRowsRoundTrip() {
        Random random = new Random(42);
        List<FileSystemEntry> rows = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            rows.add(row(text(random), text(random), random.nextInt(4) == 0 ? null
                    : "{\"a\":" + Json.write(text(random)) + ",\"b\":" + random.nextInt() + "}", text(random)));
        }
        for (FileSystemEntry full : rows) {
            assertSameRow(full, full.compact());
        }
    }

    private static String text(Random random) {
        if (random.nextInt(5) == 0) {
            return null;
        }
        StringBuilder sb = new StringBuilder();
        int n = random.nextInt(random.nextBoolean() ? 10 : 400);
        for (int i = 0; i < n; i++) {
            sb.append((char) (random.nextBoolean() ? 'a' + random.nextInt(26) : 0xa0 + random.nextInt(0x2000)));
        }
        return sb.toString();
    }
}
