package dev.burrow.client;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.burrow.api.CountResult;
import dev.burrow.api.ExportedAsset;
import dev.burrow.api.FileSystemEntry;
import dev.burrow.api.Page;
import dev.burrow.server.TestServer;
import dev.burrow.server.store.Timestamps;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The fault matrix of docs/reliability.md: every client operation × every fault of {@link FaultProxy},
 * against a real local server behind the proxy. Each cell checks the outcome the matrix states and
 * the server's data afterwards: unchanged after a precise error that the server never saw, changed
 * exactly once after a retry or after an answer that was lost on the way back.
 */
class FaultMatrixTest {

    private static final String INSIGHT_PAYLOAD = "{\"query\":{\"kind\":\"InsightVizNode\",\"source\":{\"kind\":"
            + "\"TrendsQuery\",\"series\":[{\"kind\":\"EventsNode\",\"event\":\"$pageview\"}],\"interval\":\"day\"}},"
            + "\"result\":[{\"label\":\"$pageview\",\"labels\":[\"1-Jan-2024\",\"2-Jan-2024\"],\"data\":[10,20],"
            + "\"count\":30}],\"display\":\"ActionsLineGraph\",\"insight_type\":\"TRENDS\"}";
    private static final long INSIGHT = 7;
    private static final Duration SHORT_TIMEOUT = Duration.ofMillis(400);
    private static final Duration SLOW_DELAY = Duration.ofMillis(700);
    private static final AtomicInteger CELLS = new AtomicInteger();

    private static TestServer server;
    private static Path downloads;
    private static long exportId;
    private static byte[] exportBytes;

    /** What a cell expects. */
    enum Outcome {
        /** Succeeds (after retrying or waiting where the fault asked for it); the change is made exactly once. */
        RETRIED,
        /** Fails with a precise error; the server never acted, so nothing changed. */
        FAILS_UNCHANGED,
        /** Fails with a precise error that says the change may have happened; the server acted exactly once. */
        FAILS_MAYBE_DONE
    }

    enum Fault {
        THROTTLE("429 with a wait"),
        E500("500"),
        E503("503 then success"),
        RESET_BEFORE("reset before the answer"),
        RESET_MID_BODY("reset mid-body"),
        TRUNCATED("truncated JSON"),
        HTML("HTML error page"),
        SLOW("slow past the timeout");

        final String label;

        Fault(String label) {
            this.label = label;
        }

        /** Whether the upstream acts on the request before the fault hits the answer. */
        boolean serverActs() {
            return this == RESET_MID_BODY || this == TRUNCATED || this == SLOW;
        }

        FaultProxy.Fault make(Op op) {
            return switch (this) {
                case THROTTLE -> new FaultProxy.Throttle(1, null);
                case E500 -> new FaultProxy.Answer(500, "application/json",
                        "{\"type\":\"server_error\",\"code\":\"error\",\"detail\":\"A server error occurred.\",\"attr\":null}");
                case E503 -> new FaultProxy.Answer(503, "application/json",
                        "{\"type\":\"server_error\",\"code\":\"error\",\"detail\":\"Service unavailable.\",\"attr\":null}");
                case RESET_BEFORE -> new FaultProxy.ResetBefore();
                case RESET_MID_BODY -> new FaultProxy.ResetMidBody();
                // Raw file bytes cut with matching framing can't be told from a whole file; the download's
                // form of a cut answer is one that ends before its Content-Length.
                case TRUNCATED -> op == Op.DOWNLOAD_STORAGE ? new FaultProxy.EndEarly() : new FaultProxy.TruncatedUpstream();
                case HTML -> new FaultProxy.Answer(502, "text/html; charset=utf-8",
                        "<html><head><title>502 Bad Gateway</title></head><body><center><h1>502 Bad Gateway</h1>"
                                + "</center><hr><center>nginx</center></body></html>");
                case SLOW -> new FaultProxy.Slow(SLOW_DELAY);
            };
        }

        @Override
        public String toString() {
            return label;
        }
    }

    /** One cell's rows and folder. */
    static final class Ctx {
        final String prefix;
        final Path folder;
        String id;
        long exportsBefore;

        Ctx(String prefix, Path folder) {
            this.prefix = prefix;
            this.folder = folder;
        }

        String p(String rest) {
            return prefix + "/" + rest;
        }
    }

