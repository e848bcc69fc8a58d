package dev.burrow.tree;

import dev.burrow.api.EntryPath;
import dev.burrow.api.FileSystemEntry;
import java.util.List;

/**
 * What the tree shows: a folder (one or more folder rows at one path, or none — a synthetic
 * folder drawn for rows whose folder row is missing) or an item (one non-folder row).
 */
public sealed interface TreeNode permits TreeNode.Folder, TreeNode.Item {

    /** A stable key for views and commands: folders by path, items by id. */
    NodeKey key();

    /** The escaped path. */
    String path();

    /** The unescaped display name. */
    default String name() {
        return EntryPath.leaf(path());
    }

    /** The row behind this node, or null for a synthetic folder. */
    FileSystemEntry row();

    /** A folder node. {@code rows} may be empty (synthetic) or hold several rows at one path. */
    record Folder(String path, List<FileSystemEntry> rows) implements TreeNode {

        public static final Folder ROOT = new Folder("", List.of());

        public Folder {
            rows = List.copyOf(rows);
        }

        @Override
        public NodeKey key() {
            return new NodeKey.Folder(path);
        }

        @Override
        public FileSystemEntry row() {
            return rows.isEmpty() ? null : rows.get(0);
        }

        public boolean isSynthetic() {
            return rows.isEmpty();
        }

        public boolean isRoot() {
            return path.isEmpty();
        }
    }

    /** An item node: one row that is not a folder. */
    record Item(FileSystemEntry row) implements TreeNode {

        @Override
        public NodeKey key() {
            return new NodeKey.Item(row.id());
        }

        @Override
        public String path() {
            return row.path();
        }
    }
}
