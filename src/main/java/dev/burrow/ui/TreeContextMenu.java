package dev.burrow.ui;

import dev.burrow.api.EntryPath;
import dev.burrow.tree.NodeKey;
import dev.burrow.tree.TreeNode;
import dev.burrow.tree.TreeSession;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import javafx.geometry.Bounds;
import javafx.geometry.Side;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.CustomMenuItem;
import javafx.scene.control.Label;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.Tooltip;
import javafx.scene.control.TreeCell;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeView;
import javafx.scene.input.ClipboardContent;
import javafx.scene.input.ContextMenuEvent;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.stage.Window;

/**
 * The file manager's verbs on the tree: the context menu (right click, Shift+F10, the Menu key)
 * on rows, on a multi-selection and on the empty area; and Open (double click, Enter). What the
 * menu offers is {@link MenuModel}'s; this class draws it and runs each verb.
 */
final class TreeContextMenu {

    /** What the menu needs from the window around the tree. */
    record Hooks(Runnable newFolder, Runnable delete, Runnable showDetails, Runnable showExports,
            Consumer<String> showUrl) {
    }

    private final MainViewModel vm;
    private final TreePane pane;
    private final TreeView<Row> view;
    private final Hooks hooks;
    private final ContextMenu menu = new ContextMenu();
    private boolean requestedSincePress;

    TreeContextMenu(MainViewModel vm, TreePane pane, Hooks hooks) {
        this.vm = vm;
        this.pane = pane;
        this.view = pane.view();
        this.hooks = hooks;
        menu.setId("tree-menu");
        view.addEventHandler(ContextMenuEvent.CONTEXT_MENU_REQUESTED, this::requested);
        view.addEventFilter(KeyEvent.KEY_PRESSED, this::keys);
        view.addEventFilter(MouseEvent.MOUSE_PRESSED, this::doubleClick);
        // A platform whose right click sends no menu request (the headless one): the release shows it.
        view.addEventHandler(MouseEvent.MOUSE_PRESSED, e -> requestedSincePress = false);
        view.addEventHandler(MouseEvent.MOUSE_RELEASED, e -> {
            if (e.getButton() == MouseButton.SECONDARY) {
                double x = e.getScreenX();
                double y = e.getScreenY();
                Node picked = e.getPickResult().getIntersectedNode();
                javafx.application.Platform.runLater(() -> {
                    if (!requestedSincePress) {
                        byMouse(picked, x, y);
                    }
                });
            }
        });
    }

    ContextMenu menu() {
        return menu;
    }

    // ---- gestures ---------------------------------------------------------------------------

    private void requested(ContextMenuEvent e) {
        e.consume();
        requestedSincePress = true;
        if (e.isKeyboardTrigger()) {
            showForSelection();
            return;
        }
        byMouse(e.getPickResult().getIntersectedNode(), e.getScreenX(), e.getScreenY());
    }

    /** A right click selects the row under the pointer (unless it is part of the selection), or nothing on the empty area. */
    private void byMouse(Node picked, double x, double y) {
        requestedSincePress = true;
        TreeNode node = nodeAt(picked);
        if (node == null) {
            vm.tree().select(List.of(), null);
        } else if (!vm.tree().selection().contains(node.key())) {
            vm.tree().select(List.of(node.key()), node.key());
        }
        show(x, y);
    }

    private void keys(KeyEvent e) {
        if (view.getEditingItem() != null) {
            return;
        }
        if (e.getCode() == KeyCode.CONTEXT_MENU || (e.getCode() == KeyCode.F10 && e.isShiftDown())) {
            showForSelection();
            e.consume();
        } else if (e.getCode() == KeyCode.ENTER && !e.isShortcutDown() && !e.isAltDown()) {
            openSelected();
            e.consume();
        }
    }

