package dev.burrow.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class PageConcurrencyTest {

    @Test
    void decodersLeaveOneCoreForTheWindow() {
        assertEquals(1, PageConcurrency.decoders(1));
        assertEquals(1, PageConcurrency.decoders(2));
        assertEquals(3, PageConcurrency.decoders(4));
    }

    @Test
    void fewerPagesInFlightFromThisMachineThanOverANetwork() {
        assertEquals(PageConcurrency.LOCAL, PageConcurrency.forBaseUrl("http://127.0.0.1:8010"));
        assertEquals(PageConcurrency.LOCAL, PageConcurrency.forBaseUrl("http://localhost:8000/"));
        assertEquals(PageConcurrency.LOCAL, PageConcurrency.forBaseUrl("http://[::1]:8000"));
        assertEquals(PageConcurrency.REMOTE, PageConcurrency.forBaseUrl("https://us.posthog.com"));
        assertEquals(PageConcurrency.REMOTE, PageConcurrency.forBaseUrl("http://10.1.2.3:8000"));
        assertFalse(PageConcurrency.isLocal("not a url at all"));
        assertTrue(PageConcurrency.LOCAL < PageConcurrency.REMOTE);
    }

    @Test
    void noMoreDecodersRunAtOnceThanTheLimit() throws Exception {
        int limit = PageConcurrency.decoders(Runtime.getRuntime().availableProcessors());
        AtomicInteger running = new AtomicInteger();
        AtomicInteger most = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(limit + 3);
        CountDownLatch done = new CountDownLatch(12);
        for (int i = 0; i < 12; i++) {
            pool.execute(() -> {
                try {
                    PageConcurrency.decode(() -> {
                        most.accumulateAndGet(running.incrementAndGet(), Math::max);
                        try {
                            Thread.sleep(20);
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                        }
                        running.decrementAndGet();
                        return null;
                    });
                } catch (java.io.IOException e) {
                    throw new IllegalStateException(e);
                } finally {
                    done.countDown();
                }
            });
        }
        assertTrue(done.await(30, TimeUnit.SECONDS));
        pool.shutdownNow();
        assertTrue(most.get() <= limit, "at most " + limit + " at once, saw " + most.get());
        assertTrue(most.get() >= 1);
    }
}