    enum Op {
        LIST("list", true, false) {
            @Override
            void prepare(Ctx c) {
                server.row(c.p("a"), "doc-file");
            }

            @Override
            Object run(PostHogClient client, Ctx c) {
                return client.fileSystem().list(FileSystemQuery.children(c.prefix));
            }

            @Override
            void checkResult(Ctx c, Object result) {
                Page<?> page = (Page<?>) result;
                assertEquals(List.of(c.p("a")), page.results().stream().map(r -> ((FileSystemEntry) r).path()).toList());
            }
        },
        SEARCH("search", true, false) {
            @Override
            void prepare(Ctx c) {
                server.row(c.p("needle" + c.prefix.substring(1)), "doc-file");
            }

            @Override
            Object run(PostHogClient client, Ctx c) {
                return client.fileSystem().list(FileSystemQuery.all().withSearch("needle" + c.prefix.substring(1)));
            }

            @Override
            void checkResult(Ctx c, Object result) {
                assertEquals(1, ((Page<?>) result).results().size());
            }
        },
        CREATE("create", false, true) {
            @Override
            Object run(PostHogClient client, Ctx c) {
                return client.fileSystem().create(EntryFields.of(c.p("new"), "doc-file"));
            }

            @Override
            void checkResult(Ctx c, Object result) {
                assertEquals(c.p("new"), ((FileSystemEntry) result).path());
            }

            @Override
            void checkChanged(Ctx c) {
                assertEquals(List.of(c.p("new")), pathsUnder(c), "created exactly once");
            }
        },
        PATCH("PATCH", true, true) {
            @Override
            void prepare(Ctx c) {
                c.id = server.row(c.p("old"), "doc-file");
            }

            @Override
            Object run(PostHogClient client, Ctx c) {
                return client.fileSystem().patch(c.id, new EntryFields().path(c.p("renamed")));
            }

            @Override
            void checkResult(Ctx c, Object result) {
                assertEquals(c.p("renamed"), ((FileSystemEntry) result).path());
            }

            @Override
            void checkChanged(Ctx c) {
                assertEquals(List.of(c.p("renamed")), pathsUnder(c));
            }
        },
        MOVE("move", false, true) {
            @Override
            void prepare(Ctx c) {
                c.id = server.row(c.p("src"), "folder");
                server.row(c.p("src/x"), "doc-file");
            }

            @Override
            Object run(PostHogClient client, Ctx c) {
                return client.fileSystem().move(c.id, c.p("dst"));
            }

            @Override
            void checkResult(Ctx c, Object result) {
                assertEquals(c.p("dst"), ((FileSystemEntry) result).path());
            }

            @Override
            void checkChanged(Ctx c) {
                assertEquals(List.of(c.p("dst"), c.p("dst/x")), pathsUnder(c), "moved exactly once, with its child");
            }
        },
        LINK("link", false, true) {
            @Override
            void prepare(Ctx c) {
                c.id = insightRow(c, "doc");
            }

            @Override
            Object run(PostHogClient client, Ctx c) {
                return client.fileSystem().link(c.id, c.p("linked"));
            }

            @Override
            void checkResult(Ctx c, Object result) {
                assertEquals(c.p("linked"), ((FileSystemEntry) result).path());
            }

            @Override
            void checkChanged(Ctx c) {
                assertEquals(List.of(c.p("doc"), c.p("linked")), pathsUnder(c), "linked exactly once");
            }
        },
        DELETE("delete", true, true) {
            @Override
            void prepare(Ctx c) {
                c.id = insightRow(c, "gone");
                server.row(c.p("stays"), "doc-file");
            }

            @Override
            Object run(PostHogClient client, Ctx c) {
                return client.fileSystem().delete(c.id);
            }

            @Override
            void checkResult(Ctx c, Object result) {
                assertNotNull(result);
            }

            @Override
            void checkChanged(Ctx c) {
                assertEquals(List.of(c.p("stays")), pathsUnder(c), "exactly the one row went");
            }
        },
        COUNT("count", true, false) {
            @Override
            void prepare(Ctx c) {
                c.id = server.row(c.p("f"), "folder");
                server.row(c.p("f/1"), "doc-file");
                server.row(c.p("f/2"), "doc-file");
            }

            @Override
            Object run(PostHogClient client, Ctx c) {
                return client.fileSystem().count(c.id);
            }

            @Override
            void checkResult(Ctx c, Object result) {
                assertEquals(2, ((CountResult) result).count());
            }
        },
        SHORTCUT("shortcut toggle", true, true) {
            @Override
            void prepare(Ctx c) {
                c.id = server.row(c.p("star"), "doc-file");
            }

            @Override
            Object run(PostHogClient client, Ctx c) {
                return client.fileSystem().patch(c.id, new EntryFields().shortcut(true));
            }

            @Override
            void checkResult(Ctx c, Object result) {
                assertEquals(Boolean.TRUE, ((FileSystemEntry) result).shortcut());
            }

            @Override
            void checkChanged(Ctx c) {
                assertEquals(List.of("1"), server.column("SELECT shortcut FROM file_system WHERE path = ?", c.p("star")));
            }
        },
        EXPORT_CREATE("export create", false, true) {
            @Override
            void prepare(Ctx c) {
                c.exportsBefore = exportCount();
            }

            @Override
            Object run(PostHogClient client, Ctx c) {
                return client.exports().create(NewExport.insight(INSIGHT, NewExport.CSV));
            }

            @Override
            void checkResult(Ctx c, Object result) {
                assertTrue(((ExportedAsset) result).hasContent());
            }

            @Override
            void checkChanged(Ctx c) {
                assertEquals(c.exportsBefore + 1, exportCount(), "one export made");
            }
        },
        POLL("poll", true, false) {
            @Override
            Object run(PostHogClient client, Ctx c) {
                return client.exports().retrieve(exportId);
            }

            @Override
            void checkResult(Ctx c, Object result) {
                assertEquals(exportId, ((ExportedAsset) result).id());
                assertTrue(((ExportedAsset) result).hasContent());
            }
        },
        DOWNLOAD("download", true, true) {
            @Override
            String target() {
                return "/content/";
            }

            @Override
            Object run(PostHogClient client, Ctx c) {
                return client.exports().download(exportId, c.folder, DownloadOptions.defaults());
            }

            @Override
            void checkResult(Ctx c, Object result) {
                assertInstanceOf(DownloadOutcome.Saved.class, result);
            }

            @Override
            void checkChanged(Ctx c) {
                checkOneFile(c);
            }
        },
        DOWNLOAD_STORAGE("download from storage", true, true) {
            @Override
            String target() {
                return "/_storage/";
            }

            @Override
            Object run(PostHogClient client, Ctx c) {
                return client.exports().download(exportId, c.folder, DownloadOptions.defaults());
            }

            @Override
            void checkResult(Ctx c, Object result) {
                assertInstanceOf(DownloadOutcome.Saved.class, result);
            }

            @Override
            void checkChanged(Ctx c) {
                checkOneFile(c);
            }
        };

