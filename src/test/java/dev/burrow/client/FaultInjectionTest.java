package dev.burrow.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.burrow.api.FileSystemEntry;
import dev.burrow.api.Page;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The client behind {@link FaultProxy}: each fault, and what the client makes of it. */
class FaultInjectionTest {

    private FakePostHog upstream;
    private FaultProxy proxy;
    private Clients.RecordingSleeper sleeper;
    private Clients.RecordingListener listener;
    private PostHogClient client;

    @BeforeEach
    void start() throws Exception {
        upstream = new FakePostHog();
        upstream.addRow("Docs", "folder");
        upstream.addRow("Docs/Readme", "doc-file");
        proxy = new FaultProxy(upstream.baseUrl());
        sleeper = new Clients.RecordingSleeper();
        listener = new Clients.RecordingListener();
        client = Clients.builder(proxy.baseUrl(), sleeper, listener).build();
    }

    @AfterEach
    void stop() throws Exception {
        client.close();
        proxy.close();
        upstream.close();
    }

    private Page<FileSystemEntry> listAll() {
        return client.fileSystem().list(FileSystemQuery.all());
    }

    @Test
    void throttledRequestWaitsTheSecondsFromTheDetailThenSucceeds() {
        proxy.then(new FaultProxy.Throttle(7, null));
        Page<FileSystemEntry> page = listAll();
        assertEquals(2, page.count());
        assertEquals(List.of(Duration.ofSeconds(7)), sleeper.waits);
        assertEquals(List.of("throttled GET file_system/ 7s #1"), listener.events);
        assertEquals(2, proxy.count("GET"));
    }

    @Test
    void throttledWithoutNumberInDetailUsesRetryAfterHeader() {
        proxy.then(new FaultProxy.Throttle(null, 3));
        assertEquals(2, listAll().count());
        assertEquals(List.of(Duration.ofSeconds(3)), sleeper.waits);
    }

    @Test
    void throttlingThatNeverEndsFailsWithTheWait() {
        proxy.then(new FaultProxy.Throttle(2, null), new FaultProxy.Throttle(2, null), new FaultProxy.Throttle(2, null),
                new FaultProxy.Throttle(2, null));
        ApiException.Throttled e = assertThrows(ApiException.Throttled.class, this::listAll);
        assertEquals(2, e.waitSeconds());
        assertEquals(4, proxy.count("GET"), "three waits, then give up");
        assertTrue(e.getMessage().contains("Request was throttled. Expected available in 2 seconds."), e.getMessage());
    }

    @Test
    void aThrottledCreateIsRepeatedBecauseTheServerDidNothing() {
        proxy.then(new FaultProxy.Throttle(1, null));
        FileSystemEntry row = client.fileSystem().create(EntryFields.of("Docs/New", "doc-file"));
        assertEquals("Docs/New", row.path());
        assertEquals(1, upstream.count("POST", "/api/environments/1/file_system/"));
    }

    @Test
    void getIsRetriedAfter503AndGivesTheRightResult() {
        proxy.then(new FaultProxy.Answer(503, "application/json", "{\"detail\":\"busy\"}"));
        Page<FileSystemEntry> page = listAll();
        assertEquals(2, page.results().size());
        assertEquals(2, proxy.count("GET"));
        assertEquals(1, sleeper.waits.size());
        assertEquals(List.of("retrying GET file_system/ #2 after Server"), listener.events);
    }

    @Test
    void getGivesUpAfterTheBoundedAttempts() {
        for (int i = 0; i < 4; i++) {
            proxy.then(new FaultProxy.Answer(502, "application/json", "{\"detail\":\"bad gateway\"}"));
        }
        ApiException.Server e = assertThrows(ApiException.Server.class, this::listAll);
        assertEquals(502, e.status());
        assertEquals(4, proxy.count("GET"));
        assertEquals(3, sleeper.waits.size());
        assertTrue(sleeper.waits.get(1).compareTo(sleeper.waits.get(0)) > 0, "backoff grows: " + sleeper.waits);
    }

