package dev.burrow.settings;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

/**
 * Burrow's configuration folder: Linux {@code $XDG_CONFIG_HOME/burrow} (else
 * {@code ~/.config/burrow}), macOS {@code ~/Library/Application Support/Burrow}, Windows
 * {@code %APPDATA%\Burrow}. Stores take the folder as a parameter so tests can use their own.
 */
public final class ConfigFolder {

    private ConfigFolder() {
    }

    public static Path defaultPath() {
        return resolve(System.getProperty("os.name", ""), System.getenv(), System.getProperty("user.home"));
    }

    static Path resolve(String osName, Map<String, String> env, String home) {
        String os = osName.toLowerCase(Locale.ROOT);
        if (os.contains("win")) {
            String appData = env.get("APPDATA");
            return appData != null && !appData.isBlank() ? Path.of(appData, "Burrow")
                    : Path.of(home, "AppData", "Roaming", "Burrow");
        }
        if (os.contains("mac") || os.contains("darwin")) {
            return Path.of(home, "Library", "Application Support", "Burrow");
        }
        String xdg = env.get("XDG_CONFIG_HOME");
        // The XDG spec says a relative value is invalid and must be ignored.
        Path base = xdg != null && !xdg.isBlank() && Path.of(xdg).isAbsolute() ? Path.of(xdg) : Path.of(home, ".config");
        return base.resolve("burrow");
    }
}
