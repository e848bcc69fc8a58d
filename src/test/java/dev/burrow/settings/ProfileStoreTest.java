package dev.burrow.settings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProfileStoreTest {

    @TempDir
    Path dir;

    private List<Path> listing() throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.toList();
        }
    }

    @Test
    void noFileGivesTheLocalWorkspaceOnly() {
        Loaded<ProfileSet> loaded = new ProfileStore(dir).load();
        assertTrue(loaded.problem().isEmpty());
        assertEquals(List.of(ConnectionProfile.localWorkspace()), loaded.value().profiles());
        assertEquals(ConnectionProfile.LOCAL_NAME, loaded.value().active());
    }

    @Test
    void roundTrip() {
        ProfileStore store = new ProfileStore(dir.resolve("burrow"));
        ProfileSet set = ProfileSet.defaults()
                .with(ConnectionProfile.postHogUs("Work US", 12345, "burrow-a"))
                .with(ConnectionProfile.postHogEu("Work EU", 7, null))
                .with(ConnectionProfile.selfHosted("Lab", "http://posthog.lan:8000/", 3, "burrow-b", true))
                .withActive("Work EU");
        store.save(set);
        Loaded<ProfileSet> back = new ProfileStore(dir.resolve("burrow")).load();
        assertTrue(back.problem().isEmpty());
        assertEquals(set, back.value());
        assertEquals("Work EU", back.value().activeProfile().name());
        assertEquals("http://posthog.lan:8000", back.value().find("Lab").orElseThrow().baseUrl());
    }

    @Test
    void theLocalWorkspaceCannotBeDeletedAndIsRestoredIfMissing() throws IOException {
        ProfileSet set = ProfileSet.defaults().with(ConnectionProfile.postHogUs("US", 1, null));
        String message = assertThrows(InvalidSettingException.class, () -> set.without(ConnectionProfile.LOCAL_NAME))
                .getMessage();
        assertTrue(message.contains("can't be deleted"));
        assertEquals(1, set.without("US").profiles().size());

        Files.writeString(dir.resolve(ProfileStore.FILE_NAME), """
                {"version":1,"active":"US","profiles":[{"name":"US","kind":"POSTHOG_US","environment_id":4}]}
                """);
        ProfileSet loaded = new ProfileStore(dir).load().value();
        assertEquals(2, loaded.profiles().size());
        assertTrue(loaded.profiles().get(0).isLocal());
        assertEquals("US", loaded.active());
    }

    @Test
    void namesAreUniqueAndRenamesKeepTheActiveChoice() {
        ProfileSet set = ProfileSet.defaults().with(ConnectionProfile.postHogUs("US", 1, null)).withActive("US");
        assertThrows(InvalidSettingException.class,
                () -> set.replace("US", ConnectionProfile.postHogEu("local WORKSPACE", 1, null)));
        ProfileSet renamed = set.replace("US", ConnectionProfile.postHogUs("Prod", 1, null));
        assertEquals("Prod", renamed.active());
        assertEquals(ConnectionProfile.LOCAL_NAME, renamed.without("Prod").active());
    }

    @Test
    void aCorruptFileIsKeptAsideAndTheLocalProfileStillLoads() throws IOException {
        Path file = dir.resolve(ProfileStore.FILE_NAME);
        Files.writeString(file, "{\"version\":1,\"profiles\":[{\"name\":");
        Loaded<ProfileSet> loaded = new ProfileStore(dir).load();
        assertEquals(List.of(ConnectionProfile.localWorkspace()), loaded.value().profiles());
        String problem = loaded.problem().orElseThrow();
        assertTrue(problem.contains("profiles.json.corrupt-"), problem);
        assertFalse(Files.exists(file));
        List<Path> aside = listing().stream()
                .filter(p -> p.getFileName().toString().startsWith("profiles.json.corrupt-")).toList();
        assertEquals(1, aside.size());
        assertEquals("{\"version\":1,\"profiles\":[{\"name\":", Files.readString(aside.get(0)));
    }

    @Test
    void aFileWithAnInvalidProfileIsKeptAsideWithTheReason() throws IOException {
        Files.writeString(dir.resolve(ProfileStore.FILE_NAME), """
                {"version":1,"profiles":[{"name":"X","kind":"SELF_HOSTED","base_url":"ftp://x","environment_id":1}]}
                """);
        Loaded<ProfileSet> loaded = new ProfileStore(dir).load();
        assertTrue(loaded.problem().orElseThrow().contains("not ftp://"), loaded.problem().get());
        assertEquals(1, loaded.value().profiles().size());
    }

    /** A value whose serialisation fails halfway through. */
    record Exploding(String first) {
        public String getSecond() {
            throw new IllegalStateException("boom");
        }
    }

    @Test
    void aFailedWriteLeavesTheOldFile() throws IOException {
        ProfileStore store = new ProfileStore(dir);
        store.save(ProfileSet.defaults().with(ConnectionProfile.postHogUs("US", 1, null)));
        byte[] before = Files.readAllBytes(store.file());
        assertThrows(SettingsException.class, () -> JsonDocuments.save(store.file(), ProfileStore.FORMAT, new Exploding("x")));
        assertTrue(new String(before, StandardCharsets.UTF_8).contains("POSTHOG_US"));
        assertEquals(new String(before, StandardCharsets.UTF_8), Files.readString(store.file()));
        assertEquals(List.of(store.file()), listing(), "no temp file left behind");
        assertEquals(2, store.load().value().profiles().size());
    }

    @Test
    void toStringShowsNoKeyMaterial() {
        ConnectionProfile p = ConnectionProfile.postHogUs("US", 1, "burrow-ref");
        assertTrue(p.toString().contains("US"));
        assertFalse(ConnectionProfile.localWorkspace().toString().contains("null"));
    }

    @Test
    void defaultFolderPerOperatingSystem() {
        assertEquals(Path.of("/x/cfg/burrow"),
                ConfigFolder.resolve("Linux", java.util.Map.of("XDG_CONFIG_HOME", "/x/cfg"), "/home/u"));
        assertEquals(Path.of("/home/u/.config/burrow"), ConfigFolder.resolve("Linux", java.util.Map.of(), "/home/u"));
        assertEquals(Path.of("/home/u/.config/burrow"),
                ConfigFolder.resolve("Linux", java.util.Map.of("XDG_CONFIG_HOME", "rel"), "/home/u"));
        assertEquals(Path.of("/Users/u/Library/Application Support/Burrow"),
                ConfigFolder.resolve("Mac OS X", java.util.Map.of(), "/Users/u"));
        assertEquals(Path.of("/appdata", "Burrow"),
                ConfigFolder.resolve("Windows 11", java.util.Map.of("APPDATA", "/appdata"), "/u"));
    }
}
