package dev.burrow.api;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoField;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

/**
 * Timestamps as they travel: ISO-8601 ({@code 2026-08-11T08:01:22.201195Z}, the row fields) and
 * the form PostHog writes into {@code meta.created_at} with Python's {@code str()} of an aware
 * datetime ({@code 2026-08-11 08:01:22.201195+00:00}; contract/file_system.md §2). Reading takes
 * either, and a bare date.
 */
public final class WireTime {

    /** Date, then {@code T} or a space, then the time with an optional fraction, then an optional offset. */
    private static final DateTimeFormatter LENIENT = new DateTimeFormatterBuilder()
            .append(DateTimeFormatter.ISO_LOCAL_DATE)
            .optionalStart().appendLiteral('T').optionalEnd()
            .optionalStart().appendLiteral(' ').optionalEnd()
            .append(DateTimeFormatter.ISO_LOCAL_TIME)
            .optionalStart().appendOffset("+HH:MM:ss", "Z").optionalEnd()
            .optionalStart().appendOffset("+HHmm", "Z").optionalEnd()
            .toFormatter();
    private static final DateTimeFormatter PYTHON_SECONDS = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss'+00:00'")
            .withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter PYTHON_MICROS = DateTimeFormatter
            .ofPattern("yyyy-MM-dd HH:mm:ss.SSSSSS'+00:00'").withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'")
            .withZone(ZoneOffset.UTC);

    private WireTime() {
    }

    /** The instant of an ISO-8601 or Python-style timestamp (UTC when it has no offset), or of a bare date. */
    public static Optional<Instant> parse(String text) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        String t = text.trim();
        try {
            var parsed = LENIENT.parse(t);
            LocalDateTime local = LocalDateTime.of(LocalDate.from(parsed), java.time.LocalTime.from(parsed));
            ZoneOffset offset = parsed.isSupported(ChronoField.OFFSET_SECONDS)
                    ? ZoneOffset.ofTotalSeconds(parsed.get(ChronoField.OFFSET_SECONDS)) : ZoneOffset.UTC;
            return Optional.of(OffsetDateTime.of(local, offset).toInstant());
        } catch (java.time.DateTimeException ignored) {
            // not a date-time: maybe a bare date
        }
        try {
            return Optional.of(LocalDate.parse(t).atStartOfDay().toInstant(ZoneOffset.UTC));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    /** How PostHog writes {@code meta.created_at}: Python's {@code str()} of a UTC datetime. */
    public static String python(Instant instant) {
        Instant micros = instant.truncatedTo(ChronoUnit.MICROS);
        return (micros.getNano() == 0 ? PYTHON_SECONDS : PYTHON_MICROS).format(micros);
    }

    /** A timestamp for people: {@code 2026-08-11 08:01:22 UTC}; the text as given when it is not one. */
    public static String shown(String text) {
        return parse(text).map(SHOWN::format).orElse(text);
    }
}
