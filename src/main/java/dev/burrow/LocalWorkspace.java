package dev.burrow;

import dev.burrow.server.ApiKey;
import dev.burrow.server.DataFolder;
import dev.burrow.server.LocalServer;
import dev.burrow.server.ServeCommand;
import dev.burrow.server.ServerConfig;
import dev.burrow.settings.RunningWorkspace;
import java.nio.file.Path;
import java.util.Set;

/**
 * The default connection of the window and of the command line: the local server on loopback, a
 * free port, a fresh random key for this run only, data in the user's data folder (the system
 * property {@code burrow.workspace} names another), the demo project on first run. The window and
 * a command may run at once, each with its own server on the same data folder: the store is
 * SQLite in WAL mode, made for several processes, and neither server claims anything else the
 * other needs (ports are free ones, keys are per process, nothing is locked for good).
 */
final class LocalWorkspace implements RunningWorkspace {

    private final LocalServer server;
    private final String key;

    private LocalWorkspace(LocalServer server, String key) {
        this.server = server;
        this.key = key;
    }

    static LocalWorkspace start(Path dataDir) throws Exception {
        String key = ServeCommand.generateKey();
        LocalServer server = LocalServer.start(ServerConfig.local(dataDir, new ApiKey(key, Set.of())));
        return new LocalWorkspace(server, key);
    }

    static LocalWorkspace startDefault() throws Exception {
        String override = System.getProperty("burrow.workspace");
        return start(override != null && !override.isBlank() ? Path.of(override) : DataFolder.defaultPath());
    }

    @Override
    public String baseUrl() {
        return server.baseUrl();
    }

    @Override
    public String apiKey() {
        return key;
    }

    @Override
    public long environment() {
        return server.config().environment();
    }

    @Override
    public void close() {
        server.close();
    }

    @Override
    public String toString() {
        return "LocalWorkspace[" + server.baseUrl() + "]";
    }
}
