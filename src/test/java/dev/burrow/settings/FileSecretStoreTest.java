package dev.burrow.settings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileSecretStoreTest {

    private static final String KEY = "phx_TopSecretKey0123456789abcdefghijklmnopq";

    @TempDir
    Path tmp;

    @Test
    void putGetDelete() {
        FileSecretStore store = new FileSecretStore(tmp.resolve("burrow"));
        assertEquals(Optional.empty(), store.get("burrow-a"));
        store.put("burrow-a", KEY);
        store.put("burrow-b", "other");
        assertEquals(Optional.of(KEY), store.get("burrow-a"));
        assertEquals(Optional.of(KEY), new FileSecretStore(tmp.resolve("burrow")).get("burrow-a"));
        store.put("burrow-a", "replaced");
        assertEquals(Optional.of("replaced"), store.get("burrow-a"));
        store.delete("burrow-a");
        store.delete("burrow-missing");
        assertEquals(Optional.empty(), store.get("burrow-a"));
        assertEquals(Optional.of("other"), store.get("burrow-b"));
    }

    @Test
    void fileIs0600AndFolderIs0700AfterEveryWrite() throws IOException {
        Path dir = tmp.resolve("config").resolve("burrow");
        FileSecretStore store = new FileSecretStore(dir);
        store.put("burrow-a", KEY);
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(store.file())));
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(dir)));
        store.put("burrow-b", KEY);
        store.delete("burrow-a");
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(store.file())));
        try (var files = Files.list(dir)) {
            assertTrue(files.allMatch(p -> p.getFileName().toString().startsWith("secrets.json")), "no temp files");
        }
    }

    @Test
    void anExistingWideFolderAndFileAreNarrowed() throws IOException {
        Path dir = Files.createDirectory(tmp.resolve("wide"),
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwxr-xr-x")));
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
        Path file = dir.resolve(FileSecretStore.FILE_NAME);
        Files.writeString(file, "{\"version\":1,\"secrets\":{\"burrow-a\":\"" + KEY + "\"}}");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
        FileSecretStore store = new FileSecretStore(dir);
        assertEquals(Optional.of(KEY), store.get("burrow-a"));
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
        store.put("burrow-b", "x");
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(dir)));
    }

    @Test
    void aCorruptSecretsFileIsKeptAsideWithoutQuotingIt() throws IOException {
        Path file = tmp.resolve(FileSecretStore.FILE_NAME);
        Files.writeString(file, "{\"secrets\":{\"burrow-a\":" + KEY + "}}");
        FileSecretStore store = new FileSecretStore(tmp);
        assertEquals(Optional.empty(), store.get("burrow-a"));
        String problem = store.problem().orElseThrow();
        assertTrue(problem.contains("secrets.json.corrupt-"), problem);
        assertFalse(problem.contains(KEY), problem);
        assertFalse(problem.contains("phx_"), problem);
    }

    @Test
    void describeAndToStringNameTheFileNotTheKeys() {
        FileSecretStore store = new FileSecretStore(tmp);
        store.put("burrow-a", KEY);
        assertTrue(store.describe().startsWith("file "), store.describe());
        assertTrue(store.describe().endsWith("secrets.json (0600)"), store.describe());
        assertFalse(store.toString().contains(KEY));
        assertFalse(store.toString().contains("burrow-a"));
    }

    @Test
    void badRefsAndEmptySecretsAreRefusedWithoutEchoingTheSecret() {
        FileSecretStore store = new FileSecretStore(tmp);
        String m = assertThrows(IllegalArgumentException.class, () -> store.put("../x", KEY)).getMessage();
        assertFalse(m.contains(KEY));
        assertThrows(IllegalArgumentException.class, () -> store.put("burrow-a", ""));
    }

    @Test
    void bestFallsBackToTheFileStoreWhereNoKeychainAnswers() {
        SecretStore best = SecretStores.best(tmp);
        assertTrue(best instanceof FileSecretStore, best.toString());
    }
}