        final String label;
        final boolean idempotent;
        final boolean writes;

        Op(String label, boolean idempotent, boolean writes) {
            this.label = label;
            this.idempotent = idempotent;
            this.writes = writes;
        }

        /** The part of the request target that the fault is aimed at. */
        String target() {
            return "/api/";
        }

        void prepare(Ctx c) {
        }

        abstract Object run(PostHogClient client, Ctx c);

        abstract void checkResult(Ctx c, Object result);

        /** The change this operation makes, made exactly once. */
        void checkChanged(Ctx c) {
            throw new AssertionError(label + " changes nothing");
        }

        @Override
        public String toString() {
            return label;
        }
    }

    /** The matrix: what each cell must give. */
    static Outcome expected(Op op, Fault fault) {
        return switch (fault) {
            case THROTTLE -> Outcome.RETRIED; // a 429 means the server did nothing: even a create goes again
            case E500 -> Outcome.FAILS_UNCHANGED; // not transient: never repeated
            case E503, RESET_BEFORE, HTML -> op.idempotent ? Outcome.RETRIED : Outcome.FAILS_UNCHANGED;
            case RESET_MID_BODY, TRUNCATED, SLOW -> op.idempotent ? Outcome.RETRIED : Outcome.FAILS_MAYBE_DONE;
        };
    }

    static Stream<Arguments> cells() {
        List<Arguments> out = new ArrayList<>();
        for (Op op : Op.values()) {
            for (Fault fault : Fault.values()) {
                out.add(Arguments.of(op, fault));
            }
        }
        return out.stream();
    }

