package dev.burrow.settings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The open folders per connection survive a restart, in a versioned file of their own. */
class ExpandedFoldersStoreTest {

    @TempDir
    Path dir;

    @Test
    void eachConnectionKeepsItsOwnFoldersAcrossARestart() throws IOException {
        ExpandedFoldersStore store = new ExpandedFoldersStore(dir);
        assertEquals(Map.of(), store.load().value());
        store.save("local", Set.of("Marketing", "Marketing/Campaigns", ""));
        store.save("https://eu.posthog.com#2", List.of("Product"));

        Map<String, List<String>> again = new ExpandedFoldersStore(dir).load().value();
        assertEquals(List.of("Marketing", "Marketing/Campaigns"), again.get("local"), "the root is not stored");
        assertEquals(List.of("Product"), again.get("https://eu.posthog.com#2"));
        String text = Files.readString(dir.resolve(ExpandedFoldersStore.FILE_NAME));
        assertTrue(text.contains("\"version\" : 1"), text);
    }

    @Test
    void aCorruptFileIsKeptAsideAndForgotten() throws IOException {
        Files.writeString(dir.resolve(ExpandedFoldersStore.FILE_NAME), "{\"version\":1,\"connections\":[1,2]}");
        Loaded<Map<String, List<String>>> loaded = new ExpandedFoldersStore(dir).load();
        assertEquals(Map.of(), loaded.value());
        assertTrue(loaded.problem().orElseThrow().contains("expanded-folders.json.corrupt-"), loaded.problem().get());
    }

    @Test
    void aNewerFileIsLeftAlone() throws IOException {
        Path file = dir.resolve(ExpandedFoldersStore.FILE_NAME);
        Files.writeString(file, "{\"version\":9,\"connections\":{}}");
        assertThrows(DocumentFormat.NewerFormatException.class, () -> new ExpandedFoldersStore(dir).load());
        assertEquals("{\"version\":9,\"connections\":{}}", Files.readString(file));
    }
}
