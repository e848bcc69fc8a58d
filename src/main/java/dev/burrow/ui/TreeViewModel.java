package dev.burrow.ui;

import dev.burrow.api.EntryPath;
import dev.burrow.api.FileSystemEntry;
import dev.burrow.api.Star;
import dev.burrow.tree.FolderCounts;
import dev.burrow.tree.FolderState;
import dev.burrow.tree.MoveCheck;
import dev.burrow.tree.NodeKey;
import dev.burrow.tree.StarList;
import dev.burrow.tree.TaskRunner;
import dev.burrow.tree.TreeIndex;
import dev.burrow.tree.TreeNode;
import dev.burrow.tree.TreeSession;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The project tree's state and commands, between {@code TreePane} and the {@link TreeSession}:
 * the one selection (what the highlighted rows, Details and every command mean), which folders
 * are open, the search results, the clipboard, the drop decision and the edits. Holds no nodes
 * and touches the toolkit only through the {@link TaskRunner}.
 */
public final class TreeViewModel {

    private final TaskRunner runner;
    private final StatusLine status;
    private final TreeEdits edits;
    private final TreeSelection selection = new TreeSelection(this::resolve);
    private final SearchResults search = new SearchResults();
    private final Set<String> expanded = new HashSet<>(Set.of(""));
    private final ObservableList<Star> stars = FXCollections.observableArrayList();
    private final ObservableList<Star> starsView = FXCollections.unmodifiableObservableList(stars);
    private final ReadOnlyObjectWrapper<TreeSession> session = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyIntegerWrapper rowsVersion = new ReadOnlyIntegerWrapper();
    private final ReadOnlyIntegerWrapper countsVersion = new ReadOnlyIntegerWrapper();
    /** Folders changed since the last refill: the counts the badges show may have too. */
    private boolean countsFollow;
    private final ReadOnlyIntegerWrapper marksVersion = new ReadOnlyIntegerWrapper();
    private List<TreeNode> clipboard = List.of();
    /** The keys of what was cut, for the views to mark those rows until the paste or Escape. */
    private java.util.Set<NodeKey> cutKeys = java.util.Set.of();
    private FolderCounts counts;
    private boolean rowsQueued;
    private LiveRefresh live;
    /** Open folders to refill at the next refresh, unless {@link #refillAll}. */
    private final Set<String> refill = new HashSet<>();
    private boolean refillAll = true;

    TreeViewModel(TaskRunner runner, StatusLine status, ReadOnlyObjectProperty<TreeSession> windowSession) {
        this.runner = runner;
        this.status = status;
        this.edits = new TreeEdits(this, status);
        windowSession.addListener((o, old, s) -> attach(old, s));
        attach(null, windowSession.get());
    }

    // ---- Properties -------------------------------------------------------------------------

    public ReadOnlyObjectProperty<TreeSession> sessionProperty() {
        return session.getReadOnlyProperty();
    }

    /** The selected nodes' keys in selection order: what the highlighted rows show. */
    public ObservableList<NodeKey> selection() {
        return selection.keys();
    }

    /** The lead of the selection (the node last selected): Details' subject. */
    public ReadOnlyObjectProperty<TreeNode> selectedProperty() {
        return selection.leadProperty();
    }

    /** The search's rows, or null when the tree shows everything. */
    public ReadOnlyObjectProperty<List<FileSystemEntry>> searchResultsProperty() {
        return search.rowsProperty();
    }

    /** The person's stars ({@code file_system_shortcut}) in the server's order: the Shortcuts pane. */
    public ObservableList<Star> stars() {
        return starsView;
    }

    /** Goes up once per batch of changes to the rows shown (coalesced per pulse): views refill. */
    public ReadOnlyIntegerProperty rowsVersionProperty() {
        return rowsVersion.getReadOnlyProperty();
    }

    /** Goes up when a folder's count arrived: views redraw their badges. */
    public ReadOnlyIntegerProperty countsVersionProperty() {
        return countsVersion.getReadOnlyProperty();
    }

    /** The edits on what this model shows and selects: move, rename, delete, undo… */
    public TreeEdits edits() {
        return edits;
    }

