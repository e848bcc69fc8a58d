package dev.burrow.settings;

/**
 * What the user chose in the app that isn't a connection. Never holds a secret (there is no field
 * for one). {@code lastExportFolder} and {@code window} may be {@code null}.
 */
public record Preferences(Theme theme, String lastExportFolder, boolean welcomeDismissed, WindowGeometry window) {

    public Preferences {
        theme = theme == null ? Theme.SYSTEM : theme;
        lastExportFolder = lastExportFolder == null || lastExportFolder.isBlank() ? null : lastExportFolder;
    }

    public static Preferences defaults() {
        return new Preferences(Theme.SYSTEM, null, false, null);
    }

    public Preferences withTheme(Theme value) {
        return new Preferences(value, lastExportFolder, welcomeDismissed, window);
    }

    public Preferences withLastExportFolder(String value) {
        return new Preferences(theme, value, welcomeDismissed, window);
    }

    public Preferences withWelcomeDismissed(boolean value) {
        return new Preferences(theme, lastExportFolder, value, window);
    }

    public Preferences withWindow(WindowGeometry value) {
        return new Preferences(theme, lastExportFolder, welcomeDismissed, value);
    }
}
