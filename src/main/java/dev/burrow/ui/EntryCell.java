package dev.burrow.ui;

import dev.burrow.api.FileSystemEntry;
import dev.burrow.tree.TreeNode;
import java.util.OptionalLong;
import java.util.function.Function;
import javafx.css.PseudoClass;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ContentDisplay;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.control.TreeCell;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2AL;
import org.kordamp.ikonli.material2.Material2MZ;

/**
 * One line of the tree: type icon (with a link badge on shortcut rows), the unescaped name,
 * a count badge on folders, a star toggle; or a placeholder line (loading, error, load more).
 */
final class EntryCell extends TreeCell<Row> {

    static final PseudoClass DROP_TARGET = PseudoClass.getPseudoClass("drop-target");
    static final PseudoClass DROP_REFUSED = PseudoClass.getPseudoClass("drop-refused");
    static final PseudoClass SYNTHETIC = PseudoClass.getPseudoClass("synthetic");
    static final PseudoClass CHANGED = PseudoClass.getPseudoClass("changed-elsewhere");
    static final PseudoClass CUT = PseudoClass.getPseudoClass("cut");
    private static final PseudoClass ON = PseudoClass.getPseudoClass("on");
    /** The count badge's text, grouped as {@code %,d} groups it; one formatter per thread (the FX thread). */
    private static final ThreadLocal<java.text.NumberFormat> COUNT = ThreadLocal.withInitial(
            () -> java.text.NumberFormat.getIntegerInstance(java.util.Locale.getDefault(java.util.Locale.Category.FORMAT)));

    /** What a cell needs from its pane. */
    interface Host {
        OptionalLong count(String folder);

        /** Stars or unstars this node (a personal bookmark; the row does not change). */
        void toggleStar(TreeNode node);

        boolean isStarred(TreeNode node);

        void retry(String folder);

        void loadMore(String folder);

        void rename(TreeNode node, String newName);

        /** True while the node is marked as changed elsewhere (live refresh). */
        default boolean changedElsewhere(TreeNode node) {
            return false;
        }

        /** True while the node is cut and waits for a paste (Ctrl+X). */
        default boolean isCut(TreeNode node) {
            return false;
        }
    }

    private final Host host;
    private final HBox box = new HBox(6);
    private final StackPane iconBox = new StackPane();
    private final Label name = new Label();
    private final Label badge = new Label();
    private final Button star = new Button();
    private final Region spacer = new Region();
    private TextField editor;

    EntryCell(Host host, Function<EntryCell, DragController.CellHooks> drag) {
        this.host = host;
        getStyleClass().add("entry-cell");
        box.setAlignment(Pos.CENTER_LEFT);
        name.getStyleClass().add("entry-name");
        name.setMinWidth(Region.USE_PREF_SIZE);
        badge.getStyleClass().add("count-badge");
        badge.setMinWidth(Region.USE_PREF_SIZE);
        star.getStyleClass().addAll("star-toggle", "flat");
        star.setFocusTraversable(false);
        star.setOnAction(a -> {
            TreeNode node = node();
            if (node != null) {
                host.toggleStar(node);
            }
        });
        HBox.setHgrow(spacer, Priority.ALWAYS);
        iconBox.setMinWidth(20);
        iconBox.setPrefWidth(20);
        box.getChildren().addAll(iconBox, name, badge, spacer, star);
        setContentDisplay(ContentDisplay.GRAPHIC_ONLY);
        box.setVisible(false);
        setGraphic(box); // styled once with the cell, shown when it fills (see updateItem)
        if (drag != null) {
            drag.apply(this);
        }
        // A plain click on one row of several selected narrows the selection to it, as in a file
        // manager; the tree's own click handling also started renaming that row (it renames a row
        // clicked while selected). Only a click on the one selected row renames it.
        addEventFilter(MouseEvent.MOUSE_PRESSED, e -> narrowing = e.getButton() == MouseButton.PRIMARY
                && e.getClickCount() == 1 && !e.isShiftDown() && !e.isShortcutDown() && isSelected()
                && getTreeView() != null && getTreeView().getSelectionModel().getSelectedIndices().size() > 1);
        addEventFilter(MouseEvent.MOUSE_RELEASED, e -> {
            if (narrowing) {
                javafx.application.Platform.runLater(() -> narrowing = false); // after the tree handled the click
            }
        });
    }

