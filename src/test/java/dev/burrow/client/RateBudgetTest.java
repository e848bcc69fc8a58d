package dev.burrow.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class RateBudgetTest {

    private final AtomicLong clock = new AtomicLong(0);

    /** Sends {@code n} requests as fast as the budget allows; returns their send times. */
    private List<Long> run(RateBudget budget, int n) {
        List<Long> times = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            Duration wait = budget.reserve();
            clock.addAndGet(wait.toNanos());
            times.add(clock.get());
        }
        return times;
    }

    private static int maxInWindow(List<Long> times, Duration window) {
        int best = 0;
        int lo = 0;
        for (int hi = 0; hi < times.size(); hi++) {
            while (times.get(hi) - times.get(lo) >= window.toNanos()) {
                lo++;
            }
            best = Math.max(best, hi - lo + 1);
        }
        return best;
    }

    @Test
    void aBurstGoesThroughAtOnce() {
        RateBudget budget = new RateBudget(480, 4800, clock::get);
        List<Long> times = run(budget, 300);
        assertEquals(0L, times.get(299));
    }

    @Test
    void noMinuteEverHoldsMoreThan480AndNoHourMoreThan4800() {
        RateBudget budget = new RateBudget(480, 4800, clock::get);
        List<Long> times = run(budget, 9000);
        assertTrue(maxInWindow(times, Duration.ofMinutes(1)) <= 480, "minute: " + maxInWindow(times, Duration.ofMinutes(1)));
        assertTrue(maxInWindow(times, Duration.ofHours(1)) <= 4800, "hour: " + maxInWindow(times, Duration.ofHours(1)));
        assertTrue(clock.get() > Duration.ofMinutes(60).toNanos(), "bulk work slowed down instead of failing");
    }

    @Test
    void aServerWaitHoldsEveryRequestBack() {
        RateBudget budget = new RateBudget(480, 4800, clock::get);
        budget.pause(Duration.ofSeconds(9));
        assertEquals(Duration.ofSeconds(9), budget.reserve());
        clock.addAndGet(Duration.ofSeconds(9).toNanos());
        assertEquals(Duration.ZERO, budget.reserve());
    }
}
