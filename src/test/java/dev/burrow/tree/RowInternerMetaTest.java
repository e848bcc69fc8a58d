package dev.burrow.tree;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.burrow.api.FileSystemEntry;
import dev.burrow.api.Json;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Interned rows are equal to what the server sent, read the same and write the same JSON. */
class RowInternerMetaTest {

    private static FileSystemEntry row(String id, String metaJson, String access) throws Exception {
        JsonNode meta = metaJson == null ? null : Json.MAPPER.readTree(metaJson);
        return new FileSystemEntry(id, "F/" + id, 2, new String("insight"), "ref-" + id, "/insights/" + id, meta,
                false, "2026-01-01T00:00:00Z", null, null, access == null ? null : new String(access));
    }

    @Test
    void aSmallMetaBecomesCompactAndStaysEqual() throws Exception {
        RowInterner interner = new RowInterner();
        String json = "{\"created_at\":\"2026-01-02T03:04:05.123456Z\",\"insight_type\":\"TRENDS\",\"n\":3,"
                + "\"nested\":{\"a\":[1,2]}}";
        FileSystemEntry original = row("a1", json, "editor");
        FileSystemEntry interned = interner.intern(original);

        assertNotSame(original.meta(), interned.meta());
        assertEquals(original, interned, "equal rows");
        assertEquals(original.meta(), interned.meta());
        assertEquals(interned.meta(), original.meta(), "equal both ways");
        assertEquals(original.meta().hashCode(), interned.meta().hashCode());
        assertEquals(Json.MAPPER.writeValueAsString(original.meta()), Json.MAPPER.writeValueAsString(interned.meta()),
                "the same JSON, fields in the same order");
        assertEquals("TRENDS", interned.meta().path("insight_type").asText());
        assertEquals(3, interned.meta().path("n").asInt());
        assertEquals(2, interned.meta().path("nested").path("a").size());
        assertTrue(interned.meta().path("missing").isMissingNode());
        assertThrows(UnsupportedOperationException.class, () -> ((ObjectNode) interned.meta()).put("x", 1),
                "a row's meta is read-only");
    }

    @Test
    void repeatedNamesShortTextsAndWordsAreSharedAcrossRows() throws Exception {
        RowInterner interner = new RowInterner();
        FileSystemEntry a = interner.intern(row("a", "{\"created_at\":\"2026-01-02T03:04:05Z\",\"kind\":\"TRENDS\"}",
                "editor"));
        FileSystemEntry b = interner.intern(row("b", "{\"created_at\":\"2026-02-02T03:04:05Z\",\"kind\":\"TRENDS\"}",
                "editor"));
        assertSame(a.meta().get("kind"), b.meta().get("kind"), "one TRENDS node");
        assertSame(a.userAccessLevel(), b.userAccessLevel(), "one access-level string");
        assertSame(a.type(), b.type());
        List<String> names = List.copyOf(a.meta().properties().stream().map(java.util.Map.Entry::getKey).toList());
        assertEquals(List.of("created_at", "kind"), names);
    }

    @Test
    void emptyMissingAndLargeMetasAreKeptAsTheyAre() throws Exception {
        RowInterner interner = new RowInterner();
        assertEquals(0, interner.intern(row("e", "{}", null)).meta().size());
        assertEquals(null, interner.intern(row("n", null, null)).meta());
        StringBuilder big = new StringBuilder("{");
        for (int i = 0; i < 12; i++) {
            big.append(i == 0 ? "" : ",").append("\"k").append(i).append("\":").append(i);
        }
        FileSystemEntry large = row("l", big.append('}').toString(), null);
        assertSame(large.meta(), interner.intern(large).meta(), "more than 8 fields: kept as sent");
    }
}
