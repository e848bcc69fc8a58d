package dev.burrow.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.burrow.cli.CliSupport.Result;
import dev.burrow.settings.ConnectionProfile;
import dev.burrow.settings.Connections;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Where the connection comes from, and the exit codes of the ways it fails. */
class CliConnectionTest {

    @TempDir
    Path dir;
    CliSupport s;

    @BeforeEach
    void start() throws Exception {
        s = new CliSupport(dir.resolve("data"));
    }

    @AfterEach
    void stop() {
        s.close();
    }

    @Test
    void aWrongKeyIsRefusedWithTheServersMessageAndIsNeverPrinted() {
        String secret = "phx_wrong_key_do_not_print";
        Result r = CliSupport.runWith(Map.of(), "ls", "--host", s.server.baseUrl(), "--api-key", secret,
                "--environment", "1");
        assertEquals(1, r.code(), r::toString);
        assertTrue(r.err().contains("(401)"), r::toString);
        assertTrue(r.err().contains("Personal API key found in request Authorization header is invalid."), r::toString);
        assertTrue(r.err().contains("--api-key"), "says where the key comes from: " + r);
        assertFalse(r.err().contains(secret) || r.out().contains(secret), r::toString);
    }

    @Test
    void anUnreachableServerIsANetworkFailure() throws Exception {
        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        Result r = CliSupport.runWith(Map.of(), "ls", "--host", "http://127.0.0.1:" + port, "--api-key", "k1",
                "--environment", "1");
        assertEquals(3, r.code(), r::toString);
        assertTrue(r.err().startsWith("burrow: Could not connect to http://127.0.0.1:" + port), r::toString);
    }

    @Test
    void missingOrWrongArgumentsAreUsageErrors() {
        Result keyButNoHost = CliSupport.runWith(Map.of(), "ls", "--api-key", "k1");
        assertEquals(2, keyButNoHost.code());
        assertEquals("burrow: --api-key is set but no server is: pass --host URL or set BURROW_HOST (with none of"
                + " them, burrow works on the local workspace)\n", keyButNoHost.err());
        Result envButNoHost = CliSupport.runWith(Map.of("BURROW_ENVIRONMENT", "2"), "ls");
        assertEquals(2, envButNoHost.code());
        assertTrue(envButNoHost.err().startsWith("burrow: BURROW_ENVIRONMENT is set but no server is"),
                envButNoHost::toString);
        Result noEnv = CliSupport.runWith(Map.of(), "ls", "--host", s.server.baseUrl(), "--api-key", "k1");
        assertEquals(2, noEnv.code());
        assertTrue(noEnv.err().contains("--environment"), noEnv::toString);
        assertEquals(2, s.run("rm").code());
        assertEquals(2, s.run("link", "Marketing").code());
        Result unknown = s.run("ls", "--colour");
        assertEquals(2, unknown.code());
        assertEquals("burrow: unknown option '--colour'\n", unknown.err());
        Result misplaced = s.run("ls", "--format", "png");
        assertEquals(2, misplaced.code());
        assertEquals(2, s.run("ls", "--host").code());
        assertEquals(2, CliSupport.runWith(Map.of(), "ls", "--host", "ftp://x", "--api-key", "k1", "--environment",
                "1").code());
        assertEquals(2, CliSupport.runWith(Map.of(), "ls", "--host", s.server.baseUrl(), "--api-key", "k1",
                "--environment", "one").code());
    }

    @Test
    void theConnectionCanComeFromEnvironmentVariables() {
        Map<String, String> env = Map.of("BURROW_HOST", s.server.baseUrl(), "BURROW_API_KEY", "k1",
                "BURROW_ENVIRONMENT", "1");
        Result r = CliSupport.runWith(env, "ls");
        assertEquals(0, r.code(), r::toString);
        assertTrue(r.out().contains("Marketing/"));
        // A flag beats the variable.
        Result flagWins = CliSupport.runWith(env, "ls", "--api-key", "wrong");
        assertEquals(1, flagWins.code());
    }

