package dev.burrow.tree;

import dev.burrow.api.EntryPath;
import dev.burrow.api.FileSystemEntry;

/**
 * Which node of the tree a view or a command means, stable across refreshes: a folder by its
 * canonical path (folders may have no row, or several), an item by its row id.
 */
public sealed interface NodeKey extends Comparable<NodeKey> permits NodeKey.Folder, NodeKey.Item {

    /** A folder; {@code path} is canonical ({@link EntryPath#normalize}), "" is the root. */
    record Folder(String path) implements NodeKey {
    }

    /** An item: one row that is not a folder. */
    record Item(String id) implements NodeKey {
    }

    /** The key of the folder at any spelling of {@code path}. */
    static NodeKey.Folder folder(String path) {
        return new Folder(EntryPath.normalize(path));
    }

    /** The key of the node a row is shown as: a folder row by its path, any other row by its id. */
    static NodeKey of(FileSystemEntry row) {
        return row.isFolder() ? folder(row.path()) : new Item(row.id());
    }

    /** Folders before items, then by path or id: a total order for ties among siblings. */
    @Override
    default int compareTo(NodeKey other) {
        if (this instanceof Folder a) {
            return other instanceof Folder b ? a.path().compareTo(b.path()) : -1;
        }
        Item a = (Item) this;
        return other instanceof Item b ? a.id().compareTo(b.id()) : 1;
    }
}
