package dev.burrow.server;

import java.nio.file.Path;

/** Where Burrow keeps its data by default, per operating system. */
public final class DataFolder {

    private DataFolder() {
    }

    public static Path defaultPath() {
        String os = System.getProperty("os.name", "").toLowerCase(java.util.Locale.ROOT);
        String home = System.getProperty("user.home");
        if (os.contains("win")) {
            String appData = System.getenv("LOCALAPPDATA");
            return Path.of(appData != null ? appData : home, "Burrow", "workspace");
        }
        if (os.contains("mac")) {
            return Path.of(home, "Library", "Application Support", "Burrow", "workspace");
        }
        String xdg = System.getenv("XDG_DATA_HOME");
        return (xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(home, ".local", "share"))
                .resolve("burrow").resolve("workspace");
    }
}
