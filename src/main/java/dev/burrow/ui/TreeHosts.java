package dev.burrow.ui;

import dev.burrow.tree.TreeNode;
import java.util.List;
import java.util.OptionalLong;

/**
 * What the tree's cells and its drag-and-drop ask of the pane around them, answered from the
 * view model: counts, stars, retries, renames, drop decisions and drops.
 */
final class TreeHosts implements EntryCell.Host, DragController.Target {

    private final TreeViewModel vm;
    private final TreePane pane;

    TreeHosts(TreeViewModel vm, TreePane pane) {
        this.vm = vm;
        this.pane = pane;
    }

    // ---- DragController.Target ------------------------------------------------------------------

    @Override
    public List<TreeNode> selectedNodes() {
        return vm.selectedNodes();
    }

    @Override
    public DropDecision decide(List<TreeNode> nodes, String folder) {
        return vm.decideDrop(nodes, folder);
    }

    @Override
    public void explain(String why) {
        vm.explainDrop(why);
    }

    @Override
    public void dragEnded() {
        pane.showSelection();
    }

    @Override
    public void drop(List<TreeNode> nodes, String folder, boolean link) {
        if (link) {
            vm.edits().link(nodes, folder);
        } else {
            pane.move(vm.edits().planMove(nodes, folder));
        }
    }

    // ---- EntryCell.Host -------------------------------------------------------------------------

    @Override
    public OptionalLong count(String folder) {
        return vm.count(folder);
    }

    @Override
    public void toggleStar(TreeNode node) {
        vm.edits().toggleStar(List.of(node));
    }

    @Override
    public boolean isStarred(TreeNode node) {
        return vm.edits().isStarred(node);
    }

    @Override
    public void retry(String folder) {
        vm.retry(folder);
    }

    @Override
    public void loadMore(String folder) {
        vm.loadMore(folder);
    }

    @Override
    public void rename(TreeNode node, String newName) {
        vm.edits().rename(node, newName);
    }

    @Override
    public boolean changedElsewhere(TreeNode node) {
        return vm.live() != null && vm.live().isMarked(node);
    }

    @Override
    public boolean isCut(TreeNode node) {
        return vm.isCut(node);
    }
}
