package dev.burrow.tree;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.burrow.api.EntryPath;
import dev.burrow.api.FileSystemEntry;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/** Index pages reach the owner's thread a bounded amount per turn, and the load ends only when all are in. */
class IndexFeedTest {

    /** An owner's thread run by hand: each posted task waits until the test runs the next turn. */
    private static final class Turns implements TaskRunner {
        final Deque<Runnable> queue = new ArrayDeque<>();

        @Override
        public <T> void run(Handle handle, Callable<T> work, Consumer<T> onSuccess, Consumer<Throwable> onFailure) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void post(Runnable onOwnerThread) {
            queue.add(onOwnerThread);
        }

        boolean next() {
            Runnable r = queue.poll();
            if (r != null) {
                r.run();
            }
            return r != null;
        }
    }

    private static List<FileSystemEntry> page(String folder, int from, int n) {
        List<FileSystemEntry> out = new ArrayList<>();
        for (int i = from; i < from + n; i++) {
            String path = folder + "/Row " + i;
            out.add(new FileSystemEntry("f-" + i, path, EntryPath.depth(path), "insight", null, null, null, false,
                    null, null, null, null));
        }
        return out;
    }

    @Test
    void eachTurnSpendsNoMoreThanItsBudgetAndTellsTheViewsOnce() {
        Turns turns = new Turns();
        TreeIndex index = new TreeIndex();
        List<Set<String>> told = new ArrayList<>();
        long[] now = {0};
        // the clock moves 3 ms at every look: a 6 ms budget puts two pages in per turn
        IndexFeed feed = new IndexFeed(turns, index, () -> false, told::add, () -> now[0] += 3_000_000L);
        for (int p = 0; p < 5; p++) {
            feed.offer(page(p % 2 == 0 ? "A" : "B", p * 10, 10));
        }
        assertEquals(1, turns.queue.size(), "five pages wait for one turn, not five");
        boolean[] done = {false};
        feed.whenDrained(() -> done[0] = true);

        assertTrue(turns.next());
        assertEquals(20, index.size(), "the first turn stopped at its budget");
        assertEquals(1, told.size());
        assertEquals(Set.of("", "A", "B"), told.get(0));
        assertFalse(done[0], "the load is not over while pages wait");

        while (turns.next()) {
            // the rest, a budget at a time
        }
        assertEquals(50, index.size());
        assertEquals(3, told.size(), "2 + 2 + 1 pages: three turns, each telling the views once");
        assertTrue(done[0]);
    }

    @Test
    void aTurnPutsInAtLeastOnePageEvenOverBudget() {
        Turns turns = new Turns();
        TreeIndex index = new TreeIndex();
        long[] now = {0};
        IndexFeed feed = new IndexFeed(turns, index, () -> false, t -> { }, () -> now[0] += 50_000_000L);
        feed.offer(page("A", 0, 3));
        feed.offer(page("A", 3, 3));
        turns.next();
        assertEquals(3, index.size());
        turns.next();
        assertEquals(6, index.size());
        assertFalse(turns.next(), "nothing left to do");
    }

    @Test
    void aCancelledLoadDropsWhatWaitsAndNeverEnds() {
        Turns turns = new Turns();
        TreeIndex index = new TreeIndex();
        boolean[] cancelled = {false};
        IndexFeed feed = new IndexFeed(turns, index, () -> cancelled[0], t -> { }, () -> 0L);
        feed.offer(page("A", 0, 3));
        boolean[] done = {false};
        feed.whenDrained(() -> done[0] = true);
        cancelled[0] = true;
        while (turns.next()) {
            // drain
        }
        assertEquals(0, index.size());
        assertFalse(done[0]);
    }
}
