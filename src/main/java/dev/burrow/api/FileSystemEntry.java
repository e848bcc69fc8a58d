package dev.burrow.api;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * One row of the project tree as PostHog sends it (contract/file_system.md §2).
 * {@code shortcut} may be null (folders created by move, link or unfiled); treat null as false.
 */
public record FileSystemEntry(
        String id,
        String path,
        Integer depth,
        String type,
        String ref,
        String href,
        JsonNode meta,
        Boolean shortcut,
        String createdAt,
        JsonNode createdBy,
        String lastViewedAt,
        String userAccessLevel) {

    public static final String FOLDER = "folder";

    @JsonIgnore
    public boolean isFolder() {
        return FOLDER.equals(type);
    }

    /** True for a link row (an alias in the shared tree). */
    @JsonIgnore
    public boolean isLink() {
        return Boolean.TRUE.equals(shortcut);
    }

    /** The unescaped display name: the last segment of the path. */
    public String name() {
        return EntryPath.leaf(path);
    }

    public FileSystemEntry withPath(String newPath) {
        return new FileSystemEntry(id, newPath, EntryPath.depth(newPath), type, ref, href, meta, shortcut,
                createdAt, createdBy, lastViewedAt, userAccessLevel);
    }

    public FileSystemEntry withShortcut(Boolean value) {
        return new FileSystemEntry(id, path, depth, type, ref, href, meta, value,
                createdAt, createdBy, lastViewedAt, userAccessLevel);
    }
}
