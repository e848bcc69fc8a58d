package dev.burrow.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The window's own threads ask for the highest priority; background work keeps the lowest. */
class WindowThreadsTest extends WindowTestBase {

    @Override
    void seed() {
        folder("Product");
    }

    @Test
    void theFxThreadTheRendererAndThePulseTimerOutrankTheBackground() {
        assertEquals(Thread.MAX_PRIORITY, (int) onFx(() -> Thread.currentThread().getPriority()), "the FX thread");
        List<Thread> renderers = Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.getName().startsWith("QuantumRenderer")).toList();
        assertFalse(renderers.isEmpty(), "JavaFX's renderer thread is running");
        renderers.forEach(t -> assertEquals(Thread.MAX_PRIORITY, t.getPriority(), t.getName()));
        List<Thread> timers = Thread.getAllStackTraces().keySet().stream()
                .filter(t -> FxTaskRunner.PULSE_TIMERS.contains(t.getName())).toList();
        assertFalse(timers.isEmpty(), "the tests run under Monocle, whose pulse timer is a Java thread");
        timers.forEach(t -> assertEquals(Thread.MAX_PRIORITY, t.getPriority(), t.getName()));
        assertEquals(Thread.MIN_PRIORITY, FxTaskRunner.worker(() -> { }, "probe").getPriority(), "background work");
    }
}