    /**
     * A double click on a row opens it, and a click on the one selected row keeps it selected:
     * the tree would otherwise start a rename for either (F2 renames).
     */
    private void doubleClick(MouseEvent e) {
        Node picked = e.getPickResult().getIntersectedNode();
        if (e.getButton() != MouseButton.PRIMARY || inButton(picked) || onDisclosure(picked)) {
            return;
        }
        TreeNode node = nodeAt(e.getPickResult().getIntersectedNode());
        if (node == null || view.getEditingItem() != null && e.getClickCount() == 1) {
            return;
        }
        if (e.getClickCount() == 2) {
            e.consume();
            view.edit(null);
            open(node);
        } else if (e.getClickCount() == 1 && !e.isShiftDown() && !e.isShortcutDown() && !e.isControlDown()
                && vm.tree().selection().equals(List.of(node.key()))) {
            e.consume();
            view.requestFocus();
        }
    }

    /** The folder's open/close arrow: its click is the tree's own. */
    private static boolean onDisclosure(Node n) {
        for (Node p = n; p != null && !(p instanceof TreeCell); p = p.getParent()) {
            if (p.getStyleClass().contains("tree-disclosure-node")) {
                return true;
            }
        }
        return false;
    }

    private static boolean inButton(Node n) {
        for (Node p = n; p != null; p = p.getParent()) {
            if (p instanceof Button || p.getStyleClass().contains("tree-disclosure-node")) {
                return true; // the star, or the arrow that opens the folder
            }
            if (p instanceof TreeCell) {
                return false;
            }
        }
        return false;
    }

    private static TreeNode nodeAt(Node picked) {
        for (Node p = picked; p != null; p = p.getParent()) {
            if (p instanceof TreeCell<?> c) {
                return c.isEmpty() || !(c.getItem() instanceof Row r) ? null : r.treeNode();
            }
        }
        return null;
    }

    /** Shift+F10 or the Menu key: the menu of the selection, below its lead row. */
    void showForSelection() {
        Node anchor = leadCell().orElse(view);
        Bounds b = anchor.localToScreen(anchor.getBoundsInLocal());
        if (b == null) {
            return;
        }
        show(b.getMinX() + 24, anchor == view ? b.getMinY() + 8 : b.getMaxY());
    }

    private Optional<Node> leadCell() {
        TreeItem<Row> lead = view.getSelectionModel().getSelectedItem();
        for (Node n : view.lookupAll(".tree-cell")) {
            if (lead != null && n instanceof TreeCell<?> c && c.getTreeItem() == lead && c.isVisible()) {
                return Optional.of(c);
            }
        }
        return Optional.empty();
    }

    private void show(double x, double y) {
        menu.hide();
        MainViewModel.Target t = vm.targetProperty().get();
        MenuModel model = new MenuModel(vm.tree().selectedNodes(), t != null && !t.local(),
                vm.tree().edits()::isStarred);
        List<MenuItem> items = new ArrayList<>();
        for (List<MenuModel.Entry> group : model.groups()) {
            if (!items.isEmpty()) {
                items.add(new SeparatorMenuItem());
            }
            for (MenuModel.Entry entry : group) {
                items.add(item(entry));
            }
        }
        menu.getItems().setAll(items);
        menu.show(view, x, y);
    }

    /**
     * An entry; an unavailable one stays hoverable (greyed, no action) so that its tooltip can
     * say why: JavaFX shows no tooltip on a disabled item.
     */
    private MenuItem item(MenuModel.Entry entry) {
        Label label = new Label(entry.text());
        label.setMinWidth(180);
        CustomMenuItem item = new CustomMenuItem(label);
        item.setId(entry.id());
        if (entry.available()) {
            item.setOnAction(e -> run(entry.action()));
        } else {
            item.getStyleClass().add("unavailable");
            label.getStyleClass().add("unavailable");
            item.setHideOnClick(false);
            Tooltip tip = new Tooltip(entry.unavailable());
            tip.setWrapText(true);
            tip.setMaxWidth(360);
            Tooltip.install(label, tip);
        }
        return item;
    }

    // ---- the verbs --------------------------------------------------------------------------

