package dev.burrow.server;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * How a local server runs. {@code seed} is {@code demo}, {@code empty} or a row count and
 * applies only to a new store. {@code exports} says whether an export's create waits for its
 * file ({@link ExportRendering#SYNC}, PostHog's newest behaviour and the default) or answers at
 * once and renders in the background ({@link ExportRendering#ASYNC}).
 */
public record ServerConfig(String host, int port, Path dataDir, List<ApiKey> keys, String seed, boolean rateLimit,
        int environment, ExportRendering exports) {

    /** When export files are rendered relative to the create that asks for them. */
    public enum ExportRendering {
        SYNC, ASYNC;

        /** {@code sync} or {@code async}; throws on anything else. */
        public static ExportRendering parse(String text) {
            return switch (text.toLowerCase(Locale.ROOT)) {
                case "sync" -> SYNC;
                case "async" -> ASYNC;
                default -> throw new IllegalArgumentException("--exports must be sync or async, not '" + text + "'");
            };
        }
    }

    public ServerConfig {
        keys = List.copyOf(keys);
        if (exports == null) {
            exports = ExportRendering.SYNC;
        }
    }

    /** Without an export mode: exports render before the create answers. */
    public ServerConfig(String host, int port, Path dataDir, List<ApiKey> keys, String seed, boolean rateLimit,
            int environment) {
        this(host, port, dataDir, keys, seed, rateLimit, environment, ExportRendering.SYNC);
    }

    /** Loopback, a free port, the demo seed, no rate limit, environment 1. */
    public static ServerConfig local(Path dataDir, ApiKey key) {
        return new ServerConfig("127.0.0.1", 0, dataDir, List.of(key), "demo", false, 1);
    }

    public ServerConfig withSeed(String value) {
        return new ServerConfig(host, port, dataDir, keys, value, rateLimit, environment, exports);
    }

    public ServerConfig withRateLimit(boolean value) {
        return new ServerConfig(host, port, dataDir, keys, seed, value, environment, exports);
    }

    public ServerConfig withExports(ExportRendering value) {
        return new ServerConfig(host, port, dataDir, keys, seed, rateLimit, environment, value);
    }

    @Override
    public String toString() {
        return "ServerConfig[" + host + ":" + port + ", data=" + dataDir + ", keys=" + keys.size() + ", seed=" + seed
                + ", rateLimit=" + rateLimit + ", environment=" + environment + ", exports="
                + exports.name().toLowerCase(Locale.ROOT) + "]";
    }
}