    @Test
    void theConnectionCanComeFromASavedProfile() {
        Path config = dir.resolve("config");
        Connections saved = CliSupport.connections(config);
        saved.save(null, ConnectionProfile.selfHosted("work", s.server.baseUrl(), 1, null, false), "k1");
        Result r = CliSupport.runWith(Map.of(), "ls", "--profile", "work", "--config-dir", config.toString());
        assertEquals(0, r.code(), r::toString);
        assertTrue(r.out().contains("Marketing/"));

        String before = System.getProperty(Cli.CONFIG_DIR_PROPERTY);
        System.setProperty(Cli.CONFIG_DIR_PROPERTY, config.toString());
        try {
            assertEquals(0, CliSupport.runWith(Map.of(), "count", "Marketing", "--profile", "work").code());
        } finally {
            if (before == null) {
                System.clearProperty(Cli.CONFIG_DIR_PROPERTY);
            } else {
                System.setProperty(Cli.CONFIG_DIR_PROPERTY, before);
            }
        }

        Result unknown = CliSupport.runWith(Map.of(), "ls", "--profile", "home", "--config-dir", config.toString());
        assertEquals(2, unknown.code());
        assertTrue(unknown.err().contains("no saved connection named 'home'"), unknown::toString);
        // The local workspace profile beats the variables (a profile comes before them).
        Map<String, String> elsewhere = Map.of("BURROW_HOST", "http://127.0.0.1:9", "BURROW_API_KEY", "k1",
                "BURROW_ENVIRONMENT", "1");
        Result local = CliSupport.runWith(elsewhere, "ls", "--profile", ConnectionProfile.LOCAL_NAME, "--config-dir",
                config.toString());
        assertEquals(0, local.code(), local::toString);
        assertTrue(local.out().contains("Marketing/"), local::toString);
        Result localWithHost = CliSupport.runWith(Map.of(), "ls", "--profile", ConnectionProfile.LOCAL_NAME,
                "--host", s.server.baseUrl(), "--config-dir", config.toString());
        assertEquals(2, localWithHost.code(), localWithHost::toString);
    }

    @Test
    void withoutAConnectionCommandsWorkOnTheLocalWorkspaceBesideARunningServer() {
        // s.server plays the window's server; the command starts its own on the same data folder.
        Result ls = CliSupport.runWith(Map.of(), "ls");
        assertEquals(0, ls.code(), ls::toString);
        for (String top : java.util.List.of("Marketing/", "Product/", "Unfiled/")) {
            assertTrue(ls.out().contains(top), ls::toString);
        }
        Result made = CliSupport.runWith(Map.of(), "mkdir", "From the terminal/Inbox");
        assertEquals(0, made.code(), made::toString);
        assertEquals(1, s.rowsAt("From the terminal/Inbox").size(), "the window's server sees the command's write");
        s.client.fileSystem().create(dev.burrow.client.EntryFields.folder("From the window"));
        Result seen = CliSupport.runWith(Map.of(), "ls", "--json");
        assertTrue(seen.out().contains("\"path\" : \"From the window\""), seen::toString);
        // BURROW_HOST (and the rest) still win over the local default.
        Result unreachable = CliSupport.runWith(Map.of("BURROW_HOST", "http://127.0.0.1:9", "BURROW_API_KEY", "k1",
                "BURROW_ENVIRONMENT", "1"), "ls");
        assertEquals(3, unreachable.code(), unreachable::toString);
    }

