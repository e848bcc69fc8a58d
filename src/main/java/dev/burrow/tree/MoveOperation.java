package dev.burrow.tree;

import dev.burrow.api.EntryPath;
import dev.burrow.api.FileSystemEntry;
import java.util.ArrayList;
import java.util.List;

/**
 * Moves nodes into a folder. An item moves by PATCH of its path; a folder by {@code POST move}
 * where the server has it, else by a journaled PATCH of the folder row and every descendant.
 * Renaming is a move within the same folder.
 */
public final class MoveOperation implements Operation {

    /** One node to move and the path it gets. */
    public record Step(TreeNode node, String target) {
    }

    private final List<Step> steps;
    private final String description;
    private final MoveJournal.Store journals;
    /** One set of optimistic changes per step, so that a failure can take back only what failed. */
    private final List<LocalChanges> local = new ArrayList<>();
    /** Per step: move row by row (journal) rather than with {@code POST move}; decided on the owner thread. */
    private final List<Boolean> rowByRow = new ArrayList<>();
    private final List<String> movedIds = new ArrayList<>();
    /** Folder rows the server deleted by merging them into a folder already at the target. */
    private final List<String> mergedIds = new ArrayList<>();
    private volatile int completed;
    /** Per step index: for a step moved row by row, exactly the rows it may move (its descendants by id). */
    private final java.util.Map<Integer, java.util.Set<String>> onlyIds = new java.util.HashMap<>();
    /** Per step index: the ids a row-by-row step moved, for an exact inverse. */
    private final java.util.Map<Integer, java.util.Set<String>> movedRows = new java.util.concurrent.ConcurrentHashMap<>();
    private final MoveCheck refused;
    /** Steps whose folder went as one {@code POST move} (the others by PATCH), for callers that report it. */
    private final java.util.Set<Integer> serverMoves = java.util.concurrent.ConcurrentHashMap.newKeySet();
    /** Where {@link #send} reports each request; a cancel there stops it between two. */
    private Progress progress = new Progress("", false);

    MoveOperation(List<Step> steps, String description, MoveJournal.Store journals) {
        this(steps, description, journals, null);
    }

    private MoveOperation(List<Step> steps, String description, MoveJournal.Store journals, MoveCheck refused) {
        this.steps = List.copyOf(steps);
        this.description = description;
        this.journals = journals;
        this.refused = refused;
    }

    /** Moves {@code nodes} into {@code targetFolder}; nodes inside another moved folder ride along. */
    public static MoveOperation into(List<TreeNode> nodes, String targetFolder, MoveJournal.Store journals) {
        List<Step> steps = new ArrayList<>();
        MoveCheck refused = null;
        List<TreeNode> top = topLevel(nodes);
        for (TreeNode n : top) {
            MoveCheck check = MoveCheck.of(n, targetFolder);
            if (check.allowed()) {
                steps.add(new Step(n, MoveCheck.targetPath(n, targetFolder)));
            } else if (refused == null) {
                refused = check;
            }
        }
        String where = targetFolder.isEmpty() ? "the top level" : EntryPath.leaf(targetFolder);
        List<TreeNode> named = steps.isEmpty() ? top : steps.stream().map(Step::node).toList();
        String what = named.size() == 1 ? "“" + named.get(0).name() + "”" : named.size() + " items";
        return new MoveOperation(steps, "Move " + what + " to " + where, journals, refused);
    }

    /**
     * Moves {@code nodes} (a folder, or the item rows of one path) to exactly {@code target}: a
     * move and a rename at once. Refused when a folder would go into itself, or when nothing
     * would change.
     */
    public static MoveOperation to(List<TreeNode> nodes, String target, MoveJournal.Store journals) {
        String path = EntryPath.normalize(target);
        List<Step> steps = new ArrayList<>();
        MoveCheck refused = null;
        for (TreeNode n : topLevel(nodes)) {
            String from = EntryPath.normalize(n.path());
            MoveCheck check = from.equals(path) ? MoveCheck.UNCHANGED : MoveCheck.of(n, EntryPath.parent(path));
            if (check == MoveCheck.UNCHANGED && !from.equals(path)) {
                check = MoveCheck.OK; // same folder, another name: a rename
            }
            if (check.allowed()) {
                steps.add(new Step(n, path));
            } else if (refused == null) {
                refused = check;
            }
        }
        String what = nodes.isEmpty() ? "nothing" : "“" + nodes.get(0).name() + "”";
        return new MoveOperation(steps, "Move " + what + " to " + path, journals, refused);
    }

