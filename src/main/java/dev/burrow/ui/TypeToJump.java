package dev.burrow.ui;

import dev.burrow.tree.TreeNode;
import java.util.ArrayList;
import java.util.List;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeView;
import javafx.scene.input.KeyEvent;

/** Type-to-jump in the tree: typing a name's first letters selects the next row that starts with them. */
final class TypeToJump {

    private final TypeAhead typeAhead = new TypeAhead();
    private final TreeView<Row> view;
    private final TreeViewModel vm;

    TypeToJump(TreeView<Row> view, TreeViewModel vm) {
        this.view = view;
        this.vm = vm;
        view.addEventHandler(KeyEvent.KEY_TYPED, this::typed);
    }

    /** True while a prefix is being typed: a space then belongs to it (Space alone has its own use). */
    boolean typing() {
        return typeAhead.typing(System.currentTimeMillis());
    }

    private void typed(KeyEvent e) {
        String ch = e.getCharacter();
        if (view.getEditingItem() != null || e.isShortcutDown() || e.isAltDown() || e.isControlDown() || ch == null
                || ch.length() != 1 || Character.isISOControl(ch.charAt(0))
                || (ch.charAt(0) == ' ' && !typing())) {
            return;
        }
        List<String> names = new ArrayList<>();
        List<TreeNode> nodes = new ArrayList<>();
        int current = -1;
        TreeItem<Row> selected = view.getSelectionModel().getSelectedItem();
        for (int i = 0; i < view.getExpandedItemCount(); i++) {
            TreeItem<Row> item = view.getTreeItem(i);
            TreeNode n = item == null || item.getValue() == null ? null : item.getValue().treeNode();
            if (n != null) {
                if (item == selected) {
                    current = nodes.size();
                }
                names.add(n.name());
                nodes.add(n);
            }
        }
        int at = typeAhead.type(ch.charAt(0), System.currentTimeMillis(), names, current);
        e.consume();
        if (at >= 0) {
            TreeNode n = nodes.get(at);
            vm.select(List.of(n.key()), n.key());
            for (int i = 0; i < view.getExpandedItemCount(); i++) {
                TreeItem<Row> item = view.getTreeItem(i);
                if (item != null && item.getValue() != null && item.getValue().treeNode() == n) {
                    view.scrollTo(Math.max(0, i - 3));
                    break;
                }
            }
        }
    }
}
