package dev.burrow.tree;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.burrow.api.FileSystemEntry;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** A new load or search cancels the one it supersedes: no further request, no late answer. */
class TreeSessionCancelTest extends SessionSupport {

    private static final int ROWS = 12_000;

    /** Requests by backend method, and index pages handed to the session. */
    private final Map<String, AtomicInteger> requests = new ConcurrentHashMap<>();
    /** Index pages fetched, per load (one counter per call of {@code everything}). */
    private final List<AtomicInteger> indexPages = new ArrayList<>();
    /** Runs once, after the first index page reached the session. */
    private Runnable afterFirstPage;
    private int busy;

    /** The real client backend over the local server, counting what the session asks of it. */
    @SuppressWarnings("unchecked")
    private TreeBackend counting(TreeBackend real) {
        return (TreeBackend) Proxy.newProxyInstance(TreeBackend.class.getClassLoader(), new Class<?>[] {TreeBackend.class},
                (proxy, method, args) -> {
                    requests.computeIfAbsent(method.getName(), k -> new AtomicInteger()).incrementAndGet();
                    if (method.getName().equals("everything")) {
                        Consumer<List<FileSystemEntry>> pages = (Consumer<List<FileSystemEntry>>) args[1];
                        AtomicInteger fetched = new AtomicInteger();
                        indexPages.add(fetched);
                        args[1] = (Consumer<List<FileSystemEntry>>) page -> {
                            fetched.incrementAndGet();
                            pages.accept(page);
                            Runnable hook = afterFirstPage;
                            afterFirstPage = null;
                            if (hook != null) {
                                hook.run();
                            }
                        };
                    }
                    try {
                        return method.invoke(real, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }

    private TreeSession sessionOver(TaskRunner runner) {
        TreeSession s = new TreeSession(counting(new ClientBackend(client)), runner, MoveJournal.Store.inMemory());
        s.addListener(new TreeSession.Listener() {
            @Override
            public void foldersChanged(Set<String> folderPaths) {
            }

            @Override
            public void busy(int running) {
                busy = running;
            }
        });
        return s;
    }

    private int requests(String method) {
        AtomicInteger n = requests.get(method);
        return n == null ? 0 : n.get();
    }

    @Test
    void aRefreshStopsTheIndexLoadItSupersedesAfterItsCurrentPage() {
        startServer("empty");
        server.rows(IntStream.range(0, ROWS).mapToObj(i -> "Bulk/row " + i).toList(), "doc-file");
        TreeSession s = sessionOver(TaskRunner.sameThread());
        int pagesOfOneLoad = (ROWS + TreeSession.INDEX_PAGE - 1) / TreeSession.INDEX_PAGE;
        // While the first load is between its first and second page, F5 and a new load.
        afterFirstPage = () -> {
            s.refresh();
            s.loadIndex();
        };

        s.loadIndex();

        assertEquals(2, requests("everything"), "two loads were started");
        assertEquals(pagesOfOneLoad, indexPages.get(1).get(), "the new load fetched every page");
        // The superseded load stopped at the first page it was handed after the refresh (one the
        // client had already on its way), instead of fetching the other ten.
        assertEquals(2, indexPages.get(0).get(), "pages the superseded load fetched, of " + pagesOfOneLoad);
        assertTrue(s.index().isComplete());
        assertEquals(ROWS, s.index().children("Bulk").size(), "the new load put every row in the index");
        assertEquals(0, busy, "nothing is left counted as in flight");
    }

    @Test
    void aSearchCancelledBeforeItRanNeverReachesTheServer() {
        startServer("empty");
        create("Reports/Retention", "insight");
        create("Reports/Revenue", "insight");
        ManualTaskRunner runner = new ManualTaskRunner();
        TreeSession s = sessionOver(runner);
        List<String> answered = new ArrayList<>();

        s.search("Retention", rows -> answered.add("Retention: " + rows.size()));
        s.search("Revenue", rows -> answered.add("Revenue: " + rows.size()));
        assertEquals(1, busy, "only the live search counts as in flight");
        runner.runAll();

        assertEquals(1, requests("search"), "the first search was superseded before it was sent");
        assertEquals(List.of("Revenue: 1"), answered);
        assertEquals(0, busy);
    }

    @Test
    void aRefreshDropsTheAnswerOfAFolderLoadInFlight() {
        startServer("empty");
        create("Old/One", "insight");
        ManualTaskRunner runner = new ManualTaskRunner();
        TreeSession s = sessionOver(runner);
        s.loadFolder("");
        runner.runAll();
        s.loadFolder("Old");
        assertTrue(s.state("Old") instanceof FolderState.Loading);

        s.refresh();
        runner.runAll();

        assertEquals(2, requests("children"), "the root twice; the folder's load was cancelled before it ran");
        assertFalse(s.index().hasFolder("Old/One"));
        assertEquals(FolderState.NOT_LOADED, s.state("Old"), "the refresh forgot the folder; no late answer filled it");
        assertEquals(0, busy);
    }

    @Test
    void cancellingAfterTheOutcomeChangesNothing() {
        TaskRunner.Handle h = TaskRunner.sameThread().run(() -> 42, v -> { }, e -> { });
        assertFalse(h.cancel(), "it had already finished");
        assertFalse(h.isCancelled());
        ManualTaskRunner runner = new ManualTaskRunner();
        List<Integer> got = new ArrayList<>();
        TaskRunner.Handle queued = runner.run(() -> 7, got::add, e -> { });
        assertTrue(queued.cancel());
        runner.runAll();
        assertEquals(List.of(), got);
        assertEquals(0, runner.started());
    }
}
