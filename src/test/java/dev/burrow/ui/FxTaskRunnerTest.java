package dev.burrow.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import javafx.animation.AnimationTimer;
import javafx.application.Platform;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxToolkit;

/** The app's runner: background threads at the lowest priority; work after a paint waits for a pulse. */
class FxTaskRunnerTest {

    @Test
    void backgroundWorkRunsAtTheLowestPriority() throws Exception {
        try (FxTaskRunner runner = new FxTaskRunner(1)) {
            FxToolkit.registerPrimaryStage();
            CompletableFuture<Integer> priority = new CompletableFuture<>();
            runner.run(() -> Thread.currentThread().getPriority(), priority::complete, priority::completeExceptionally);
            assertEquals(Thread.MIN_PRIORITY, priority.get(10, TimeUnit.SECONDS));
        }
        assertEquals(Thread.MIN_PRIORITY, FxTaskRunner.worker(() -> { }, "w").getPriority());
    }

    /**
     * A background thread's outcome reaches the FX thread through the hand-off's forwarder, never
     * through a toolkit call of its own (which could keep the FX thread waiting: see FxHandOff).
     */
    @Test
    void outcomesOfBackgroundWorkReachTheFxThreadThroughTheForwarderOnly() throws Exception {
        FxToolkit.registerPrimaryStage();
        List<String> askers = new CopyOnWriteArrayList<>();
        CompletableFuture<String> outcome = new CompletableFuture<>();
        try (FxTaskRunner runner = new FxTaskRunner(2, drain -> {
            askers.add(Thread.currentThread().getName());
            Platform.runLater(drain);
        })) {
            runner.run(() -> Thread.currentThread().getName(), worker -> {
                if (Platform.isFxApplicationThread()) {
                    outcome.complete(worker);
                } else {
                    outcome.completeExceptionally(new AssertionError("not on the FX thread"));
                }
            }, outcome::completeExceptionally);
            assertTrue(outcome.get(10, TimeUnit.SECONDS).startsWith("burrow-work-"));
            runner.post(() -> { });
        }
        assertTrue(!askers.isEmpty() && askers.stream().allMatch("burrow-fx-handoff"::equals), askers.toString());
    }

    @Test
    void workAskedForAfterCloseIsDroppedNotThrown() throws Exception {
        FxToolkit.registerPrimaryStage();
        FxTaskRunner runner = new FxTaskRunner(1);
        runner.close();
        List<String> ran = new CopyOnWriteArrayList<>();
        CompletableFuture<Void> asked = new CompletableFuture<>();
        Platform.runLater(() -> {
            try {
                // as FolderCounts' pump does from a runnable the last pulse queued, after the window closed
                runner.run(() -> ran.add("work"), r -> ran.add("success"), e -> ran.add("failure"));
                runner.settled();
                assertTrue(!runner.postLater(java.time.Duration.ofMillis(1), () -> ran.add("later")).isRunning(),
                        "a delayed post after close is cancelled");
                asked.complete(null);
            } catch (RuntimeException e) {
                asked.completeExceptionally(e);
            }
        });
        asked.get(10, TimeUnit.SECONDS);
        Thread.sleep(200);
        assertEquals(List.of(), ran, "nothing runs once closed");
    }

    @Test
    void workAfterAPaintRunsOnlyOnceAPulseHasRun() throws Exception {
        FxToolkit.registerPrimaryStage();
        List<String> order = new CopyOnWriteArrayList<>();
        CompletableFuture<Void> done = new CompletableFuture<>();
        try (FxTaskRunner runner = new FxTaskRunner(1)) {
            Platform.runLater(() -> {
                AnimationTimer pulses = new AnimationTimer() {
                    @Override
                    public void handle(long now) {
                        order.add("pulse");
                    }
                };
                runner.afterPaint(() -> {
                    order.add("after paint");
                    pulses.stop();
                    done.complete(null);
                });
                runner.post(() -> order.add("posted"));
                pulses.start();
            });
            done.get(10, TimeUnit.SECONDS);
        }
        assertEquals("posted", order.get(0), "what was posted first runs first: " + order);
        assertTrue(order.indexOf("pulse") > 0 && order.indexOf("pulse") < order.indexOf("after paint"), order.toString());
    }
}
