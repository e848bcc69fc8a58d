package dev.burrow.bench;

import dev.burrow.tree.TaskRunner;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;

/** The app's threading without a window: work on a pool, outcomes on one owner thread. */
final class BenchRunner implements TaskRunner, AutoCloseable {

    private final ExecutorService pool = Executors.newFixedThreadPool(4, daemon("bench-work"));
    private final ExecutorService owner = Executors.newSingleThreadExecutor(daemon("bench-owner"));

    private static java.util.concurrent.ThreadFactory daemon(String name) {
        return r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        };
    }

    @Override
    public <T> void run(Handle handle, Callable<T> work, Consumer<T> onSuccess, Consumer<Throwable> onFailure) {
        pool.execute(() -> {
            if (handle.isCancelled()) {
                return;
            }
            T result;
            try {
                result = work.call();
            } catch (Exception | Error e) {
                if (!owner.isShutdown()) {
                    owner.execute(() -> {
                        if (handle.complete()) {
                            onFailure.accept(e);
                        }
                    });
                }
                return;
            }
            if (!owner.isShutdown()) { // work finishing after the measurement closed the runner is dropped
                owner.execute(() -> {
                    if (handle.complete()) {
                        onSuccess.accept(result);
                    }
                });
            }
        });
    }

    @Override
    public void post(Runnable onOwnerThread) {
        owner.execute(onOwnerThread);
    }

    /** Runs on the owner thread and waits. */
    <T> T onOwner(Callable<T> c) throws Exception {
        return owner.submit(c).get();
    }

    @Override
    public void close() {
        pool.shutdownNow();
        owner.shutdownNow();
    }
}
