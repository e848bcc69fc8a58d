package dev.burrow.exports;

import java.time.Duration;

/**
 * How often to ask whether an export is ready: every 1.5 s for the first 30 s, then every 10 s
 * (every 30 s for video), as the contract advises; well under the 480/minute budget.
 */
public record PollSchedule(Duration early, Duration earlyPhase, Duration late) {

    public static final PollSchedule DEFAULT = new PollSchedule(Duration.ofMillis(1500), Duration.ofSeconds(30),
            Duration.ofSeconds(10));
    public static final PollSchedule VIDEO = new PollSchedule(Duration.ofMillis(1500), Duration.ofSeconds(30),
            Duration.ofSeconds(30));

    public Duration delayAfter(Duration elapsed) {
        return elapsed.compareTo(earlyPhase) < 0 ? early : late;
    }

    public static PollSchedule forFormat(String mime) {
        return mime != null && (mime.startsWith("video/") || mime.equals("image/gif")) ? VIDEO : DEFAULT;
    }
}
