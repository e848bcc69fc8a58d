package dev.burrow.tree;

import java.util.ArrayDeque;
import java.util.Deque;

/**
 * The undo and redo stacks of one session. Each step keeps the label of the action the person
 * took ("Move 3 items to Marketing") and the edit last applied for it; undoing runs that edit's
 * inverse and moves the step to the redo side, redoing runs the inverse of the inverse and moves
 * it back. Labels never grow ("Undo: Move…" / "Redo: Move…", never "Undo: Undo: …"), and a new
 * action clears the redo side.
 */
public final class EditHistory {

    /** How many steps are kept; older ones drop off the bottom. */
    public static final int LIMIT = 100;

    /** One action: its label, and the edit that last brought the tree to the state on this side. */
    public static final class Step {
        private final String label;
        private final Operation applied;
        private Operation inverse;
        private boolean inverseKnown;
        private String changedElsewhere;

        Step(String label, Operation applied) {
            this.label = label;
            this.applied = applied;
        }

        /** The action's name as the person took it: "Move 3 items to Marketing". */
        public String label() {
            return label;
        }

        /** The edit last sent for this step. */
        public Operation applied() {
            return applied;
        }

        /** The edit that takes this step back (computed once); null when it cannot be taken back. */
        public Operation inverse() {
            if (!inverseKnown) {
                inverse = applied.inverse();
                inverseKnown = true;
            }
            return inverse;
        }

        /** The name of a row this step touched that someone changed elsewhere since, or null. */
        public String changedElsewhere() {
            return changedElsewhere;
        }

        /** The inverse failed on the server: compute it afresh next time. */
        void forgetInverse() {
            inverse = null;
            inverseKnown = false;
        }
    }

    private final Deque<Step> undo = new ArrayDeque<>();
    private final Deque<Step> redo = new ArrayDeque<>();

    /** A new action succeeded: it goes on the undo side and the redo side is cleared. */
    public void done(Operation op) {
        redo.clear();
        push(undo, new Step(op.description(), op));
    }

    /** The next step to undo, or null. */
    public Step peekUndo() {
        return undo.peek();
    }

    /** The next step to redo, or null. */
    public Step peekRedo() {
        return redo.peek();
    }

    public boolean canUndo() {
        return !undo.isEmpty() && undo.peek().inverse() != null;
    }

    public boolean canRedo() {
        return !redo.isEmpty() && redo.peek().inverse() != null;
    }

    /** "Undo: Move 3 items to Marketing", or null when there is nothing to undo. */
    public String undoLabel() {
        return undo.isEmpty() ? null : "Undo: " + undo.peek().label();
    }

    /** "Redo: Move 3 items to Marketing", or null when there is nothing to redo. */
    public String redoLabel() {
        return redo.isEmpty() ? null : "Redo: " + redo.peek().label();
    }

    /** The step at the top of the undo side was undone by {@code ran}: it moves to the redo side. */
    void undone(Step step, Operation ran) {
        if (undo.peek() == step) {
            undo.pop();
        }
        push(redo, new Step(step.label(), ran));
    }

    /** The step at the top of the redo side was redone by {@code ran}: it moves to the undo side. */
    void redone(Step step, Operation ran) {
        if (redo.peek() == step) {
            redo.pop();
        }
        push(undo, new Step(step.label(), ran));
    }

    /** A step that cannot be taken back drops off (its side would be stuck on it otherwise). */
    void drop(Step step) {
        undo.remove(step);
        redo.remove(step);
    }

    /**
     * Live refresh saw these rows ({@code rows}: id to name) changed elsewhere: the undo steps that
     * touched them will say so instead of overwriting someone else's change.
     */
    void changedElsewhere(java.util.Map<String, String> rows) {
        for (Step step : undo) {
            for (String id : step.applied().resultIds()) {
                if (rows.containsKey(id) && step.changedElsewhere == null) {
                    step.changedElsewhere = rows.get(id);
                }
            }
        }
    }

    public void clear() {
        undo.clear();
        redo.clear();
    }

    private static void push(Deque<Step> side, Step step) {
        side.push(step);
        while (side.size() > LIMIT) {
            side.removeLast();
        }
    }
}
