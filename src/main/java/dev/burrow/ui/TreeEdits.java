package dev.burrow.ui;

import dev.burrow.api.EntryPath;
import dev.burrow.api.FileSystemEntry;
import dev.burrow.tree.ClashChoice;
import dev.burrow.tree.DeleteOperation;
import dev.burrow.tree.EditHistory;
import dev.burrow.tree.RestoreOperation;
import dev.burrow.tree.StarOperation;
import dev.burrow.tree.LinkOperation;
import dev.burrow.tree.MoveOperation;
import dev.burrow.tree.NewFolderOperation;
import dev.burrow.tree.NodeKey;
import dev.burrow.tree.Operation;
import dev.burrow.tree.ShortcutOperation;
import dev.burrow.tree.TreeNode;
import dev.burrow.tree.TreeSession;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;
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
    private final ReadOnlyObjectWrapper<String> lossNotice = new ReadOnlyObjectWrapper<>();
    /** Asks the person what to do when a folder would land on a sibling's name (the view sets it). */
    private Function<String, ClashChoice> askClash = name -> ClashChoice.CANCEL;

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

    /**
     * After an undo that could not give everything back: what is missing, for a dialog (the
     * status bar says it too). Null in between.
     */
    public ReadOnlyObjectProperty<String> lossNoticeProperty() {
        return lossNotice.getReadOnlyProperty();
    }

    /**
     * Who answers when a folder would be renamed or moved onto an existing sibling's name; it
     * hears the name and answers merge, keep both or cancel.
     */
    public void setClashAsker(Function<String, ClashChoice> asker) {
        this.askClash = asker;
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
        // a node inside a selected folder goes with it: the question names the folder only
        return Optional.of(DeletePlan.of(MoveOperation.topLevel(nodes), s.index(), tree.counts()));
    }

    // ---- Commands ---------------------------------------------------------------------------

    /**
     * Runs a move; the moved nodes stay selected at their new places. A folder landing on a
     * sibling's name asks first: merge, keep both ("Name (2)"), or cancel (nothing changes).
     */
    public void move(MovePlan plan) {
        MoveOperation op = resolveClashes(plan.operation());
        if (op == null) {
            return;
        }
        Set<NodeKey> keys = new LinkedHashSet<>(op.touched());
        execute(op, msg -> {
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
        MoveOperation op = resolveClashes(MoveOperation.rename(node, name, s.journals()));
        if (op == null) {
            return;
        }
        List<NodeKey> keys = op.touched();
        execute(op, msg -> {
            if (msg == null) {
                tree.reveal(keys);
            }
        });
    }

    /** The move as the person wants it when folders clash with siblings; null: cancelled. */
    private MoveOperation resolveClashes(MoveOperation op) {
        TreeSession s = tree.session();
        List<MoveOperation.Step> clashes = s == null ? List.of() : ClashChoice.clashes(op, s.index());
        if (clashes.isEmpty()) {
            return op;
        }
        String name = clashes.get(0).node().name();
        ClashChoice choice = askClash.apply(EntryPath.leaf(clashes.get(0).target()));
        if (choice == null || choice == ClashChoice.CANCEL) {
            status.say("Nothing changed: “" + name + "” stays as it was.");
            return null;
        }
        return choice == ClashChoice.MERGE ? op : ClashChoice.keepingBoth(op, s.index());
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
        TreeSession s = tree.session();
        DeleteOperation op = DeleteOperation.of(plan.nodes());
        if (s != null) {
            op.withStars(s.stars());
        }
        NodeKey next = tree.neighbourOf(op.nodes());
        tree.reveal(next == null ? List.of() : List.of(next));
        execute(op, msg -> {
            if (msg == null) {
                status.say(plan.doneSentence(op.deleted()));
            } else {
                tree.reveal(op.nodes().stream().map(TreeNode::key).toList());
            }
        });
    }

    /**
     * Ctrl+D, the star: stars the nodes ({@code file_system_shortcut}), or unstars them when all
     * are starred. The tree's rows never change; undo gives the stars back.
     */
    public void toggleStar(List<TreeNode> nodes) {
        TreeSession s = tree.session();
        if (s == null || nodes.isEmpty()) {
            return;
        }
        StarOperation op = StarOperation.toggle(s.stars(), nodes);
        execute(op, msg -> {
            if (msg == null) {
                status.say((op.stars() ? "Starred " : "Unstarred ") + what(op.nodes()) + ".");
            }
        });
    }

    /** Whether a node is starred. */
    public boolean isStarred(TreeNode node) {
        TreeSession s = tree.session();
        return s != null && s.stars().isStarred(node);
    }

    /**
     * Sets the row's {@code shortcut} flag (link row or real row). The view has stated the
     * consequence ({@link ShortcutFlagPlan}) and the person agreed. Undoable.
     */
    public void setShortcutFlag(FileSystemEntry row, boolean on) {
        if (row == null || row.isLink() == on) {
            return;
        }
        execute(new ShortcutOperation(row, on), msg -> {
            if (msg == null) {
                tree.reveal(List.of(NodeKey.of(row)));
            }
        });
    }

    /** What turning the flag of this row on or off would do, for the confirmation. */
    public ShortcutFlagPlan planShortcutFlag(FileSystemEntry row, boolean on) {
        TreeSession s = tree.session();
        return ShortcutFlagPlan.of(row, on, s == null ? List.of() : s.index().rows());
    }

    /** "Show original": selects and reveals the real row of a link row's object. */
    public void showOriginal(FileSystemEntry link) {
        TreeSession s = tree.session();
        FileSystemEntry original = s == null ? null : ShortcutFlagPlan.originalOf(link, s.index().rows());
        if (original == null) {
            status.say("The original of “" + link.name() + "” is not in the tree: it has no home row.");
            return;
        }
        tree.reveal(original);
    }

    public void undo() {
        step(true);
    }

    public void redo() {
        step(false);
    }

    /** Undo or redo one step; afterwards exactly the rows it touched are selected and shown. */
    private void step(boolean back) {
        TreeSession s = tree.session();
        if (s == null) {
            return;
        }
        EditHistory.Step step = back ? s.history().peekUndo() : s.history().peekRedo();
        Operation run = step == null ? null : step.inverse();
        NodeKey neighbour = run instanceof DeleteOperation d ? tree.neighbourOf(d.nodes()) : null;
        String label = step == null ? "" : (back ? "Undo: " : "Redo: ") + step.label();
        if (run instanceof MoveOperation m) {
            tree.followMove(m);
        }
        Consumer<String> done = failure -> {
            invalidateCounts();
            history.follow(s);
            if (failure != null) {
                status.fail(failure);
                return;
            }
            List<NodeKey> keys = touchedKeys(s, run);
            tree.reveal(keys.isEmpty() && neighbour != null ? List.of(neighbour) : keys);
            if (run instanceof RestoreOperation r && !r.lost().isEmpty()) {
                String lost = DeletePlan.lostSentence(r.lost());
                status.fail(label + ": " + lost);
                lossNotice.set(null);
                lossNotice.set(lost);
            }
        };
        if (run != null) {
            status.say(label + "…"); // not the last edit's "— done" while this one runs (an organise undo ran minutes)
        }
        if (back) {
            s.undo(done);
        } else {
            s.redo(done);
        }
    }

    /** The nodes an edit left for the person to see: its own word, else its rows' top-level nodes. */
    private static List<NodeKey> touchedKeys(TreeSession s, Operation run) {
        if (run == null) {
            return List.of();
        }
        if (!run.touched().isEmpty()) {
            return run.touched();
        }
        List<FileSystemEntry> rows = new ArrayList<>();
        for (String id : run.resultIds()) {
            FileSystemEntry e = s.index().byId(id);
            if (e != null) {
                rows.add(e);
            }
        }
        List<NodeKey> out = new ArrayList<>();
        for (FileSystemEntry e : rows) {
            boolean inside = rows.stream().anyMatch(o -> o.isFolder()
                    && EntryPath.isBelow(EntryPath.normalize(e.path()), EntryPath.normalize(o.path())));
            NodeKey k = NodeKey.of(e);
            if (!inside && !out.contains(k)) {
                out.add(k);
            }
        }
        return out;
    }

    /** The nodes as a sentence names them: “Design”, or "3 items". */
    static String what(List<TreeNode> nodes) {
        return nodes.size() == 1 ? "“" + nodes.get(0).name() + "”" : nodes.size() + " items";
    }

    /** F5: forgets what was loaded and loads it again. */
    public void refresh() {
        TreeSession s = tree.session();
        if (s != null) {
            invalidateCounts();
            status.say("Refreshing…");
            tree.keepSelection();
            s.refresh();
        }
    }

    /**
     * Runs any edit of the tree as one undoable step (an organise batch, a move…); {@code then}
     * hears null on success or the message of the failure.
     */
    public void execute(Operation op, Consumer<String> then) {
        TreeSession s = tree.session();
        if (s == null) {
            return;
        }
        status.say(op.description() + "…");
        if (op instanceof MoveOperation m && m.refusal() == null) {
            tree.followMove(m);
        }
        s.execute(op, msg -> {
            invalidateCounts();
            history.follow(s);
            then.accept(msg);
        });
    }

    private void invalidateCounts() {
        tree.invalidateCounts();
    }
}
