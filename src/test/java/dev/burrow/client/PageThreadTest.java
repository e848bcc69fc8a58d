package dev.burrow.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Pages of a long listing are decoded on daemon threads at the lowest priority, by decoders warmed up before. */
class PageThreadTest {

    @Test
    void theWarmUpDecodesASamplePageOfTreeRows() {
        assertEquals(1, PostHogClient.warmUp());
    }

    @Test
    void pageThreadsRunAtTheLowestPriority() {
        Thread t = PostHogClient.pageThread(() -> { }, 3);
        assertEquals(Thread.MIN_PRIORITY, t.getPriority());
        assertTrue(t.isDaemon());
        assertEquals("burrow-pages-3", t.getName());
    }
}
