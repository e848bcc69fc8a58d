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
    /** The view was at its very top when the anchor was noted, and the number of rows then. */
    private boolean atTop;
    private int rowsBefore;
    /** The index of the first row in view when the anchor was noted. */
    private int firstBefore;
    /** The tree was emptied (a reload) while the anchor was noted: scroll back once it shows. */
    private boolean waiting;
    /** Refills since the tree came back without the anchor; the wait ends after {@link #PATIENCE}. */
    private int misses;
    private static final int PATIENCE = 30;
    /** Layouts forced in the middle of a refill, so far (for tests). */
    private int forcedLayouts;
    /**
     * The anchor this kept last by a scroll not laid out yet, the row it went to, and the flow's
     * scroll and layout counts just after: a refill before that layout (the next page of the same
     * pulse) keeps that row, not the row the cells on screen still show.
     */
    private NodeKey scrolledTo;
    private int scrolledAt;
    private int scrollsThen;
    private int layoutsThen;

    ScrollAnchor(TreeView<Row> view, Function<NodeKey, TreeItem<Row>> find) {
        this.view = view;
        this.find = find;
    }

    /** Layouts forced in the middle of a refill, so far (for tests). */
    int forcedLayouts() {
        return forcedLayouts;
    }

    /**
     * Before a refill: notes the first row in view (unless waiting for one to come back). Not
     * while a scroll is pending (asked for, not laid out yet: the bench's scroll to a folder's
     * end and its "Load more" in one go, a key or the scroll bar just before a page arrives): the
     * cells on screen then show the rows from before the scroll, and keeping that row laid the
     * view out at the new place, then scrolled it back and laid it out again. The scroll stands.
     */
    void before() {
        if (waiting) {
            return;
        }
        VirtualFlow<?> flow = flow(view);
        if (flow instanceof SteadyTreeSkin.Flow<?> steady && steady.scrollPending()) {
            boolean ours = scrolledTo != null && steady.scrolls() == scrollsThen && steady.layouts() == layoutsThen;
            anchor = ours ? scrolledTo : null;
            atTop = false;
            rowsBefore = view.getExpandedItemCount();
            firstBefore = scrolledAt;
            return;
        }
        scrolledTo = null;
        IndexedCell<?> first = flow == null ? null : flow.getFirstVisibleCell();
        Object item = first == null ? null : first.getItem();
        anchor = item instanceof Row r && r.treeNode() != null ? r.treeNode().key() : null;
        atTop = anchor != null && first.getIndex() == 0 && flow.getPosition() == 0;
        rowsBefore = view.getExpandedItemCount();
        firstBefore = first == null ? 0 : first.getIndex();
    }

    /**
     * After a refill: an emptied tree waits; a returning anchor is scrolled back to the top.
     * {@code revealing}: rows are to be scrolled into view next.
     */
    void after(boolean revealing) {
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
            keep(revealing);
            return;
        }
        TreeItem<Row> item = find.apply(anchor);
        if (item != null) {
            scrollToTop(item);
            waiting = false;
            misses = 0;
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
    private void keep(boolean revealing) {
        if (stillInPlace() || !revealing && (onlyAddedBelow() || keptWithoutLayout())) {
            return;
        }
        topWhenPastTheEnd();
        forcedLayouts++;
        view.layout(); // lay the new rows out now, so the first row in view is the one shown
        keep(anchor);
    }

    /**
     * True when the view was at its top and the refill only added rows below its first row (a
     * folder opened): the tree stays at its top, so no layout is forced to check it (laying out
     * 10,000 new rows in the middle of the refill cost a layout pass of its own). Scrolled down,
     * the view may shift as the count changes (it keeps its position near the end), so it is checked.
     */
    private boolean stillInPlace() {
        return atTop && view.getExpandedItemCount() > rowsBefore && anchorAt(0);
    }

    /**
     * True when the refill left the first row in view at the index it had and the list did not
     * shrink: rows came only below it (a page of a long folder, a folder opened further down).
     * The flow keeps its first row as its count grows, so no layout is forced to check it: each
     * page of a 10,000-row folder laid the view out twice in the middle of its refill (this
     * layout, then the scroll back to the row that was first in view). Read before the scroll
     * of the same pulse is laid out, the row noted may not be the one shown after it; it is not
     * scrolled back to either (the scroll stands). Not when rows are to be revealed next: that
     * scroll reads the cells on screen, which must show the new rows first (a move's row).
     */
    private boolean onlyAddedBelow() {
        return view.getExpandedItemCount() > rowsBefore && anchorAt(firstBefore);
    }

    /**
     * True when the anchor was kept first without laying the view out in the middle of the refill:
     * rows came or went above it (a page of a long folder merged into its order, a rename), the
     * list did not shrink (the flow keeps the index of its first row then, unless the list now ends
     * above it), and the anchor still shows, so its row now says where to scroll. Laid out by the
     * pulse: the view was laid out twice per page of the 1M seed's 10,000-row folder (here, to see
     * where the first row went, then after scrolling back to the anchor). False, changing nothing,
     * when only a layout can tell (the list shrank, the anchor is gone).
     */
    private boolean keptWithoutLayout() {
        int rows = view.getExpandedItemCount();
        if (rows < rowsBefore || firstBefore >= rows) {
            return false;
        }
        TreeItem<Row> item = find.apply(anchor);
        int row = item == null ? -1 : view.getRow(item);
        if (row < 0) {
            return false;
        }
        if (row != firstBefore) {
            if (view.getSkin() instanceof SteadyTreeSkin<?> skin) {
                skin.shiftCells(row - firstBefore); // the rows on screen stay in their cells
            }
            view.scrollTo(row);
            if (flow(view) instanceof SteadyTreeSkin.Flow<?> steady) {
                scrolledTo = anchor;
                scrolledAt = row;
                scrollsThen = steady.scrolls();
                layoutsThen = steady.layouts();
            }
        }
        return true;
    }

    /** True when the line at this index shows the anchor. */
    private boolean anchorAt(int index) {
        TreeItem<Row> at = view.getTreeItem(index);
        Row row = at == null ? null : at.getValue();
        return row != null && row.treeNode() != null && anchor.equals(row.treeNode().key());
    }

    /**
     * A list that now ends above the rows that were in view (a search's matches shown while the
     * view was far down a long folder), or that fits the view whole, is shown from its top. Left
     * at its old position, the flow laid the last row out at the top of the view, filled the space
     * below with empty cells and then moved the rows down into place, making a new cell for each
     * of them: the cells it had were spent on the empty ones (a screenful of new cells, each styled
     * from nothing, for one search).
     */
    private void topWhenPastTheEnd() {
        VirtualFlow<?> flow = flow(view);
        int rows = view.getExpandedItemCount();
        double row = view.getFixedCellSize();
        if (flow != null && flow.getPosition() > 0
                && (firstBefore >= rows || row > 0 && rows * row <= flow.getHeight())) {
            flow.setPosition(0);
        }
    }

    private void keep(NodeKey wanted) {
        VirtualFlow<?> flow = flow(view);
        IndexedCell<?> first = flow == null ? null : flow.getFirstVisibleCell();
        Object now = first == null ? null : first.getItem();
        if (now instanceof Row r && r.treeNode() != null && wanted.equals(r.treeNode().key())) {
            return;
        }
        TreeItem<Row> item = find.apply(wanted);
        if (item != null) {
            scrollToTop(item);
        }
    }

    /**
     * Puts the row at the top of the view and lays the view out at once: the next refill, often
     * in the same pulse while a reload's folders come back one by one, must read this row as the
     * first in view, not the row shown before the scroll.
     */
    private void scrollToTop(TreeItem<Row> item) {
        view.scrollTo(view.getRow(item));
        forcedLayouts++;
        view.layout();
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
