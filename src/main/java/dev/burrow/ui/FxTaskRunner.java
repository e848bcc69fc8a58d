package dev.burrow.ui;

import dev.burrow.tree.TaskRunner;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import javafx.animation.AnimationTimer;
import javafx.application.Platform;

/**
 * Runs blocking work on a small pool of daemon threads and hands outcomes to the FX thread; the
 * one place where the view models' background work meets the toolkit.
 */
public final class FxTaskRunner implements TaskRunner, AutoCloseable {

    private final ExecutorService pool;
    private final ScheduledExecutorService timer;
    /** Every hand-off to the FX thread (no background thread calls Platform.runLater itself: see FxHandOff). */
    private final FxHandOff fx;

    public FxTaskRunner(int threads) {
        this(threads, Platform::runLater);
    }

    /** {@code toFxThread}: how work reaches the FX thread (tests watch it). */
    FxTaskRunner(int threads, java.util.function.Consumer<Runnable> toFxThread) {
        fx = new FxHandOff(toFxThread, Platform::isFxApplicationThread);
        AtomicInteger n = new AtomicInteger();
        pool = Executors.newFixedThreadPool(threads, r -> worker(r, "burrow-work-" + n.incrementAndGet()));
        timer = Executors.newSingleThreadScheduledExecutor(r -> daemon(r, "burrow-timer"));
    }

    /**
     * A background thread at the lowest priority: with the launcher's -XX:ThreadPriorityPolicy=1
     * the system runs it at a higher niceness, so the FX thread wins a core from it at once while
     * the index loads (elsewhere the JVM ignores Java priorities).
     */
    static Thread worker(Runnable r, String name) {
        Thread t = daemon(r, name);
        t.setPriority(Thread.MIN_PRIORITY);
        return t;
    }

    /**
     * The threads that post the pulses, where they are Java threads (Monocle's, in headless runs;
     * GTK, Windows and macOS time pulses natively): a pulse posted late is a frame shown late.
     */
    static final java.util.Set<String> PULSE_TIMERS = java.util.Set.of("Monocle Timer");

    /**
     * The FX thread, JavaFX's renderer and pulse timer at the highest priority (on the FX thread). Where
     * the system lets a process raise a thread (Windows; Linux as root or with CAP_SYS_NICE, with the
     * launcher's -XX:ThreadPriorityPolicy=1) the window's pulses then win a core from the JIT
     * compilers and GC threads, which the JVM itself runs at raised priority there (nice -4/-5 against
     * the FX thread's 0: the index-load profile showed the FX thread waiting for a core 53-88 % of the
     * time); elsewhere the request is refused quietly and nothing changes.
     */
    static void raiseWindowThreads() {
        Thread.currentThread().setPriority(Thread.MAX_PRIORITY);
        for (Thread t : Thread.getAllStackTraces().keySet()) {
            if (t.getName().startsWith("QuantumRenderer") || PULSE_TIMERS.contains(t.getName())) {
                t.setPriority(Thread.MAX_PRIORITY);
            }
        }
    }

    private static Thread daemon(Runnable r, String name) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        return t;
    }

    @Override
    public <T> void run(Handle handle, Callable<T> work, Consumer<T> onSuccess, Consumer<Throwable> onFailure) {
        unlessClosed(pool, () -> pool.execute(() -> {
            if (handle.isCancelled()) {
                return; // superseded before it started: send nothing
            }
            T result;
            try {
                result = work.call();
            } catch (Exception | Error e) {
                fx.post(() -> {
                    if (handle.complete()) {
                        onFailure.accept(e);
                    }
                });
                return;
            }
            fx.post(() -> {
                if (handle.complete()) {
                    onSuccess.accept(result);
                }
            });
        }));
    }

    @Override
    public void post(Runnable onOwnerThread) {
        fx.post(onOwnerThread);
    }

    @Override
    public Handle postLater(Duration delay, Runnable onOwnerThread) {
        Handle handle = new Handle();
        boolean taken = unlessClosed(timer, () -> timer.schedule(() -> fx.post(() -> {
            if (handle.complete()) {
                onOwnerThread.run();
            }
        }), delay.toMillis(), TimeUnit.MILLISECONDS));
        if (!taken) {
            handle.cancel(); // closed: nothing runs
        }
        return handle;
    }

    /**
     * Behind what is queued now (the refill of the rows just loaded), then behind the next pulse
     * (which lays out and paints them): a runnable posted from a pulse runs after that pulse.
     */
    @Override
    public void afterPaint(Runnable onOwnerThread) {
        fx.post(() -> new AnimationTimer() {
            @Override
            public void handle(long now) {
                stop();
                fx.post(onOwnerThread);
            }
        }.start());
    }

    /**
     * After a large load: parsing tens of megabytes of pages left garbage; one collection lets
     * the JVM hand that memory back instead of keeping the heap grown (off the FX thread).
     */
    @Override
    public void settled() {
        unlessClosed(pool, () -> pool.execute(System::gc));
    }

    /**
     * Hands work to {@code executor}, unless the runner is closed (the window closing, another
     * connection taking its place): work asked for after that — a count the last pulse queued —
     * is dropped, not thrown back at the FX thread. False when it was dropped.
     */
    private static boolean unlessClosed(ExecutorService executor, Runnable submit) {
        try {
            submit.run();
            return true;
        } catch (RejectedExecutionException e) {
            if (!executor.isShutdown()) {
                throw e;
            }
            return false;
        }
    }

    @Override
    public void close() {
        pool.shutdownNow();
        timer.shutdownNow();
        fx.close();
    }
}
