package dev.burrow.tree;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.burrow.api.EntryPath;
import dev.burrow.api.FileSystemEntry;
import dev.burrow.client.EntryFields;
import dev.burrow.client.FileSystemQuery;
import dev.burrow.client.PostHogClient;
import dev.burrow.server.ApiKey;
import dev.burrow.server.TestServer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;

/**
 * A real local server, a client, and a {@link TreeSession} over a {@link RecordingBackend};
 * helpers to arrange rows and to check that the server and the session's index agree.
 */
abstract class SessionSupport {

    static final String KEY = "k1";
    /** Marks "no answer yet" from a done callback. */
    static final String PENDING = "\u0000pending";

    TestServer server;
    PostHogClient client;
    RecordingBackend backend;
    MoveJournal.Store journals;
    TreeSession session;

    void startServer(String seed) {
        server = TestServer.start(seed, List.of(new ApiKey(KEY, Set.of())), false).as(KEY);
        client = PostHogClient.builder(server.server().baseUrl(), KEY, 1).build();
    }

    /** A session over the server; {@code supportsMove} false forces journaled folder moves. */
    TreeSession open(boolean supportsMove) {
        backend = new RecordingBackend(new ClientBackend(client, supportsMove));
        journals = MoveJournal.Store.inMemory();
        session = new TreeSession(backend, TaskRunner.sameThread(), journals);
        return session;
    }

    /** Starts an empty server and opens a session with the whole index loaded. */
    void openEmpty(boolean supportsMove) {
        startServer("empty");
        open(supportsMove);
    }

    @AfterEach
    void stopServer() {
        if (client != null) {
            client.close();
        }
        if (server != null) {
            server.close();
        }
    }

    // ---- arranging ----------------------------------------------------------------------

    /** Creates a row through the API (which also files missing parent folders). */
    String create(String path, String type) {
        return client.fileSystem().create(EntryFields.of(path, type)).id();
    }

    /** Inserts a row straight into storage: no parent folders appear. */
    String row(String path, String type) {
        return server.row(path, type);
    }

    /** An object (dashboard, insight, …) and its one row, straight into storage. */
    String object(String path, String type, String ref) {
        server.object(type, ref, Long.parseLong(ref), EntryPath.leaf(path));
        return server.row(1, path, type, ref, false, null, null);
    }

    void loadIndex() {
        session.loadIndex();
        assertTrue(session.index().isComplete(), "the index loads completely");
    }

    // ---- acting -------------------------------------------------------------------------

    /** Runs an edit; answers the done callback's message (null on success). */
    String execute(Operation op) {
        AtomicReference<String> msg = new AtomicReference<>(PENDING);
        session.execute(op, msg::set);
        assertNotEquals(PENDING, msg.get());
        return msg.get();
    }

    String undo() {
        AtomicReference<String> msg = new AtomicReference<>(PENDING);
        session.undo(msg::set);
        assertNotEquals(PENDING, msg.get());
        return msg.get();
    }

    String redo() {
        AtomicReference<String> msg = new AtomicReference<>(PENDING);
        session.redo(msg::set);
        assertNotEquals(PENDING, msg.get());
        return msg.get();
    }

    private static void assertNotEquals(String unexpected, String actual) {
        assertTrue(!unexpected.equals(actual), "the done callback ran");
    }

    void ok(Operation op) {
        assertEquals(null, execute(op), () -> "“" + op.description() + "” succeeds");
    }

    // ---- looking ------------------------------------------------------------------------

    TreeIndex index() {
        return session.index();
    }

    /** The node the index shows at a path: a folder if there is one, else the single item. */
    TreeNode node(String path) {
        TreeNode.Folder f = index().folder(path);
        if (f != null) {
            return f;
        }
        List<FileSystemEntry> rows = index().rowsAt(path);
        assertEquals(1, rows.size(), () -> "one row at " + path + ": " + rows);
        return new TreeNode.Item(rows.get(0));
    }

    TreeNode.Folder folder(String path) {
        TreeNode.Folder f = index().folder(path);
        assertNotNull(f, () -> "folder " + path + " in the index");
        return f;
    }

    TreeNode.Item item(String path) {
        return (TreeNode.Item) node(path);
    }

    List<FileSystemEntry> serverRows() {
        return client.fileSystem().listAll(FileSystemQuery.all().withLimit(1000));
    }

    /** The server's rows as sorted "path|type|link" lines (ids change on restore, paths don't). */
    List<String> serverState() {
        List<String> out = new ArrayList<>();
        for (FileSystemEntry e : serverRows()) {
            out.add(line(e));
        }
        out.sort(null);
        return out;
    }

    List<String> indexState() {
        List<String> out = new ArrayList<>();
        for (FileSystemEntry e : index().rows()) {
            out.add(line(e));
        }
        out.sort(null);
        return out;
    }

    static String line(FileSystemEntry e) {
        return e.path() + "|" + e.type() + "|" + (e.isLink() ? "link" : "-");
    }

    /** The server's direct children of a folder (escaped path; "" is the root), by id. */
    List<FileSystemEntry> serverChildren(String folder) {
        return client.fileSystem().listAll(FileSystemQuery.children(folder).withLimit(1000));
    }

    /** The server's rows at exactly this path. */
    List<FileSystemEntry> serverAt(String path) {
        return client.fileSystem().listAll(FileSystemQuery.all().withPath(path).withLimit(1000));
    }

    long serverCount(String folder) {
        return client.fileSystem().countByPath(folder).count();
    }

    /**
     * The index (complete) and the server agree: the same rows by id with the same path, type
     * and link flag; each folder's children are the server's direct children; each count is the
     * server's {@code count_by_path}.
     */
    void assertAgree() {
        assertTrue(index().isComplete(), "the index is complete");
        Map<String, String> server = new TreeMap<>();
        for (FileSystemEntry e : serverRows()) {
            server.put(e.id(), line(e));
        }
        Map<String, String> local = new TreeMap<>();
        for (FileSystemEntry e : index().rows()) {
            local.put(e.id(), line(e));
        }
        assertEquals(server, local, "rows by id: server vs index");
        for (Map.Entry<String, Integer> c : index().countsSnapshot().entrySet()) {
            String folder = c.getKey();
            long expected = folder.isEmpty() ? server.size() : serverCount(folder);
            assertEquals(expected, (long) c.getValue(), () -> "count below “" + folder + "”");
            List<String> serverIds = new ArrayList<>(serverChildren(folder).stream().map(FileSystemEntry::id).toList());
            List<String> localIds = new ArrayList<>();
            for (TreeNode n : index().children(folder)) {
                if (n instanceof TreeNode.Folder f) {
                    f.rows().forEach(r -> localIds.add(r.id()));
                } else {
                    localIds.add(n.row().id());
                }
            }
            serverIds.sort(null);
            localIds.sort(null);
            assertEquals(serverIds, localIds, () -> "children of “" + folder + "”");
        }
    }
}
