package dev.burrow.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.burrow.api.CountResult;
import dev.burrow.api.DeleteResult;
import dev.burrow.api.EntryPath;
import dev.burrow.api.FileSystemEntry;
import dev.burrow.api.Json;
import dev.burrow.api.Page;
import dev.burrow.api.Star;
import dev.burrow.api.UndoItem;
import dev.burrow.server.ApiKey;
import dev.burrow.server.LocalServer;
import dev.burrow.server.ServerConfig;
import dev.burrow.server.store.Ids;
import dev.burrow.server.store.Timestamps;
import dev.burrow.server.store.TreeRow;
import dev.burrow.server.store.TreeRows;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The client against the real local server over real HTTP. */
class LocalServerClientTest {

    @TempDir
    Path dir;
    private LocalServer server;
    private PostHogClient client;

    @BeforeEach
    void start() throws Exception {
        server = LocalServer.start(new ServerConfig("127.0.0.1", 0, dir, List.of(new ApiKey("k1", Set.of()),
                new ApiKey("readonly", Set.of("file_system:read"))), "empty", false, 1));
        client = PostHogClient.builder(server.baseUrl(), "k1", 1).requestTimeout(Duration.ofSeconds(20)).build();
    }

    @AfterEach
    void stop() throws Exception {
        client.close();
        server.close();
    }

    @Test
    void everyFileSystemEndpoint() {
        FileSystemApi fs = client.fileSystem();
        assertEquals(0, fs.list(FileSystemQuery.all()).count());
        FileSystemEntry folder = fs.create(EntryFields.folder("Projects"));
        String odd = EntryPath.child("Projects", "Q1 / Q2 \\ \"quotes\" & ünïcode");
        FileSystemEntry doc = fs.create(EntryFields.of(odd, "doc-file").meta(Json.parse("{\"description\":\"x\"}")));
        assertEquals(odd, doc.path());
        assertEquals("Q1 / Q2 \\ \"quotes\" & ünïcode", doc.name());
        assertEquals(2, doc.depth());
        assertEquals(Boolean.FALSE, doc.shortcut());

        assertEquals(doc.id(), fs.retrieve(doc.id()).id());
        List<FileSystemEntry> children = fs.listAll(FileSystemQuery.children("Projects"));
        assertEquals(List.of(odd), children.stream().map(FileSystemEntry::path).toList());
        assertEquals(1, fs.list(FileSystemQuery.all().withPath(odd)).count());
        assertEquals(1, fs.list(FileSystemQuery.all().withSearch("ünïcode")).count());

        FileSystemEntry patched = fs.patch(doc.id(), new EntryFields().type("doc-file-2"));
        assertEquals("doc-file-2", patched.type());
        assertEquals(odd, patched.path(), "PATCH changes only the given fields");
        FileSystemEntry put = fs.put(doc.id(), EntryFields.of(odd, "doc-file"));
        assertEquals("doc-file", put.type());

        CountResult count = fs.count(folder.id());
        assertEquals(1, count.count());
        assertEquals(1, fs.countByPath("Projects").count());

        FileSystemEntry moved = fs.move(folder.id(), "Archive/Projects");
        assertEquals("Archive/Projects", moved.path());
        assertEquals("Archive/Projects/" + EntryPath.escape(doc.name()), fs.retrieve(doc.id()).path());

        FileSystemEntry link = fs.link(doc.id(), "Links/doc");
        assertTrue(link.isLink());
        assertEquals(DeleteResult.none(), fs.delete(link.id()), "a link row goes with 204");

        ApiException.Validation refused = assertThrows(ApiException.Validation.class, () -> fs.delete(doc.id()));
        assertTrue(refused.detail().startsWith("Cannot delete resources with type"), refused.detail());

        ApiException.Validation self = assertThrows(ApiException.Validation.class,
                () -> fs.move(moved.id(), "Archive/Projects"));
        assertEquals("Cannot move folder into itself", self.detail());

        ApiException.Validation blank = assertThrows(ApiException.Validation.class,
                () -> fs.create(EntryFields.of("", "doc-file")));
        assertEquals("path", blank.attr());
        assertEquals("blank", blank.code());

        assertEquals(0, fs.unfiled(null));
        ApiException.Validation undo = assertThrows(ApiException.Validation.class,
                () -> fs.undoDelete(List.of(new UndoItem("dashboard", "999999", null))));
        assertTrue(undo.detail().startsWith("Couldn't restore this."), undo.detail());

        fs.logView("doc-file", "r1", null);
        assertEquals(List.of("r1"), fs.viewLog(null, 10).stream().map(v -> v.ref()).toList());

        assertThrows(ApiException.NotFound.class, () -> fs.retrieve(Ids.uuid7()));
    }

