package dev.burrow.server;

import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Map;

/**
 * PostHog's personal-API-key throttles: a burst limit per minute and a sustained limit per
 * hour, counted per key over sliding windows.
 */
final class RateLimiter {

    private final int perMinute;
    private final int perHour;
    private final Map<String, ArrayDeque<Long>> hits = new HashMap<>();

    RateLimiter(int perMinute, int perHour) {
        this.perMinute = perMinute;
        this.perHour = perHour;
    }

    /** Records a request; answers 0 if allowed, else the whole seconds to wait (and records nothing). */
    synchronized long acquire(String key) {
        return acquire(key, System.currentTimeMillis());
    }

    synchronized long acquire(String key, long now) {
        ArrayDeque<Long> q = hits.computeIfAbsent(key, k -> new ArrayDeque<>());
        while (!q.isEmpty() && q.peekFirst() <= now - 3_600_000L) {
            q.pollFirst();
        }
        long wait = 0;
        if (q.size() >= perHour) {
            wait = q.peekFirst() + 3_600_000L - now;
        }
        if (q.size() >= perMinute) {
            // the oldest hit inside the last minute
            long inMinute = 0;
            Long oldestInMinute = null;
            for (var it = q.descendingIterator(); it.hasNext();) {
                long t = it.next();
                if (t <= now - 60_000L) {
                    break;
                }
                inMinute++;
                oldestInMinute = t;
            }
            if (inMinute >= perMinute && oldestInMinute != null) {
                wait = Math.max(wait, oldestInMinute + 60_000L - now);
            }
        }
        if (wait > 0) {
            return Math.max(1, (wait + 999) / 1000);
        }
        q.addLast(now);
        return 0;
    }
}
