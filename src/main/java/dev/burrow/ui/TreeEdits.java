package dev.burrow.ui;

import dev.burrow.api.EntryPath;
import dev.burrow.api.FileSystemEntry;
import dev.burrow.tree.DeleteOperation;
import dev.burrow.tree.LinkOperation;
import dev.burrow.tree.MoveOperation;
import dev.burrow.tree.NewFolderOperation;
import dev.burrow.tree.NodeKey;
import dev.burrow.tree.Operation;
import dev.burrow.tree.ShortcutOperation;
import dev.burrow.tree.TreeNode;
import dev.burrow.tree.TreeSession;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;

/**
 * The edits of the project tree, as commands on what {@link TreeViewModel} shows and selects:
 * move, link, rename, new folder, delete, the star, undo and redo. Each one runs through the
 * session (optimistic, sent in the background, undoable) and leaves the selection on what it
 * touched; the status line says what happens.
 */
public final class TreeEdits {

    /** Moves of more rows than this ask first. */
    public static final int LARGE_MOVE = 50;

    /** A move ready to run, and how many rows it takes along (folders with everything inside). */
    public record MovePlan(MoveOperation operation, long rows) {
        public boolean needsConfirmation() {
            return rows > LARGE_MOVE;
        }
    }

    private final TreeViewModel tree;
    private final StatusLine status;
    private final History history = new History();
    private final ReadOnlyObjectWrapper<NodeKey> renaming = new ReadOnlyObjectWrapper<>();

    TreeEdits(TreeViewModel tree, StatusLine status) {
        this.tree = tree;
        this.status = status;
    }

    // ---- Properties -------------------------------------------------------------------------

    /** The undo and redo buttons' state and names. */
    public History history() {
        return history;
    }

    /** A node whose name the view should start editing (a new folder); null in between. */
    public ReadOnlyObjectProperty<NodeKey> renamingProperty() {
        return renaming.getReadOnlyProperty();
    }

    // ---- Queries ----------------------------------------------------------------------------

    /** The move of these nodes into a folder, and how many rows it takes along. */
    public MovePlan planMove(List<TreeNode> nodes, String folder) {
        TreeSession s = tree.session();
        MoveOperation op = MoveOperation.into(nodes, folder, s == null ? null : s.journals());
        long rows = 0;
        for (MoveOperation.Step step : op.steps()) {
            rows++;
            if (step.node() instanceof TreeNode.Folder f) {
                rows += tree.count(f.path()).orElse(0);
            }
        }
        return new MovePlan(op, rows);
    }

    /** What deleting the selection would take; empty when nothing is selected. */
    public Optional<DeletePlan> planDelete() {
        List<TreeNode> nodes = tree.selectedNodes();
        TreeSession s = tree.session();
        if (nodes.isEmpty() || s == null) {
            return Optional.empty();
        }
        return Optional.of(DeletePlan.of(nodes, s.index(), tree.counts()));
    }

    // ---- Commands ---------------------------------------------------------------------------

    /** Runs a move; the moved nodes stay selected at their new places. */
    public void move(MovePlan plan) {
        Set<NodeKey> keys = new LinkedHashSet<>();
        for (MoveOperation.Step s : plan.operation().steps()) {
            keys.add(s.node() instanceof TreeNode.Folder ? NodeKey.folder(s.target()) : s.node().key());
        }
        execute(plan.operation(), msg -> {
            if (msg == null) {
                tree.reveal(keys);
            }
        });
        tree.reveal(keys);
    }

    /** Drops with the link modifier: a link row for each top-level node in {@code folder}. */
    public void link(List<TreeNode> nodes, String folder) {
        for (TreeNode n : MoveOperation.topLevel(nodes)) {
            execute(new LinkOperation(n, folder), msg -> { });
        }
    }

    /** Renames a node in its folder; blank or unchanged names change nothing. */
    public void rename(TreeNode node, String newName) {
        String name = newName == null ? "" : newName.strip();
        TreeSession s = tree.session();
        if (s == null || name.isEmpty() || name.equals(node.name())) {
            return;
        }
        String target = EntryPath.child(EntryPath.parent(EntryPath.normalize(node.path())), name);
        NodeKey key = node instanceof TreeNode.Folder ? NodeKey.folder(target) : node.key();
        execute(MoveOperation.rename(node, name, s.journals()), msg -> {
            if (msg == null) {
                tree.reveal(List.of(key));
            }
        });
    }

    /** "Untitled folder" in the current folder; once made, the view starts renaming it. */
    public void newFolder() {
        TreeSession s = tree.session();
        if (s == null) {
            return;
        }
        tree.search(null);
        String parent = tree.currentFolder();
        tree.expandTo(parent);
        NewFolderOperation op = NewFolderOperation.in(s.index(), parent);
        execute(op, msg -> {
            if (msg == null) {
                NodeKey key = NodeKey.folder(op.path());
                tree.reveal(List.of(key));
                renaming.set(null);
                renaming.set(key);
            }
        });
    }

    /** Deletes what the plan lists; the status says what the server deleted. */
    public void delete(DeletePlan plan) {
        DeleteOperation op = DeleteOperation.of(plan.nodes());
        execute(op, msg -> {
            if (msg == null) {
                status.say(DeletePlan.doneSentence(op.deleted()));
            }
        });
    }

    /** The star: turns a row into a shortcut (link row) or back. */
    public void toggleShortcut(FileSystemEntry row) {
        execute(new ShortcutOperation(row, !row.isLink()), msg -> { });
    }

    public void undo() {
        TreeSession s = tree.session();
        if (s != null) {
            s.undo(this::historyStepDone);
        }
    }

    public void redo() {
        TreeSession s = tree.session();
        if (s != null) {
            s.redo(this::historyStepDone);
        }
    }

    /** F5: forgets what was loaded and loads it again. */
    public void refresh() {
        TreeSession s = tree.session();
        if (s != null) {
            invalidateCounts();
            status.say("Refreshing…");
            s.refresh();
        }
    }

    /**
     * Runs any tree operation as one step of this window's history (undo puts it all back);
     * {@code then} hears null on success or the message of the failure. For edits made elsewhere
     * (the Organise dialog's batch).
     */
    public void executeStep(Operation op, Consumer<String> then) {
        execute(op, then);
    }

    /** Runs an edit; {@code then} hears null on success or the message of the failure. */
    void execute(Operation op, Consumer<String> then) {
        TreeSession s = tree.session();
        if (s == null) {
            return;
        }
        status.say(op.description() + "…");
        s.execute(op, msg -> {
            invalidateCounts();
            history.follow(s);
            then.accept(msg);
        });
    }

    private void historyStepDone(String failure) {
        invalidateCounts();
        if (failure != null) {
            status.fail(failure);
        }
        history.follow(tree.session());
    }

    private void invalidateCounts() {
        tree.invalidateCounts();
    }
}
