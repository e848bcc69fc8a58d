package dev.burrow.ui;

import dev.burrow.api.FileSystemEntry;
import dev.burrow.tree.NodeKey;
import dev.burrow.tree.TreeNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import javafx.application.Platform;
import javafx.collections.ListChangeListener;
import javafx.scene.control.SelectionMode;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeView;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;

/**
 * The project tree. Shows what the {@link TreeViewModel} says: each open folder's lines, which
 * folders are open, and the selection; forwards the person's gestures (select, open, close,
 * drop, rename) to it. Items are reused across refills, so expansion and scrolling stay put.
 */
public final class TreePane extends BorderPane {

    /** A folder line whose children come from the view model when it is open. */
    private final class FolderItem extends TreeItem<Row> {
        final String path;
        /** A large folder showing only its first lines while the rest are made (LargeFolderItems). */
        boolean headOnly;
        /** The refresh that last filled it: made and filled in a refresh, it is not filled again by it. */
        int filledIn = -1;

        FolderItem(TreeNode.Folder folder) {
            super(new Row.Node(folder));
            this.path = folder.path();
            getChildren().add(new TreeItem<>(new Row.Loading(path)));
            setExpanded(vm.isExpanded(path));
            expandedProperty().addListener((o, was, is) -> {
                if (!syncing) {
                    if (is) {
                        vm.expand(path);
                    } else {
                        vm.collapse(path);
                    }
                }
                if (is) {
                    fill(this);
                }
            });
        }

        @Override
        public boolean isLeaf() {
            return false;
        }
    }

    private final TreeViewModel vm;
    private final LargeFolderItems large;
    private final TreeView<Row> view = SteadyTreeSkin.treeView(); // keeps its cells as folders open and close
    private final FolderItem root;
    private final ScrollAnchor scroll;
    private final DragController drag;
    /** True while the pane changes items and selection itself: those changes are not gestures. */
    private boolean syncing;
    /** True while the pane tells the view model about a selection gesture. */
    private boolean forwarding;
    /** Keys made for lines to look them up (fills and finds): the work grows with these (for tests). */
    private int keysMade;
    /** Lines {@link #find} looked at (for tests: a find in a 10,000-line folder looks at a few). */
    private int linesLookedAt;
    /** Refreshes so far ({@link FolderItem#filledIn}). */
    private int refreshes;
    private final TreeWarmUp warmUp;

    public TreePane(TreeViewModel vm) {
        this.vm = vm;
        this.large = new LargeFolderItems(vm.runner());
        this.root = new FolderItem(TreeNode.Folder.ROOT);
        this.scroll = new ScrollAnchor(view, key -> find(List.of(key)).get(key));
        getStyleClass().add("tree-pane");
        view.setId("project-tree");
        view.setShowRoot(false);
        view.setRoot(root);
        view.setEditable(true);
        view.getSelectionModel().setSelectionMode(SelectionMode.MULTIPLE);
        TreeHosts hosts = new TreeHosts(vm, this);
        drag = new DragController(view, hosts);
        view.setCellFactory(v -> new EntryCell(hosts, drag::hooks));
        FixedRowHeight.follow(view);
        javafx.scene.layout.StackPane center = new javafx.scene.layout.StackPane(view, noMatches());
        setCenter(center);
        warmUp = TreeWarmUp.whenShown(center); // the first folder opened costs what later ones do

        view.getSelectionModel().selectedItemProperty().addListener((o, old, item) -> forwardSelection());
        view.getSelectionModel().getSelectedItems().addListener(
                (ListChangeListener<TreeItem<Row>>) c -> forwardSelection());
        view.addEventFilter(KeyEvent.KEY_PRESSED, this::keys);
        liveHooks();
        vm.rowsVersionProperty().addListener((o, a, b) -> refresh());
        vm.selection().addListener((ListChangeListener<NodeKey>) c -> {
            if (!forwarding) {
                showSelection();
            }
        });
        vm.countsVersionProperty().addListener((o, a, b) -> EntryCell.refreshCounts(view));
        // a star changes no row: the cells showing it must still be redrawn, in search results too
        vm.stars().addListener((ListChangeListener<Object>) c -> view.refresh());
        vm.edits().renamingProperty().addListener((o, a, key) -> {
            if (key != null) {
                Platform.runLater(() -> editWhenShown(key));
            }
        });
        root.setExpanded(true);
        refresh();
    }

