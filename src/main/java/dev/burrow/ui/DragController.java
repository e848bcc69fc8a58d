package dev.burrow.ui;

import dev.burrow.tree.TreeNode;
import java.util.ArrayList;
import java.util.List;
import javafx.animation.PauseTransition;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeView;
import javafx.scene.control.skin.VirtualFlow;
import javafx.scene.input.ClipboardContent;
import javafx.scene.input.DataFormat;
import javafx.scene.input.DragEvent;
import javafx.scene.input.Dragboard;
import javafx.scene.input.MouseEvent;
import javafx.scene.input.TransferMode;
import javafx.util.Duration;

/**
 * Drag-and-drop in the tree: which rows are dragged, where they may land (the view model's
 * decision, on {@code MoveCheck}'s rules), the highlight and the refusal, opening a folder after a hover,
 * scrolling near the edges, and the drop itself (a move, or a link with the link modifier).
 */
final class DragController {

    static final DataFormat KEYS = new DataFormat("application/x-burrow-nodes");
    private static final Duration HOVER_OPEN = Duration.millis(800);
    private static final double EDGE = 24;

    /** What the pane does with a drop. */
    interface Target {
        List<TreeNode> selectedNodes();

        /** Whether these nodes may land in {@code folder}, and if not why (the view model decides). */
        DropDecision decide(List<TreeNode> nodes, String folder);

        /** Says why the current drop target refuses (empty when it accepts). */
        void explain(String why);

        void drop(List<TreeNode> nodes, String folder, boolean link);

        /** The drag ended (dropped or not): the pane shows the view model's selection again. */
        default void dragEnded() {
        }
    }

    /** Installs the handlers on one cell. */
    final class CellHooks {
        CellHooks(EntryCell cell) {
            cell.setOnDragDetected(e -> started(cell, e));
            cell.setOnDragOver(e -> over(cell, e));
            cell.setOnDragEntered(e -> entered(cell));
            cell.setOnDragExited(e -> exited(cell));
            cell.setOnDragDropped(e -> dropped(cell, e));
            cell.setOnDragDone(e -> done(e));
        }
    }

    private final TreeView<Row> view;
    private final Target target;
    private final PauseTransition hover = new PauseTransition(HOVER_OPEN);
    private List<TreeNode> dragged = List.of();
    private TreeItem<Row> hoverItem;
    private String lastExplanation = "";
    /** The cell highlighted as the folder that would receive the drop (null: none, or the root). */
    private EntryCell highlighted;
    /** Whether the drag ended in an accepted drop (set on drop, read when the drag is done). */
    private boolean landed;
    private double restX = Double.NaN;
    private double restY = Double.NaN;
    /** The pointer moves less than this (pixels) and still counts as resting on a folder. */
    private static final double REST = 4;

    DragController(TreeView<Row> view, Target target) {
        this.view = view;
        this.target = target;
        hover.setOnFinished(e -> {
            if (hoverItem != null && !hoverItem.isLeaf()) {
                hoverItem.setExpanded(true);
            }
        });
        view.addEventFilter(DragEvent.DRAG_OVER, this::autoScroll);
    }

    CellHooks hooks(EntryCell cell) {
        return new CellHooks(cell);
    }

    List<TreeNode> dragged() {
        return dragged;
    }

    /** True from the start of a drag until it is done: selection gestures wait. */
    boolean dragging() {
        return !dragged.isEmpty();
    }

    private void started(EntryCell cell, MouseEvent e) {
        TreeNode node = cell.node();
        if (node == null) {
            return;
        }
        List<TreeNode> selection = target.selectedNodes();
        boolean inSelection = selection.stream().anyMatch(n -> n.key().equals(node.key()));
        dragged = inSelection ? new ArrayList<>(selection) : List.of(node);
        Dragboard db = cell.startDragAndDrop(TransferMode.MOVE, TransferMode.LINK);
        ClipboardContent content = new ClipboardContent();
        content.put(KEYS, String.join("\n", dragged.stream().map(n -> n.key().toString()).toList()));
        content.putString(String.join("\n", dragged.stream().map(TreeNode::path).toList()));
        db.setContent(content);
        db.setDragView(DragImage.of(cell, dragged.size()));
        e.consume();
    }

    /** The folder a drop on this cell lands in: the folder itself, an item's folder, or the root. */
    static String folderOf(EntryCell cell) {
        TreeNode node = cell.node();
        if (node == null) {
            if (cell.isEmpty()) {
                return "";
            }
            Row r = cell.getItem();
            if (r instanceof Row.Loading l) {
                return l.folder();
            }
            if (r instanceof Row.Empty em) {
                return em.folder();
            }
            if (r instanceof Row.More m) {
                return m.folder();
            }
            if (r instanceof Row.Failed f) {
                return f.folder();
            }
            return "";
        }
        return node instanceof TreeNode.Folder f ? f.path() : dev.burrow.api.EntryPath.parent(node.path());
    }

    /** True when every dragged node may move into {@code folder}. */
    boolean allowed(String folder) {
        return target.decide(dragged, folder).allowed();
    }

