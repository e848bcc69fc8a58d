package dev.burrow.ui;

import dev.burrow.tree.NodeKey;
import dev.burrow.tree.TreeNode;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The tree's one selection: the keys of the selected nodes, in order; the lead (the node last
 * selected: what Details shows); and the keys still to reveal (selected by a command before
 * their rows show). Keys are resolved against the index the tree shows now.
 */
final class TreeSelection {

    private final ObservableList<NodeKey> keys = FXCollections.observableArrayList();
    private final ObservableList<NodeKey> readOnlyKeys = FXCollections.unmodifiableObservableList(keys);
    private final ReadOnlyObjectWrapper<TreeNode> lead = new ReadOnlyObjectWrapper<>();
    private final Set<NodeKey> toReveal = new LinkedHashSet<>();
    private final Function<NodeKey, TreeNode> resolve;
    private NodeKey leadKey;

    /** {@code resolve} finds the node of a key in the index shown now (null when it has none). */
    TreeSelection(Function<NodeKey, TreeNode> resolve) {
        this.resolve = resolve;
    }

    ObservableList<NodeKey> keys() {
        return readOnlyKeys;
    }

    ReadOnlyObjectProperty<TreeNode> leadProperty() {
        return lead.getReadOnlyProperty();
    }

    NodeKey leadKey() {
        return leadKey;
    }

    /** The selected nodes the index knows, in selection order. */
    List<TreeNode> nodes() {
        List<TreeNode> out = new ArrayList<>(keys.size());
        for (NodeKey k : keys) {
            TreeNode n = resolve.apply(k);
            if (n != null) {
                out.add(n);
            }
        }
        return out;
    }

    /** Keys selected by a command whose rows have not shown yet. */
    Set<NodeKey> toReveal() {
        return Set.copyOf(toReveal);
    }

    /** A selection made by the person (click, keys): nothing is left to reveal. */
    void set(List<NodeKey> selected, NodeKey lead) {
        toReveal.clear();
        apply(selected, lead);
    }

    /** A selection made by a command: these keys, the last one leading; the view reveals them. */
    void reveal(Collection<NodeKey> selected) {
        List<NodeKey> list = List.copyOf(new LinkedHashSet<>(selected));
        toReveal.clear();
        toReveal.addAll(list);
        apply(list, list.isEmpty() ? null : list.get(list.size() - 1));
    }

    /** The view showed (and scrolled to) these keys. */
    void revealed(Collection<NodeKey> shown) {
        toReveal.removeAll(shown);
    }

    void clear() {
        toReveal.clear();
        apply(List.of(), null);
    }

    /**
     * After the index changed: keys follow rows that got new ids, keys of nodes that are gone
     * drop out (unless still to reveal), and the lead shows the node's current row.
     */
    void follow() {
        List<NodeKey> now = new ArrayList<>(keys.size());
        NodeKey newLead = null;
        for (NodeKey k : keys) {
            TreeNode n = resolve.apply(k);
            NodeKey current = n != null ? n.key() : toReveal.contains(k) ? k : null;
            if (current != null && !now.contains(current)) {
                now.add(current);
                if (k.equals(leadKey)) {
                    newLead = current;
                }
            }
        }
        apply(now, newLead);
    }

    private void apply(List<NodeKey> selected, NodeKey newLead) {
        if (!keys.equals(selected)) {
            keys.setAll(selected);
        }
        leadKey = newLead != null && selected.contains(newLead) ? newLead
                : selected.isEmpty() ? null : selected.get(selected.size() - 1);
        TreeNode node = leadKey == null ? null : resolve.apply(leadKey);
        if (!Objects.equals(node, lead.get())) {
            lead.set(node);
        }
    }
}