    TreeSession session() {
        return session.get();
    }

    FolderCounts counts() {
        return counts;
    }

    TaskRunner runner() {
        return runner;
    }

    void invalidateCounts() {
        if (counts != null) {
            counts.invalidate();
        }
    }

    // ---- Queries ----------------------------------------------------------------------------

    public List<TreeNode> selectedNodes() {
        return selection.nodes();
    }

    /** Keys selected by a command whose rows the view has not shown yet. */
    public Set<NodeKey> toReveal() {
        return selection.toReveal();
    }

    /** What was cut (Ctrl+X) and waits for a paste. */
    public List<TreeNode> clipboard() {
        return clipboard;
    }

    public boolean isSearching() {
        return search.active();
    }

    public boolean isExpanded(String folder) {
        return folder.isEmpty() || (search.active() ? search.expanded() : expanded).contains(folder);
    }

    /** Where new things go: the first selected folder, else the first selected item's folder, else the root. */
    public String currentFolder() {
        List<TreeNode> sel = selectedNodes();
        if (sel.isEmpty()) {
            return "";
        }
        TreeNode n = sel.get(0);
        return n instanceof TreeNode.Folder f ? f.path() : EntryPath.parent(EntryPath.normalize(n.path()));
    }

    /** The index the tree shows: the search results, or the session's. */
    TreeIndex shownIndex() {
        TreeSession s = session.get();
        return search.active() ? search.index() : s == null ? new TreeIndex() : s.index();
    }

    /**
     * A folder's lines: its children, then a placeholder (loading, failed, load more, empty).
     * Asks the server for a folder not loaded yet.
     */
    public List<Row> rows(String folder) {
        TreeSession s = session.get();
        if (s == null) {
            return List.of();
        }
        FolderState state = search.active() ? new FolderState.Loaded(0, false) : s.state(folder);
        if (state instanceof FolderState.NotLoaded) {
            s.loadFolder(folder);
            state = s.state(folder);
        }
        return Row.linesOf(folder, shownIndex().children(folder), state);
    }

    /**
     * The folder whose lines show this key's node in the index shown now: a folder's parent, an
     * item's folder; null for the root and for an item that index lacks.
     */
    String folderOf(NodeKey key) {
        if (key instanceof NodeKey.Folder f) {
            return f.path().isEmpty() ? null : EntryPath.parent(f.path());
        }
        TreeNode node = shownIndex().node(key);
        return node == null ? null : EntryPath.parent(EntryPath.normalize(node.path()));
    }

    /** The node of a key in the index shown now (the search's while searching), or null. */
    TreeNode shownNode(NodeKey key) {
        return key instanceof NodeKey.Folder f && f.path().isEmpty() ? null : shownIndex().node(key);
    }

    /** The rows below a folder, when known (not while searching). */
    public OptionalLong count(String folder) {
        return search.active() || counts == null ? OptionalLong.empty() : counts.get(folder);
    }

    /** Whether these nodes may be dropped into {@code folder} (the rules are {@link MoveCheck}'s). */
    public DropDecision decideDrop(List<TreeNode> nodes, String folder) {
        if (nodes.isEmpty()) {
            return new DropDecision(null, MoveCheck.UNCHANGED);
        }
        for (TreeNode n : nodes) {
            MoveCheck c = MoveCheck.of(n, folder);
            if (!c.allowed()) {
                return new DropDecision(n, c);
            }
        }
        return DropDecision.ALLOWED;
    }


    // ---- Commands: selection and view state -------------------------------------------------

    /** The person selected these rows (click, keys); {@code lead} is the one last selected. */
    public void select(List<NodeKey> keys, NodeKey lead) {
        selection.set(keys, lead);
    }

    /** Selects these nodes and opens the folders down to them; the view scrolls to them once shown. */
    public void reveal(Collection<NodeKey> keys) {
        for (NodeKey k : keys) {
            TreeNode node = shownIndex().node(k);
            String path = k instanceof NodeKey.Folder f ? f.path() : node == null ? null : node.path();
            if (path != null) {
                expandTo(EntryPath.parent(EntryPath.normalize(path)));
            }
        }
        selection.reveal(keys);
        queueRefill(); // no lines changed: the view opens what was opened and shows the selection
    }

