package dev.burrow.server.store;

import dev.burrow.api.EntryPath;

/**
 * A stored tree row, with the columns derived from its path kept beside it. {@code meta} is
 * the JSON text of an object; {@code shortcut} may be null.
 */
public record TreeRow(String id, int team, String path, String type, String ref, String href, Boolean shortcut,
        String meta, String createdAt, Long createdBy) {

    public TreeRow {
        type = type == null ? "" : type;
        meta = meta == null ? "{}" : meta;
    }

    public boolean isFolder() {
        return "folder".equals(type);
    }

    public int depth() {
        return EntryPath.depth(path);
    }

    public TreeRow withPath(String newPath) {
        return new TreeRow(id, team, newPath, type, ref, href, shortcut, meta, createdAt, createdBy);
    }
}
