package dev.burrow.settings;

/**
 * The local workspace's server while it runs, for the window and for one command-line verb
 * alike: loopback, a free port, a fresh key for this run only, on the user's data folder. The
 * entry point supplies the {@link Starter} (neither the window nor the command line may reach
 * the server package); close it when done.
 */
public interface RunningWorkspace extends AutoCloseable {

    String baseUrl();

    /** The key of this run; never shown, printed or stored. */
    String apiKey();

    long environment();

    @Override
    void close();

    /** Starts the local workspace's server (blocking; the demo project is seeded on a fresh data folder). */
    @FunctionalInterface
    interface Starter {
        RunningWorkspace start() throws Exception;
    }
}
