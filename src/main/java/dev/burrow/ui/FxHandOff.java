package dev.burrow.ui;

import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Consumer;

/**
 * Hands work to the FX thread for {@link FxTaskRunner} without the background threads entering
 * the toolkit. {@code Platform.runLater} takes a lock every hand-off shares (the FX thread's own
 * included); a background thread runs at a high niceness (the launcher's priority options), and
 * when one was taken off its core while it held that lock — typically by the FX thread it had just
 * woken — the FX thread, posting its next step, waited for it behind every ordinary thread of the
 * machine: 13–59 ms per wait in the flight recording of the 100k index load, the longest pulse gaps
 * of the load. Here a background thread only queues its work and wakes one forwarding thread at
 * normal priority, which asks the FX thread for one {@link #drain} per batch. The FX thread's own
 * posts go to the toolkit at once, as before: in order with the rest of its {@code runLater}s (a new
 * folder's rename waits for the refill posted before it), and the lock they take is now only ever
 * held by threads of its own priority.
 *
 * <p>A drain runs what was queued when it began; what those runs post from another thread waits
 * for the next drain, so a pulse can come between.
 */
final class FxHandOff {

    private final Queue<Runnable> queue = new ConcurrentLinkedQueue<>();
    private final AtomicInteger queued = new AtomicInteger();
    /** A drain is asked for or running: posts need not wake the forwarder. */
    private final AtomicBoolean draining = new AtomicBoolean();
    private final Consumer<Runnable> toFxThread;
    private final java.util.function.BooleanSupplier onFxThread;
    private final Thread forwarder;
    private volatile boolean closed;

    /**
     * {@code toFxThread}: the toolkit's hand-off ({@code Platform::runLater}); {@code onFxThread}:
     * whether the caller is the FX thread ({@code Platform::isFxApplicationThread}).
     */
    FxHandOff(Consumer<Runnable> toFxThread, java.util.function.BooleanSupplier onFxThread) {
        this.toFxThread = toFxThread;
        this.onFxThread = onFxThread;
        forwarder = new Thread(this::forward, "burrow-fx-handoff");
        forwarder.setDaemon(true);
        forwarder.setPriority(Thread.NORM_PRIORITY); // not a background thread's: see the class comment
        forwarder.start();
    }

    /**
     * Runs {@code task} on the FX thread later: from the FX thread straight through the toolkit,
     * from any other thread queued behind what that thread queued before.
     */
    void post(Runnable task) {
        if (onFxThread.getAsBoolean()) {
            toFxThread.accept(task);
            return;
        }
        queue.add(task);
        queued.incrementAndGet();
        if (!draining.get()) {
            LockSupport.unpark(forwarder);
        }
    }

    private void forward() {
        while (!closed) {
            LockSupport.park(this);
            while (queued.get() > 0 && draining.compareAndSet(false, true)) {
                try {
                    toFxThread.accept(this::drain);
                } catch (RuntimeException e) { // the toolkit has gone: nothing can run any more
                    draining.set(false);
                    Thread.currentThread().getUncaughtExceptionHandler().uncaughtException(Thread.currentThread(), e);
                    return;
                }
            }
        }
    }

    /** On the FX thread: runs what was queued when it began, each as its own hand-off would have. */
    private void drain() {
        int n = queued.get();
        for (int i = 0; i < n; i++) {
            Runnable r = queue.poll();
            queued.decrementAndGet();
            try {
                r.run();
            } catch (RuntimeException | Error e) { // as a failing runLater: reported, the next one still runs
                Thread t = Thread.currentThread();
                t.getUncaughtExceptionHandler().uncaughtException(t, e);
            }
        }
        draining.set(false);
        if (queued.get() > 0) {
            LockSupport.unpark(forwarder);
        }
    }

    /** Stops the forwarder; what is queued and not yet asked for does not run. */
    void close() {
        closed = true;
        LockSupport.unpark(forwarder);
    }
}