    /** Shows a row of the tree: opens its folders and selects it. */
    public void reveal(FileSystemEntry row) {
        reveal(List.of(NodeKey.of(row)));
    }

    /** A star of the Shortcuts pane: reveals what it points at (a folder by path, an object by its home row). */
    public void reveal(Star star) {
        TreeSession s = session.get();
        if (s == null) {
            return;
        }
        search(null);
        NodeKey key = StarList.target(star, s.index());
        if (key == null) {
            status.say("“" + EntryPath.unescape(star.path()) + "” is not in the tree (yet): nothing to show.");
            return;
        }
        reveal(List.of(key));
    }

    /**
     * The row that takes the place of nodes about to go: the next sibling after them, else the
     * one before, else their folder (null: the top level, nothing to select).
     */
    public NodeKey neighbourOf(List<TreeNode> going) {
        if (going.isEmpty()) {
            return null;
        }
        Set<NodeKey> gone = new HashSet<>();
        going.forEach(n -> gone.add(n.key()));
        String parent = EntryPath.parent(EntryPath.normalize(going.get(0).path()));
        List<TreeNode> siblings = shownIndex().children(parent);
        int first = Integer.MAX_VALUE;
        int last = -1;
        for (int i = 0; i < siblings.size(); i++) {
            if (gone.contains(siblings.get(i).key())) {
                first = Math.min(first, i);
                last = i;
            }
        }
        for (int i = last + 1; last >= 0 && i < siblings.size(); i++) {
            if (!gone.contains(siblings.get(i).key())) {
                return siblings.get(i).key();
            }
        }
        for (int i = Math.min(first, siblings.size()) - 1; i >= 0; i--) {
            if (!gone.contains(siblings.get(i).key())) {
                return siblings.get(i).key();
            }
        }
        return parent.isEmpty() ? null : NodeKey.folder(parent);
    }

    /** The view shows these keys now (and scrolled to them). */
    public void revealed(Collection<NodeKey> shown) {
        selection.revealed(shown);
    }

    /** A folder was opened (by the person, or a hover while dragging); loads it if needed. */
    public void expand(String folder) {
        (search.active() ? search.expanded() : expanded).add(folder);
        TreeSession s = session.get();
        if (s != null && !search.active() && s.state(folder) instanceof FolderState.NotLoaded) {
            s.loadFolder(folder);
        }
    }

    public void collapse(String folder) {
        (search.active() ? search.expanded() : expanded).remove(folder);
    }

    /** A move or rename of folders: the open folders inside them stay open at their new paths. */
    void followMove(dev.burrow.tree.MoveOperation move) {
        for (dev.burrow.tree.MoveOperation.Step step : move.steps()) {
            if (!(step.node() instanceof TreeNode.Folder f)) {
                continue;
            }
            String from = EntryPath.normalize(f.path());
            String to = EntryPath.normalize(step.target());
            List<String> moved = expanded.stream().filter(e -> e.equals(from) || EntryPath.isBelow(e, from)).toList();
            for (String e : moved) {
                expanded.remove(e);
                expanded.add(to + e.substring(from.length()));
            }
        }
    }

    /** F5 or a search cleared: the selection stays, and shows again once its rows are back. */
    void keepSelection() {
        selection.reveal(List.copyOf(selection.keys()));
    }

    /** The open folders (not while searching): to remember per connection. */
    public Set<String> expandedFolders() {
        return Set.copyOf(expanded);
    }

    /** Opens these folders (a connection's remembered ones) in the tree shown. */
    public void restoreExpanded(Collection<String> folders) {
        expanded.addAll(folders);
        queueRowsChanged();
    }

    /** Opens every folder down to {@code folder}. */
    public void expandTo(String folder) {
        List<String> chain = new ArrayList<>(EntryPath.ancestors(folder));
        if (!folder.isEmpty()) {
            chain.add(EntryPath.normalize(folder));
        }
        for (String f : chain) {
            expand(f);
        }
        queueRefill(); // the view fills each folder as it opens it: the open ones are not refilled
    }

