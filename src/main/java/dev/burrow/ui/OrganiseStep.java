package dev.burrow.ui;

import dev.burrow.tree.Operation;
import dev.burrow.tree.TreeBackend;
import dev.burrow.tree.TreeIndex;
import dev.burrow.tree.organise.OrganiseUndo;
import java.util.List;
import java.util.function.Consumer;

/**
 * An organise batch (or its undo, or its redo) as the window's history holds it: the batch
 * itself, plus, once an undo has been reconciled, its report to {@code undone} — so the rows it
 * left alone because someone changed them since can be named. Its inverse is wrapped the same
 * way, so every undo and redo of the batch reports.
 */
final class OrganiseStep implements Operation {

    private final Operation inner;
    private final Consumer<OrganiseUndo> undone;

    OrganiseStep(Operation inner, Consumer<OrganiseUndo> undone) {
        this.inner = inner;
        this.undone = undone;
    }

    Operation inner() {
        return inner;
    }

    @Override
    public String description() {
        return inner.description();
    }

    @Override
    public String refusal() {
        return inner.refusal();
    }

    @Override
    public void track(dev.burrow.tree.Progress progress) {
        inner.track(progress);
    }

    @Override
    public boolean tracked() {
        return inner.tracked();
    }

    @Override
    public boolean cancellable() {
        return inner.cancellable();
    }

    @Override
    public void applyLocally(TreeIndex index) {
        inner.applyLocally(index);
    }

    @Override
    public void send(TreeBackend backend) {
        inner.send(backend);
    }

    @Override
    public void reconcile(TreeIndex index) {
        inner.reconcile(index);
        if (inner instanceof OrganiseUndo undo) {
            undone.accept(undo);
        }
    }

    @Override
    public void revertLocally(TreeIndex index) {
        inner.revertLocally(index);
    }

    @Override
    public Operation inverse() {
        Operation back = inner.inverse();
        return back == null ? null : new OrganiseStep(back, undone);
    }

    @Override
    public List<String> resultIds() {
        return inner.resultIds();
    }
}
