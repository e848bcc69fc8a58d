package dev.burrow.client;

import java.io.Closeable;
import java.io.IOException;

/** Lets another thread stop a download; cancelling also closes the stream it is blocked on. */
public final class Cancellation {

    private volatile boolean cancelled;
    private Closeable current;

    public void cancel() {
        Closeable c;
        synchronized (this) {
            cancelled = true;
            c = current;
        }
        if (c != null) {
            try {
                c.close();
            } catch (IOException ignored) {
                // the reader sees the cancellation flag
            }
        }
    }

    public boolean isCancelled() {
        return cancelled;
    }

    synchronized void attach(Closeable c) {
        current = c;
    }
}
