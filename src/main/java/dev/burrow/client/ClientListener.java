package dev.burrow.client;

import java.time.Duration;

/**
 * What the client tells a UI while it waits. Called on the requesting thread; implementations
 * return quickly and hand over to their own thread. Every method has a no-op default.
 */
public interface ClientListener {

    ClientListener NONE = new ClientListener() {
    };

    /** The server answered 429; the client waits {@code wait} before retry {@code attempt}. */
    default void throttled(String request, Duration wait, int attempt) {
    }

    /** The client's own rate budget holds a request back for {@code wait}. */
    default void heldBack(String request, Duration wait) {
    }

    /** A request failed transiently and is tried again after {@code delay}. */
    default void retrying(String request, int nextAttempt, Duration delay, ApiException cause) {
    }
}
