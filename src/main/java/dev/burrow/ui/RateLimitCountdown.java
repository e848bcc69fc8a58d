package dev.burrow.ui;

import dev.burrow.tree.TaskRunner;
import java.time.Duration;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;

/** The seconds left before a rate-limited request goes again, counting down once a second. */
final class RateLimitCountdown {

    private final TaskRunner runner;
    private final ReadOnlyIntegerWrapper seconds = new ReadOnlyIntegerWrapper();
    private TaskRunner.Handle tick = new TaskRunner.Handle();

    RateLimitCountdown(TaskRunner runner) {
        this.runner = runner;
    }

    ReadOnlyIntegerProperty secondsProperty() {
        return seconds.getReadOnlyProperty();
    }

    /** Starts (or restarts) the countdown from {@code from} seconds; owner thread. */
    void start(long from) {
        tick.cancel();
        seconds.set((int) Math.max(0, from));
        next();
    }

    private void next() {
        if (seconds.get() > 0) {
            tick = runner.postLater(Duration.ofSeconds(1), () -> {
                seconds.set(seconds.get() - 1);
                next();
            });
        }
    }
}
