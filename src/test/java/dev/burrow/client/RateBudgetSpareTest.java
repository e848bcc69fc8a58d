package dev.burrow.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** The budget's non-waiting side, for optional background work: {@code tryReserve} and {@code spare}. */
class RateBudgetSpareTest {

    private final AtomicLong clock = new AtomicLong(0);

    @Test
    void tryReserveTakesOnlyWhatIsFreeNowAndNeverGoesIntoDebt() {
        RateBudget b = new RateBudget(48, 480, clock::get);
        int taken = 0;
        while (b.tryReserve()) {
            taken++;
        }
        assertEquals(36, taken, "the minute's burst (75 % of 48) and no more");
        assertFalse(b.reserve().isZero(), "a waiting caller now waits: nothing was borrowed beyond the burst");
        clock.addAndGet(Duration.ofMinutes(1).toNanos());
        assertTrue(b.tryReserve(), "the bucket refilled");
    }

    @Test
    void spareFallsAsPeopleUseTheBudgetAndIsZeroWhileTheServerHoldsUsBack() {
        RateBudget b = new RateBudget(480, 4800, clock::get);
        assertEquals(1.0, b.spare(), 1e-9, "untouched: all spare");
        for (int i = 0; i < 300; i++) {
            b.reserve();
        }
        assertTrue(b.spare() < 0.25, () -> "a burst of 300 leaves little: " + b.spare());
        clock.addAndGet(Duration.ofMinutes(5).toNanos());
        assertTrue(b.spare() > 0.9, () -> "refilled: " + b.spare());
        b.pause(Duration.ofSeconds(30));
        assertEquals(0.0, b.spare(), "a 429's wait: nothing spare");
        assertFalse(b.tryReserve(), "and nothing taken");
    }
}
