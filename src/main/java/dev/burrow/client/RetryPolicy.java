package dev.burrow.client;

import java.time.Duration;

/**
 * How hard the client tries again.
 *
 * @param maxAttempts      attempts per request for network failures and 502/503/504 (idempotent requests only)
 * @param baseDelay        the first backoff; each further attempt doubles it, with jitter
 * @param maxDelay         the cap on one backoff
 * @param maxThrottleWaits how many 429 answers one request waits out before giving up
 * @param maxThrottleWait  the longest single 429 wait the client accepts; a longer one fails at once
 */
public record RetryPolicy(int maxAttempts, Duration baseDelay, Duration maxDelay, int maxThrottleWaits,
        Duration maxThrottleWait) {

    public RetryPolicy {
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be at least 1");
        }
        if (maxThrottleWaits < 0) {
            throw new IllegalArgumentException("maxThrottleWaits must not be negative");
        }
    }

    public static RetryPolicy defaults() {
        return new RetryPolicy(4, Duration.ofMillis(250), Duration.ofSeconds(8), 3, Duration.ofMinutes(2));
    }

    /** One attempt, no waiting: for tests and for callers that retry themselves. */
    public static RetryPolicy none() {
        return new RetryPolicy(1, Duration.ZERO, Duration.ZERO, 0, Duration.ZERO);
    }

    public RetryPolicy withMaxAttempts(int value) {
        return new RetryPolicy(value, baseDelay, maxDelay, maxThrottleWaits, maxThrottleWait);
    }

    public RetryPolicy withDelays(Duration base, Duration max) {
        return new RetryPolicy(maxAttempts, base, max, maxThrottleWaits, maxThrottleWait);
    }

    public RetryPolicy withThrottleWaits(int count, Duration longest) {
        return new RetryPolicy(maxAttempts, baseDelay, maxDelay, count, longest);
    }

    /** The backoff before attempt {@code attempt + 1}; {@code jitter} in [0, 1) spreads it over [½, 1] of the full delay. */
    Duration backoff(int attempt, double jitter) {
        long base = baseDelay.toMillis();
        long full = base << Math.min(attempt - 1, 20);
        full = Math.min(full, maxDelay.toMillis());
        return Duration.ofMillis((long) (full * (0.5 + jitter / 2)));
    }
}