    /** Said over the empty tree when a search finds nothing (a blank tree looked like a lost project). */
    private javafx.scene.control.Label noMatches() {
        javafx.scene.control.Label none = new javafx.scene.control.Label("Nothing matches this search.");
        none.setId("no-matches");
        none.getStyleClass().add("text-muted");
        none.setMouseTransparent(true);
        none.visibleProperty().bind(javafx.beans.binding.Bindings.createBooleanBinding(
                () -> vm.searchResultsProperty().get() != null && vm.searchResultsProperty().get().isEmpty(),
                vm.searchResultsProperty()));
        return none;
    }

    public TreeView<Row> view() {
        return view;
    }

    /** How many keys the pane made for lines to match or find them, so far. */
    int keysMade() {
        return keysMade;
    }

    /** How many lines the pane looked at to find the items of keys, so far. */
    int linesLookedAt() {
        return linesLookedAt;
    }

    private void lookedAt() {
        linesLookedAt++;
    }

    /** Layouts the scroll anchor forced in the middle of refills, so far (for tests). */
    int forcedLayouts() {
        return scroll.forcedLayouts();
    }

    /** The cells' warm-up (for tests). */
    TreeWarmUp warmUp() {
        return warmUp;
    }

    /** What makes a large folder's items (for tests). */
    LargeFolderItems largeFolders() {
        return large;
    }

    // ---- from the view model ----------------------------------------------------------------

    /** Refills the open folders, opens and closes folders as the view model says, shows the selection. */
    private void refresh() {
        scroll.before();
        boolean was = syncing;
        syncing = true;
        refreshes++;
        try {
            refreshOpen(root);
            vm.refilled();
        } finally {
            syncing = was;
        }
        scroll.after(!vm.toReveal().isEmpty());
        showSelection();
    }

    private void refreshOpen(FolderItem item) {
        refreshOpen(item, false);
    }

    /** {@code filled}: the item was just opened, which filled it already (a large folder costs a pulse a fill). */
    private void refreshOpen(FolderItem item, boolean filled) {
        if (!filled && item.filledIn != refreshes && vm.needsRefill(item.path)) {
            fill(item);
        }
        for (TreeItem<Row> child : item.getChildren()) {
            if (child instanceof FolderItem f) {
                boolean open = vm.isExpanded(f.path);
                boolean opened = false;
                if (f.isExpanded() != open) {
                    f.setExpanded(open);
                    opened = open;
                }
                if (open) {
                    refreshOpen(f, opened);
                }
            }
        }
    }

    /**
     * Sets a folder item's children to the view model's lines, reusing the items it already has.
     * The lines that stay in place at the head and the tail (all but a few after an edit) are
     * matched one for one; only those between are looked up by key.
     */
    private void fill(FolderItem item) {
        List<TreeItem<Row>> old = item.getChildren();
        item.filledIn = refreshes; // a large folder read its 10,000 lines once more per extra fill
        List<Row> lines = vm.rows(item.path);
        if (LargeFolderItems.wanted(lines, item.headOnly ? 0 : nodeLines(old))) {
            if (!item.headOnly) { // its first rows at once (not a loading line): the rest go below them when made
                setChildren(item, LargeFolderItems.head(lines, this::fresh));
                item.headOnly = true;
            }
            large.make(item.path, item, lines, made -> fillMade(item, lines, made));
            return;
        }
        item.headOnly = false; // filled whole here (it may have shrunk below the threshold meanwhile)
        large.cancel(item.path);
        int most = Math.min(old.size(), lines.size());
        int head = 0;
        while (head < most && sameNode(old.get(head), lines.get(head))) {
            head++;
        }
        int tail = 0;
        while (tail < most - head && sameNode(old.get(old.size() - 1 - tail), lines.get(lines.size() - 1 - tail))) {
            tail++;
        }
        Map<NodeKey, TreeItem<Row>> existing = new HashMap<>();
        for (TreeItem<Row> c : old.subList(head, old.size() - tail)) {
            if (c.getValue() instanceof Row.Node n) {
                existing.put(n.node().key(), c);
                keysMade++;
            }
        }
        List<TreeItem<Row>> next = new ArrayList<>(lines.size());
        for (int i = 0; i < lines.size(); i++) {
            Row row = lines.get(i);
            TreeItem<Row> reuse = i < head ? old.get(i) : i >= lines.size() - tail ? old.get(old.size() - (lines.size() - i))
                    : row instanceof Row.Node n ? existing.get(n.node().key()) : null;
            if (reuse != null && !row.equals(reuse.getValue())) {
                reuse.setValue(row);
            }
            next.add(reuse != null ? reuse : fresh(row));
        }
        if (!sameItems(old, next)) {
            setChildren(item, next);
        }
    }