    @Test
    void aBatchOrganisedOnTheLocalWorkspaceIsUndoneByALaterCommand() {
        // each command's local server has its own port: the batch journal is kept under "local"
        String config = dir.resolve("config").toString();
        java.util.List<dev.burrow.api.FileSystemEntry> before = s.client.fileSystem().listAll(
                dev.burrow.client.FileSystemQuery.all().withSearch("type:insight path:Unfiled").withLimit(1000));
        assertFalse(before.isEmpty());
        Result apply = CliSupport.runWith(Map.of(), "organise", "--where", "type:insight path:Unfiled", "--to",
                "Tidied/{type}", "--yes", "--config-dir", config);
        assertEquals(0, apply.code(), apply::toString);
        assertEquals(before.size(), s.below("Tidied").stream().filter(r -> !r.isFolder()).count(), apply::toString);
        Result undo = CliSupport.runWith(Map.of(), "organise", "--undo", "--config-dir", config);
        assertEquals(0, undo.code(), undo::toString);
        for (dev.burrow.api.FileSystemEntry row : before) {
            assertEquals(1, s.rowsAt(row.path()).stream().filter(r -> r.id().equals(row.id())).count(), row::path);
        }
    }

    @Test
    void profilesListsTheSavedConnectionsWithoutKeysAndMarksTheDefault() {
        Path config = dir.resolve("config");
        Connections saved = CliSupport.connections(config);
        String key = "phx_profile_key_never_printed";
        ConnectionProfile work = saved.save(null, ConnectionProfile.selfHosted("work", s.server.baseUrl(), 7, null,
                false), key);
        saved.save(null, ConnectionProfile.postHogEu("eu", 3, null), null);
        Result r = CliSupport.runWith(Map.of(), "profiles", "--config-dir", config.toString());
        assertEquals(0, r.code(), r::toString);
        java.util.List<String> lines = r.out().lines().toList();
        assertTrue(lines.get(0).contains("NAME") && lines.get(0).contains("KEY"), r::toString);
        assertTrue(lines.get(1).startsWith("* " + ConnectionProfile.LOCAL_NAME), r::toString);
        assertTrue(lines.get(2).startsWith("  work ") && lines.get(2).contains(s.server.baseUrl())
                && lines.get(2).contains(" 7 ") && lines.get(2).endsWith("saved"), r::toString);
        assertTrue(lines.get(3).startsWith("  eu ") && lines.get(3).contains("https://eu.posthog.com")
                && lines.get(3).endsWith("none saved"), r::toString);
        assertFalse(r.out().contains(key) || r.out().contains(work.secretRef()), "no key, no key reference: " + r);

        com.fasterxml.jackson.databind.JsonNode doc = dev.burrow.api.Json.parse(
                CliSupport.runWith(Map.of(), "profiles", "--json", "--config-dir", config.toString()).out());
        assertEquals(ConnectionProfile.LOCAL_NAME, doc.get("default").asText());
        assertEquals(3, doc.get("profiles").size());
        com.fasterxml.jackson.databind.JsonNode w = doc.get("profiles").get(1);
        assertEquals("work", w.get("name").asText());
        assertEquals("self_hosted", w.get("kind").asText());
        assertTrue(w.get("key_saved").asBoolean());
        assertFalse(w.get("default").asBoolean());
        assertFalse(doc.toString().contains(key));

        // With BURROW_HOST set, no profile is where commands go by default, and the listing says so.
        Result env = CliSupport.runWith(Map.of("BURROW_HOST", "https://ph.example.com"), "profiles", "--config-dir",
                config.toString());
        assertFalse(env.out().lines().anyMatch(l -> l.startsWith("*")), env::toString);
        assertTrue(env.out().contains("commands go to BURROW_HOST (https://ph.example.com)"), env::toString);
        assertEquals(2, CliSupport.runWith(Map.of(), "profiles", "extra").code());
    }

    @Test
    void helpDocumentsEscapingJsonAndExitCodes() {
        Result r = CliSupport.runWith(Map.of(), "mv", "--help");
        assertEquals(0, r.code());
        assertTrue(r.out().contains("'Marketing/Q1 \\/ Q2'"), r.out());
        assertTrue(r.out().contains("Exit codes:"));
        assertTrue(r.out().contains("\"moved\""));
    }
}
