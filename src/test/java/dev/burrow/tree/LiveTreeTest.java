package dev.burrow.tree;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.burrow.api.FileSystemEntry;
import dev.burrow.api.Page;
import dev.burrow.client.EntryFields;
import dev.burrow.client.PostHogClient;
import dev.burrow.client.RateBudget;
import dev.burrow.client.RetryPolicy;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Live refresh against the real local server, with a second client changing it: rows added,
 * deleted, renamed and moved, visible and hidden; the selection followed or dropped; the budget
 * over an hour of virtual time; 429s; merges in chunks; undo and edits meeting changes made
 * elsewhere.
 */
class LiveTreeTest extends SessionSupport {

    private final ManualTaskRunner timers = new ManualTaskRunner();
    private final List<Long> sentAt = new ArrayList<>();
    private final Set<String> selected = new HashSet<>();
    private final List<String> events = new ArrayList<>();
    private final List<String> firstLook = new ArrayList<>();
    private List<String> visible = List.of("", "A", "B");
    private PostHogClient other;
    private PostHogClient liveClient;
    private RateBudget shared;
    private LiveTree live;

    /** A source that notes when (virtual time) each request went. */
    private final class Counting implements LiveSource {
        private final LiveSource inner;

        Counting(LiveSource inner) {
            this.inner = inner;
        }

        private void note() {
            sentAt.add(timers.nowMillis());
        }

        @Override
        public Page<FileSystemEntry> children(String folder, int limit, int offset) {
            note();
            return inner.children(folder, limit, offset);
        }

        @Override
        public Page<FileSystemEntry> createdAfter(String after, int limit, int offset) {
            note();
            return inner.createdAfter(after, limit, offset);
        }

        @Override
        public FileSystemEntry retrieve(String id) {
            note();
            return inner.retrieve(id);
        }

        @Override
        public Page<FileSystemEntry> everything(int limit, int offset) {
            note();
            return inner.everything(limit, offset);
        }
    }

    @AfterEach
    void closeOther() {
        if (other != null) {
            other.close();
        }
        if (liveClient != null) {
            liveClient.close();
        }
    }

    /** A/a1, A/a2, B/b1, C/Deep/c1 (C is never expanded), all loaded; live refresh watching. */
    private void arrange(boolean rateLimited) {
        arrange(rateLimited, true);
    }

    /** As {@link #arrange(boolean)}; without the index, only the root and A, B are loaded (a lazy tree). */
    private void arrange(boolean rateLimited, boolean wholeIndex) {
        if (rateLimited) {
            server = dev.burrow.server.TestServer.start("empty", List.of(new dev.burrow.server.ApiKey(KEY, Set.of())), true)
                    .as(KEY);
            client = PostHogClient.builder(server.server().baseUrl(), KEY, 1).retry(RetryPolicy.none()).build();
        } else {
            startServer("empty");
        }
        for (String f : List.of("A", "B", "C", "C/Deep")) {
            create(f, "folder");
        }
        List<String> items = List.of("A/a1", "A/a2", "B/b1", "C/Deep/c1");
        for (int i = 0; i < items.size(); i++) {
            object(items.get(i), "dashboard", String.valueOf(i + 1));
        }
        open(true);
        session.loadFolder("");
        if (wholeIndex) {
            loadIndex();
        } else {
            session.loadFolder("A");
            session.loadFolder("B");
        }
        other = PostHogClient.builder(server.server().baseUrl(), KEY, 1).retry(RetryPolicy.none()).build();
        shared = new RateBudget(480, 4800, () -> timers.nowMillis() * 1_000_000L);
        // the live reads' own client: no real-time budget of its own (time is virtual here)
        liveClient = PostHogClient.builder(server.server().baseUrl(), KEY, 1).retry(RetryPolicy.none())
                .rateBudget(RateBudget.unlimited()).build();
        live = new LiveTree(session, new Counting(new ClientLiveSource(liveClient)), timers,
                LiveTree.budget(() -> timers.nowMillis() * 1_000_000L), shared, timers::nowMillis);
        live.watch(() -> visible, () -> Set.copyOf(selected));
        live.addListener(new LiveTree.Listener() {
            @Override
            public void merged(int added, int changed, int removed) {
                events.add("merged " + added + "/" + changed + "/" + removed);
            }

            @Override
            public void selectionGone(List<String> names) {
                events.add("gone " + names);
            }

            @Override
            public void selectionMoved(List<FileSystemEntry> rows) {
                rows.forEach(r -> events.add("followed " + r.path()));
            }

            @Override
            public void folderMoved(String from, String to) {
                events.add("folder " + from + " -> " + to);
            }

            @Override
            public void movedUnder(String edit, String folder, String nowAt) {
                events.add("under " + folder + " -> " + nowAt);
            }

            @Override
            public void backingOff(Duration next, String why) {
                events.add("backoff " + next.toSeconds());
            }
        });
        live.start();
        timers.advance(Duration.ofSeconds(1)); // the first look: learns the newest row
        firstLook.addAll(events);
        sentAt.clear();
        events.clear();
    }