    @Test
    void createIsNotRepeatedAfter503() {
        proxy.then(new FaultProxy.AfterUpstream(503));
        ApiException.Server e = assertThrows(ApiException.Server.class,
                () -> client.fileSystem().create(EntryFields.of("Docs/Once", "doc-file")));
        assertEquals(503, e.status());
        assertEquals(1, proxy.count("POST"), "a create must never be sent twice");
        assertEquals(3, upstream.rows.size(), "the upstream made the row once");
        assertTrue(sleeper.waits.isEmpty());
    }

    @Test
    void countIsAReadOnlyPostAndIsRetried() {
        String folder = upstream.rows.values().iterator().next().path("id").asText();
        proxy.then(new FaultProxy.Answer(503, "text/plain", ""));
        assertEquals(1, client.fileSystem().count(folder).count());
        assertEquals(2, proxy.count("POST"));
    }

    @Test
    void connectionResetMidBodyIsRetriedForAGet() {
        proxy.then(new FaultProxy.ResetMidBody());
        Page<FileSystemEntry> page = listAll();
        assertEquals(2, page.results().size());
        assertEquals(2, proxy.count("GET"));
        assertEquals(1, listener.events.size());
        assertTrue(listener.events.get(0).endsWith("after Network"), listener.events.toString());
    }

    @Test
    void connectionResetDuringACreateIsReportedNotRepeated() {
        proxy.then(new FaultProxy.ResetMidBody());
        ApiException.Network e = assertThrows(ApiException.Network.class,
                () -> client.fileSystem().create(EntryFields.of("Docs/Reset", "doc-file")));
        assertEquals(1, proxy.count("POST"));
        assertTrue(e.getMessage().contains("broke during POST file_system/"), e.getMessage());
    }

    @Test
    void truncatedJsonIsRetriedForAGet() {
        proxy.then(new FaultProxy.TruncatedJson());
        assertEquals(2, listAll().results().size());
        assertEquals(2, proxy.count("GET"));
    }

    @Test
    void truncatedJsonWithoutRetriesSaysTheAnswerCouldNotBeRead() {
        try (PostHogClient once = Clients.builder(proxy.baseUrl(), sleeper, listener).retry(RetryPolicy.none()).build()) {
            proxy.then(new FaultProxy.TruncatedJson());
            ApiException.BadResponse e = assertThrows(ApiException.BadResponse.class,
                    () -> once.fileSystem().list(FileSystemQuery.all()));
            assertTrue(e.getMessage().startsWith("The server's answer to GET file_system/ could not be read: "
                    + "the answer is not the expected JSON"), e.getMessage());
        }
    }

    @Test
    void htmlErrorPageIsNamedAsSuch() {
        try (PostHogClient once = Clients.builder(proxy.baseUrl(), sleeper, listener).retry(RetryPolicy.none()).build()) {
            proxy.then(new FaultProxy.Answer(502, "text/html",
                    "<html><head><title>502 Bad Gateway</title></head><body><h1>nginx</h1></body></html>"));
            ApiException.Server e = assertThrows(ApiException.Server.class,
                    () -> once.fileSystem().list(FileSystemQuery.all()));
            assertNull(e.body());
            assertEquals("The server or a gateway in front of it is unavailable (502) on GET file_system/: the server sent an"
                    + " HTML page titled \"502 Bad Gateway\" instead of a JSON error (a proxy or gateway page, or the wrong"
                    + " base URL).", e.getMessage());
        }
    }

    @Test
    void emptyErrorBodyIsNamedAsSuch() {
        proxy.then(new FaultProxy.Answer(500, "text/plain", ""));
        ApiException.Server e = assertThrows(ApiException.Server.class, this::listAll);
        assertEquals("The server failed (500) on GET file_system/: the server sent an empty error body.", e.getMessage());
        assertEquals(1, proxy.count("GET"), "a 500 is not retried");
    }

    @Test
    void slowAnswerPastTheTimeoutIsRetried() {
        try (PostHogClient quick = Clients.builder(proxy.baseUrl(), sleeper, listener)
                .requestTimeout(Duration.ofMillis(300)).build()) {
            proxy.then(new FaultProxy.Slow(Duration.ofSeconds(2)));
            assertEquals(2, quick.fileSystem().list(FileSystemQuery.all()).count());
            assertEquals(2, proxy.count("GET"));
        }
    }

