package dev.burrow.settings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.burrow.api.Json;
import dev.burrow.tree.FileMoveJournalStore;
import dev.burrow.tree.MoveJournal;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Installing a newer Burrow over an older one keeps every setting: the files below were written
 * by Burrow 0.1.0 (src/test/resources/dev/burrow/settings/written-by-0.1.0) and this build opens
 * them. Going back to an older Burrow refuses a newer file and leaves it as it is.
 */
class UpgradeTest {

    private static final String KEY = "phx_old_format_key_0123456789";

    @TempDir
    Path config;

    private void install(String fixture, Path target) throws Exception {
        Files.createDirectories(target.getParent());
        try (InputStream in = UpgradeTest.class.getResourceAsStream("written-by-0.1.0/" + fixture)) {
            Files.copy(in, target);
        }
    }

    private Path journals() {
        return FileMoveJournalStore.forConnection(config.resolve("journals"), "local").folder();
    }

    @Test
    void connectionsKeysPreferencesAndInterruptedMovesOfBurrow010Survive() throws Exception {
        install("profiles.json", config.resolve(ProfileStore.FILE_NAME));
        install("secrets.json", config.resolve(FileSecretStore.FILE_NAME));
        install("preferences.json", config.resolve(PreferencesStore.FILE_NAME));
        install("journal.json", journals().resolve("3f1c9a4e-6b2d-4c8e-9a1f-7e5d3c2b1a09.json"));

        Connections connections = new Connections(new ProfileStore(config), new FileSecretStore(config));
        assertTrue(connections.loadProblem().isEmpty(), () -> connections.loadProblem().get());
        ProfileSet set = connections.profiles();
        assertEquals(List.of("Local workspace", "Work", "EU"), set.profiles().stream().map(ConnectionProfile::name)
                .toList());
        assertEquals("Work", set.active());
        ConnectionProfile work = set.find("Work").orElseThrow();
        assertEquals(ConnectionProfile.selfHosted("Work", "https://posthog.example.com", 12,
                "burrow-5d0c8a46-2f4e-4f6b-9d7e-0c1b2a3d4e5f", false), work);
        assertEquals(ConnectionProfile.postHogEu("EU", 3, null), set.find("EU").orElseThrow());
        assertEquals(KEY, connections.apiKey(work).orElseThrow());

        Loaded<Preferences> prefs = new PreferencesStore(config).load();
        assertTrue(prefs.problem().isEmpty());
        assertEquals(new Preferences(Theme.DARK, "/home/ada/Exports", true,
                new WindowGeometry(40, 60.5, 1280, 800, false)), prefs.value());
        assertEquals(Theme.DARK, new PreferencesStore(config).quickTheme());

        List<MoveJournal.Snapshot> pending = new FileMoveJournalStore(journals()).pending();
        assertEquals(1, pending.size());
        MoveJournal.Snapshot journal = pending.get(0);
        assertEquals("3f1c9a4e-6b2d-4c8e-9a1f-7e5d3c2b1a09", journal.id());
        assertEquals(1, journal.done());
        assertEquals(new MoveJournal.Entry("01936f0a-0000-7000-8000-000000000002", "Marketing/Campaigns/Q1 \\/ Q2",
                "Product/Campaigns/Q1 \\/ Q2"), journal.entries().get(1));

        // This build saves them in its own format, and reads that back the same.
        connections.save(null, ConnectionProfile.postHogUs("US", 5, null), "phx_new_key");
        new PreferencesStore(config).save(prefs.value().withTheme(Theme.LIGHT));
        Connections again = new Connections(new ProfileStore(config), new FileSecretStore(config));
        assertEquals(KEY, again.apiKey(again.profiles().find("Work").orElseThrow()).orElseThrow());
        assertEquals("phx_new_key", again.apiKey(again.profiles().find("US").orElseThrow()).orElseThrow());
        assertEquals(ProfileStore.FORMAT.current(), Json.parse(Files.readString(config.resolve(ProfileStore.FILE_NAME)))
                .get("version").asInt());
        assertEquals(Theme.LIGHT, new PreferencesStore(config).load().value().theme());
    }

    @Test
    void filesOfANewerBurrowAreRefusedAndLeftAsTheyAre() throws Exception {
        String profiles = "{\"version\": 99, \"active\": \"Work\", \"profiles\": [], \"groups\": []}";
        String prefs = "{\"version\": 99, \"preferences\": {\"theme\": \"DARK\", \"zoom\": 2}}";
        String secrets = "{\"version\": 99, \"secrets\": {\"burrow-x\": \"phx_newer_format_key\"}, \"salt\": \"…\"}";
        Files.writeString(config.resolve(ProfileStore.FILE_NAME), profiles);
        Files.writeString(config.resolve(PreferencesStore.FILE_NAME), prefs);
        Files.writeString(config.resolve(FileSecretStore.FILE_NAME), secrets);

        DocumentFormat.NewerFormatException e = assertThrows(DocumentFormat.NewerFormatException.class,
                () -> Connections.open(config));
        assertTrue(e.getMessage().contains("profiles.json format 99"), e.getMessage());
        assertThrows(DocumentFormat.NewerFormatException.class,
                () -> new ProfileStore(config).save(ProfileSet.defaults()));
        assertThrows(DocumentFormat.NewerFormatException.class, () -> new PreferencesStore(config).load());
        assertThrows(DocumentFormat.NewerFormatException.class,
                () -> new PreferencesStore(config).save(Preferences.defaults()));
        FileSecretStore store = new FileSecretStore(config);
        assertThrows(DocumentFormat.NewerFormatException.class, () -> store.get("burrow-x"));
        DocumentFormat.NewerFormatException put = assertThrows(DocumentFormat.NewerFormatException.class,
                () -> store.put("burrow-y", "phx_other"));
        assertFalse(put.getMessage().contains("phx_"), "no secret in the message");

        assertEquals(profiles, Files.readString(config.resolve(ProfileStore.FILE_NAME)));
        assertEquals(prefs, Files.readString(config.resolve(PreferencesStore.FILE_NAME)));
        assertEquals(secrets, Files.readString(config.resolve(FileSecretStore.FILE_NAME)));
        try (var files = Files.list(config)) {
            assertFalse(files.anyMatch(f -> f.getFileName().toString().contains(".corrupt")), "nothing moved aside");
        }

        // A newer Burrow's interrupted move is neither resumed nor set aside.
        Path journal = journals().resolve("later.json");
        Files.createDirectories(journals());
        String text = "{\"version\": 2, \"id\": \"later\", \"done\": 0, \"entries\": [], \"owner\": \"x\"}";
        Files.writeString(journal, text);
        assertEquals(List.of(), new FileMoveJournalStore(journals()).pending());
        assertEquals(text, Files.readString(journal));
    }
}
