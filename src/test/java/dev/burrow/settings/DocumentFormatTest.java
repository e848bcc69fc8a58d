package dev.burrow.settings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.burrow.api.Json;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The migration mechanism of settings files, on a format with two steps: the way a change such as
 * a per-connection "expanded folders" preference is added.
 */
class DocumentFormatTest {

    @TempDir
    Path dir;

    /** Version 3 of an imagined file: "colour" was renamed "theme" (2), "expanded" was added (3). */
    record Settings(String theme, Map<String, List<String>> expanded) {
        Settings {
            expanded = expanded == null ? Map.of() : expanded;
        }
    }

    record Document(int version, Settings settings) {
    }

    static final DocumentFormat FORMAT = new DocumentFormat("settings.json", List.of(
            doc -> { // 1 → 2: "colour" is now "theme"
                ObjectNode s = (ObjectNode) doc.path("settings");
                s.set("theme", s.remove("colour"));
                return doc;
            },
            doc -> { // 2 → 3: "expanded" folders per connection, none yet
                ((ObjectNode) doc.path("settings")).putObject("expanded");
                return doc;
            }));

    private Loaded<Settings> load(Path file) {
        return JsonDocuments.load(file, FORMAT, Document.class, Document::settings, () -> new Settings("LIGHT", null),
                false);
    }

    @Test
    void olderDocumentsAreBroughtUpStepByStep() throws Exception {
        Path file = dir.resolve("settings.json");
        Files.writeString(file, "{\"version\": 1, \"settings\": {\"colour\": \"DARK\"}}");
        assertEquals(new Settings("DARK", Map.of()), load(file).value());
        Files.writeString(file, "{\"version\": 2, \"settings\": {\"theme\": \"DARK\"}}");
        assertEquals(new Settings("DARK", Map.of()), load(file).value());
        // a document from before versions were written counts as version 1
        Files.writeString(file, "{\"settings\": {\"colour\": \"SYSTEM\"}}");
        assertEquals(new Settings("SYSTEM", Map.of()), load(file).value());
        assertEquals(3, FORMAT.current());
        JsonDocuments.save(file, FORMAT, new Document(FORMAT.current(), new Settings("DARK",
                Map.of("local", List.of("Marketing")))));
        assertEquals(3, Json.parse(Files.readString(file)).get("version").asInt());
        assertEquals(List.of("Marketing"), load(file).value().expanded().get("local"));
    }

    @Test
    void aNewerDocumentIsRefusedWholeAndNeverWrittenOver() throws Exception {
        Path file = dir.resolve("settings.json");
        String newer = "{\"version\": 4, \"settings\": {\"theme\": \"DARK\", \"zoom\": 1.5}}";
        Files.writeString(file, newer);
        DocumentFormat.NewerFormatException refused = assertThrows(DocumentFormat.NewerFormatException.class,
                () -> load(file));
        assertTrue(refused.getMessage().contains("written by a newer Burrow (settings.json format 4; this one knows"
                + " up to 3)"), refused.getMessage());
        assertThrows(DocumentFormat.NewerFormatException.class, () -> JsonDocuments.save(file, FORMAT,
                new Document(3, new Settings("LIGHT", null))));
        assertEquals(newer, Files.readString(file));
        try (var files = Files.list(dir)) {
            assertEquals(1, files.count(), "nothing moved aside, nothing left behind");
        }
    }
}
