package dev.burrow.settings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PreferencesStoreTest {

    @TempDir
    Path dir;

    @Test
    void defaultsWithoutAFile() {
        Loaded<Preferences> loaded = new PreferencesStore(dir).load();
        assertEquals(Preferences.defaults(), loaded.value());
        assertTrue(loaded.problem().isEmpty());
    }

    @Test
    void roundTrip() {
        Preferences prefs = Preferences.defaults().withTheme(Theme.DARK).withLastExportFolder("/home/u/Exports")
                .withWelcomeDismissed(true).withWindow(new WindowGeometry(10, 20.5, 1200, 800, true));
        new PreferencesStore(dir).save(prefs);
        assertEquals(prefs, new PreferencesStore(dir).load().value());
        assertTrue(Files.exists(dir.resolve(PreferencesStore.FILE_NAME)));
        assertTrue(!Files.exists(dir.resolve(ProfileStore.FILE_NAME)), "a separate file from the profiles");
    }

    @Test
    void aCorruptFileIsKeptAside() throws IOException {
        Files.writeString(dir.resolve(PreferencesStore.FILE_NAME), "{\"preferences\":{\"theme\":\"PURPLE\"}}");
        Loaded<Preferences> loaded = new PreferencesStore(dir).load();
        assertEquals(Preferences.defaults(), loaded.value());
        assertTrue(loaded.problem().orElseThrow().contains("preferences.json.corrupt-"), loaded.problem().get());
        try (var files = Files.list(dir)) {
            assertEquals(1, files.filter(p -> p.getFileName().toString().startsWith("preferences.json.corrupt-"))
                    .count());
        }
    }
}
