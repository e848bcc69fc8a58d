package dev.burrow.ui;

import dev.burrow.tree.TreeIndex;
import dev.burrow.tree.TreeNode;
import java.util.List;
import javafx.scene.control.TreeItem;

/**
 * Finds a node's line among a folder's lines by binary search, where the lines are the folder's
 * children in {@link TreeIndex#SIBLING_ORDER} followed by placeholders ("Load more", "Loading").
 * That holds for a folder filled from the index, but not always: a search's lines, a large
 * folder showing only its head, lines not yet refilled after a change. So a line is answered
 * only when it shows exactly the node looked for; otherwise null, and the caller walks the lines.
 */
final class SortedLines {

    private SortedLines() {
    }

    /**
     * The item among {@code lines} that shows {@code node}'s key, found by binary search, or null
     * when the search does not reach it (not there, or the lines are not in order there).
     * {@code looked} runs for each line looked at.
     */
    static TreeItem<Row> find(List<TreeItem<Row>> lines, TreeNode node, Runnable looked) {
        if (node == null) {
            return null;
        }
        int hi = lines.size();
        while (hi > 0 && !(lines.get(hi - 1).getValue() instanceof Row.Node)) {
            hi--; // the placeholders below the children
        }
        int lo = 0;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            looked.run();
            TreeItem<Row> item = lines.get(mid);
            if (!(item.getValue() instanceof Row.Node n)) {
                return null; // a placeholder among the children: not the order searched for
            }
            int c = TreeIndex.SIBLING_ORDER.compare(n.node(), node);
            if (c == 0) {
                return n.node().key().equals(node.key()) ? item : null;
            }
            if (c < 0) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return null;
    }
}
