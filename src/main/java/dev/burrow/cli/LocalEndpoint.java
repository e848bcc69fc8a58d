package dev.burrow.cli;

/**
 * The local workspace's server, started for one command on the data folder the window uses:
 * loopback, a free port, a fresh key for this run only. {@code Main} supplies the starter (the
 * command line can't reach the server package); it is closed when the command ends.
 */
public interface LocalEndpoint extends AutoCloseable {

    String baseUrl();

    /** The key of this run; never printed, never stored. */
    String apiKey();

    long environment();

    @Override
    void close();

    /** Starts the local workspace's server (the demo project is seeded on a fresh data folder). */
    @FunctionalInterface
    interface Starter {
        LocalEndpoint start() throws Exception;
    }
}