    /** Searches on the server; an empty text clears the search (and drops one in flight). */
    public void search(String text) {
        TreeSession s = session.get();
        if (s == null) {
            return;
        }
        if (text == null || text.isBlank()) {
            s.cancelSearch();
            if (search.active()) {
                search.clear();
                reveal(List.copyOf(selection.keys())); // what was selected in the results shows in the tree
                rowsChanged();
            }
            return;
        }
        String query = text.strip();
        s.search(query, rows -> {
            if (s != session.get()) {
                return;
            }
            search.show(rows);
            rowsChanged();
            status.say(rows.isEmpty() ? "No matches for “" + query + "”."
                    : rows.size() + (rows.size() == 1 ? " match" : " matches") + " for “" + query + "”.");
        });
    }

    public void retry(String folder) {
        TreeSession s = session.get();
        if (s != null) {
            s.loadFolder(folder);
        }
    }

    public void loadMore(String folder) {
        TreeSession s = session.get();
        if (s != null) {
            s.loadMore(folder);
        }
    }

    // ---- Commands: edits --------------------------------------------------------------------

    /** Ctrl+X: remembers the selection, to move it with {@link #planPaste()}. */
    public void cut() {
        hold(selectedNodes());
        if (!clipboard.isEmpty()) {
            status.say(clipboard.size() == 1 ? "Cut “" + clipboard.get(0).name() + "”: paste it into a folder."
                    : "Cut " + clipboard.size() + " items: paste them into a folder.");
        }
    }

    /** Ctrl+V: the move of what was cut into the current folder; empty (and says why) when refused. */
    public Optional<TreeEdits.MovePlan> planPaste() {
        if (clipboard.isEmpty()) {
            return Optional.empty();
        }
        String folder = currentFolder();
        DropDecision d = decideDrop(clipboard, folder);
        if (!d.allowed()) {
            status.say("Can't paste “" + d.refused().name() + "” here: " + d.check().explanation());
            return Optional.empty();
        }
        List<TreeNode> nodes = clipboard;
        hold(List.of());
        return Optional.of(edits.planMove(nodes, folder));
    }

    /** Escape after a cut: nothing stays cut (its rows lose their mark); false when nothing was cut. */
    public boolean cancelCut() {
        if (clipboard.isEmpty()) {
            return false;
        }
        int n = clipboard.size();
        hold(List.of());
        status.say(n == 1 ? "Nothing is cut any more." : "Nothing is cut any more (" + n + " items were).");
        return true;
    }

    /** True while the node is cut and waits for a paste: its row shows it. */
    public boolean isCut(TreeNode node) {
        return !cutKeys.isEmpty() && isCut(node.key());
    }

    public boolean isCut(NodeKey key) {
        return cutKeys.contains(key);
    }

    private void hold(List<TreeNode> nodes) {
        boolean marked = !cutKeys.isEmpty();
        clipboard = nodes;
        cutKeys = nodes.isEmpty() ? java.util.Set.of()
                : nodes.stream().map(TreeNode::key).collect(java.util.stream.Collectors.toUnmodifiableSet());
        if (marked || !cutKeys.isEmpty()) {
            marksChanged();
        }
    }

    /** While dragging: why the folder under the pointer refuses the drop (empty: it accepts). */
    public void explainDrop(String why) {
        status.say(why.isEmpty() ? "" : "Can't drop here: " + why);
    }


    // ---- live refresh (LiveRefresh) ---------------------------------------------------------

    /** Live refresh of this window (set by the window's model; null in a bare tree model). */
    public LiveRefresh live() {
        return live;
    }

    void useLive(LiveRefresh value) {
        live = value;
    }

    /** The folders open now (none while searching): live refresh watches those on screen. */
    Set<String> watchedFolders() {
        return search.active() ? Set.of() : Set.copyOf(expanded);
    }

    /** A folder moved elsewhere: it and the folders below it stay open where they are now. */
    void folderMovedElsewhere(String from, String to) {
        for (String f : List.copyOf(expanded)) {
            if (f.equals(from) || EntryPath.isBelow(f, from)) {
                expanded.remove(f);
                expanded.add(to + f.substring(from.length()));
            }
        }
        queueRowsChanged();
    }

