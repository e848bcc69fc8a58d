package dev.burrow.server.store;

import dev.burrow.api.WireTime;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;

/**
 * Timestamps as the store keeps them and the rows' own fields carry them: ISO-8601 in UTC with
 * microseconds and a {@code Z}, a fixed width, so stored strings also sort in time order.
 * ({@code meta.created_at} is written PostHog's other way: {@link WireTime#python}.)
 */
public final class Timestamps {

    private static final DateTimeFormatter FORMAT = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSS'Z'")
            .withZone(ZoneOffset.UTC);

    private Timestamps() {
    }

    public static String format(Instant instant) {
        return FORMAT.format(instant.truncatedTo(ChronoUnit.MICROS));
    }

    public static String now() {
        return format(Instant.now());
    }

    /** Parses an ISO-8601 or Python-style date-time (UTC if it has no offset), or a bare date; null if invalid. */
    public static Instant parse(String text) {
        return WireTime.parse(text).orElse(null);
    }
}
