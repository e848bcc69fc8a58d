package dev.burrow.tree;

import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * Runs blocking work in the background and hands the outcome back to the owner's thread (the
 * FX thread in the app). {@link #sameThread()} runs everything at once, for tests and the CLI.
 * View models touch the toolkit only through this interface.
 */
public interface TaskRunner {

    /**
     * One piece of work started through a runner. Cancelling it drops its outcome (neither
     * callback runs) and stops work that checks it between steps (an index load between pages);
     * work not started yet never starts.
     */
    final class Handle {
        private static final int RUNNING = 0;
        private static final int DONE = 1;
        private static final int CANCELLED = 2;

        private final AtomicInteger state = new AtomicInteger(RUNNING);

        /** Stops the work; true when it was still running (its outcome will never arrive). */
        public boolean cancel() {
            return state.compareAndSet(RUNNING, CANCELLED);
        }

        public boolean isCancelled() {
            return state.get() == CANCELLED;
        }

        /** True until the outcome was delivered or the work was cancelled. */
        public boolean isRunning() {
            return state.get() == RUNNING;
        }

        /** For long work: throws {@link CancellationException} once cancelled, to stop between steps. */
        public void checkNotCancelled() {
            if (isCancelled()) {
                throw new CancellationException("superseded");
            }
        }

        /** For runners: claims the outcome for delivery; false when the work was cancelled first. */
        public boolean complete() {
            return state.compareAndSet(RUNNING, DONE);
        }
    }

    /**
     * Runs {@code work} in the background under {@code handle}; the outcome reaches the owner's
     * thread unless the handle was cancelled by then.
     */
    <T> void run(Handle handle, Callable<T> work, Consumer<T> onSuccess, Consumer<Throwable> onFailure);

    /** As {@link #run(Handle, Callable, Consumer, Consumer)} under a fresh handle, which it answers. */
    default <T> Handle run(Callable<T> work, Consumer<T> onSuccess, Consumer<Throwable> onFailure) {
        Handle handle = new Handle();
        run(handle, work, onSuccess, onFailure);
        return handle;
    }

    /** Runs a small piece of work on the owner's thread (progress, a page of results); any thread may call it. */
    void post(Runnable onOwnerThread);

    /**
     * Runs a piece of work on the owner's thread after {@code delay} unless cancelled first. The
     * default ignores the delay (time passes at once, as in {@link #sameThread()}).
     */
    default Handle postLater(Duration delay, Runnable onOwnerThread) {
        Handle handle = new Handle();
        post(() -> {
            if (handle.complete()) {
                onOwnerThread.run();
            }
        });
        return handle;
    }

    /**
     * Runs a piece of work on the owner's thread once what was posted so far has been shown: the
     * app's runner waits for the next pulse to lay out and paint the window, so that work queued
     * behind a first paint (the index load behind the root's rows) does not delay it. The default
     * runs it as {@link #post} does.
     */
    default void afterPaint(Runnable onOwnerThread) {
        post(onOwnerThread);
    }

    /**
     * A burst of background work is over (the whole index is loaded): the runner may tidy up
     * after it. The app's runner lets the JVM hand back the heap the burst grew; the default
     * does nothing.
     */
    default void settled() {
    }

    /** Runs work and outcomes at once on the calling thread; delays pass at once. */
    static TaskRunner sameThread() {
        return new TaskRunner() {
            @Override
            public void post(Runnable onOwnerThread) {
                onOwnerThread.run();
            }

            @Override
            public <T> void run(Handle handle, Callable<T> work, Consumer<T> onSuccess,
                    Consumer<Throwable> onFailure) {
                if (handle.isCancelled()) {
                    return;
                }
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
            }
        };
    }
}