    private String id(String path) {
        List<FileSystemEntry> rows = serverAt(path);
        assertEquals(1, rows.size(), path);
        return rows.get(0).id();
    }

    private void cycle() {
        timers.advance(LiveTree.FOCUSED);
    }

    private boolean indexHas(String path) {
        return !index().rowsAt(path).isEmpty();
    }

    @Test
    void rowsAddedElsewhereAppearWithinOneCycleVisibleOrHiddenAndAreMarked() {
        arrange(false);
        int hiddenBefore = index().countBelow("C");
        String added = other.fileSystem().create(EntryFields.of("A/new one", "insight")).id();
        other.fileSystem().create(EntryFields.of("C/Deep/hidden new", "insight"));

        cycle();

        assertTrue(indexHas("A/new one"), "an added row in a visible folder appears");
        assertTrue(indexHas("C/Deep/hidden new"), "a row added in a collapsed folder is known too");
        assertEquals(hiddenBefore + 1, index().countBelow("C"), "the collapsed folder's count follows");
        assertTrue(live.isMarked(added), "the new row is marked");
        assertTrue(live.lastChecked() >= 0, "the check time is known");
        assertTrue(events.contains("merged 2/0/0"), events::toString);
        timers.advance(LiveTree.MARK_TIME.plusSeconds(1));
        assertFalse(live.isMarked(added), "the mark fades");
        assertAgree();
    }

    @Test
    void theFirstLookAtALazyTreeIsNoChangeFromElsewhere() {
        arrange(false, false);
        assertFalse(index().isComplete(), "a lazy tree");
        assertTrue(firstLook.stream().noneMatch(e -> e.startsWith("merged")),
                "the newest row, already there when the tree opened, is not news: " + firstLook);
        assertFalse(indexHas("C/Deep/c1"), "nor is it put into a folder nobody opened");

        String added = other.fileSystem().create(EntryFields.of("A/new one", "insight")).id();
        cycle();
        assertTrue(events.contains("merged 1/0/0"), "a row created afterwards still is: " + events);
        assertTrue(live.isMarked(added));
    }

    @Test
    void deletesRenamesAndMovesOfVisibleRowsMergeByIdAndTheIndexAgreesWithTheServer() {
        arrange(false);
        other.fileSystem().delete(id("A/a1"));
        other.fileSystem().patch(id("A/a2"), new EntryFields().path("A/a2 renamed"));
        other.fileSystem().patch(id("B/b1"), new EntryFields().path("A/b1"));
        other.fileSystem().move(serverAt("B").get(0).id(), "C/B");

        cycle();

        assertFalse(indexHas("A/a1"), "deleted elsewhere: gone");
        assertTrue(indexHas("A/a2 renamed") && !indexHas("A/a2"), "renamed elsewhere");
        assertTrue(indexHas("A/b1"), "moved into a visible folder");
        assertNotNull(index().folder("C/B"), "a folder moved elsewhere is found where it went");
        assertTrue(events.contains("folder B -> C/B"), events::toString);
        assertEquals(FolderState.Loaded.class, session.state("A").getClass(), "nothing was reloaded");
        assertAgree();
    }