    private void over(EntryCell cell, DragEvent e) {
        if (!e.getDragboard().hasContent(KEYS)) {
            return;
        }
        String folder = folderOf(cell);
        DropDecision decision = target.decide(dragged, folder);
        boolean ok = decision.allowed();
        if (ok) {
            e.acceptTransferModes(TransferMode.MOVE, TransferMode.LINK);
        }
        highlight(folderCell(folder), ok);
        restart(cell, e);
        String why = decision.reason();
        if (!why.equals(lastExplanation)) {
            lastExplanation = why;
            target.explain(why);
        }
        e.consume();
    }

    private void entered(EntryCell cell) {
        TreeItem<Row> item = cell.getTreeItem();
        if (item != hoverItem) {
            hoverItem = item;
            hover.stop();
            restX = Double.NaN;
        }
    }

    /**
     * A collapsed folder opens only after the pointer has rested on it for {@link #HOVER_OPEN}:
     * each move of more than {@link #REST} pixels starts the wait again.
     */
    private void restart(EntryCell cell, DragEvent e) {
        TreeItem<Row> item = cell.getTreeItem();
        boolean closedFolder = item != null && cell.node() instanceof TreeNode.Folder && !item.isExpanded();
        if (!closedFolder) {
            hover.stop();
            return;
        }
        boolean moved = Double.isNaN(restX) || Math.abs(e.getScreenX() - restX) > REST
                || Math.abs(e.getScreenY() - restY) > REST;
        if (moved) {
            restX = e.getScreenX();
            restY = e.getScreenY();
            hover.playFromStart();
        }
    }

    private void exited(EntryCell cell) {
        if (cell.getTreeItem() == hoverItem) {
            hover.stop();
            hoverItem = null;
        }
    }

    /** The visible cell of a folder (null for the root, or a folder scrolled out of view). */
    private EntryCell folderCell(String folder) {
        if (folder.isEmpty()) {
            return null;
        }
        String want = dev.burrow.api.EntryPath.normalize(folder);
        for (javafx.scene.Node n : view.lookupAll(".entry-cell")) {
            if (n instanceof EntryCell c && c.isVisible() && c.node() instanceof TreeNode.Folder f
                    && dev.burrow.api.EntryPath.normalize(f.path()).equals(want)) {
                return c;
            }
        }
        return null;
    }

    /** Moves the highlight to the folder that would receive the drop; the root lights the whole tree. */
    private void highlight(EntryCell cell, boolean ok) {
        if (highlighted != null && highlighted != cell) {
            clear(highlighted);
        }
        highlighted = cell;
        if (cell != null) {
            cell.pseudoClassStateChanged(EntryCell.DROP_TARGET, ok);
            cell.pseudoClassStateChanged(EntryCell.DROP_REFUSED, !ok);
        }
        view.pseudoClassStateChanged(EntryCell.DROP_TARGET, cell == null && ok);
        view.pseudoClassStateChanged(EntryCell.DROP_REFUSED, cell == null && !ok);
    }

    private void clear(EntryCell cell) {
        cell.pseudoClassStateChanged(EntryCell.DROP_TARGET, false);
        cell.pseudoClassStateChanged(EntryCell.DROP_REFUSED, false);
    }

    /** No highlight anywhere (cells are recycled: one left on would show on another row). */
    private void clearAll() {
        for (javafx.scene.Node n : view.lookupAll(".entry-cell")) {
            if (n instanceof EntryCell c) {
                clear(c);
            }
        }
        highlighted = null;
        view.pseudoClassStateChanged(EntryCell.DROP_TARGET, false);
        view.pseudoClassStateChanged(EntryCell.DROP_REFUSED, false);
    }

    private void dropped(EntryCell cell, DragEvent e) {
        String folder = folderOf(cell);
        boolean ok = e.getDragboard().hasContent(KEYS) && allowed(folder);
        landed = ok;
        clearAll();
        if (ok) {
            List<TreeNode> nodes = dragged;
            boolean link = e.getTransferMode() == TransferMode.LINK;
            // hand over after the drag gesture has ended: a confirmation may open a dialog
            javafx.application.Platform.runLater(() -> target.drop(nodes, folder, link));
        }
        e.setDropCompleted(ok);
        e.consume();
    }

    /** The drag ended: a refused drop leaves its reason in the status bar; the selection shows again. */
    private void done(DragEvent e) {
        boolean dropped = landed;
        landed = false;
        if (!lastExplanation.isEmpty()) {
            target.explain(dropped ? "" : lastExplanation);
            lastExplanation = "";
        }
        clearAll();
        hover.stop();
        hoverItem = null;
        dragged = List.of();
        target.dragEnded();
    }

    private void autoScroll(DragEvent e) {
        double y = e.getY();
        double h = view.getHeight();
        double delta = y < EDGE ? -(EDGE - y) : y > h - EDGE ? (y - (h - EDGE)) : 0;
        if (delta != 0 && view.lookup(".virtual-flow") instanceof VirtualFlow<?> flow) {
            flow.scrollPixels(delta);
        }
    }
}
