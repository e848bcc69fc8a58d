package dev.burrow.ui;

import dev.burrow.tree.FolderState;
import dev.burrow.tree.TreeNode;
import java.util.ArrayList;
import java.util.List;

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

    /**
     * A folder's lines: its children, then the placeholder its state calls for (loading, failed,
     * load more, or empty; the root shows no "empty" line).
     */
    static List<Row> linesOf(String folder, List<TreeNode> children, FolderState state) {
        List<Row> out = new ArrayList<>(children.size() + 1);
        for (TreeNode node : children) {
            out.add(new Node(node));
        }
        if (state instanceof FolderState.Loading) {
            out.add(new Loading(folder));
        } else if (state instanceof FolderState.Failed f) {
            out.add(new Failed(folder, f.message()));
        } else if (state instanceof FolderState.Loaded l && l.hasMore()) {
            out.add(new More(folder));
        } else if (out.isEmpty() && !folder.isEmpty()) {
            out.add(new Empty(folder));
        }
        return out;
    }
}
