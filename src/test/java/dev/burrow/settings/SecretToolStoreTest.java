package dev.burrow.settings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SecretToolStoreTest {

    private static final String KEY = "phx_TopSecretKey0123456789abcdefghijklmnopq";

    @TempDir
    Path tmp;

    private Path script(String name, String body) throws IOException {
        Path p = tmp.resolve(name);
        Files.writeString(p, "#!/bin/sh\n" + body + "\n");
        Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("rwx------"));
        return p;
    }

    @Test
    void isUnavailableHereWithinThreeSeconds() {
        long start = System.nanoTime();
        assertFalse(new SecretToolStore().isAvailable());
        assertTrue(System.nanoTime() - start < 3_000_000_000L);
    }

    @Test
    void aHangingServiceCountsAsUnavailableAfterTheProbeTimeout() throws IOException {
        Path hang = script("hang", "exec sleep 30");
        long start = System.nanoTime();
        assertFalse(new SecretToolStore(hang.toString(), Duration.ofMillis(500), Duration.ofSeconds(5)).isAvailable());
        assertTrue(System.nanoTime() - start < 3_000_000_000L);
    }

    @Test
    void anErrorFromTheServiceCountsAsUnavailable() throws IOException {
        Path broken = script("broken", "echo 'secret-tool: Cannot autolaunch D-Bus without X11 $DISPLAY' >&2; exit 1");
        assertFalse(new SecretToolStore(broken.toString(), Duration.ofSeconds(2), Duration.ofSeconds(5)).isAvailable());
        Path notFound = script("notfound", "exit 1");
        assertTrue(new SecretToolStore(notFound.toString(), Duration.ofSeconds(2), Duration.ofSeconds(5)).isAvailable());
    }

    @Test
    void commandsCarryAttributesNeverTheSecret() {
        SecretToolStore store = new SecretToolStore();
        assertEquals(List.of("secret-tool", "store", "--label=Burrow API key (burrow-a)", "service", "dev.burrow",
                "ref", "burrow-a"), store.storeCommand("burrow-a"));
        assertEquals(List.of("secret-tool", "lookup", "service", "dev.burrow", "ref", "burrow-a"),
                store.lookupCommand("burrow-a"));
        assertEquals(List.of("secret-tool", "clear", "service", "dev.burrow", "ref", "burrow-a"),
                store.clearCommand("burrow-a"));
        assertThrows(IllegalArgumentException.class, () -> store.lookupCommand("a b"));
    }

    @Test
    void theSecretGoesOnStdinOnly() throws IOException {
        Path args = tmp.resolve("args");
        Path stdin = tmp.resolve("stdin");
        Path fake = script("fake", "echo \"$@\" > '" + args + "'; cat > '" + stdin + "'");
        SecretToolStore store = new SecretToolStore(fake.toString(), Duration.ofSeconds(2), Duration.ofSeconds(5));
        store.put("burrow-a", KEY);
        assertEquals(KEY, Files.readString(stdin));
        String argv = Files.readString(args);
        assertTrue(argv.startsWith("store --label=Burrow API key (burrow-a) service dev.burrow ref burrow-a"), argv);
        assertFalse(argv.contains(KEY));
    }

    @Test
    void lookupReadsStdoutAndFailuresDoNotQuoteTheSecret() throws IOException {
        Path found = script("found", "printf '%s\\n' '" + KEY + "'");
        assertEquals(Optional.of(KEY),
                new SecretToolStore(found.toString(), Duration.ofSeconds(2), Duration.ofSeconds(5)).get("burrow-a"));
        Path failing = script("failing", "cat >/dev/null; echo 'secret-tool: No such interface' >&2; exit 2");
        SecretToolStore store = new SecretToolStore(failing.toString(), Duration.ofSeconds(2), Duration.ofSeconds(5));
        SecretStoreException e = assertThrows(SecretStoreException.class, () -> store.put("burrow-a", KEY));
        assertTrue(e.getMessage().contains("No such interface"), e.getMessage());
        assertFalse(e.getMessage().contains(KEY));
        assertFalse(store.toString().contains(KEY));
        assertEquals("Secret Service (secret-tool)", store.describe());
    }

    @Test
    void macKeychainCommandLineRefusesWhatItCannotPassSafely() {
        assertEquals("add-generic-password -U -s dev.burrow -a burrow-a -w " + KEY + "\n",
                MacKeychainStore.addCommandLine("burrow-a", KEY));
        String m = assertThrows(IllegalArgumentException.class,
                () -> MacKeychainStore.addCommandLine("burrow-a", "with space\" -s evil")).getMessage();
        assertFalse(m.contains("evil"));
        assertFalse(new MacKeychainStore(tmp.resolve("no-such-security").toString(), Duration.ofSeconds(1))
                .isAvailable());
    }
}
