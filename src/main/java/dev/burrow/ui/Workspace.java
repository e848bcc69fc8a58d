package dev.burrow.ui;

/** A running local workspace server the window talks to. */
public interface Workspace extends AutoCloseable {

    String baseUrl();

    /** The key of this run; never shown, never stored. */
    String apiKey();

    long environment();

    @Override
    void close();

    /** Starts the local workspace (blocking: call off the FX thread). */
    @FunctionalInterface
    interface Starter {
        Workspace start() throws Exception;
    }
}