    /** The press under way narrows a multiple selection to this row: it must not start a rename. */
    private boolean narrowing;

    TreeNode node() {
        Row r = getItem();
        return r == null || isEmpty() ? null : r.treeNode();
    }

    @Override
    protected void updateItem(Row row, boolean empty) {
        super.updateItem(row, empty);
        if (empty || row == null) {
            // The row nodes stay in the cell: taking them out of the scene and putting them back
            // styled every one of them anew (CSS from scratch) each time a cell filled. They are
            // hidden when the cell is laid out still empty (layoutChildren): a change in the number
            // of rows empties and refills every cell on screen in one pass, and hiding and showing
            // them (with their tooltip and marks) in between cost a restyle each time.
            if (getGraphic() != box) {
                setGraphic(null);
            }
            if (getPseudoClassStates().contains(CHANGED)) {
                pseudoClassStateChanged(CHANGED, false);
            }
            if (getPseudoClassStates().contains(CUT)) {
                pseudoClassStateChanged(CUT, false);
            }
            setText(null);
            requestLayout();
            return;
        }
        if (isEditing()) {
            return;
        }
        if (row instanceof Row.Node n) {
            showNode(n.node());
            return;
        }
        setPseudoClasses(false, false, false);
        if (row instanceof Row.Loading) {
            placeholder(new ProgressIndicator(), "Loading…", "placeholder-loading");
        } else if (row instanceof Row.Empty) {
            placeholder(null, "Empty folder", "placeholder-empty");
        } else if (row instanceof Row.Failed f) {
            Hyperlink retry = new Hyperlink("Retry");
            retry.setOnAction(a -> host.retry(f.folder()));
            Label msg = new Label("Couldn't load: " + f.message());
            msg.getStyleClass().add("placeholder-error");
            FontIcon icon = Icons.icon(Material2AL.ERROR_OUTLINE, 16);
            icon.getStyleClass().add("placeholder-error");
            // Retry before the message, and the message capped (in full in the tooltip): a long
            // server message must not push the link out of the tree's view.
            msg.setMinWidth(0);
            msg.setMaxWidth(360);
            HBox h = new HBox(6, icon, retry, msg);
            h.setAlignment(Pos.CENTER_LEFT);
            setGraphic(h);
            setTooltip(new Tooltip(f.message()));
        } else if (row instanceof Row.More m) {
            Hyperlink more = new Hyperlink("Load more…");
            more.setOnAction(a -> host.loadMore(m.folder()));
            setGraphic(more);
            setTooltip(null);
        }
    }

    /**
     * Sets the cell's own pseudo-classes once per update, each only when it changes: a class
     * cleared and set again in one update restyled the whole cell for nothing.
     */
    private void setPseudoClasses(boolean synthetic, boolean changed, boolean cut) {
        if (getPseudoClassStates().contains(SYNTHETIC) != synthetic) {
            pseudoClassStateChanged(SYNTHETIC, synthetic);
        }
        if (getPseudoClassStates().contains(CHANGED) != changed) {
            pseudoClassStateChanged(CHANGED, changed);
        }
        if (getPseudoClassStates().contains(CUT) != cut) {
            pseudoClassStateChanged(CUT, cut);
        }
    }

    @Override
    protected void layoutChildren() {
        if (isEmpty() || !(getItem() instanceof Row.Node)) {
            if (box.isVisible()) {
                box.setVisible(false);
            }
            if (isEmpty() && rowTip != null && getTooltip() == rowTip) {
                setTooltip(null);
            }
            if (isEmpty() && getPseudoClassStates().contains(SYNTHETIC)) {
                pseudoClassStateChanged(SYNTHETIC, false);
            }
            // the skin leaves an emptied cell's arrow as it was (it rebuilt its children only when
            // the graphic changed, which the row nodes no longer do): an empty line shows none
            Node arrow = getDisclosureNode();
            if (isEmpty() && arrow != null && arrow.isVisible()) {
                arrow.setVisible(false);
            }
        }
        super.layoutChildren();
    }