    private static int nodeLines(List<TreeItem<Row>> items) {
        int n = 0;
        for (TreeItem<Row> c : items) {
            if (c.getValue() instanceof Row.Node) {
                n++;
            }
        }
        return n;
    }

    /** Whether an item shows a line for the same node as {@code row} (its key, without making one). */
    private static boolean sameNode(TreeItem<Row> item, Row row) {
        if (!(item.getValue() instanceof Row.Node a) || !(row instanceof Row.Node b)) {
            return false;
        }
        TreeNode x = a.node();
        TreeNode y = b.node();
        if (x instanceof TreeNode.Item i) {
            return x == y || y instanceof TreeNode.Item j && i.row().id().equals(j.row().id());
        }
        return x == y || y instanceof TreeNode.Folder g && x.path().equals(g.path());
    }

    /** A new item for a line: a folder (filled at once when open in the view model), an item or a placeholder. */
    private TreeItem<Row> fresh(Row row) {
        if (row instanceof Row.Node n && n.node() instanceof TreeNode.Folder f) {
            FolderItem folder = new FolderItem(f);
            if (folder.isExpanded()) {
                fill(folder);
            }
            return folder;
        }
        return new TreeItem<>(row);
    }

    private void setChildren(FolderItem item, List<TreeItem<Row>> next) {
        changeChildren(() -> FocusParking.setChildren(view, item, next)); // patched in place where it can
    }

    /** A change of children made by the pane itself (not a gesture). */
    private void changeChildren(Runnable change) {
        boolean was = syncing;
        syncing = true;
        try {
            change.run();
        } finally {
            syncing = was;
        }
    }

    /**
     * Puts the items made in the background in place while the folder is open: added below the
     * first rows it shows already (one change that adds, so the rows in view, their cells and the
     * selection stay as they are). They are for its lines now: a fill since then made them anew
     * (or, filling the folder whole, cancelled them), and none means its lines did not change.
     */
    private void fillMade(FolderItem item, List<Row> lines, TreeItem<Row>[] made) {
        if (item.isExpanded()) {
            List<TreeItem<Row>> more = item.headOnly ? LargeFolderItems.rest(item.getChildren(), made, lines, this::fresh)
                    : null;
            item.headOnly = false;
            if (more != null) {
                changeChildren(() -> FocusParking.change(view, more.size(), () -> item.getChildren().addAll(more)));
            } else {
                setChildren(item, LargeFolderItems.complete(made, lines, this::fresh));
            }
            showSelection();
        }
    }

    private static boolean sameItems(List<TreeItem<Row>> a, List<TreeItem<Row>> b) {
        if (a.size() != b.size()) {
            return false;
        }
        for (int i = 0; i < a.size(); i++) {
            if (a.get(i) != b.get(i) && !(isPlaceholder(a.get(i)) && a.get(i).getValue().equals(b.get(i).getValue()))) {
                return false;
            }
        }
        return true;
    }

    private static boolean isPlaceholder(TreeItem<Row> item) {
        return !(item.getValue() instanceof Row.Node);
    }

