package dev.burrow.ui;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import javafx.scene.control.IndexedCell;
import javafx.scene.control.TreeCell;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeView;
import javafx.scene.control.skin.TreeViewSkin;
import javafx.scene.control.skin.VirtualFlow;

/**
 * A tree skin that keeps its cells when the number of rows changes. The default skin empties
 * and refills every cell on screen whenever a folder opens or closes ({@code updateItemCount}
 * asks the flow to rebuild its cells): each cell went empty and back, restyled twice (the
 * {@code empty}/{@code filled}, {@code even}/{@code odd} pseudo-classes flip) and laid out anew,
 * even the rows above the folder that did not change. Here a change in the count only tells the
 * flow the new count: it lays its cells out again by index, and a cell whose row is the same
 * does nothing ({@code TreeCell} updates a cell only when the value at its index changed).
 *
 * <p>When the count stays the same the default rebuild runs (a refill that replaced rows one for
 * one must redraw them). A cell whose item was replaced by another item with an equal value is
 * emptied first, so that it never keeps a stale item (which {@code TreeCell} would otherwise
 * leave it, comparing values only).
 */
final class SteadyTreeSkin<T> extends TreeViewSkin<T> {

    /** Times the count changed without a rebuild of the cells (for tests). */
    private int steadyUpdates;

    SteadyTreeSkin(TreeView<T> view) {
        super(view);
    }

    @Override
    protected VirtualFlow<TreeCell<T>> createVirtualFlow() {
        return new Flow<>();
    }

    /** A tree view with this skin. */
    static <T> TreeView<T> treeView() {
        return new TreeView<>() {
            @Override
            protected javafx.scene.control.Skin<?> createDefaultSkin() {
                return new SteadyTreeSkin<>(this);
            }
        };
    }

    @Override
    protected void updateItemCount() {
        VirtualFlow<TreeCell<T>> flow = getVirtualFlow();
        int count = getItemCount();
        if (flow == null || flow.getCellCount() == count || flow.getCellCount() == 0 || count == 0) {
            super.updateItemCount();
            return;
        }
        steadyUpdates++;
        forgetReplacedItems(flow, count);
        if (flow instanceof Flow<?> steady) {
            steady.setCellCountLaidOutOnce(count);
        } else {
            flow.setCellCount(count);
        }
        getSkinnable().requestLayout();
    }

    /** Empties the cells on screen whose index now holds another item with an equal value. */
    private void forgetReplacedItems(VirtualFlow<TreeCell<T>> flow, int count) {
        IndexedCell<?> first = flow.getFirstVisibleCell();
        IndexedCell<?> last = flow.getLastVisibleCell();
        if (first == null || last == null) {
            return;
        }
        TreeView<T> view = getSkinnable();
        List<TreeCell<T>> shown = new ArrayList<>();
        for (int i = Math.max(0, first.getIndex()); i <= last.getIndex(); i++) {
            shown.add(flow.getVisibleCell(i)); // all first: a cell emptied below no longer counts as visible
        }
        for (TreeCell<T> cell : shown) {
            int i = cell == null ? -1 : cell.getIndex();
            if (i < 0 || cell.getTreeItem() == null) {
                continue;
            }
            TreeItem<T> now = i < count ? view.getTreeItem(i) : null;
            if (now != null && now != cell.getTreeItem() && Objects.equals(now.getValue(), cell.getItem())) {
                cell.updateIndex(-1);
            }
        }
    }

    /**
     * Moves the cells on screen {@code by} rows along, each to the index its row has now (rows
     * came above the view, which is about to scroll by as many to keep its first row): the flow
     * finds each index's cell among the ones it has, and a cell whose row did not change does
     * nothing. Otherwise every cell on screen took the row of the index it had, a new row,
     * restyled and laid out anew (a page of the 1M seed's 10,000-row folder merged above the view).
     * A cell whose index would be past the end is emptied.
     */
    void shiftCells(int by) {
        VirtualFlow<TreeCell<T>> flow = getVirtualFlow();
        IndexedCell<?> first = flow == null ? null : flow.getFirstVisibleCell();
        IndexedCell<?> last = flow == null ? null : flow.getLastVisibleCell();
        if (first == null || last == null || by == 0) {
            return;
        }
        List<TreeCell<T>> shown = new ArrayList<>();
        for (int i = Math.max(0, first.getIndex()); i <= last.getIndex(); i++) {
            TreeCell<T> cell = flow.getVisibleCell(i);
            if (cell != null) {
                shown.add(cell);
            }
        }
        int count = getItemCount();
        for (TreeCell<T> cell : shown) {
            int to = cell.getIndex() + by;
            cell.updateIndex(to >= 0 && to < count ? to : -1);
        }
    }

    /** How many changes of the row count were taken without rebuilding the cells. */
    int steadyUpdates() {
        return steadyUpdates;
    }

    /**
     * A flow that lays its cells out once for a new row count. {@code VirtualFlow.setCellCount}
     * lays the cells out at once ("FIXME this should be only executed on the pulse"), and this skin
     * sets the count from the tree's own layout, so the layout pass that followed did it all again:
     * every cell taken back and placed anew, and each cell whose row changed styled a second time
     * (the flow applies CSS to every cell that still needs a layout as it places it), in the one
     * pulse that opened a folder. Here the count only asks for a layout, which the pass that is
     * running does next (or the next pulse, when the count changes outside one).
     */
    static final class Flow<C extends IndexedCell> extends VirtualFlow<C> {

        private boolean countChanging;
        /** Times the cells were laid out (for tests). */
        private int layouts;
        /** True while the flow lays its cells out (it moves its own position then). */
        private boolean layingOut;
        /** The position was moved since the cells were last laid out: they still show the rows from before. */
        private boolean scrollPending;
        /** Times the position was moved from outside a layout (for telling one scroll from the next). */
        private int scrolls;

        Flow() {
            positionProperty().addListener((o, was, is) -> {
                if (!layingOut && !countChanging) {
                    scrollPending = true;
                    scrolls++;
                }
            });
        }

        /** Times the position was moved from outside a layout, so far. */
        int scrolls() {
            return scrolls;
        }

        /**
         * True when a scroll was asked for (a scrollTo, the scroll bar, a key) and the cells are not
         * laid out at the new position yet: the first cell on screen is not the row the view is
         * going to show.
         */
        boolean scrollPending() {
            return scrollPending;
        }

        void setCellCountLaidOutOnce(int count) {
            countChanging = true;
            try {
                setCellCount(count);
            } finally {
                countChanging = false;
            }
            requestLayout();
        }

        @Override
        protected void layoutChildren() {
            if (countChanging) {
                return; // laid out by the layout pass this asks for
            }
            layouts++;
            layingOut = true;
            try {
                super.layoutChildren();
            } finally {
                layingOut = false;
                scrollPending = false;
            }
        }

        int layouts() {
            return layouts;
        }
    }
}
