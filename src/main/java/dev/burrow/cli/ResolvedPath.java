package dev.burrow.cli;

import dev.burrow.api.FileSystemEntry;
import dev.burrow.tree.TreeNode;
import java.util.List;

/**
 * What a typed path names: the rows at it (folders preferred for folder operations) and whether
 * rows lie below it ({@code below}: one of them, looked up when the path has no folder row). A
 * path with rows below but no folder row is a folder all the same (a synthetic one).
 *
 * @param path canonical and escaped ({@code ""} is the root)
 */
record ResolvedPath(String path, List<FileSystemEntry> rows, boolean hasBelow, FileSystemEntry below) {

    boolean isRoot() {
        return path.isEmpty();
    }

    List<FileSystemEntry> folderRows() {
        return rows.stream().filter(FileSystemEntry::isFolder).toList();
    }

    List<FileSystemEntry> itemRows() {
        return rows.stream().filter(r -> !r.isFolder()).toList();
    }

    boolean exists() {
        return isRoot() || !rows.isEmpty() || hasBelow;
    }

    boolean isFolder() {
        return isRoot() || !folderRows().isEmpty() || hasBelow;
    }

    boolean isSynthetic() {
        return isFolder() && folderRows().isEmpty();
    }

    /** What the tree shows for this path: its folder (with its rows, or none), else its items. */
    List<TreeNode> nodes() {
        if (isFolder()) {
            return List.of(new TreeNode.Folder(path, folderRows()));
        }
        return itemRows().stream().<TreeNode>map(TreeNode.Item::new).toList();
    }
}
