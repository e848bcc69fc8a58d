package dev.burrow.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The server answers on daemon threads at the lowest priority (inside the app it runs beside the window). */
class ServerThreadsTest {

    @Test
    void serverThreadsRunAtTheLowestPriority() {
        Thread t = LocalServer.daemonThreads("burrow-server-").newThread(() -> { });
        assertEquals(Thread.MIN_PRIORITY, t.getPriority());
        assertTrue(t.isDaemon());
        assertEquals("burrow-server-1", t.getName());
    }
}
