package dev.burrow.api;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Both timestamp forms PostHog sends (contract/file_system.md §2) read to the same instant. */
class WireTimeTest {

    private static final Instant AT = Instant.parse("2026-08-11T08:01:22.201195Z");

    @Test
    void readsPythonsFormAndIsoAlike() {
        assertEquals(Optional.of(AT), WireTime.parse("2026-08-11 08:01:22.201195+00:00"));
        assertEquals(Optional.of(AT), WireTime.parse("2026-08-11T08:01:22.201195Z"));
        assertEquals(Optional.of(AT), WireTime.parse("2026-08-11T10:01:22.201195+02:00"));
        assertEquals(Optional.of(Instant.parse("2026-08-11T08:01:22Z")), WireTime.parse("2026-08-11 08:01:22+00:00"));
        assertEquals(Optional.of(Instant.parse("2026-08-11T08:01:22Z")), WireTime.parse("2026-08-11T08:01:22"));
        assertEquals(Optional.of(Instant.parse("2026-08-11T00:00:00Z")), WireTime.parse("2026-08-11"));
    }

    @Test
    void refusesWhatIsNoTime() {
        for (String text : new String[] {null, "", "  ", "garbage", "2026-13-01T00:00:00Z", "2026-08-11X08:01"}) {
            assertEquals(Optional.empty(), WireTime.parse(text), text);
        }
    }

    @Test
    void writesPythonsStrOfAUtcDatetime() {
        assertEquals("2026-08-11 08:01:22.201195+00:00", WireTime.python(AT));
        // Python leaves the fraction out when there are no microseconds
        assertEquals("2026-08-11 08:01:22+00:00", WireTime.python(Instant.parse("2026-08-11T08:01:22Z")));
        assertEquals(Optional.of(AT), WireTime.parse(WireTime.python(AT)));
    }

    @Test
    void showsEitherFormTheSameWay() {
        assertEquals("2026-08-11 08:01:22 UTC", WireTime.shown("2026-08-11 08:01:22.201195+00:00"));
        assertEquals("2026-08-11 08:01:22 UTC", WireTime.shown("2026-08-11T08:01:22.201195Z"));
        assertEquals("not a time", WireTime.shown("not a time"));
    }
}
