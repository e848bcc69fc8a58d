package dev.burrow.settings;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Which folders were open in the tree, per connection: {@code expanded-folders.json} in
 * Burrow's config folder, written atomically; an unreadable file is kept aside and forgotten.
 * Holds folder paths only (no keys, no row data).
 */
public final class ExpandedFoldersStore {

    public static final String FILE_NAME = "expanded-folders.json";
    /** At most this many folders are kept per connection. */
    public static final int LIMIT = 2000;
    /** The versions of expanded-folders.json (see {@link DocumentFormat}). 1: the first. */
    static final DocumentFormat FORMAT = new DocumentFormat(FILE_NAME, List.of());

    /** The file layout: connection key → open folder paths. */
    record Document(int version, Map<String, List<String>> connections) {
    }

    private final Path file;

    public ExpandedFoldersStore(Path configDir) {
        this.file = configDir.resolve(FILE_NAME);
    }

    public static ExpandedFoldersStore atDefaultLocation() {
        return new ExpandedFoldersStore(ConfigFolder.defaultPath());
    }

    /** Every connection's open folders (empty when there is no file yet). */
    public synchronized Loaded<Map<String, List<String>>> load() {
        return JsonDocuments.load(file, FORMAT, Document.class,
                d -> d.connections() == null ? Map.of() : Map.copyOf(d.connections()), Map::of, false);
    }

    /** Remembers one connection's open folders, keeping the others'. */
    public synchronized void save(String connection, Collection<String> folders) {
        Map<String, List<String>> all = new LinkedHashMap<>(load().value());
        List<String> kept = new ArrayList<>(folders).stream().filter(f -> !f.isEmpty()).sorted().limit(LIMIT).toList();
        all.put(connection, kept);
        JsonDocuments.save(file, FORMAT, new Document(FORMAT.current(), all));
    }
}