    /** Rows became marked or unmarked (changed elsewhere, cut): views restyle their cells. */
    void marksChanged() {
        marksVersion.set(marksVersion.get() + 1);
    }

    /** Goes up when rows became marked or unmarked (changed elsewhere by live refresh, cut). */
    public ReadOnlyIntegerProperty marksVersionProperty() {
        return marksVersion.getReadOnlyProperty();
    }

    // ---- wiring -----------------------------------------------------------------------------


    private void attach(TreeSession old, TreeSession s) {
        if (old != null) {
            old.cancelLoads();
        }
        session.set(s);
        hold(List.of());
        search.clear();
        expanded.clear();
        expanded.add("");
        selection.clear();
        stars.clear();
        counts = null;
        edits.history().follow(s);
        if (s != null) {
            counts = new FolderCounts(s, runner, f -> {
                if (s == session.get()) {
                    countsVersion.set(countsVersion.get() + 1);
                }
            });
            s.addListener(new TreeSession.Listener() {
                @Override
                public void foldersChanged(Set<String> folderPaths) {
                    if (s == session.get()) {
                        queueFoldersChanged(folderPaths);
                    }
                }

                @Override
                public void starsChanged() {
                    if (s == session.get()) {
                        stars.setAll(s.stars().all());
                        countsVersion.set(countsVersion.get() + 1); // the cells redraw their stars

                    }
                }

                @Override
                public void finished(String description, String error) {
                    if (s == session.get()) {
                        edits.history().follow(s);
                    }
                }
            });
        }
        rowsChanged();
    }


    /** Coalesces the many changes of one pulse (index pages, optimistic edits) into one refill. */
    private void queueRowsChanged() {
        refillAll = true;
        queueRefill();
    }

    /** As {@link #queueRowsChanged()} when only these folders' children changed ({@link TreeSession#EVERYTHING}: any). */
    private void queueFoldersChanged(Set<String> folders) {
        if (TreeSession.isEverything(folders) || search.active()) {
            refillAll = true;
        } else {
            refill.addAll(folders);
        }
        countsFollow = true;
        queueRefill();
    }

    private void queueRefill() {
        if (!rowsQueued) {
            rowsQueued = true;
            runner.post(() -> {
                rowsQueued = false;
                TreeSession s = session.get();
                if (s != null) {
                    search.follow(s.index());
                }
                selection.follow();
                rowsVersion.set(rowsVersion.get() + 1);
                if (countsFollow && s != null && s.index().isComplete()) {
                    // the counts are the index's: the badges on screen show the change now (an
                    // organise batch left them as they were, its undo for the minutes it ran)
                    countsVersion.set(countsVersion.get() + 1);
                }
                countsFollow = false;
            });
        }
    }

    private void rowsChanged() {
        refillAll = true;
        selection.follow();
        rowsVersion.set(rowsVersion.get() + 1);
    }

    /**
     * Whether the view must refill this open folder's lines now: its children changed since the
     * last refill (or anything may have). Refilling only those keeps a merge of changes made
     * elsewhere from rebuilding every open folder of a large tree.
     */
    public boolean needsRefill(String folder) {
        return refillAll || refill.contains(folder);
    }

    /** The view refilled what {@link #needsRefill} asked for. */
    public void refilled() {
        refillAll = false;
        refill.clear();
    }

    /** The node of a key in the index shown now (null for the root or a node it lacks). */
    private TreeNode resolve(NodeKey key) {
        if (key instanceof NodeKey.Folder f && f.path().isEmpty()) {
            return null;
        }
        TreeNode shown = shownIndex().node(key);
        // a search shows a match's folders without their folder rows: commands on such a folder
        // (rename, move, delete) act on the whole folder the session knows, rows and all
        TreeSession s = session.get();
        if (shown instanceof TreeNode.Folder seen && seen.isSynthetic() && search.active() && s != null
                && s.index().node(key) instanceof TreeNode.Folder whole) {
            return whole;
        }
        return shown;
    }
}
