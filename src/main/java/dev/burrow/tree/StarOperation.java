package dev.burrow.tree;

import dev.burrow.api.Star;
import java.util.ArrayList;
import java.util.List;

/**
 * Stars or unstars nodes ({@code file_system_shortcut} add and remove). The tree's rows never
 * change: a star is a personal bookmark, not the {@code shortcut} flag. Unstarring remembers each
 * star's place in the list, so undo puts it back where it was.
 */
public final class StarOperation implements Operation {

    private final StarList list;
    private final List<TreeNode> nodes;
    private final boolean on;
    /** For a star: the order each node's star should get (null: at the end). */
    private final List<Integer> orders;
    private final List<Star> snapshot = new ArrayList<>();
    /** The stars this edit took away (unstar), or the ones the server made (star). */
    private final List<Star> changed = new ArrayList<>();
    private final List<Star> toRemove = new ArrayList<>();

    private StarOperation(StarList list, List<TreeNode> nodes, boolean on, List<Integer> orders) {
        this.list = list;
        this.nodes = List.copyOf(nodes);
        this.on = on;
        this.orders = orders;
    }

    /** Stars the nodes not starred yet. */
    public static StarOperation star(StarList list, List<TreeNode> nodes) {
        List<TreeNode> todo = nodes.stream().filter(n -> !list.isStarred(n)).toList();
        List<Integer> orders = new ArrayList<>();
        todo.forEach(n -> orders.add(null));
        return new StarOperation(list, todo, true, orders);
    }

    /** Unstars the nodes that are starred. */
    public static StarOperation unstar(StarList list, List<TreeNode> nodes) {
        return new StarOperation(list, nodes.stream().filter(list::isStarred).toList(), false, List.of());
    }

    /** Ctrl+D: unstars when every node is starred, else stars the others. */
    public static StarOperation toggle(StarList list, List<TreeNode> nodes) {
        return nodes.stream().allMatch(list::isStarred) ? unstar(list, nodes) : star(list, nodes);
    }

    public boolean stars() {
        return on;
    }

    public List<TreeNode> nodes() {
        return nodes;
    }

    @Override
    public String description() {
        String what = nodes.size() == 1 ? "“" + nodes.get(0).name() + "”" : nodes.size() + " items";
        return (on ? "Star " : "Unstar ") + what;
    }

    @Override
    public String refusal() {
        return nodes.isEmpty() ? (on ? "Already starred." : "Not starred.") : null;
    }

    @Override
    public void applyLocally(TreeIndex index) {
        snapshot.clear();
        snapshot.addAll(list.all());
        toRemove.clear();
        for (int i = 0; i < nodes.size(); i++) {
            TreeNode n = nodes.get(i);
            if (on) {
                list.add(StarList.template(n, orders.get(i)));
            } else {
                Star s = list.of(n);
                if (s != null) {
                    toRemove.add(s);
                    list.remove(s);
                }
            }
        }
    }

    @Override
    public void send(TreeBackend backend) {
        changed.clear();
        if (on) {
            for (int i = 0; i < nodes.size(); i++) {
                changed.add(backend.addStar(StarList.template(nodes.get(i), orders.get(i))));
            }
        } else {
            for (Star s : toRemove) {
                backend.removeStar(s.id());
                changed.add(s);
            }
        }
    }

    @Override
    public void reconcile(TreeIndex index) {
        if (on) {
            List<Star> now = new ArrayList<>(snapshot);
            now.addAll(changed);
            now.sort(java.util.Comparator.comparing((Star s) -> s.order() == null ? Integer.MAX_VALUE : s.order()));
            list.setAll(now);
        }
    }

    @Override
    public void revertLocally(TreeIndex index) {
        list.setAll(snapshot);
    }

    @Override
    public Operation inverse() {
        if (on) {
            return new StarOperation(list, nodes, false, List.of());
        }
        List<Integer> back = new ArrayList<>();
        List<TreeNode> again = new ArrayList<>();
        for (TreeNode n : nodes) {
            for (Star s : changed) {
                if (StarList.matches(s, n)) {
                    again.add(n);
                    back.add(s.order());
                    break;
                }
            }
        }
        return new StarOperation(list, again, true, back);
    }

    @Override
    public List<NodeKey> touched() {
        return nodes.stream().map(TreeNode::key).toList();
    }
}