    @Test
    void hiddenRowsMovedIntoViewAppearAndHiddenDeletesWaitForTheFullRefresh() {
        arrange(false);
        String c1 = id("C/Deep/c1");
        other.fileSystem().patch(c1, new EntryFields().path("A/c1"));
        String extra = object("C/Deep/extra", "dashboard", "9");
        cycle();
        assertTrue(indexHas("A/c1"), "a hidden row moved into view appears");
        assertEquals(1, index().countBelow("C/Deep"), "and leaves its hidden folder's count");

        other.fileSystem().delete(extra);
        cycle();
        assertTrue(indexHas("C/Deep/extra"), "a delete in a collapsed folder is not listed by cycles");
        timers.advance(LiveTree.FULL_EVERY);
        assertFalse(indexHas("C/Deep/extra"), "the full refresh finds it");
        assertAgree();
    }

    @Test
    void aSelectedRowDeletedElsewhereLeavesTheSelectionWithAMessageAndAMovedOneIsFollowed() {
        arrange(false);
        String a1 = id("A/a1");
        String a2 = id("A/a2");
        selected.addAll(List.of(a1, a2));
        other.fileSystem().delete(a1);
        other.fileSystem().patch(a2, new EntryFields().path("C/Deep/a2"));

        cycle();

        assertTrue(events.contains("gone [a1]"), events::toString);
        assertTrue(events.contains("followed C/Deep/a2"), events::toString);
        assertNull(index().byId(a1));
        assertEquals("C/Deep/a2", index().byId(a2).path(), "the moved selection is where the server has it");
    }

    @Test
    void noCycleWhileMinimisedHeldOrBusyAndUnfocusedCyclesAreSlower() {
        arrange(false);
        live.setIconified(true);
        timers.advance(Duration.ofMinutes(5));
        assertEquals(0, sentAt.size(), "minimised: no request");
        live.setIconified(false);
        live.hold(true);
        timers.advance(Duration.ofMinutes(5));
        assertEquals(0, sentAt.size(), "a batch or drag running: no request");
        live.hold(false);
        live.setFocused(false);
        timers.advance(Duration.ofSeconds(100));
        assertEquals(0, sentAt.size(), "without focus the interval is two minutes");
        timers.advance(Duration.ofSeconds(25));
        assertFalse(sentAt.isEmpty(), "a cycle ran within two minutes without focus");
    }

    @Test
    void peoplesRequestsGoFirstWhenTheSharedBudgetIsInUse() {
        arrange(false);
        for (int i = 0; i < 300; i++) {
            shared.reserve(); // a burst of the person's own requests
        }
        assertFalse(live.checkNow(), "live refresh waits while the shared budget is busy");
        assertEquals(0, sentAt.size());
        timers.advance(Duration.ofMinutes(1)); // the shared budget refills
        assertFalse(sentAt.isEmpty(), "and goes on once it is free again");
    }

    @Test
    void anHourOnAManyFolderTreeStaysWithinTenPercentOfPostHogsLimits() {
        arrange(false);
        List<String> many = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            create("F" + i + "/x", "dashboard");
            many.add("F" + i);
        }
        session.refresh();
        loadIndex();
        visible = many;
        timers.advance(Duration.ofHours(1));

