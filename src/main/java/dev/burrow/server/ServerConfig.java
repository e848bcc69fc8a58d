package dev.burrow.server;

import java.nio.file.Path;
import java.util.List;

/**
 * How a local server runs. {@code seed} is {@code demo}, {@code empty} or a row count and
 * applies only to a new store.
 */
public record ServerConfig(String host, int port, Path dataDir, List<ApiKey> keys, String seed, boolean rateLimit,
        int environment) {

    public ServerConfig {
        keys = List.copyOf(keys);
    }

    /** Loopback, a free port, the demo seed, no rate limit, environment 1. */
    public static ServerConfig local(Path dataDir, ApiKey key) {
        return new ServerConfig("127.0.0.1", 0, dataDir, List.of(key), "demo", false, 1);
    }

    public ServerConfig withSeed(String value) {
        return new ServerConfig(host, port, dataDir, keys, value, rateLimit, environment);
    }

    public ServerConfig withRateLimit(boolean value) {
        return new ServerConfig(host, port, dataDir, keys, seed, value, environment);
    }

    @Override
    public String toString() {
        return "ServerConfig[" + host + ":" + port + ", data=" + dataDir + ", keys=" + keys.size() + ", seed=" + seed
                + ", rateLimit=" + rateLimit + ", environment=" + environment + "]";
    }
}
