package dev.burrow.settings;

import java.nio.file.Path;

/**
 * {@link Preferences} on disk: {@code preferences.json} in Burrow's config folder, separate from
 * the profiles, written atomically; an unreadable file is kept aside as {@code .corrupt-<ts>}.
 */
public final class PreferencesStore {

    public static final String FILE_NAME = "preferences.json";
    /**
     * The versions of preferences.json (see {@link DocumentFormat} for adding one). 1: Burrow 0.1.
     * A new preference is a new {@link Preferences} component with a default for files that lack
     * it, and a step here (it may leave the document as it is).
     */
    static final DocumentFormat FORMAT = new DocumentFormat(FILE_NAME, java.util.List.of());

    /** The file layout. */
    record Document(int version, Preferences preferences) {
    }

    private final Path file;

    public PreferencesStore(Path configDir) {
        this.file = configDir.resolve(FILE_NAME);
    }

    public static PreferencesStore atDefaultLocation() {
        return new PreferencesStore(ConfigFolder.defaultPath());
    }

    public Path file() {
        return file;
    }

    /**
     * Only the theme, read without the JSON library: the window needs it before its first frame,
     * and starting Jackson there would cost a third of a second. Anything unreadable is LIGHT;
     * {@link #load} reports problems properly later.
     */
    public Theme quickTheme() {
        try {
            if (!java.nio.file.Files.isRegularFile(file) || java.nio.file.Files.size(file) > 1_000_000) {
                return Theme.LIGHT;
            }
            java.util.regex.Matcher m = java.util.regex.Pattern.compile("\"theme\"\\s*:\\s*\"(LIGHT|DARK|SYSTEM)\"")
                    .matcher(java.nio.file.Files.readString(file));
            return m.find() ? Theme.valueOf(m.group(1)) : Theme.LIGHT;
        } catch (java.io.IOException | RuntimeException e) {
            return Theme.LIGHT;
        }
    }

    public synchronized Loaded<Preferences> load() {
        return JsonDocuments.load(file, FORMAT, Document.class,
                d -> d.preferences() == null ? Preferences.defaults() : d.preferences(), Preferences::defaults, false);
    }

    public synchronized void save(Preferences preferences) {
        JsonDocuments.save(file, FORMAT, new Document(FORMAT.current(), preferences));
    }

    @Override
    public String toString() {
        return "PreferencesStore[" + file + "]";
    }
}
