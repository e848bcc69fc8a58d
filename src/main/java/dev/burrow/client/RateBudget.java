package dev.burrow.client;

import java.time.Duration;
import java.util.function.LongSupplier;

/**
 * Keeps one API key under PostHog's limits (480 a minute, 4,800 an hour) so bulk work slows down
 * instead of meeting 429s. Share one instance between every client that uses the same key.
 *
 * <p>Each limit is a token bucket sized so that it can never exceed its limit in any window of
 * its length: capacity plus refill over one window equals the limit. The minute bucket gets most
 * of its allowance as burst (a tree load of a few hundred requests goes through at once); the hour
 * bucket gives a quarter of its allowance as burst and then refills at 60 a minute. A 429 from
 * the server holds every request back for the time it asks.
 * The clock is injectable so tests can drive time.
 */
public final class RateBudget {

    private final LongSupplier nanoClock;
    private final Bucket minute;
    private final Bucket hour;
    private long blockedUntil;

    public RateBudget(int perMinute, int perHour, LongSupplier nanoClock) {
        this.nanoClock = nanoClock;
        long now = nanoClock.getAsLong();
        this.minute = new Bucket(perMinute, Duration.ofMinutes(1), 0.75, now);
        this.hour = new Bucket(perHour, Duration.ofHours(1), 0.25, now);
        this.blockedUntil = now;
    }

    /** PostHog's personal API key limits, on the system clock. */
    public static RateBudget posthogDefaults() {
        return new RateBudget(480, 4800, System::nanoTime);
    }

    /** No limit at all (a local server with rate limiting off, or tests). */
    public static RateBudget unlimited() {
        return new RateBudget(Integer.MAX_VALUE / 4, Integer.MAX_VALUE / 4, System::nanoTime);
    }

    /**
     * Takes one request's worth from the budget and says how long the caller must wait before
     * sending it (zero when it may go now). Waiting callers queue fairly: each reservation is
     * counted at once, so concurrent callers get increasing waits.
     */
    public synchronized Duration reserve() {
        long now = nanoClock.getAsLong();
        long at = Math.max(now, blockedUntil);
        at = Math.max(at, minute.take(at));
        at = Math.max(at, hour.take(at));
        return Duration.ofNanos(at - now);
    }

    /**
     * Takes one request's worth only if it may go now without waiting; otherwise takes nothing
     * and answers false. For optional background work (live refresh) that skips rather than queues.
     */
    public synchronized boolean tryReserve() {
        long now = nanoClock.getAsLong();
        if (now < blockedUntil || minute.available(now) < 1 || hour.available(now) < 1) {
            return false;
        }
        minute.take(now);
        hour.take(now);
        return true;
    }

    /**
     * The share (0 to 1) of the burst allowance free now in the tighter window; 0 while a 429
     * holds requests back. Optional work checks it so that people's own requests go first.
     */
    public synchronized double spare() {
        long now = nanoClock.getAsLong();
        if (now < blockedUntil) {
            return 0;
        }
        return Math.max(0, Math.min(minute.available(now) / minute.capacity, hour.available(now) / hour.capacity));
    }

    /** The server said to wait: hold every request back until then. */
    public synchronized void pause(Duration wait) {
        long until = nanoClock.getAsLong() + wait.toNanos();
        blockedUntil = Math.max(blockedUntil, until);
    }

    private static final class Bucket {
        private final double capacity;
        private final double perNano;
        private double tokens;
        private long updated;

        Bucket(int limit, Duration window, double burstShare, long now) {
            // capacity + refill over the window = limit, so no window ever holds more than limit.
            this.capacity = Math.max(1, Math.floor(limit * burstShare));
            this.perNano = (limit - capacity) / (double) window.toNanos();
            this.tokens = capacity;
            this.updated = now;
        }

        /** The tokens the bucket holds at time {@code at} (negative while in debt); takes nothing. */
        double available(long at) {
            return at > updated ? Math.min(capacity, tokens + (at - updated) * perNano) : tokens;
        }

        /** Takes a token at time {@code at} or later; returns the time the token is available. */
        long take(long at) {
            if (at > updated) {
                tokens = Math.min(capacity, tokens + (at - updated) * perNano);
                updated = at;
            }
            tokens -= 1;
            if (tokens >= 0) {
                return updated;
            }
            // In debt: the token arrives once the refill has paid it back.
            return updated + (long) Math.ceil(-tokens / perNano);
        }
    }
}
