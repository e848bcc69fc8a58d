package dev.burrow.ui;

import dev.burrow.tree.TreeNode;

/** What a line of the tree view stands for: a node, or a placeholder while a folder loads. */
public sealed interface Row {

    /** A folder or an item of the project tree. */
    record Node(TreeNode node) implements Row {
    }

    /** The spinner line of a folder whose children are on their way. */
    record Loading(String folder) implements Row {
    }

    /** A folder that failed to load, with the server's message and a retry. */
    record Failed(String folder, String message) implements Row {
    }

    /** "Load more…" at the end of a folder that has further pages. */
    record More(String folder) implements Row {
    }

    /** The line of an empty folder. */
    record Empty(String folder) implements Row {
    }

    default TreeNode treeNode() {
        return this instanceof Node n ? n.node() : null;
    }
}
