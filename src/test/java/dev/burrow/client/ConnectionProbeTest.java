package dev.burrow.client;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.burrow.server.ApiKey;
import dev.burrow.server.LocalServer;
import dev.burrow.server.ServerConfig;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** "Test connection" names the exact problem: bad key, missing scope, wrong environment, unreachable. */
class ConnectionProbeTest {

    @TempDir
    static Path dir;
    static LocalServer server;

    @BeforeAll
    static void start() throws Exception {
        server = LocalServer.start(new ServerConfig("127.0.0.1", 0, dir, List.of(new ApiKey("full", Set.of()),
                new ApiKey("exports-only", Set.of("export:read"))), "empty", false, 1));
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static ConnectionProbe.Result probe(String url, String key, long environment) {
        try (PostHogClient c = PostHogClient.builder(url, key, environment).retry(RetryPolicy.none())
                .connectTimeout(Duration.ofSeconds(2)).build()) {
            return ConnectionProbe.check(c);
        }
    }

    @Test
    void aWorkingConnectionSaysWhereAndHowMuch() {
        ConnectionProbe.Result r = probe(server.baseUrl(), "full", 1);
        assertTrue(r.ok(), r.message());
        assertTrue(r.message().contains("environment 1"), r.message());
    }

    @Test
    void aBadKeyIsNamedAsTheProblem() {
        ConnectionProbe.Result r = probe(server.baseUrl(), "wrong-key", 1);
        assertFalse(r.ok());
        assertTrue(r.message().contains("refused the personal API key"), r.message());
        assertFalse(r.message().contains("wrong-key"), "the key is never repeated");
    }

    @Test
    void aMissingScopeIsNamed() {
        ConnectionProbe.Result r = probe(server.baseUrl(), "exports-only", 1);
        assertFalse(r.ok());
        assertTrue(r.message().contains("'file_system:read'"), r.message());
    }

    @Test
    void aWrongEnvironmentIsNamed() {
        ConnectionProbe.Result r = probe(server.baseUrl(), "full", 2);
        assertFalse(r.ok());
        assertTrue(r.message().contains("Environment 2 was not found"), r.message());
    }

    @Test
    void anUnreachableHostIsNamed() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        ConnectionProbe.Result r = probe("http://127.0.0.1:" + port, "full", 1);
        assertFalse(r.ok());
        assertTrue(r.message().startsWith("Can't reach 127.0.0.1") || r.message().contains("did not answer"),
                r.message());
        assertFalse(r.message().contains("null"), r.message());
        assertFalse(r.message().contains("Exception"), "no raw exception names: " + r.message());
    }
}
