package dev.burrow.settings;

import java.nio.file.Path;

/**
 * {@link Preferences} on disk: {@code preferences.json} in Burrow's config folder, separate from
 * the profiles, written atomically; an unreadable file is kept aside as {@code .corrupt-<ts>}.
 */
public final class PreferencesStore {

    public static final String FILE_NAME = "preferences.json";

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

    public synchronized Loaded<Preferences> load() {
        return JsonDocuments.load(file, Document.class,
                d -> d.preferences() == null ? Preferences.defaults() : d.preferences(), Preferences::defaults, false);
    }

    public synchronized void save(Preferences preferences) {
        JsonDocuments.save(file, new Document(1, preferences));
    }

    @Override
    public String toString() {
        return "PreferencesStore[" + file + "]";
    }
}
