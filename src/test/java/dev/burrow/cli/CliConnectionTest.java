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
        assertEquals(2, r.code(), r::toString);
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
        Result noHost = CliSupport.runWith(Map.of(), "ls");
        assertEquals(1, noHost.code());
        assertTrue(noHost.err().contains("pass --host URL, set BURROW_HOST, or use --profile NAME"), noHost::toString);
        Result noEnv = CliSupport.runWith(Map.of(), "ls", "--host", s.server.baseUrl(), "--api-key", "k1");
        assertEquals(1, noEnv.code());
        assertTrue(noEnv.err().contains("--environment"), noEnv::toString);
        assertEquals(1, s.run("rm").code());
        assertEquals(1, s.run("link", "Marketing").code());
        Result unknown = s.run("ls", "--colour");
        assertEquals(1, unknown.code());
        assertEquals("burrow: unknown option '--colour'\n", unknown.err());
        Result misplaced = s.run("ls", "--format", "png");
        assertEquals(1, misplaced.code());
        assertEquals(1, s.run("ls", "--host").code());
        assertEquals(1, CliSupport.runWith(Map.of(), "ls", "--host", "ftp://x", "--api-key", "k1", "--environment",
                "1").code());
        assertEquals(1, CliSupport.runWith(Map.of(), "ls", "--host", s.server.baseUrl(), "--api-key", "k1",
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
        assertEquals(2, flagWins.code());
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
        assertEquals(1, unknown.code());
        assertTrue(unknown.err().contains("no saved connection named 'home'"), unknown::toString);
        Result local = CliSupport.runWith(Map.of(), "ls", "--profile", ConnectionProfile.LOCAL_NAME, "--config-dir",
                config.toString());
        assertEquals(1, local.code());
        assertTrue(local.err().contains("burrow serve"), local::toString);
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
