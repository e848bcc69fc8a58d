package dev.burrow.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.burrow.api.EntryPath;
import dev.burrow.server.TestServer;
import dev.burrow.tree.ClientBackend;
import dev.burrow.tree.MoveJournal;
import dev.burrow.tree.TaskRunner;
import dev.burrow.tree.TreeNode;
import dev.burrow.tree.TreeSession;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Hostile data from a server: names that look like markup, carry control characters or
 * right-to-left overrides, are thousands of characters long or fifty levels deep; and download
 * names that try to leave the chosen folder. Names are shown as the literal text they are (the
 * tree's {@link TreeNode#name()} is what {@code EntryCell} puts in its label), and files land
 * inside the chosen folder under a safe name.
 */
class HostileDataTest {

    static final String HTML = "<b>bold</b> & <script>alert('x')</script> <img src=x onerror=alert(1)>";
    static final String CONTROL = "tab\there\u0001bell\u0007del\u007f\u001b[31mred";
    static final String RTL = "\u202Egnp.exe and \u200Fright-to-left \u05E9\u05DC\u05D5\u05DD";
    static final String LONG = "x".repeat(2000) + "é".repeat(2000);

    private static TestServer server;
    private static PostHogClient client;
    private static TreeSession session;

    @BeforeAll
    static void load() {
        server = TestServer.start();
        server.row("Hostile", "folder");
        for (String name : List.of(HTML, CONTROL, RTL, LONG)) {
            server.row(EntryPath.child("Hostile", name), "doc-file");
        }
        StringBuilder deep = new StringBuilder("Deep");
        for (int level = 2; level <= 50; level++) {
            deep.append("/L").append(level);
        }
        server.row(deep.toString(), "doc-file");
        // The markup as a folder, with a child, so folder names go through the same path.
        server.row(EntryPath.child("Hostile", HTML + " folder"), "folder");
        server.row(EntryPath.child(EntryPath.child("Hostile", HTML + " folder"), "inside"), "doc-file");
        client = PostHogClient.builder(server.server().baseUrl(), TestServer.KEY, 1).rateBudget(RateBudget.unlimited())
                .build();
        session = new TreeSession(new ClientBackend(client), TaskRunner.sameThread(), MoveJournal.Store.inMemory());
        session.loadFolder("");
        session.loadFolder("Hostile");
        session.loadIndex();
    }

    @AfterAll
    static void stop() {
        client.close();
        server.close();
    }

    @Test
    void namesAreKeptAsTheirLiteralText() {
        List<String> names = session.index().children("Hostile").stream().map(TreeNode::name).toList();
        for (String name : List.of(HTML, CONTROL, RTL, LONG, HTML + " folder")) {
            assertTrue(names.contains(name), "shown as itself: " + printable(name) + " in " + names.stream()
                    .map(HostileDataTest::printable).toList());
        }
        TreeNode.Folder markupFolder = session.index().folder(EntryPath.child("Hostile", HTML + " folder"));
        assertNotNull(markupFolder);
        assertEquals(List.of("inside"), session.index().children(markupFolder.path()).stream().map(TreeNode::name).toList());
    }

    @Test
    void searchFindsMarkupAsText() {
        List<String> found = new ArrayList<>();
        session.search("onerror", rows -> rows.forEach(r -> found.add(r.name())));
        assertTrue(found.contains(HTML), found.toString());
    }

    @Test
    void fiftyLevelsLoadAsFolders() {
        String path = "Deep";
        for (int level = 2; level <= 50; level++) {
            assertNotNull(session.index().folder(path), "level " + (level - 1));
            path = path + "/L" + level;
        }
        assertEquals(50, EntryPath.depth(path));
        assertEquals(List.of("L50"), session.index().children(EntryPath.parent(path)).stream().map(TreeNode::name).toList());
        assertEquals(1, session.index().countBelow("Deep/L2/L3/L4/L5/L6/L7/L8/L9/L10/L11/L12/L13/L14/L15/L16/L17/L18/L19/L20"
                + "/L21/L22/L23/L24/L25/L26/L27/L28/L29/L30/L31/L32/L33/L34/L35/L36/L37/L38/L39/L40/L41/L42/L43/L44/L45/L46"
                + "/L47/L48/L49"));
    }

    @Test
    void aLongPathRoundTripsThroughTheApi() {
        String path = EntryPath.child("Hostile", LONG);
        assertTrue(path.length() > 4000);
        List<String> rows = client.fileSystem().listAll(FileSystemQuery.all().withPath(path)).stream()
                .map(r -> r.name()).toList();
        assertEquals(List.of(LONG), rows);
    }

    @ParameterizedTest(name = "Content-Disposition {0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
        "attachment; filename=\"../../x\"                          | x",
        "attachment; filename=\"/etc/passwd\"                      | passwd",
        "attachment; filename=\"C:\\\\x\"                          | x",
        "attachment; filename*=UTF-8''C%3A%5Cx                     | x",
        "attachment; filename=\"CON\"                              | _CON",
        "attachment; filename=\"con.csv\"                          | _con.csv",
        "attachment; filename=\"\"                                 | fallback.csv",
        "attachment                                                | fallback.csv",
        "attachment; filename*=UTF-8''a%00b.csv                    | ab.csv",
        "attachment; filename*=UTF-8''%00                          | fallback.csv",
        "attachment; filename=\"..\"                               | fallback.csv",
        "attachment; filename=\".bashrc\"                          | bashrc",
        "attachment; filename*=UTF-8''%E2%80%AEvsc.exe             | vsc.exe",
        "attachment; filename*=UTF-8''..%2F..%2F.ssh%2Fauthorized_keys | authorized_keys",
        "attachment; filename=\"<script>x</script>.csv\"           | script_.csv",
    })
    void downloadNamesStayInsideTheFolder(String disposition, String expected, @TempDir Path parent) throws Exception {
        Path folder = Files.createDirectories(parent.resolve("chosen"));
        try (FakePostHog fake = new FakePostHog();
                PostHogClient c = PostHogClient.builder(fake.baseUrl(), FakePostHog.KEY, FakePostHog.ENV)
                        .rateBudget(RateBudget.unlimited()).build()) {
            fake.disposition = disposition.strip();
            DownloadOutcome.Saved saved = assertInstanceOf(DownloadOutcome.Saved.class,
                    c.exports().download(5, folder, DownloadOptions.defaults().withFallbackName("fallback.csv")));
            assertEquals(folder, saved.file().getParent(), "inside the chosen folder");
            assertEquals(expected, saved.file().getFileName().toString());
            assertEquals(List.of(saved.file()), list(folder), "nothing else, no temporary file");
            assertEquals(List.of(folder), list(parent), "nothing beside the folder");
            assertEquals(new String(fake.content, StandardCharsets.UTF_8), Files.readString(saved.file()));
        }
    }

    @Test
    void aVeryLongDownloadNameIsCutToFit(@TempDir Path folder) throws Exception {
        try (FakePostHog fake = new FakePostHog();
                PostHogClient c = PostHogClient.builder(fake.baseUrl(), FakePostHog.KEY, FakePostHog.ENV)
                        .rateBudget(RateBudget.unlimited()).build()) {
            fake.disposition = "attachment; filename*=UTF-8''" + "%C3%A9".repeat(3000) + ".csv";
            DownloadOutcome.Saved saved = assertInstanceOf(DownloadOutcome.Saved.class,
                    c.exports().download(5, folder, DownloadOptions.defaults()));
            String name = saved.file().getFileName().toString();
            assertTrue(name.endsWith(".csv") && name.getBytes(StandardCharsets.UTF_8).length <= 255, name);
            assertFalse(name.contains("/"));
        }
    }

    private static List<Path> list(Path folder) throws Exception {
        try (Stream<Path> s = Files.list(folder)) {
            return s.toList();
        }
    }

    private static String printable(String s) {
        StringBuilder sb = new StringBuilder();
        s.codePoints().limit(80).forEach(cp -> sb.append(cp < 0x20 || cp == 0x7f || (cp >= 0x200e && cp <= 0x202e)
                ? String.format("\\u%04x", cp) : new String(Character.toChars(cp))));
        return sb.toString();
    }
}
