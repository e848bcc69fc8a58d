package dev.burrow.settings;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

/**
 * Burrow's cache folder, for what can be thrown away at any time (the command line's small
 * listings for shell completion): Linux {@code $XDG_CACHE_HOME/burrow} (else
 * {@code ~/.cache/burrow}), macOS {@code ~/Library/Caches/Burrow}, Windows
 * {@code %LOCALAPPDATA%\Burrow\cache}.
 */
public final class CacheFolder {

    private CacheFolder() {
    }

    public static Path resolve(String osName, Map<String, String> env, String home) {
        String os = osName.toLowerCase(Locale.ROOT);
        if (os.contains("win")) {
            String local = env.get("LOCALAPPDATA");
            return (local != null && !local.isBlank() ? Path.of(local) : Path.of(home, "AppData", "Local"))
                    .resolve("Burrow").resolve("cache");
        }
        if (os.contains("mac") || os.contains("darwin")) {
            return Path.of(home, "Library", "Caches", "Burrow");
        }
        String xdg = env.get("XDG_CACHE_HOME");
        Path base = xdg != null && !xdg.isBlank() && Path.of(xdg).isAbsolute() ? Path.of(xdg) : Path.of(home, ".cache");
        return base.resolve("burrow");
    }
}