    @Test
    void slowAnswerPastTheTimeoutIsANetworkErrorThatSaysSo() {
        try (PostHogClient quick = Clients.builder(proxy.baseUrl(), sleeper, listener)
                .requestTimeout(Duration.ofMillis(300)).retry(RetryPolicy.none()).build()) {
            proxy.then(new FaultProxy.Slow(Duration.ofSeconds(2)));
            ApiException.Network e = assertThrows(ApiException.Network.class,
                    () -> quick.fileSystem().list(FileSystemQuery.all()));
            assertTrue(e.isTimeout());
            assertEquals("The server at " + proxy.baseUrl() + " did not answer GET file_system/ within 0.3 s (timeout)."
                    + " It may be overloaded; try again, or raise the timeout.", e.getMessage());
        }
    }

    @Test
    void redirectToStorageIsFollowedWithoutTheKey(@TempDir Path folder) throws Exception {
        proxy.then(new FaultProxy.Redirect(upstream.storageUrl()));
        DownloadOutcome outcome = client.exports().download(5, folder, DownloadOptions.defaults());
        DownloadOutcome.Saved saved = assertInstanceOf(DownloadOutcome.Saved.class, outcome);
        assertEquals("export-my-insight-2024-01-02-030405.csv", saved.file().getFileName().toString());
        assertEquals("a,b\r\n1,2\r\n", Files.readString(saved.file(), StandardCharsets.UTF_8));
        assertEquals(1, upstream.storageSeen.size());
        assertNull(upstream.storageSeen.get(0).authorization());
        assertEquals("Bearer " + FakePostHog.KEY, proxy.seen.get(0).header("Authorization"));
    }

    @Test
    void storageRefusesAKeyWhichIsWhyTheClientDropsIt() throws Exception {
        var http = java.net.http.HttpClient.newHttpClient();
        var r = http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(upstream.storageUrl()))
                .header("Authorization", "Bearer x").build(), java.net.http.HttpResponse.BodyHandlers.ofString());
        assertEquals(400, r.statusCode());
    }

    @Test
    void downloadResumesWithRangeAfterAReset(@TempDir Path folder) throws Exception {
        byte[] big = new byte[300_000];
        for (int i = 0; i < big.length; i++) {
            big[i] = (byte) (i * 31);
        }
        upstream.content = big;
        proxy.then(new FaultProxy.ResetMidBody());
        DownloadOutcome.Saved saved = assertInstanceOf(DownloadOutcome.Saved.class,
                client.exports().download(5, folder, DownloadOptions.defaults()));
        assertEquals(big.length, saved.bytes());
        byte[] got = Files.readAllBytes(saved.file());
        assertEquals(-1, java.util.Arrays.mismatch(big, got), "first differing byte; ranges asked: "
                + proxy.seen.stream().map(s -> s.header("Range")).toList());
        assertEquals(2, proxy.count("GET"));
        String range = proxy.seen.get(1).header("Range");
        assertTrue(range != null && range.matches("bytes=\\d+-") && !range.equals("bytes=0-"), "resumed: " + range);
        try (var files = Files.list(folder)) {
            assertEquals(List.of(saved.file()), files.toList(), "no temporary file left");
        }
    }

    @Test
    void wrongKeyGivesAnActionableMessage() {
        try (PostHogClient wrong = PostHogClient.builder(proxy.baseUrl(), "phx_wrong_key_abcdef", 1)
                .rateBudget(RateBudget.unlimited()).sleeper(sleeper).build()) {
            ApiException.Unauthorized e = assertThrows(ApiException.Unauthorized.class,
                    () -> wrong.fileSystem().list(FileSystemQuery.all()));
            assertEquals("The server refused the API key (401): Personal API key found in request Authorization header is"
                    + " invalid. Check the key in the connection settings.", e.getMessage());
            assertFalse(e.getMessage().contains("phx_wrong_key_abcdef"));
            assertEquals(1, proxy.count("GET"), "401 is not retried");
        }
    }
}
