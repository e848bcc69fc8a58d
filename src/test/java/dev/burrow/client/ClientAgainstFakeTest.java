package dev.burrow.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.burrow.api.CountResult;
import dev.burrow.api.DeleteResult;
import dev.burrow.api.FileSystemEntry;
import dev.burrow.api.Page;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ClientAgainstFakeTest {

    private FakePostHog fake;
    private PostHogClient client;

    @BeforeEach
    void start() throws Exception {
        fake = new FakePostHog();
        client = Clients.builder(fake.baseUrl(), new Clients.RecordingSleeper(), ClientListener.NONE)
                .rateBudget(RateBudget.unlimited()).build();
    }

    @AfterEach
    void stop() {
        client.close();
        fake.close();
    }

    @Test
    void pagingFetchesSeveralPagesAtOnceAndDeliversThemInOrder() {
        List<String> expected = new ArrayList<>();
        for (int i = 0; i < 1050; i++) {
            expected.add(fake.addRow(String.format("Rows/r%04d", i), "doc-file").path("id").asText());
        }
        fake.pageDelayMillis = 30;
        List<Integer> sizes = new ArrayList<>();
        List<String> ids = new ArrayList<>();
        try (PageIterator<FileSystemEntry> pages = client.fileSystem().pages(FileSystemQuery.all().withLimit(100))) {
            pages.forEachRemaining(p -> {
                sizes.add(p.results().size());
                p.results().forEach(r -> ids.add(r.id()));
            });
        }
        assertEquals(expected, ids);
        assertEquals(11, sizes.size());
        assertEquals(50, sizes.get(10));
        // a server on this machine shares its cores: PageConcurrency.LOCAL (2) pages in flight
        assertTrue(fake.maxConcurrent.get() >= 2, "pages in flight: " + fake.maxConcurrent.get());
        assertTrue(fake.maxConcurrent.get() <= PageConcurrency.LOCAL, "at most " + PageConcurrency.LOCAL
                + " in flight: " + fake.maxConcurrent.get());
    }

    /**
     * The window's thread builds the client (connect), and threads inherit their creator's
     * priority: the HTTP client's own threads (its selector, which reads every page's bytes, and
     * the threads that hand them on) ran at the window thread's raised priority and took a core
     * from it while a large index loaded. They run at the lowest, like the page decoders.
     */
    @Test
    void theHttpClientsThreadsRunAtTheLowestPriorityWhoeverBuildsIt() throws Exception {
        for (int i = 0; i < 25; i++) {
            fake.addRow("P/x" + i, "doc-file");
        }
        java.util.Set<Thread> before = Thread.getAllStackTraces().keySet();
        PostHogClient[] built = new PostHogClient[1];
        Thread window = new Thread(() -> built[0] = Clients.builder(fake.baseUrl(), new Clients.RecordingSleeper(),
                ClientListener.NONE).build(), "window-like");
        window.setPriority(Thread.MAX_PRIORITY);
        window.start();
        window.join();
        try (PostHogClient c = built[0]) {
            assertEquals(25, c.fileSystem().listAll(FileSystemQuery.all().withParent("P").withLimit(10)).size());
            List<Thread> http = Thread.getAllStackTraces().keySet().stream()
                    .filter(t -> !before.contains(t))
                    .filter(t -> t.getName().startsWith("HttpClient-") || t.getName().startsWith("burrow-http-"))
                    .toList();
            assertFalse(http.isEmpty(), "the client's threads");
            for (Thread t : http) {
                assertEquals(Thread.MIN_PRIORITY, t.getPriority(), t.getName());
            }
        }
    }

    @Test
    void withOnePageInFlightItFollowsNext() {
        for (int i = 0; i < 25; i++) {
            fake.addRow("F/x" + i, "doc-file");
        }
        try (PostHogClient serial = Clients.builder(fake.baseUrl(), new Clients.RecordingSleeper(), ClientListener.NONE)
                .pagesInFlight(1).build()) {
            List<FileSystemEntry> all = serial.fileSystem().listAll(FileSystemQuery.all().withParent("F").withLimit(10));
            assertEquals(25, all.size());
            assertEquals(3, fake.count("GET", "/api/environments/1/file_system"));
            assertTrue(fake.seen.get(2).query().contains("offset=20") && fake.seen.get(2).query().contains("parent=F"));
        }
    }

    @Test
    void queryParametersAreEncoded() {
        fake.addRow("A b/c\\/d", "doc-file");
        Page<FileSystemEntry> page = client.fileSystem().list(FileSystemQuery.children("A b").withSearch("x&y=z")
                .withOrderBy("-created_at").withNotType("folder").withTypeStartsWith("hog_function/")
                .withCreatedAfter("2020-01-01T00:00:00Z").withSearchNameOnly(true).withLimit(5).withOffset(0));
        String q = fake.seen.get(0).query();
        assertEquals("parent=A%20b&depth=2&not_type=folder&type__startswith=hog_function%2F&created_at__gt=2020-01-01T00%3A00%3A00Z"
                + "&search=x%26y%3Dz&search_name_only=true&order_by=-created_at&limit=5&offset=0", q);
        assertEquals(1, page.count());
        assertEquals("c/d", page.results().get(0).name());
    }

    @Test
    void unknownFieldsAndMissingOptionalFieldsAreTolerated() {
        String id = fake.addRow("Docs/x", "doc-file").put("shortcut", (String) null).without("created_at")
                .path("id").asText();
        FileSystemEntry row = client.fileSystem().retrieve(id);
        assertNull(row.shortcut());
        assertFalse(row.isLink());
        assertNull(row.userAccessLevel());
        assertNull(row.createdBy());
    }

    @Test
    void deleteWith204AndWith200() {
        String doc = fake.addRow("Docs/x", "doc-file").path("id").asText();
        String dash = fake.addRow("Docs/d", "dashboard").path("id").asText();
        DeleteResult none = client.fileSystem().delete(doc);
        assertEquals(List.of(), none.deleted());
        DeleteResult some = client.fileSystem().delete(dash);
        assertEquals(1, some.deleted().size());
        assertTrue(some.canUndoAny());
        assertEquals("Docs/d", some.deleted().get(0).path());
    }

    @Test
    void countWithoutEntriesIsTolerated() {
        String folder = fake.addRow("Docs", "folder").path("id").asText();
        fake.addRow("Docs/a", "doc-file");
        CountResult c = client.fileSystem().count(folder);
        assertEquals(1, c.count());
        assertNull(c.entries());
        assertNull(c.hasMore());
        assertEquals(1, client.fileSystem().countByPath("Docs").count());
    }

    @Test
    void missingRowIsNotFound() {
        ApiException.NotFound e = assertThrows(ApiException.NotFound.class,
                () -> client.fileSystem().retrieve("0190a4e0-0000-7000-8000-000000000000"));
        assertTrue(e.getMessage().startsWith("Not found (404): GET file_system/0190a4e0-0000-7000-8000-000000000000/. Not found."),
                e.getMessage());
    }

    @Test
    void idsCannotEscapeTheirPathSegment() {
        assertThrows(IllegalArgumentException.class, () -> client.fileSystem().retrieve(".."));
        assertThrows(ApiException.NotFound.class, () -> client.fileSystem().retrieve("a/../../x"));
        assertEquals("/api/environments/1/file_system/a%2F..%2F..%2Fx/", fake.seen.get(0).path());
    }

    @Test
    void downloadReportsProgressAndNeverOverwrites(@TempDir Path folder) throws Exception {
        fake.content = new byte[500_000];
        Files.writeString(folder.resolve("export-my-insight-2024-01-02-030405.csv"), "keep me");
        List<long[]> reports = new ArrayList<>();
        DownloadOutcome.Saved saved = assertInstanceOf(DownloadOutcome.Saved.class, client.exports().download(3, folder,
                DownloadOptions.defaults().withProgress((b, t) -> reports.add(new long[] {b, t}))
                        .withProgressInterval(Duration.ofHours(1))));
        assertEquals("export-my-insight-2024-01-02-030405 (1).csv", saved.file().getFileName().toString());
        assertEquals("keep me", Files.readString(folder.resolve("export-my-insight-2024-01-02-030405.csv")));
        assertEquals(500_000, Files.size(saved.file()));
        assertEquals("text/csv", saved.contentType());
        assertEquals(2, reports.size(), "throttled: the first chunk and the end");
        assertEquals(500_000, reports.get(1)[0]);
        assertEquals(500_000, reports.get(0)[1], "the total is known from Content-Length");
    }

    @Test
    void unsafeServerFileNameStaysInTheFolder(@TempDir Path folder) {
        fake.disposition = "attachment; filename=\"../../outside.csv\"";
        DownloadOutcome.Saved saved = assertInstanceOf(DownloadOutcome.Saved.class,
                client.exports().download(3, folder, DownloadOptions.defaults()));
        assertEquals(folder.resolve("outside.csv"), saved.file());
        fake.disposition = null;
        DownloadOutcome.Saved fallback = assertInstanceOf(DownloadOutcome.Saved.class,
                client.exports().download(3, folder, DownloadOptions.defaults().withFallbackName("CON.csv")));
        assertEquals("_CON.csv", fallback.file().getFileName().toString());
    }

    @Test
    void cancelledDownloadLeavesNothingBehind(@TempDir Path folder) throws Exception {
        fake.content = new byte[5_000_000];
        Cancellation cancel = new Cancellation();
        AtomicReference<Long> seenBytes = new AtomicReference<>();
        DownloadOutcome outcome = client.exports().download(3, folder, DownloadOptions.defaults().withCancellation(cancel)
                .withProgressInterval(Duration.ZERO).withProgress((b, t) -> {
                    seenBytes.set(b);
                    cancel.cancel();
                }));
        assertInstanceOf(DownloadOutcome.Cancelled.class, outcome);
        try (var files = Files.list(folder)) {
            assertEquals(List.of(), files.toList());
        }
    }

    @Test
    void contentNotReadyIsAnOutcomeNotAnError(@TempDir Path folder) {
        fake.contentStatus = 404;
        assertInstanceOf(DownloadOutcome.NotReady.class, client.exports().download(3, folder, DownloadOptions.defaults()));
        fake.contentStatus = 409;
        DownloadOutcome.NotReady later = assertInstanceOf(DownloadOutcome.NotReady.class,
                client.exports().download(3, folder, DownloadOptions.defaults()));
        assertEquals(Duration.ofSeconds(5), later.retryAfter());
    }

    @Test
    void theKeyNeverShowsInStringsOrMessages() {
        assertFalse(client.toString().contains(FakePostHog.KEY));
        PostHogClient.Builder b = PostHogClient.builder(fake.baseUrl(), FakePostHog.KEY, 1);
        assertFalse(b.toString().contains(FakePostHog.KEY));
        try (PostHogClient dead = PostHogClient.builder("http://127.0.0.1:1", FakePostHog.KEY, 1)
                .rateBudget(RateBudget.unlimited()).sleeper(d -> { }).build()) {
            ApiException e = assertThrows(ApiException.Network.class, () -> dead.fileSystem().list(FileSystemQuery.all()));
            assertTrue(e.getMessage().startsWith("Could not connect to http://127.0.0.1:1"), e.getMessage());
            assertFalse(e.getMessage().contains(FakePostHog.KEY));
            assertFalse(String.valueOf(e.getCause()).contains(FakePostHog.KEY));
        }
    }
}
