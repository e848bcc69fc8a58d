package dev.burrow.ui;

import dev.burrow.tree.MoveCheck;
import dev.burrow.tree.TreeNode;

/** Whether nodes may be dropped into a folder; when not, the first refused node and why. */
public record DropDecision(TreeNode refused, MoveCheck check) {

    static final DropDecision ALLOWED = new DropDecision(null, MoveCheck.OK);

    public boolean allowed() {
        return check.allowed();
    }

    /** "“Q1”: A folder can't be moved into itself." — empty when allowed. */
    public String reason() {
        return allowed() || refused == null ? "" : "“" + refused.name() + "”: " + check.explanation();
    }
}