    @BeforeAll
    static void startServer() throws Exception {
        server = TestServer.start();
        downloads = Files.createTempDirectory("burrow-matrix");
        server.sql("INSERT INTO objects(type, ref, id, short_id, team, name, deleted, payload, created_at, created_by)"
                + " VALUES (?,?,?,?,?,?,0,?,?,1)", "insight", "insight-" + INSIGHT, INSIGHT, "s" + INSIGHT, 1,
                "fault matrix insight", INSIGHT_PAYLOAD, Timestamps.now());
        // One clean pass of each operation warms the server and the client up, so that the short timeout
        // of the slow cells measures the fault and not a first-time class load.
        try (PostHogClient client = client(server.server().baseUrl(), Duration.ofSeconds(20), new Clients.RecordingSleeper())) {
            ExportedAsset made = client.exports().create(NewExport.insight(INSIGHT, NewExport.CSV));
            exportId = made.id();
            Path warm = Files.createDirectories(downloads.resolve("warm"));
            DownloadOutcome.Saved saved = assertInstanceOf(DownloadOutcome.Saved.class,
                    client.exports().download(exportId, warm, DownloadOptions.defaults()));
            exportBytes = Files.readAllBytes(saved.file());
            assertTrue(exportBytes.length > 10);
            for (Op op : Op.values()) {
                Ctx c = newCtx();
                op.prepare(c);
                op.checkResult(c, op.run(client, c));
            }
        }
    }

    @AfterAll
    static void stopServer() {
        server.close();
    }

    @ParameterizedTest(name = "{0} × {1}")
    @MethodSource("cells")
    void cell(Op op, Fault fault) throws Exception {
        Ctx c = newCtx();
        op.prepare(c);
        String before = snapshot(c);
        Outcome expected = expected(op, fault);
        Clients.RecordingSleeper sleeper = new Clients.RecordingSleeper();
        try (FaultProxy proxy = new FaultProxy(server.server().baseUrl());
                PostHogClient client = client(proxy.baseUrl(), fault == Fault.SLOW ? SHORT_TIMEOUT : Duration.ofSeconds(20),
                        sleeper)) {
            proxy.onlyFor(op.target()).then(fault.make(op));
            Object result = null;
            ApiException error = null;
            try {
                result = op.run(client, c);
            } catch (ApiException e) {
                error = e;
            }
            proxy.awaitIdle(Duration.ofSeconds(10)); // a slow request still reaches the server after the client gave up
            long sent = proxy.countTarget(op.target());
            switch (expected) {
                case RETRIED -> {
                    assertNull(error, () -> "expected success, got " + describe(c, proxy) + ": " + c);
                    op.checkResult(c, result);
                    if (op.writes) {
                        op.checkChanged(c);
                    } else {
                        assertEquals(before, snapshot(c), "a read changes nothing");
                    }
                    boolean faultBit = !(op == Op.DOWNLOAD && fault == Fault.TRUNCATED); // a 302 has no body to cut
                    assertEquals(faultBit ? 2 : 1, sent, () -> "requests sent: " + describe(c, proxy));
                    if (fault == Fault.THROTTLE) {
                        assertTrue(sleeper.waits.contains(Duration.ofSeconds(1)), "waited as asked: " + sleeper.waits);
                    }
                }
                case FAILS_UNCHANGED -> {
                    assertNotNull(error, () -> "expected an error, got " + result(c, proxy));
                    checkPrecise(op, fault, error);
                    assertEquals(1, sent, () -> "requests sent: " + describe(c, proxy));
                    assertEquals(before, snapshot(c), "nothing changed");
                }
                case FAILS_MAYBE_DONE -> {
                    assertNotNull(error, () -> "expected an error, got " + result(c, proxy));
                    checkPrecise(op, fault, error);
                    assertEquals(1, sent, "a change is never sent twice");
                    assertTrue(error.getMessage().contains("The server may have made this change before the answer was"
                            + " lost: reload and check before trying again"), "says the change may have happened: "
                            + error.getMessage());
                    assertFalse(error.getMessage().contains("try again."), "no advice to repeat it blindly");
                    op.checkChanged(c);
                }
                default -> throw new AssertionError(expected);
            }
        }
    }