    /** Highlights exactly the view model's selection; scrolls to rows a command asked to reveal. */
    void showSelection() {
        List<NodeKey> want = List.copyOf(vm.selection());
        Set<NodeKey> toReveal = vm.toReveal();
        if (toReveal.isEmpty() && highlighted().equals(new HashSet<>(want)) && leadShown()) {
            return;
        }
        Map<NodeKey, TreeItem<Row>> found = find(want);
        boolean was = syncing;
        syncing = true;
        try {
            view.getSelectionModel().clearSelection();
            NodeKey lead = vm.selectedProperty().get() == null ? null : vm.selectedProperty().get().key();
            for (NodeKey k : want) {
                if (found.containsKey(k) && !k.equals(lead)) {
                    view.getSelectionModel().select(found.get(k));
                }
            }
            if (lead != null && found.containsKey(lead)) {
                view.getSelectionModel().select(found.get(lead));
            }
        } finally {
            syncing = was;
        }
        List<NodeKey> revealedNow = found.keySet().stream().filter(toReveal::contains).toList();
        if (!revealedNow.isEmpty()) {
            int first = Integer.MAX_VALUE; // the first of them in the tree's order
            for (NodeKey k : revealedNow) {
                first = Math.min(first, view.getRow(found.get(k)));
            }
            ScrollAnchor.show(view, first);
            vm.revealed(revealedNow);
        }
    }

    private Set<NodeKey> highlighted() {
        Set<NodeKey> out = new HashSet<>();
        for (TreeItem<Row> item : view.getSelectionModel().getSelectedItems()) {
            if (item != null && item.getValue() instanceof Row.Node n) {
                out.add(n.node().key());
            }
        }
        return out;
    }

    private boolean leadShown() {
        TreeNode lead = vm.selectedProperty().get();
        TreeItem<Row> item = view.getSelectionModel().getSelectedItem();
        TreeNode shown = item == null || item.getValue() == null ? null : item.getValue().treeNode();
        return lead == null ? shown == null : shown != null && lead.key().equals(shown.key());
    }

    /**
     * The items showing these keys, where the tree shows them: each looked for only among the
     * lines of the folder its node is in, found down the open folders to it (a walk over every
     * line of every open folder, a key made for each, cost a 10,000-line folder's worth of work
     * for each selection shown and each anchor kept), by a binary search over its lines where
     * they are in the index's order ({@link SortedLines}), else by a walk over them.
     */
    private Map<NodeKey, TreeItem<Row>> find(List<NodeKey> keys) {
        Map<String, Set<NodeKey>> byFolder = new LinkedHashMap<>();
        for (NodeKey k : keys) {
            String folder = vm.folderOf(k);
            if (folder != null) {
                byFolder.computeIfAbsent(folder, f -> new HashSet<>()).add(k);
            }
        }
        Map<NodeKey, TreeItem<Row>> found = new LinkedHashMap<>();
        for (Map.Entry<String, Set<NodeKey>> e : byFolder.entrySet()) {
            FolderItem folder = openItem(e.getKey());
            if (folder == null) {
                continue;
            }
            Set<NodeKey> want = new HashSet<>(e.getValue());
            for (java.util.Iterator<NodeKey> it = want.iterator(); it.hasNext(); ) {
                NodeKey k = it.next();
                TreeItem<Row> hit = SortedLines.find(folder.getChildren(), vm.shownNode(k), this::lookedAt);
                if (hit != null) {
                    found.put(k, hit);
                    it.remove();
                }
            }
            if (want.isEmpty()) {
                continue;
            }
            // not found where the order put it: the lines are not (or not yet) the folder's sorted
            // children, or the key is not among them; every line is looked at
            NodeKey only = want.size() == 1 ? want.iterator().next() : null;
            for (TreeItem<Row> c : folder.getChildren()) {
                linesLookedAt++;
                if (!(c.getValue() instanceof Row.Node n)) {
                    continue;
                }
                boolean hit = only != null && isKey(n.node(), only);
                if (only == null) {
                    keysMade++;
                    hit = want.contains(n.node().key());
                }
                if (hit) {
                    found.put(n.node().key(), c);
                }
            }
        }
        return found;
    }

