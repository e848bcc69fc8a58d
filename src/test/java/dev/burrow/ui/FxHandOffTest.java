package dev.burrow.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The hand-off to the FX thread, with a single thread standing for it: background threads never
 * call the toolkit's hand-off themselves, posts keep their order, and a drain runs only what was
 * queued when it began.
 */
class FxHandOffTest {

    /** Stands for the FX thread; records which threads asked it for a drain. */
    private final List<Throwable> uncaught = new CopyOnWriteArrayList<>();
    private final ExecutorService fxThread = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "fake-fx");
        t.setUncaughtExceptionHandler((th, e) -> uncaught.add(e));
        return t;
    });
    private final Set<Thread> askers = ConcurrentHashMap.newKeySet();
    private final AtomicInteger drains = new AtomicInteger();
    private final FxHandOff handOff = new FxHandOff(drain -> {
        askers.add(Thread.currentThread());
        drains.incrementAndGet();
        fxThread.execute(drain);
    }, () -> Thread.currentThread().getName().equals("fake-fx"));

    @AfterEach
    void stop() {
        handOff.close();
        fxThread.shutdownNow();
    }

    @Test
    void backgroundThreadsOnlyQueueAndOneThreadAtNormalPriorityAsksTheFxThread() throws Exception {
        int threads = 4;
        int each = 2_000;
        Map<Integer, List<Integer>> ran = new ConcurrentHashMap<>();
        CountDownLatch all = new CountDownLatch(threads * each);
        List<Thread> posters = new ArrayList<>();
        for (int p = 0; p < threads; p++) {
            int poster = p;
            ran.put(poster, new ArrayList<>());
            Thread t = FxTaskRunner.worker(() -> {
                for (int i = 0; i < each; i++) {
                    int n = i;
                    handOff.post(() -> {
                        assertEquals("fake-fx", Thread.currentThread().getName());
                        ran.get(poster).add(n); // on the one fake FX thread only
                        all.countDown();
                    });
                }
            }, "poster-" + p);
            posters.add(t);
            t.start();
        }
        assertTrue(all.await(20, TimeUnit.SECONDS), "every post ran");
        for (Thread t : posters) {
            t.join();
        }

        for (int p = 0; p < threads; p++) {
            assertEquals(java.util.stream.IntStream.range(0, each).boxed().toList(), ran.get(p),
                    "each poster's work ran once, in its order");
        }
        assertEquals(1, askers.size(), "one thread asks for drains: " + askers);
        Thread forwarder = askers.iterator().next();
        assertEquals("burrow-fx-handoff", forwarder.getName());
        assertEquals(Thread.NORM_PRIORITY, forwarder.getPriority(), "not at a background thread's priority");
        assertTrue(drains.get() < threads * each, "posts share drains: " + drains.get() + " for " + threads * each);
        assertEquals(List.of(), uncaught);
    }

    @Test
    void theFxThreadsOwnPostsGoStraightToTheToolkitInOrderWithItsOtherHandOffs() throws Exception {
        List<String> order = new CopyOnWriteArrayList<>();
        CountDownLatch done = new CountDownLatch(1);
        fxThread.execute(() -> {
            handOff.post(() -> order.add("posted"));
            fxThread.execute(() -> { // as TreePane's Platform.runLater after a new folder's refill was posted
                order.add("runLater after it");
                done.countDown();
            });
        });

        assertTrue(done.await(10, TimeUnit.SECONDS));
        assertEquals(List.of("posted", "runLater after it"), order);
        assertTrue(askers.stream().allMatch(t -> t.getName().equals("fake-fx")), "no thread hop: " + askers);
    }

    /** What another thread queues while a drain runs waits for the next drain: a pulse can come between. */
    @Test
    void whatIsQueuedDuringADrainWaitsForTheNextOne() throws Exception {
        List<String> ran = new CopyOnWriteArrayList<>();
        CountDownLatch done = new CountDownLatch(1);
        Runnable second = () -> {
            ran.add("second in drain " + drains.get());
            done.countDown();
        };
        handOff.post(() -> {
            ran.add("first in drain " + drains.get());
            Thread poster = new Thread(() -> handOff.post(second), "poster");
            poster.start();
            try {
                poster.join(); // queued while this drain runs
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });

        assertTrue(done.await(10, TimeUnit.SECONDS));
        assertEquals(List.of("first in drain 1", "second in drain 2"), ran);
    }

    @Test
    void aFailingPostIsReportedAndTheNextOneStillRuns() throws Exception {
        CountDownLatch after = new CountDownLatch(1);
        CountDownLatch hold = new CountDownLatch(1);
        fxThread.execute(() -> awaitQuietly(hold)); // both posts wait for one drain
        handOff.post(() -> {
            throw new IllegalStateException("boom");
        });
        handOff.post(after::countDown);
        hold.countDown();

        assertTrue(after.await(10, TimeUnit.SECONDS), "the post after the failing one ran");
        assertEquals(1, uncaught.size());
        assertEquals("boom", uncaught.get(0).getMessage());
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