    private static void checkPrecise(Op op, Fault fault, ApiException e) {
        String m = e.getMessage();
        assertFalse(m.contains(TestServer.KEY), m);
        assertFalse(e.toString().contains(TestServer.KEY));
        switch (fault) {
            case E500 -> {
                ApiException.Server s = assertInstanceOf(ApiException.Server.class, e, m);
                assertEquals(500, s.status());
                assertFalse(s.isTransient());
                assertTrue(m.contains("(500)") && m.contains("A server error occurred."), m);
            }
            case E503 -> {
                assertEquals(503, assertInstanceOf(ApiException.Server.class, e, m).status());
                assertTrue(m.contains("unavailable (503)") && m.contains("Service unavailable."), m);
            }
            case HTML -> {
                assertEquals(502, assertInstanceOf(ApiException.Server.class, e, m).status());
                assertTrue(m.contains("HTML page titled \"502 Bad Gateway\""), m);
            }
            case RESET_BEFORE, RESET_MID_BODY -> {
                ApiException.Network n = assertInstanceOf(ApiException.Network.class, e, m);
                assertFalse(n.isTimeout());
                assertTrue(m.contains("broke during " + e.request()), m);
            }
            case TRUNCATED -> {
                assertInstanceOf(ApiException.BadResponse.class, e, m);
                assertTrue(m.contains("could not be read"), m);
            }
            case SLOW -> {
                assertTrue(assertInstanceOf(ApiException.Network.class, e, m).isTimeout(), m);
                assertTrue(m.contains("did not answer " + e.request() + " within 0.4 s"), m);
            }
            case THROTTLE -> assertInstanceOf(ApiException.Throttled.class, e, m);
            default -> throw new AssertionError(fault);
        }
        assertNotNull(e.request(), "names the request");
    }

    // ---- helpers ---------------------------------------------------------------------------------

    private static PostHogClient client(String base, Duration timeout, Clients.RecordingSleeper sleeper) {
        RetryPolicy retry = RetryPolicy.defaults().withDelays(Duration.ofMillis(1), Duration.ofMillis(5));
        return PostHogClient.builder(base, TestServer.KEY, 1)
                .rateBudget(RateBudget.unlimited())
                .sleeper(sleeper)
                .jitter(() -> 0.0)
                .retry(retry)
                .downloadRetry(retry)
                .connectTimeout(Duration.ofSeconds(5))
                .requestTimeout(timeout)
                .build();
    }

    private static Ctx newCtx() throws IOException {
        int n = CELLS.incrementAndGet();
        Ctx c = new Ctx("m" + n, Files.createDirectories(downloads.resolve("c" + n)));
        server.row(c.prefix, "folder");
        return c;
    }

    private static String insightRow(Ctx c, String name) {
        String ref = "ref-" + c.prefix + "-" + name;
        server.object("insight", ref, 1000 + CELLS.get() * 10L + name.length(), c.prefix + " " + name);
        return server.row(c.p(name), "insight", ref, Timestamps.now(), null);
    }

    private static List<String> pathsUnder(Ctx c) {
        return server.column("SELECT path FROM file_system WHERE path LIKE ? ORDER BY path", c.prefix + "/%");
    }

    private static long exportCount() {
        return Long.parseLong(server.column("SELECT count(*) FROM exports").get(0));
    }

    private static void checkOneFile(Ctx c) {
        try (Stream<Path> files = Files.list(c.folder)) {
            List<Path> all = files.toList();
            assertEquals(1, all.size(), "one file, no temporary left: " + all);
            assertArrayEquals(exportBytes, Files.readAllBytes(all.get(0)), "the whole file");
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    /** Everything a cell could change: the store, the exports, and the cell's download folder. */
    private static String snapshot(Ctx c) throws IOException {
        try (Stream<Path> files = Files.list(c.folder)) {
            return server.fingerprint() + "\nexports=" + exportCount() + "\nfiles=" + files.map(Path::toString).sorted().toList();
        }
    }

    private static String describe(Ctx c, FaultProxy proxy) {
        synchronized (proxy.seen) {
            return proxy.seen.stream().map(s -> s.method() + " " + s.target()).toList() + " in " + c.prefix;
        }
    }

    private static String result(Ctx c, FaultProxy proxy) {
        return "success; requests " + describe(c, proxy);
    }
}