    /** Shows or clears the changed-elsewhere mark for what the cell shows now. */
    void showMark() {
        TreeNode n = isEmpty() ? null : node();
        boolean changed = n != null && host.changedElsewhere(n);
        if (getPseudoClassStates().contains(CHANGED) != changed) {
            pseudoClassStateChanged(CHANGED, changed);
        }
        boolean cut = n != null && host.isCut(n);
        if (getPseudoClassStates().contains(CUT) != cut) {
            pseudoClassStateChanged(CUT, cut);
        }
    }

    private void placeholder(ProgressIndicator spinner, String text, String style) {
        Label label = new Label(text);
        label.getStyleClass().add(style);
        HBox h = new HBox(6);
        h.setAlignment(Pos.CENTER_LEFT);
        if (spinner != null) {
            spinner.setPrefSize(14, 14);
            spinner.setMaxSize(14, 14);
            h.getChildren().add(spinner);
        }
        h.getChildren().add(label);
        setGraphic(h);
        setTooltip(null);
    }

    /** One set of nodes per cell, updated in place: cells are recycled as the list scrolls. */
    private final FontIcon typeIcon = new FontIcon();
    private final FontIcon linkBadge = Icons.icon(Material2AL.LINK, 11);
    private final FontIcon starIcon = new FontIcon();
    /*
     * The tooltips are made when the pointer first comes to the cell, not with it: each Tooltip
     * is a popup with a scene of its own, and two per cell were most of what a screenful of new
     * cells cost (search results over a long tree made ~28 at once).
     */
    private Tooltip rowTip;
    private Tooltip starTip;
    private String rowTipText = "";
    private String starTipText = STAR_TIP;
    private static final String STAR_TIP = "Star: add to Shortcuts (Ctrl+D)";
    /**
     * The size the theme gives every icon (AtlantaFX's {@code .ikonli-font-icon}), set in code too.
     * A FontIcon keeps its size and font in its inline style: when the first style pass changed the
     * size, {@code -fx-font-size} moved behind {@code -fx-font-family} there, and the next icon code
     * moved the family back, a new inline style that restyled the icon from scratch (each empty
     * cell's first row, ~24 at once as a folder opened under a few rows).
     */
    static final int ICON_SIZE = 18;

    {
        typeIcon.setIconSize(ICON_SIZE);
        // An icon and a name from the start: the first of each set restyles the node (an icon's
        // font, a label's text node), which would otherwise happen as the cell first fills.
        typeIcon.setIconCode(Material2AL.FOLDER);
        name.setText(" ");
        typeIcon.getStyleClass().add("type-icon");
        // in the row from the start, so it is styled once with the cell: added when an empty cell
        // first filled, each of the ~30 empty cells restyled its icon from scratch as a folder opened
        iconBox.getChildren().add(typeIcon);
        linkBadge.getStyleClass().add("link-badge");
        StackPane.setAlignment(linkBadge, Pos.BOTTOM_RIGHT);
        starIcon.setIconSize(ICON_SIZE);
        starIcon.setIconCode(Material2MZ.STAR_BORDER);
        star.setGraphic(starIcon);
        star.addEventHandler(MouseEvent.MOUSE_ENTERED, e -> {
            if (starTip == null) {
                starTip = new Tooltip(starTipText);
                star.setTooltip(starTip);
            }
        });
        addEventHandler(MouseEvent.MOUSE_ENTERED, e -> {
            if (!isEmpty() && getItem() instanceof Row.Node && box.isVisible()) {
                if (rowTip == null) {
                    rowTip = new Tooltip(rowTipText);
                }
                if (getTooltip() != rowTip) {
                    setTooltip(rowTip);
                }
            }
        });
    }

