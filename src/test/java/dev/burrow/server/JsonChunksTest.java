package dev.burrow.server;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.burrow.api.Json;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The server writes JSON answers from arrays of at most 64 KB: the same bytes as serialising the
 * answer into one array, valid JSON for pages far larger than a chunk, and never one array of the
 * whole page (a humongous object in the app's heap when the server runs inside it).
 */
class JsonChunksTest {

    /** A page like the index load's: {@code rows} rows with non-ASCII text, nulls, nested meta. */
    private static Map<String, Object> page(int rows) {
        List<Object> results = new ArrayList<>();
        for (int i = 0; i < rows; i++) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("id", "0190-" + i);
            row.put("path", "Synthetic/Größe " + (i % 97) + "/Ünïcode “row” " + i);
            row.put("type", i % 3 == 0 ? "folder" : "insight");
            row.put("ref", i % 5 == 0 ? null : Integer.toString(i));
            row.put("shortcut", i % 7 == 0);
            row.put("meta", Map.of("n", i));
            results.add(row);
        }
        Map<String, Object> page = new LinkedHashMap<>();
        page.put("count", rows);
        page.put("next", null);
        page.put("results", results);
        return page;
    }

    @Test
    void aLargePageIsTheSameBytesAsOneArrayAndNoChunkIsLargerThan64Kb() throws Exception {
        Map<String, Object> page = page(5_000);
        byte[] whole = Json.bytes(page);
        assertTrue(whole.length > 8 * JsonChunks.CHUNK, "the page spans many chunks: " + whole.length);

        JsonChunks chunks = JsonChunks.of(page);

        assertEquals(whole.length, chunks.length());
        assertArrayEquals(whole, chunks.toByteArray());
        ByteArrayOutputStream written = new ByteArrayOutputStream();
        chunks.writeTo(written);
        assertArrayEquals(whole, written.toByteArray());
        for (byte[] c : chunks.chunks()) {
            assertTrue(c.length <= JsonChunks.CHUNK, "a chunk of " + c.length + " bytes");
        }
        assertEquals(Json.MAPPER.valueToTree(page), Json.MAPPER.readTree(written.toByteArray()));
    }

    @Test
    void smallAnswersTakeOneSmallArray() {
        JsonChunks chunks = JsonChunks.of(Map.of("detail", "Not found."));
        assertEquals(1, chunks.chunks().size());
        assertTrue(chunks.chunks().get(0).length <= JsonChunks.FIRST);
        assertArrayEquals(Json.bytes(Map.of("detail", "Not found.")), chunks.toByteArray());
    }

    @Test
    void everyChunkBoundaryGivesTheSameBytes() {
        // strings whose lengths put chunk ends inside multi-byte characters and escapes
        for (int n = 1; n < 300; n += 37) {
            List<String> values = new ArrayList<>();
            for (int i = 0; i < 4_000; i++) {
                values.add("é\"\\".repeat(i % n) + "€" + i);
            }
            assertArrayEquals(Json.bytes(values), JsonChunks.of(values).toByteArray(), "n " + n);
        }
    }

    @Test
    void aListingOfThousandsOfRowsArrivesWholeWithItsLength() throws Exception {
        try (TestServer s = TestServer.start()) {
            List<String> paths = new ArrayList<>();
            for (int i = 0; i < 3_000; i++) {
                paths.add("Big/Ünïcode row " + i);
            }
            s.rows(paths, "insight");
            HttpRequest req = HttpRequest.newBuilder(URI.create(s.url("file_system/?limit=3000")))
                    .header("Authorization", "Bearer " + TestServer.KEY).build();
            HttpResponse<byte[]> resp = HttpClient.newHttpClient().send(req, HttpResponse.BodyHandlers.ofByteArray());

            assertEquals(200, resp.statusCode());
            byte[] body = resp.body();
            assertTrue(body.length > 4 * JsonChunks.CHUNK, "a page of " + body.length + " bytes");
            assertEquals(Long.toString(body.length), resp.headers().firstValue("Content-Length").orElseThrow());
            assertEquals("application/json", resp.headers().firstValue("Content-Type").orElseThrow());
            JsonNode page = Json.MAPPER.readTree(body);
            assertEquals(3_000, page.get("results").size());
            assertArrayEquals(Json.bytes(page), body, "the bytes one array would have held");
        }
    }
}