    @Test
    void stars() {
        ShortcutsApi stars = client.shortcuts();
        Star a = stars.create(new EntryFields().path("Alpha").type("folder").ref("Alpha"));
        Star b = stars.create(new EntryFields().path("Beta").type("dashboard").ref("1").href("/dashboard/1"));
        assertEquals(List.of(a.id(), b.id()), stars.listAll().stream().map(Star::id).toList());
        assertEquals("Alpha renamed", stars.patch(a.id(), new EntryFields().path("Alpha renamed")).path());
        assertEquals(a.id(), stars.get(a.id()).id());
        assertEquals(List.of(b.id(), a.id()), stars.reorder(List.of(b.id(), a.id())).stream().map(Star::id).toList());
        List<Star> after = stars.bulkUpdate(List.of(new EntryFields().path("Gamma").type("insight").ref("abc")),
                List.of(b.id()));
        assertEquals(List.of("Alpha renamed", "Gamma"), after.stream().map(Star::path).toList());
        stars.delete(a.id());
        assertEquals(1, stars.list(null, null, null).count());
    }

    @Test
    void pagingAcrossThousandsOfRows() throws Exception {
        int n = 3000;
        List<String> paths = new ArrayList<>();
        server.database().write(c -> {
            String now = Timestamps.format(Instant.parse("2024-01-01T00:00:00Z"));
            for (int i = 0; i < n; i++) {
                String path = "Bulk/" + EntryPath.escape(String.format(Locale.ROOT, "item/%05d", i));
                TreeRows.insert(c, new TreeRow(Ids.uuid7(), 1, path, "doc-file", null, null, false, "{}", now, null));
                paths.add(path);
            }
            return null;
        });
        paths.sort(Comparator.comparing(p -> p.toLowerCase(Locale.ROOT)));
        FileSystemQuery q = FileSystemQuery.all().withParent("Bulk").withLimit(250);
        List<String> parallel = client.fileSystem().listAll(q).stream().map(FileSystemEntry::path).toList();
        assertEquals(paths, parallel);
        try (PostHogClient serial = PostHogClient.builder(server.baseUrl(), "k1", 1).pagesInFlight(1).build()) {
            assertEquals(paths, serial.fileSystem().listAll(q).stream().map(FileSystemEntry::path).toList());
        }
        Page<FileSystemEntry> big = client.fileSystem().list(q.withLimit(5000));
        assertEquals(n, big.results().size(), "no maximum page size");
    }

    @Test
    void missingScopeAndWrongKeyAreTyped() {
        try (PostHogClient readonly = PostHogClient.builder(server.baseUrl(), "readonly", 1).build()) {
            assertEquals(0, readonly.fileSystem().list(FileSystemQuery.all()).count());
            ApiException.Forbidden f = assertThrows(ApiException.Forbidden.class,
                    () -> readonly.fileSystem().create(EntryFields.folder("X")));
            assertEquals("file_system:write", f.missingScope());
        }
        try (PostHogClient wrong = PostHogClient.builder(server.baseUrl(), "nope", 1).build()) {
            ApiException.Unauthorized u = assertThrows(ApiException.Unauthorized.class,
                    () -> wrong.fileSystem().list(FileSystemQuery.all()));
            assertTrue(u.getMessage().startsWith("The server refused the API key (401): "), u.getMessage());
            assertFalse(u.getMessage().contains("nope"));
        }
    }

    @Test
    void throughTheFaultProxyAgainstTheRealServer() throws Exception {
        try (FaultProxy proxy = new FaultProxy(server.baseUrl());
                PostHogClient viaProxy = PostHogClient.builder(proxy.baseUrl(), "k1", 1).sleeper(d -> { })
                        .rateBudget(RateBudget.unlimited()).build()) {
            proxy.then(new FaultProxy.AfterUpstream(503));
            assertThrows(ApiException.Server.class, () -> viaProxy.fileSystem().create(EntryFields.folder("Once")));
            assertEquals(1, client.fileSystem().list(FileSystemQuery.all().withPath("Once")).count(),
                    "the create happened exactly once");
            proxy.then(new FaultProxy.ResetMidBody(), new FaultProxy.Throttle(1, null));
            assertEquals(1, viaProxy.fileSystem().list(FileSystemQuery.all()).count());
            assertEquals(3, proxy.count("GET"), "reset, then 429, then the answer");
        }
    }

    @Test
    void dashboardsAndInsightsFromTheDemoProject(@TempDir Path demoDir) throws Exception {
        try (LocalServer demo = LocalServer.start(ServerConfig.local(demoDir, new ApiKey("k2", Set.of())));
                PostHogClient c = PostHogClient.builder(demo.baseUrl(), "k2", 1).build()) {
            FileSystemEntry dash = c.fileSystem().list(FileSystemQuery.all().withType("dashboard").withLimit(1)).results().get(0);
            assertEquals(Long.parseLong(dash.ref()), c.dashboards().get(Long.parseLong(dash.ref())).id());
            FileSystemEntry ins = c.fileSystem().list(FileSystemQuery.all().withType("insight").withLimit(1)).results().get(0);
            var insight = c.insights().byShortId(ins.ref()).orElseThrow();
            assertEquals(ins.ref(), insight.shortId());
            assertEquals(insight.id(), c.insights().get(insight.id()).id());
            assertTrue(c.insights().byShortId("no-such-short-id").isEmpty());
        }
    }
}
