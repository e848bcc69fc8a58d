package dev.burrow.ui;

import dev.burrow.tree.TreeNode;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.control.TreeCell;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeView;

/** Which folders a tree view shows rows of in its viewport now: what live refresh watches. */
final class VisibleFolders {

    private VisibleFolders() {
    }

    /** The folders whose rows show on screen, top first, with each open folder shown on screen. */
    static List<String> of(TreeView<Row> view) {
        Set<String> out = new LinkedHashSet<>();
        Bounds viewport = view.localToScene(view.getLayoutBounds());
        for (Node n : view.lookupAll(".tree-cell")) {
            if (n instanceof TreeCell<?> c && c.isVisible() && !c.isEmpty() && c.getTreeItem() != null
                    && viewport.intersects(c.localToScene(c.getLayoutBounds()))) {
                TreeItem<?> item = c.getTreeItem();
                String parent = folderOf(item.getParent());
                if (parent != null) {
                    out.add(parent);
                }
                String self = folderOf(item);
                if (self != null && item.isExpanded()) {
                    out.add(self);
                }
            }
        }
        return new ArrayList<>(out);
    }

    private static String folderOf(TreeItem<?> item) {
        if (item == null) {
            return null;
        }
        if (item.getValue() instanceof Row.Node r && r.node() instanceof TreeNode.Folder f) {
            return f.path();
        }
        return item.getParent() == null ? "" : null; // the hidden root item
    }
}