        assertTrue(sentAt.size() <= LiveTree.LIVE_PER_HOUR, () -> sentAt.size() + " requests in an hour");
        for (int i = 0; i < sentAt.size(); i++) {
            long start = sentAt.get(i);
            long inMinute = sentAt.stream().filter(t -> t >= start && t < start + 60_000).count();
            assertTrue(inMinute <= LiveTree.LIVE_PER_MINUTE, () -> inMinute + " requests in a minute");
        }
        assertTrue(sentAt.size() > 200, () -> "the budget is used, not starved: " + sentAt.size());
    }

    @Test
    void a429BacksOffAndHoldsEveryRequestOnTheKey() throws Exception {
        arrange(true);
        // another program uses the key's whole minute
        for (int i = 0; i < 600; i++) {
            if (server.get("file_system/?limit=1").status() == 429) {
                break;
            }
        }
        Duration before = live.interval();
        assertTrue(live.checkNow());
        timers.runAll();
        assertTrue(events.stream().anyMatch(e -> e.startsWith("backoff")), events::toString);
        assertEquals(before.multipliedBy(2), live.interval(), "the interval doubles");
        assertEquals(0.0, shared.spare(), "the shared budget holds back everyone on the key");
        assertFalse(live.checkNow(), "no new cycle while the server's wait runs");
    }

    @Test
    void aThousandChangesMergeInChunksAFrameApart() {
        arrange(false);
        List<String> paths = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            paths.add("A/bulk " + i);
        }
        server.rows(paths, "insight");
        List<Integer> hand = new ArrayList<>();
        session.addListener(folders -> hand.add(index().children("A").size()));

        cycle();
        int first = index().children("A").size();
        assertTrue(first <= 2 + LiveTree.CHUNK, () -> "one chunk at a time: " + first);
        timers.advance(Duration.ofSeconds(2));
        assertEquals(1002, index().children("A").size(), "every row arrived");
        assertEquals(List.of(1002), hand, "the views hear of it once, after the last chunk (not a refill per chunk)");
        assertAgree();
    }

    @Test
    void undoRefusesAndNamesARowChangedElsewhereSince() {
        arrange(false);
        ok(MoveOperation.into(List.of(item("A/a1")), "B", journals));
        other.fileSystem().patch(id("B/a1"), new EntryFields().path("B/a1 theirs"));
        cycle();

        String msg = undo();

        assertNotNull(msg);
        assertTrue(msg.contains("a1") && msg.contains("changed elsewhere"), msg);
        assertEquals(1, serverAt("B/a1 theirs").size(), "their rename stands");
        assertFalse(session.canUndo(), "the step left the history");
    }

    @Test
    void aMoveOfARowDeletedElsewhereSaysSoAndTheTreeIsCheckedThere() {
        arrange(false);
        TreeNode a2 = item("A/a2");
        other.fileSystem().delete(a2.row().id());

        String msg = execute(MoveOperation.into(List.of(a2), "B", journals));
        timers.runAll();

        assertNotNull(msg);
        assertTrue(msg.contains("“a2”") && msg.contains("deleted or moved elsewhere"), msg);
        assertFalse(indexHas("A/a2"), "the conflict made live refresh look again");
        assertFalse(session.canUndo(), "nothing to undo");
        assertAgree();
    }

    @Test
    void aMoveIntoAFolderMovedElsewhereJustBeforeIsToldPlainly() {
        arrange(false);
        other.fileSystem().move(serverAt("B").get(0).id(), "C/B");

        ok(MoveOperation.into(List.of(item("A/a1")), "B", journals));
        timers.runAll();

        assertTrue(events.contains("under B -> C/B"), events::toString);
        assertTrue(session.canUndo(), "the move can still be taken back");
    }

    @Test
    void anUndoWhoseRowWasDeletedElsewhereLeavesTheHistory() {
        arrange(false);
        ok(MoveOperation.into(List.of(item("A/a1")), "B", journals));
        other.fileSystem().delete(id("B/a1"));

        String msg = undo();

        assertNotNull(msg);
        assertTrue(msg.contains("deleted or moved elsewhere"), msg);
        assertFalse(session.canUndo(), "the step can never be undone: it left the history");
        assertTrue(serverAt("A/a1").isEmpty(), "nothing was resurrected");
    }

    @Test
    void f5DropsAnswersFromBeforeIt() {
        arrange(false);
        long checkedBefore = live.lastChecked();
        other.fileSystem().create(EntryFields.of("A/late", "insight"));
        assertTrue(live.checkNow());
        session.refresh(); // F5 before the cycle's answer is handed over
        timers.runAll();
        assertFalse(events.stream().anyMatch(e -> e.startsWith("merged")), events::toString);
        assertEquals(checkedBefore, live.lastChecked(), "the dropped cycle does not count as a check");
        assertFalse(indexHas("A/late"), "nothing from before the refresh was merged");
    }
}
