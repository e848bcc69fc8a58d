package dev.burrow.client;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/** Test helpers: a client that waits without real time passing and remembers its waits. */
final class Clients {

    private Clients() {
    }

    /** Records waits and moves a fake clock forward by them, so a {@link RateBudget} on that clock sees time pass. */
    static final class RecordingSleeper implements Sleeper {
        final List<Duration> waits = Collections.synchronizedList(new ArrayList<>());
        final AtomicLong nanos = new AtomicLong(1_000_000_000L);

        @Override
        public void sleep(Duration duration) {
            waits.add(duration);
            nanos.addAndGet(duration.toNanos());
        }

        long now() {
            return nanos.get();
        }
    }

    static final class RecordingListener implements ClientListener {
        final List<String> events = Collections.synchronizedList(new ArrayList<>());

        @Override
        public void throttled(String request, Duration wait, int attempt) {
            events.add("throttled " + request + " " + wait.toSeconds() + "s #" + attempt);
        }

        @Override
        public void retrying(String request, int nextAttempt, Duration delay, ApiException cause) {
            events.add("retrying " + request + " #" + nextAttempt + " after " + cause.getClass().getSimpleName());
        }
    }

    static PostHogClient.Builder builder(String baseUrl, RecordingSleeper sleeper, ClientListener listener) {
        return PostHogClient.builder(baseUrl, FakePostHog.KEY, FakePostHog.ENV)
                .rateBudget(new RateBudget(480, 4800, sleeper::now))
                .sleeper(sleeper)
                .listener(listener)
                .jitter(() -> 0.0)
                .connectTimeout(Duration.ofSeconds(5))
                .requestTimeout(Duration.ofSeconds(10));
    }
}
