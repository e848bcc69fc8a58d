package dev.burrow.tree;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.burrow.api.FileSystemEntry;
import dev.burrow.api.Json;
import org.junit.jupiter.api.Test;

/** Interned rows are equal to what the server sent, read the same and write the same JSON. */
class RowInternerMetaTest {

    private static FileSystemEntry row(String id, String metaJson, String access) throws Exception {
        JsonNode meta = metaJson == null ? null : Json.MAPPER.readTree(metaJson);
        return new FileSystemEntry(id, "F/" + id, 2, new String("insight"), "ref-" + id, "/insights/" + id, meta,
                false, "2026-01-01T00:00:00Z", null, null, access == null ? null : new String(access));
    }

    @Test
    void anInternedRowIsCompactAndEqualToWhatWasSent() throws Exception {
        RowInterner interner = new RowInterner();
        String json = "{\"created_at\":\"2026-01-02T03:04:05.123456Z\",\"insight_type\":\"TRENDS\",\"n\":3,"
                + "\"nested\":{\"a\":[1,2]}}";
        FileSystemEntry original = row("a1", json, "editor");
        FileSystemEntry interned = interner.intern(original);

        assertTrue(interned.isCompact());
        assertEquals(original, interned, "equal rows");
        assertEquals(interned, original, "equal both ways");
        assertEquals(original.meta(), interned.meta());
        assertEquals(Json.MAPPER.writeValueAsString(original), Json.MAPPER.writeValueAsString(interned),
                "the same JSON, fields in the same order");
        assertEquals("TRENDS", interned.meta().path("insight_type").asText());
        assertEquals(3, interned.meta().path("n").asInt());
        assertEquals(2, interned.meta().path("nested").path("a").size());
        assertTrue(interned.meta().path("missing").isMissingNode());
        ((ObjectNode) interned.meta()).put("n", 4);
        assertEquals(3, interned.meta().path("n").asInt(), "a row's meta is not changed through what it gives");
    }

    @Test
    void creatorsTypesAndAccessLevelsAreSharedAcrossRows() throws Exception {
        RowInterner interner = new RowInterner();
        JsonNode user = Json.MAPPER.readTree("{\"id\":1,\"email\":\"a@b.c\"}");
        FileSystemEntry a = interner.intern(withCreator(row("a", "{\"kind\":\"TRENDS\"}", "editor"), user));
        FileSystemEntry b = interner.intern(withCreator(row("b", "{\"kind\":\"TRENDS\"}", "editor"),
                Json.MAPPER.readTree("{\"id\":1,\"email\":\"a@b.c\"}")));
        assertSame(a.createdBy(), b.createdBy(), "one summary per creator");
        assertSame(a.userAccessLevel(), b.userAccessLevel(), "one access-level string");
        assertSame(a.type(), b.type());
    }

    private static FileSystemEntry withCreator(FileSystemEntry r, JsonNode by) {
        return new FileSystemEntry(r.id(), r.path(), r.depth(), r.type(), r.ref(), r.href(), r.meta(), r.shortcut(),
                r.createdAt(), by, r.lastViewedAt(), r.userAccessLevel());
    }

    @Test
    void emptyMissingAndLargeMetasSurvive() throws Exception {
        RowInterner interner = new RowInterner();
        assertEquals(0, interner.intern(row("e", "{}", null)).meta().size());
        assertEquals(null, interner.intern(row("n", null, null)).meta());
        StringBuilder big = new StringBuilder("{");
        for (int i = 0; i < 12; i++) {
            big.append(i == 0 ? "" : ",").append("\"k").append(i).append("\":").append(i);
        }
        FileSystemEntry large = row("l", big.append('}').toString(), null);
        assertEquals(large.meta(), interner.intern(large).meta());
    }
}
