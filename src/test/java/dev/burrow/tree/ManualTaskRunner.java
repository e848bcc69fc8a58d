package dev.burrow.tree;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Consumer;

/**
 * A {@link TaskRunner} that does nothing until told: work, posts and timers wait in queues, and
 * the test runs them one by one on its own thread ({@link #runAll}) and moves a virtual clock
 * ({@link #advance}). Deterministic: no thread, no real time.
 */
public final class ManualTaskRunner implements TaskRunner {

    private record Timer(long dueMillis, long order, Handle handle, Runnable job) {
    }

    private final Deque<Runnable> queue = new ArrayDeque<>();
    private final List<Timer> timers = new ArrayList<>();
    private long nowMillis;
    private long order;
    private int started;

    @Override
    public <T> void run(Handle handle, Callable<T> work, Consumer<T> onSuccess, Consumer<Throwable> onFailure) {
        queue.add(() -> {
            if (handle.isCancelled()) {
                return;
            }
            started++;
            T result;
            try {
                result = work.call();
            } catch (Exception | Error e) {
                if (handle.complete()) {
                    onFailure.accept(e);
                }
                return;
            }
            if (handle.complete()) {
                onSuccess.accept(result);
            }
        });
    }

    @Override
    public void post(Runnable onOwnerThread) {
        queue.add(onOwnerThread);
    }

    @Override
    public Handle postLater(Duration delay, Runnable onOwnerThread) {
        Handle h = new Handle();
        timers.add(new Timer(nowMillis + delay.toMillis(), order++, h, onOwnerThread));
        return h;
    }

    /** Runs queued work and posts, including what they queue, until nothing is left; answers how many ran. */
    public int runAll() {
        int n = 0;
        while (!queue.isEmpty()) {
            queue.poll().run();
            n++;
        }
        return n;
    }

    /** Moves the clock on, firing the timers that fall due in order (and what they queue). */
    public void advance(Duration by) {
        long until = nowMillis + by.toMillis();
        while (true) {
            runAll();
            Timer next = timers.stream().filter(t -> t.dueMillis() <= until)
                    .min(Comparator.comparingLong(Timer::dueMillis).thenComparingLong(Timer::order)).orElse(null);
            if (next == null) {
                break;
            }
            timers.remove(next);
            nowMillis = next.dueMillis();
            if (next.handle().complete()) {
                next.job().run();
            }
        }
        nowMillis = until;
    }

    /** The virtual clock, in milliseconds since the runner was made. */
    public long nowMillis() {
        return nowMillis;
    }

    /** Timers not yet fired and not cancelled. */
    public int pendingTimers() {
        return (int) timers.stream().filter(t -> t.handle().isRunning()).count();
    }

    /** How many pieces of background work actually started (cancelled ones never do). */
    public int started() {
        return started;
    }
}