    void run(MenuModel.Action action) {
        List<TreeNode> nodes = vm.tree().selectedNodes();
        TreeNode lead = vm.tree().selectedProperty().get();
        TreeEdits edits = vm.tree().edits();
        switch (action) {
            case OPEN -> openSelected();
            case OPEN_IN_POSTHOG -> webUrl(lead).ifPresent(hooks.showUrl());
            case RENAME -> pane.renameSelected();
            case NEW_FOLDER -> hooks.newFolder().run();
            case MOVE_TO -> pickFolder("Move " + TreeEdits.what(nodes) + " to", "Move", f -> vm.tree().decideDrop(nodes, f).allowed())
                    .ifPresent(f -> moveTo(nodes, f));
            case SHORTCUT_HERE -> edits.link(nodes, EntryPath.parent(EntryPath.normalize(nodes.get(0).path())));
            case SHORTCUT_IN -> pickFolder("Create shortcut in", "Create shortcut", f -> true).ifPresent(f -> edits.link(nodes, f));
            case STAR -> edits.toggleStar(nodes);
            case SHORTCUT_FLAG -> Dialogs.changeShortcutFlag(owner(), edits, lead.row(), !lead.row().isLink());
            case SHOW_ORIGINAL -> edits.showOriginal(lead.row());
            case ORGANISE -> OrganiseDialog.show(owner(), vm.organise(), lead.path());
            case COPY_PATH -> copy(nodes.stream().map(TreeNode::path).toList(), nodes.size() == 1
                    ? "Copied the path of “" + nodes.get(0).name() + "”." : "Copied " + nodes.size() + " paths.");
            case COPY_LINK -> copy(nodes.stream().map(this::webUrl).flatMap(Optional::stream).toList(),
                    nodes.size() == 1 ? "Copied the link to “" + nodes.get(0).name() + "”." : "Copied " + nodes.size() + " links.");
            case EXPORT -> hooks.showExports().run();
            case DELETE -> hooks.delete().run();
            case REFRESH -> edits.refresh();
        }
    }

    /** Opens the lead of the selection. */
    void openSelected() {
        TreeNode lead = vm.tree().selectedProperty().get();
        if (lead != null) {
            open(lead);
        }
    }

    /** A folder opens or closes in the tree; an item shows its details, and its page in PostHog on a PostHog connection. */
    void open(TreeNode node) {
        if (node instanceof TreeNode.Folder f) {
            TreeItem<Row> item = itemOf(node.key());
            if (item != null) {
                item.setExpanded(!item.isExpanded());
            } else {
                vm.tree().expandTo(f.path());
            }
            return;
        }
        vm.tree().select(List.of(node.key()), node.key());
        hooks.showDetails().run();
        webUrl(node).ifPresentOrElse(url -> {
            vm.statusMessage("Opening “" + node.name() + "” in PostHog…");
            hooks.showUrl().accept(url);
        }, () -> vm.statusMessage(""));
    }

    private TreeItem<Row> itemOf(NodeKey key) {
        TreeItem<Row> selected = view.getSelectionModel().getSelectedItem();
        if (selected != null && selected.getValue() != null && selected.getValue().treeNode() != null
                && key.equals(selected.getValue().treeNode().key())) {
            return selected;
        }
        return null;
    }

    private Optional<String> webUrl(TreeNode node) {
        return node == null ? Optional.empty() : Links.webUrl(vm.targetProperty().get(), node.row());
    }

    /** A folder picked from those {@code offered} (a move offers only where it may go: not into itself). */
    private Optional<String> pickFolder(String title, String verb, java.util.function.Predicate<String> offered) {
        TreeSession s = vm.session();
        if (s == null) {
            return Optional.empty();
        }
        return FolderPicker.pick(owner(), title, verb, FolderPicker.folders(s.index()).stream().filter(offered).toList());
    }

    private void moveTo(List<TreeNode> nodes, String folder) {
        DropDecision d = vm.tree().decideDrop(nodes, folder);
        if (!d.allowed()) {
            vm.statusMessage("Can't move “" + d.refused().name() + "” there: " + d.check().explanation());
            return;
        }
        pane.move(vm.tree().edits().planMove(nodes, folder));
    }

    private void copy(List<String> lines, String said) {
        ClipboardContent content = new ClipboardContent();
        content.putString(String.join("\n", lines));
        javafx.scene.input.Clipboard.getSystemClipboard().setContent(content);
        vm.statusMessage(said);
    }

    private Window owner() {
        return view.getScene() == null ? null : view.getScene().getWindow();
    }
}