    /** Renames a node in place (a move to a sibling path). */
    public static MoveOperation rename(TreeNode node, String newName, MoveJournal.Store journals) {
        String target = EntryPath.child(EntryPath.parent(EntryPath.normalize(node.path())), newName);
        String description = "Rename “" + node.name() + "” to “" + newName + "”";
        if (target.equals(EntryPath.normalize(node.path()))) {
            return new MoveOperation(List.of(), description, journals, MoveCheck.UNCHANGED);
        }
        return new MoveOperation(List.of(new Step(node, target)), description, journals, null);
    }

    /** Drops nodes that lie inside another node of the list: their folder carries them. */
    public static List<TreeNode> topLevel(List<TreeNode> nodes) {
        List<TreeNode> out = new ArrayList<>();
        for (TreeNode n : nodes) {
            boolean inside = false;
            for (TreeNode other : nodes) {
                if (other != n && other instanceof TreeNode.Folder
                        && EntryPath.normalize(n.path()).startsWith(EntryPath.normalize(other.path()) + "/")) {
                    inside = true;
                    break;
                }
            }
            if (!inside && out.stream().noneMatch(o -> o.key().equals(n.key()))) {
                out.add(n);
            }
        }
        return out;
    }

    public List<Step> steps() {
        return steps;
    }

    /** The same edit (description, journals) with other steps: a clash resolved by another name. */
    MoveOperation withSteps(List<Step> other, String newDescription) {
        return new MoveOperation(other, newDescription, journals, refused);
    }

    /** After {@link #send}: whether step {@code index} went as one {@code POST move} (else by PATCH). */
    public boolean sentAsMove(int index) {
        return serverMoves.contains(index);
    }

    @Override
    public String description() {
        return description;
    }

    /** When no node may move (every one refused by {@link MoveCheck}): why; else null. */
    @Override
    public String refusal() {
        if (!steps.isEmpty()) {
            return null;
        }
        return refused != null ? refused.explanation() : "Nothing to move.";
    }

    /** The rows this move touches, as known to the index (the folder's own rows first). */
    private static List<FileSystemEntry> affected(TreeIndex index, TreeNode node, java.util.Set<String> only) {
        if (node instanceof TreeNode.Item item) {
            FileSystemEntry current = index.byId(item.row().id());
            return List.of(current != null ? current : item.row());
        }
        List<FileSystemEntry> rows = index.subtree(node.path());
        if (only == null) {
            return rows;
        }
        java.util.Set<String> own = new java.util.HashSet<>();
        ((TreeNode.Folder) node).rows().forEach(r -> own.add(r.id()));
        return rows.stream().filter(r -> own.contains(r.id()) || only.contains(r.id())).toList();
    }

    static String rebase(String path, String oldPrefix, String newPrefix) {
        String p = EntryPath.normalize(path);
        String old = EntryPath.normalize(oldPrefix);
        if (p.equals(old)) {
            return newPrefix;
        }
        return newPrefix + p.substring(old.length());
    }

    @Override
    public void applyLocally(TreeIndex index) {
        local.clear();
        rowByRow.clear();
        for (int i = 0; i < steps.size(); i++) {
            Step s = steps.get(i);
            java.util.Set<String> only = onlyIds.get(i);
            rowByRow.add(s.node() instanceof TreeNode.Folder f && (only != null || needsRowByRow(index, f, s.target())));
            LocalChanges changes = new LocalChanges();
            for (FileSystemEntry row : affected(index, s.node(), only)) {
                changes.put(index, row.withPath(rebase(row.path(), s.node().path(), s.target())));
            }
            local.add(changes);
        }
    }

    /**
     * {@code POST move} creates folder rows for missing parents of the target and merges into a
     * folder row already at the target (deleting the moved one): both leave the server in a state
     * that undo cannot restore. So a folder whose target has a synthetic ancestor, or whose target
     * already has a folder row, moves row by row by PATCH instead, which creates and deletes nothing.
     */
    private static boolean needsRowByRow(TreeIndex index, TreeNode.Folder folder, String target) {
        if (folder.isSynthetic()) {
            return true;
        }
        TreeNode.Folder existing = index.folder(target);
        if (existing != null && !existing.isSynthetic()) {
            return true;
        }
        for (String a : EntryPath.ancestors(target)) {
            TreeNode.Folder f = index.folder(a);
            if (f != null && f.isSynthetic()) {
                return true;
            }
        }
        return false;
    }

    @Override
    public void track(Progress p) {
        this.progress = p;
    }

    @Override
    public boolean tracked() {
        return true;
    }

