package dev.burrow.settings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConnectionsTest {

    private static final String KEY = "phx_TopSecretKey0123456789abcdefghijklmnopq";

    @TempDir
    Path dir;

    @Test
    void theKeyNeverReachesTheProfilesOrPreferencesFiles() throws IOException {
        FileSecretStore secrets = new FileSecretStore(dir);
        Connections connections = new Connections(new ProfileStore(dir), secrets);
        ConnectionProfile saved = connections.save(null, ConnectionProfile.postHogUs("Work", 42, null), KEY);
        connections.activate("Work");
        new PreferencesStore(dir).save(Preferences.defaults().withTheme(Theme.DARK).withLastExportFolder("/tmp/x"));

        assertNotNull(saved.secretRef());
        String profiles = Files.readString(dir.resolve(ProfileStore.FILE_NAME));
        String prefs = Files.readString(dir.resolve(PreferencesStore.FILE_NAME));
        assertTrue(profiles.contains(saved.secretRef()), profiles);
        assertFalse(profiles.contains(KEY), profiles);
        assertFalse(profiles.contains("TopSecret"), profiles);
        assertFalse(prefs.contains(KEY), prefs);
        assertTrue(Files.readString(secrets.file()).contains(KEY));

        Connections reopened = new Connections(new ProfileStore(dir), new FileSecretStore(dir));
        assertEquals("Work", reopened.active().name());
        assertEquals(Optional.of(KEY), reopened.apiKey(reopened.active()));
        assertEquals(Optional.empty(), reopened.apiKey(reopened.profiles().local()));
    }

    @Test
    void toStringsNeverShowTheKey() {
        FileSecretStore secrets = new FileSecretStore(dir);
        Connections connections = new Connections(new ProfileStore(dir), secrets);
        ConnectionProfile p = connections.save(null,
                ConnectionProfile.selfHosted("Lab", "https://posthog.example.com", 3, null, false), KEY);
        for (Object o : new Object[] {p, secrets, connections, connections.profiles(), new ProfileStore(dir),
                new SecretToolStore(), new MacKeychainStore()}) {
            assertFalse(o.toString().contains(KEY), o.getClass() + ": " + o);
            assertFalse(o.toString().contains("TopSecret"), o.getClass() + ": " + o);
        }
    }

    @Test
    void keepingTheKeyRenamingAndDeleting() {
        FileSecretStore secrets = new FileSecretStore(dir);
        Connections connections = new Connections(new ProfileStore(dir), secrets);
        ConnectionProfile p = connections.save(null, ConnectionProfile.postHogEu("EU", 5, null), KEY);
        ConnectionProfile renamed = connections.save("EU", p.withName("Europe").withEnvironmentId(6), null);
        assertEquals(p.secretRef(), renamed.secretRef());
        assertEquals(Optional.of(KEY), connections.apiKey(renamed));
        assertTrue(connections.profiles().find("EU").isEmpty());

        connections.delete("Europe");
        assertEquals(Optional.empty(), secrets.get(p.secretRef()));
        assertEquals(1, connections.profiles().profiles().size());
        assertThrows(InvalidSettingException.class, () -> connections.delete(ConnectionProfile.LOCAL_NAME));
        assertThrows(InvalidSettingException.class,
                () -> connections.save(null, ConnectionProfile.localWorkspace(), KEY));
        assertEquals(1, new ProfileStore(dir).load().value().profiles().size());
    }
}
