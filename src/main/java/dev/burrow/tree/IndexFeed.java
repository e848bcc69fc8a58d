package dev.burrow.tree;

import dev.burrow.api.FileSystemEntry;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.function.LongSupplier;

/**
 * Hands the pages of an index load to the owner's thread a little at a time. Pages arrive from
 * the loading thread whenever they are decoded; several may pile up while the owner's thread is
 * busy (a pulse, a layout). Each turn on the owner's thread puts pages into the index until it has
 * spent {@link #BUDGET_NANOS}, tells the views once about every folder those pages touched, and
 * leaves the rest for its next turn, so that the window never waits for a pile of pages at once.
 *
 * <p>{@link #offer} may be called on any thread; everything else runs on the owner's thread.
 */
final class IndexFeed {

    /** Owner-thread time one turn may spend putting pages in: well under a pulse (16 ms). */
    static final long BUDGET_NANOS = 6_000_000L;

    private final TaskRunner runner;
    private final TreeIndex index;
    private final BooleanSupplier cancelled;
    private final Consumer<Set<String>> changed;
    private final LongSupplier clock;
    private final ConcurrentLinkedQueue<List<FileSystemEntry>> pages = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean scheduled = new AtomicBoolean();
    private Runnable whenDrained;

    IndexFeed(TaskRunner runner, TreeIndex index, BooleanSupplier cancelled, Consumer<Set<String>> changed,
            LongSupplier clock) {
        this.runner = runner;
        this.index = index;
        this.cancelled = cancelled;
        this.changed = changed;
        this.clock = clock;
    }

    /** A decoded page (any thread): it goes into the index on one of the owner's next turns. */
    void offer(List<FileSystemEntry> page) {
        pages.add(page);
        schedule();
    }

    /** Runs {@code done} on the owner's thread once every page offered so far is in the index. */
    void whenDrained(Runnable done) {
        whenDrained = done;
        schedule();
    }

    private void schedule() {
        if (scheduled.compareAndSet(false, true)) {
            runner.post(this::turn);
        }
    }

    /** One turn on the owner's thread: at least one page, then more while the budget lasts. */
    private void turn() {
        scheduled.set(false);
        if (cancelled.getAsBoolean()) {
            pages.clear();
            whenDrained = null;
            return;
        }
        long start = clock.getAsLong();
        Set<String> touched = new LinkedHashSet<>();
        List<FileSystemEntry> page;
        while ((page = pages.poll()) != null) {
            touched.addAll(index.putAll(page));
            if (clock.getAsLong() - start >= BUDGET_NANOS) {
                break;
            }
        }
        changed.accept(touched);
        if (!pages.isEmpty()) {
            schedule();
        } else if (whenDrained != null) {
            Runnable done = whenDrained;
            whenDrained = null;
            done.run();
        }
    }
}