    /**
     * Sends the steps in order. A cancel stops between two requests: a folder moving row by row
     * puts back its rows itself, steps done before stay done (see {@link #completedPart()}).
     */
    @Override
    public void send(TreeBackend backend) {
        movedIds.clear();
        mergedIds.clear();
        movedRows.clear();
        serverMoves.clear();
        completed = 0;
        progress.add(steps.size());
        for (int i = 0; i < steps.size(); i++) {
            progress.checkNotCancelled();
            Step s = steps.get(i);
            boolean byRows = i < rowByRow.size() && rowByRow.get(i);
            moveOne(backend, i, s.node(), s.target(), byRows);
            completed = i + 1;
        }
    }

    /**
     * After a cancel or a failure: the steps the server completed, as an edit of their own whose
     * {@link #inverse()} puts them back; null when none completed.
     */
    public MoveOperation completedPart() {
        int n = completed;
        if (n == 0) {
            return null;
        }
        String label = n == steps.size() ? description : description + " (" + n + " of " + steps.size() + " done)";
        MoveOperation part = new MoveOperation(steps.subList(0, n), label, journals);
        for (int i = 0; i < n; i++) {
            if (movedRows.containsKey(i)) {
                part.movedRows.put(i, movedRows.get(i));
            }
            if (serverMoves.contains(i)) {
                part.serverMoves.add(i);
            }
        }
        part.mergedIds.addAll(mergedIds);
        part.movedIds.addAll(movedIds);
        part.completed = n;
        return part;
    }

    private void moveOne(TreeBackend backend, int step, TreeNode node, String target, boolean byRows) {
        if (node instanceof TreeNode.Item item) {
            FileSystemEntry moved = backend.patchPath(item.row().id(), target);
            movedIds.add(moved.id());
            progress.advance();
            return;
        }
        TreeNode.Folder folder = (TreeNode.Folder) node;
        if (byRows || folder.isSynthetic() || !backend.supportsMove()) {
            MoveJournal journal = MoveJournal.plan(folder, target, backend, journals, onlyIds.get(step));
            progress.add(journal.total() - 1);
            journal.run(backend, progress);
            java.util.Set<String> ids = new java.util.HashSet<>();
            journal.entries().forEach(e -> ids.add(e.id()));
            movedRows.put(step, ids);
            if (folder.row() != null) {
                movedIds.add(folder.row().id());
            }
            return;
        }
        FileSystemEntry moved = backend.move(folder.row().id(), target);
        serverMoves.add(step);
        progress.advance();
        if (moved.id() == null) {
            // merged into a folder row the index did not know of: the moved row is gone
            mergedIds.add(folder.row().id());
        } else {
            movedIds.add(moved.id());
        }
        // Further folder rows at the same path (duplicates are allowed) follow the first.
        for (FileSystemEntry extra : folder.rows().subList(1, folder.rows().size())) {
            backend.patchPath(extra.id(), target);
        }
    }

    @Override
    public void reconcile(TreeIndex index) {
        // The optimistic rows already carry the new paths; ids never change on move.
        mergedIds.forEach(index::remove);
    }

    /** Takes back the steps that did not happen; steps the server completed stay (the index follows the server). */
    @Override
    public void revertLocally(TreeIndex index) {
        for (int i = local.size() - 1; i >= completed; i--) {
            local.get(i).revert(index);
        }
    }

    @Override
    public Operation inverse() {
        if (!mergedIds.isEmpty()) {
            return null; // the server merged folders: which rows were ours is lost
        }
        List<Step> back = new ArrayList<>();
        java.util.Map<Integer, java.util.Set<String>> exact = new java.util.HashMap<>();
        for (int i = 0; i < steps.size(); i++) {
            Step s = steps.get(i);
            if (movedRows.containsKey(i)) {
                // moved row by row (perhaps into a folder that had rows of its own): move back only ours
                exact.put(i, movedRows.get(i));
            }
            TreeNode moved = s.node() instanceof TreeNode.Item item
                    ? new TreeNode.Item(item.row().withPath(s.target()))
                    : new TreeNode.Folder(s.target(), ((TreeNode.Folder) s.node()).rows().stream()
                            .map(r -> r.withPath(s.target())).toList());
            back.add(new Step(moved, EntryPath.normalize(s.node().path())));
        }
        MoveOperation inverse = new MoveOperation(back, "Undo: " + description, journals);
        inverse.onlyIds.putAll(exact);
        return inverse;
    }

    /** The moved nodes at their new places. */
    @Override
    public List<NodeKey> touched() {
        List<NodeKey> out = new ArrayList<>();
        for (Step s : steps) {
            out.add(s.node() instanceof TreeNode.Folder ? NodeKey.folder(s.target()) : s.node().key());
        }
        return out;
    }

    @Override
    public List<String> resultIds() {
        return List.copyOf(movedIds);
    }
}
