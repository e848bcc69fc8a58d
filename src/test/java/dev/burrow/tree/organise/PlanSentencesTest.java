package dev.burrow.tree.organise;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class PlanSentencesTest {

    @Test
    void theRateLimitIsSaidAsWhatItAddsNotAsTheWholeTime() {
        assertEquals("within PostHog's rate limit, no waiting", PlanSentences.pace(Duration.ZERO));
        assertEquals("within PostHog's rate limit, no waiting", PlanSentences.pace(Duration.ofMillis(900)));
        assertEquals("PostHog's rate limit spreads them over about 42 s", PlanSentences.pace(Duration.ofSeconds(42)));
        assertEquals("PostHog's rate limit spreads them over about 9 min", PlanSentences.pace(Duration.ofMinutes(9)));
    }
}
