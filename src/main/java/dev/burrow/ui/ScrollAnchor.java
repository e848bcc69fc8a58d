package dev.burrow.ui;

import dev.burrow.tree.NodeKey;
import java.util.function.Function;
import javafx.scene.Node;
import javafx.scene.control.IndexedCell;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeView;
import javafx.scene.control.skin.VirtualFlow;

/**
 * Keeps the tree's scroll position across a reload (F5, a connection's rows coming back): the
 * first row in view is noted before each refill; when the tree was emptied and that row shows
 * again, it goes back to the top of the view. Revealing a row scrolls only as far as needed.
 */
final class ScrollAnchor {

    private final TreeView<Row> view;
    private final Function<NodeKey, TreeItem<Row>> find;
    private NodeKey anchor;
    /** The tree was emptied (a reload) while the anchor was noted: scroll back once it shows. */
    private boolean waiting;
    /** Refills since the tree came back without the anchor; the wait ends after {@link #PATIENCE}. */
    private int misses;
    private static final int PATIENCE = 30;

    /** The row to keep first in view, checked once the pending refill has been laid out (null: none). */
    private NodeKey keeping;
    private final Runnable check = this::laidOut;

    ScrollAnchor(TreeView<Row> view, Function<NodeKey, TreeItem<Row>> find) {
        this.view = view;
        this.find = find;
        // One listener for the view's life, a no-op unless a refill is pending: added and removed
        // per refill, it would change the scene's listeners while the scene walks them.
        view.sceneProperty().addListener((o, old, scene) -> {
            if (old != null) {
                old.removePostLayoutPulseListener(check);
            }
            if (scene != null) {
                scene.addPostLayoutPulseListener(check);
            }
        });
        if (view.getScene() != null) {
            view.getScene().addPostLayoutPulseListener(check);
        }
    }

    /** Before a refill: notes the first row in view (unless waiting for one to come back). */
    void before() {
        if (waiting || keeping != null) {
            return; // waiting for a row to come back, or the last refill is not laid out yet (the view is stale)
        }
        VirtualFlow<?> flow = flow(view);
        IndexedCell<?> first = flow == null ? null : flow.getFirstVisibleCell();
        Object item = first == null ? null : first.getItem();
        anchor = item instanceof Row r && r.treeNode() != null ? r.treeNode().key() : null;
    }

    /** After a refill: an emptied tree waits; a returning anchor is scrolled back to the top. */
    void after() {
        if (anchor == null) {
            return;
        }
        boolean empty = view.getRoot().getChildren().stream().noneMatch(c -> c.getValue() instanceof Row.Node);
        if (empty) {
            waiting = true;
            misses = 0;
            return;
        }
        if (!waiting) {
            keep();
            return;
        }
        TreeItem<Row> item = find.apply(anchor);
        if (item != null) {
            view.scrollTo(view.getRow(item));
            waiting = false;
            misses = 0;
            keeping = anchor; // checked again once laid out; until then the view's first row is stale
        } else if (++misses > PATIENCE) {
            waiting = false; // the row did not come back (deleted meanwhile): stop waiting for it
            misses = 0;
        }
    }

    /**
     * A refill that changed rows (a move, a merge of changes made elsewhere) may have shifted the
     * view, by a row that left from above it or a list that shrank below it for a moment: the row
     * that was first in view is first again.
     */
    private void keep() {
        if (view.getScene() == null) {
            return;
        }
        // Checked after the pulse's own layout of the new rows, before that frame is drawn:
        // laying them out here as well doubled the work of every refill (a large folder opened,
        // a merge of changes made elsewhere) and put it in the same frame as the refill itself.
        keeping = anchor;
        view.requestLayout();
    }

    /** After a layout pass: puts the noted row back at the top if the refill moved it, in the same frame. */
    private void laidOut() {
        NodeKey wanted = keeping;
        keeping = null;
        if (wanted != null && keep(wanted)) {
            view.layout();
        }
    }

    /** Scrolls the wanted row back to the top if another row is first in view; true when it scrolled. */
    private boolean keep(NodeKey wanted) {
        VirtualFlow<?> flow = flow(view);
        IndexedCell<?> first = flow == null ? null : flow.getFirstVisibleCell();
        Object now = first == null ? null : first.getItem();
        if (now instanceof Row r && r.treeNode() != null && wanted.equals(r.treeNode().key())) {
            return false;
        }
        TreeItem<Row> item = find.apply(wanted);
        if (item != null) {
            view.scrollTo(view.getRow(item));
            return true;
        }
        return false;
    }

    /** Scrolls only as far as needed for the row to be fully in view. */
    static void show(TreeView<Row> view, int row) {
        VirtualFlow<?> flow = flow(view);
        if (flow != null && row >= 0) {
            flow.scrollTo(row);
        } else if (row >= 0) {
            view.scrollTo(row);
        }
    }

    private static VirtualFlow<?> flow(TreeView<Row> view) {
        Node n = view.lookup(".virtual-flow");
        return n instanceof VirtualFlow<?> f ? f : null;
    }
}
