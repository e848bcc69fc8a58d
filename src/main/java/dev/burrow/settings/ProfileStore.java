package dev.burrow.settings;

import java.nio.file.Path;
import java.util.List;

/**
 * The connection profiles on disk: {@code profiles.json} in Burrow's config folder, written
 * atomically. A file that can't be read is renamed {@code profiles.json.corrupt-<ts>} and the
 * load reports it; the local workspace profile is always there. Holds secret refs, never keys.
 * A file of a newer format (a newer Burrow wrote it) is refused and left as it is.
 */
public final class ProfileStore {

    public static final String FILE_NAME = "profiles.json";
    /** The versions of profiles.json (see {@link DocumentFormat} for adding one). 1: Burrow 0.1. */
    static final DocumentFormat FORMAT = new DocumentFormat(FILE_NAME, java.util.List.of());

    /** The file layout. */
    record Document(int version, String active, List<ConnectionProfile> profiles) {
    }

    private final Path file;

    public ProfileStore(Path configDir) {
        this.file = configDir.resolve(FILE_NAME);
    }

    public static ProfileStore atDefaultLocation() {
        return new ProfileStore(ConfigFolder.defaultPath());
    }

    public Path file() {
        return file;
    }

    /** The profiles on disk, or only the local workspace if there is no file (or it was unreadable: see {@code problem}). */
    public synchronized Loaded<ProfileSet> load() {
        return JsonDocuments.load(file, FORMAT, Document.class, d -> new ProfileSet(d.profiles(), d.active()),
                ProfileSet::defaults, false);
    }

    public synchronized void save(ProfileSet set) {
        JsonDocuments.save(file, FORMAT, new Document(FORMAT.current(), set.active(), set.profiles()));
    }

    @Override
    public String toString() {
        return "ProfileStore[" + file + "]";
    }
}
