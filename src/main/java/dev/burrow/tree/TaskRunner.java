package dev.burrow.tree;

import java.util.concurrent.Callable;
import java.util.function.Consumer;

/**
 * Runs blocking work in the background and hands the outcome back to the owner's thread (the
 * FX thread in the app). {@link #sameThread()} runs everything at once, for tests.
 */
public interface TaskRunner {

    <T> void run(Callable<T> work, Consumer<T> onSuccess, Consumer<Throwable> onFailure);

    /** Runs a small piece of work on the owner's thread (progress, a page of results). */
    void post(Runnable onOwnerThread);

    static TaskRunner sameThread() {
        return new TaskRunner() {
            @Override
            public void post(Runnable onOwnerThread) {
                onOwnerThread.run();
            }

            @Override
            public <T> void run(Callable<T> work, Consumer<T> onSuccess, Consumer<Throwable> onFailure) {
                T result;
                try {
                    result = work.call();
                } catch (Exception | Error e) {
                    onFailure.accept(e);
                    return;
                }
                onSuccess.accept(result);
            }
        };
    }
}
