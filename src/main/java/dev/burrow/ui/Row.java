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

    /** Folders with at least this many children get their lines as a view ({@link #linesOf}). */
    int VIEW_FROM = 1_000;

    /**
     * A folder's lines: its children, then the placeholder its state calls for (loading, failed,
     * load more, or empty; the root shows no "empty" line). A large folder's lines are a view over
     * a copy of its children that makes each line when it is read: opening a 10,000-child folder
     * reads its first lines on the FX thread (the rest are read by the items made in the
     * background), so it no longer made 10,000 lines there first.
     */
    static List<Row> linesOf(String folder, List<TreeNode> children, FolderState state) {
        Row last;
        if (state instanceof FolderState.Loading) {
            last = new Loading(folder);
        } else if (state instanceof FolderState.Failed f) {
            last = new Failed(folder, f.message());
        } else if (state instanceof FolderState.Loaded l && l.hasMore()) {
            last = new More(folder);
        } else if (children.isEmpty() && !folder.isEmpty()) {
            last = new Empty(folder);
        } else {
            last = null;
        }
        if (children.size() >= VIEW_FROM) {
            return new Lines(children.toArray(new TreeNode[0]), last);
        }
        List<Row> out = new ArrayList<>(children.size() + 1);
        for (TreeNode node : children) {
            out.add(new Node(node));
        }
        if (last != null) {
            out.add(last);
        }
        return out;
    }

    /**
     * A large folder's lines, each made when first read and then kept (the same row each time).
     * The FX thread and the thread making its items may both read a line: rows are records (final
     * fields), so either sees a whole row, at worst an equal one made twice.
     */
    final class Lines extends java.util.AbstractList<Row> implements java.util.RandomAccess {
        private final TreeNode[] nodes;
        private final Row[] made;
        private final Row last;

        Lines(TreeNode[] nodes, Row last) {
            this.nodes = nodes;
            this.made = new Row[nodes.length];
            this.last = last;
        }

        @Override
        public Row get(int index) {
            if (index == nodes.length && last != null) {
                return last;
            }
            Row row = made[java.util.Objects.checkIndex(index, nodes.length)];
            if (row == null) {
                row = new Node(nodes[index]);
                made[index] = row;
            }
            return row;
        }

        @Override
        public int size() {
            return nodes.length + (last == null ? 0 : 1);
        }
    }
}