    /** The item of an open folder whose lines show (every folder above it open too), or null. */
    private FolderItem openItem(String path) {
        FolderItem at = root;
        if (path.isEmpty()) {
            return at;
        }
        List<String> chain = new ArrayList<>(dev.burrow.api.EntryPath.ancestors(path));
        chain.add(path);
        for (String step : chain) {
            FolderItem next = null;
            for (TreeItem<Row> c : at.getChildren()) {
                if (c instanceof FolderItem f && f.path.equals(step)) {
                    next = f;
                    break;
                }
            }
            if (next == null || !next.isExpanded()) {
                return null;
            }
            at = next;
        }
        return at;
    }

    /** Whether this node has this key (without making its key: asked of every line of a folder). */
    private static boolean isKey(TreeNode node, NodeKey key) {
        if (key instanceof NodeKey.Item k) {
            return node instanceof TreeNode.Item i && i.row().id().equals(k.id());
        }
        return node instanceof TreeNode.Folder f && f.path().equals(((NodeKey.Folder) key).path());
    }

    /** Starts renaming the line with this key if it shows (a new folder). */
    private void editWhenShown(NodeKey key) {
        TreeItem<Row> item = find(List.of(key)).get(key);
        if (item != null) {
            vm.select(List.of(key), key);
            ScrollAnchor.show(view, view.getRow(item));
            // Lay the cells out now: a later layout pass that moves the editing cell to another
            // row would end the edit before the person could type.
            view.layout();
            view.edit(item);
        }
    }

    // ---- to the view model --------------------------------------------------------------------

    /** Tells the view model what the person selected (unless the pane is changing it itself). */
    private void forwardSelection() {
        if (syncing || drag.dragging()) {
            return; // nothing a drag passes over changes the selection
        }
        List<NodeKey> keys = new ArrayList<>();
        for (TreeItem<Row> item : view.getSelectionModel().getSelectedItems()) {
            if (item != null && item.getValue() instanceof Row.Node n) {
                keys.add(n.node().key());
            }
        }
        TreeItem<Row> leadItem = view.getSelectionModel().getSelectedItem();
        TreeNode lead = leadItem == null || leadItem.getValue() == null ? null : leadItem.getValue().treeNode();
        forwarding = true;
        try {
            vm.select(keys, lead == null ? null : lead.key());
        } finally {
            forwarding = false;
        }
    }

    /** Live refresh: the open folders on screen, no check during a drag. */
    private void liveHooks() {
        LiveRefresh live = vm.live();
        if (live != null) {
            live.showsFolders(() -> VisibleFolders.of(view));
            // marks come and go on the cells on screen only: no cell is rebuilt for them
            vm.marksVersionProperty().addListener((o, a, b) -> view.lookupAll(".entry-cell")
                    .forEach(n -> ((EntryCell) n).showMark()));
            view.addEventFilter(javafx.scene.input.MouseEvent.DRAG_DETECTED, e -> live.hold(true));
            view.addEventHandler(javafx.scene.input.DragEvent.DRAG_DONE, e -> live.hold(false));
        }
    }

    private void keys(KeyEvent e) {
        if (e.getCode() == KeyCode.F2) { // Enter opens (TreeContextMenu)
            if (view.getEditingItem() == null) {
                renameSelected();
                e.consume();
            }
        }
    }

    public void renameSelected() {
        TreeItem<Row> item = view.getSelectionModel().getSelectedItem();
        if (item != null && item.getValue() instanceof Row.Node) {
            view.edit(item);
        }
    }

    /** Ctrl+V: moves what was cut into the current folder, asking first when it is large. */
    public void paste() {
        vm.planPaste().ifPresent(this::move);
    }

    void move(TreeEdits.MovePlan plan) {
        if (plan.needsConfirmation() && !Dialogs.confirmMove(getScene() == null ? null : getScene().getWindow(),
                plan.operation(), plan.rows())) {
            return;
        }
        vm.edits().move(plan);
    }
}