    private void showNode(TreeNode node) {
        typeIcon.setIconCode(Icons.forNode(node));
        FileSystemEntry row = node.row();
        boolean link = row != null && row.isLink();
        // Only when it changes, and only the badge: putting a node back into the scene styles it
        // anew (CSS), per cell update.
        if (link != iconBox.getChildren().contains(linkBadge)) {
            if (link) {
                iconBox.getChildren().add(linkBadge);
            } else {
                iconBox.getChildren().remove(linkBadge);
            }
        }
        name.setText(node.name());
        if (node instanceof TreeNode.Folder f) {
            showCount(f);
        } else if (badge.isVisible()) {
            badge.setVisible(false);
            badge.setManaged(false);
        }
        setPseudoClasses(node instanceof TreeNode.Folder f && f.isSynthetic(), host.changedElsewhere(node),
                host.isCut(node));
        boolean starred = host.isStarred(node);
        if (starred != star.getPseudoClassStates().contains(ON)) {
            starIcon.setIconCode(starred ? Material2MZ.STAR : Material2MZ.STAR_BORDER);
            star.pseudoClassStateChanged(ON, starred);
            starTipText = starred ? "Unstar (Ctrl+D)" : STAR_TIP;
            if (starTip != null) {
                starTip.setText(starTipText);
            }
        }
        rowTipText = Icons.typeLabel(row == null ? "folder" : row.type())
                + (row == null ? " (no folder row)" : "") + (link ? " — a link; its original lives elsewhere" : "")
                + "\n" + node.path();
        if (rowTip != null) {
            rowTip.setText(rowTipText);
            if (getTooltip() != rowTip) {
                setTooltip(rowTip);
            }
        } else if (getTooltip() != null) {
            setTooltip(null); // an error line's tooltip; the row's own comes with the pointer
        }
        if (!box.isVisible()) {
            box.setVisible(true);
        }
        setGraphic(box);
    }

    private void showCount(TreeNode.Folder f) {
        OptionalLong n = host.count(f.path());
        String text = n.isPresent() ? COUNT.get().format(n.getAsLong()) : "";
        if (!text.equals(badge.getText())) {
            badge.setText(text);
        }
        if (badge.isVisible() != n.isPresent()) {
            badge.setVisible(n.isPresent());
            badge.setManaged(n.isPresent());
        }
    }

    /** Counts arrived: each shown cell updates its badge (recreating every cell styled them all anew). */
    static void refreshCounts(javafx.scene.control.TreeView<Row> view) {
        for (javafx.scene.Node n : view.lookupAll(".entry-cell")) {
            if (n instanceof EntryCell cell) {
                cell.refreshCount();
            }
        }
    }

    /** A folder's count arrived: only the badge changes. */
    void refreshCount() {
        if (!isEditing() && node() instanceof TreeNode.Folder f) {
            showCount(f);
        }
    }

    @Override
    public void startEdit() {
        TreeNode node = node();
        if (narrowing && getTreeView() != null) {
            narrowing = false;
            // the tree now holds the row as being edited: let go of it at once (the next layout
            // would start the edit anyway, and F2 on the row would do nothing)
            if (getTreeView().getEditingItem() == getTreeItem()) {
                getTreeView().edit(null);
            }
            return;
        }
        if (node == null || (node instanceof TreeNode.Folder f && f.isRoot())) {
            return;
        }
        super.startEdit();
        if (!isEditing()) {
            return;
        }
        editor = new TextField(node.name());
        editor.getStyleClass().add("rename-field");
        editor.setOnAction(e -> commitRename());
        editor.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ESCAPE) {
                cancelEdit();
                e.consume();
            }
        });
        editor.focusedProperty().addListener((o, was, is) -> {
            if (!is && isEditing()) {
                commitRename();
            }
        });
        // the row's own icon, coloured as the row's: a plain black one made the row look changed
        FontIcon icon = Icons.icon(Icons.forNode(node), ICON_SIZE);
        icon.getStyleClass().add("type-icon");
        HBox h = new HBox(6, icon, editor);
        h.setAlignment(Pos.CENTER_LEFT);
        HBox.setHgrow(editor, Priority.ALWAYS);
        setGraphic(h);
        editor.requestFocus();
        editor.selectAll();
    }

    private void commitRename() {
        TreeNode node = node();
        String value = editor == null ? null : editor.getText();
        cancelEdit();
        if (node != null && value != null) {
            host.rename(node, value);
        }
    }

    @Override
    public void cancelEdit() {
        super.cancelEdit();
        editor = null;
        updateItem(getItem(), isEmpty());
    }
}
