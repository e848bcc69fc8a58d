package dev.burrow.ui;

import dev.burrow.api.EntryPath;
import dev.burrow.api.FileSystemEntry;
import dev.burrow.tree.FolderState;
import dev.burrow.tree.MoveCheck;
import dev.burrow.tree.MoveOperation;
import dev.burrow.tree.TreeIndex;
import dev.burrow.tree.TreeNode;
import dev.burrow.tree.TreeSession;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
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
 * The project tree. Folder items fill their children from the session's index when they are
 * expanded (loading in the background first where the index is not complete); every change
 * the session reports refreshes the expanded folders, keeping items, expansion and selection.
 */
public final class TreePane extends BorderPane implements EntryCell.Host, DragController.Target {

    /** A folder line whose children come from the index. */
    private final class FolderItem extends TreeItem<Row> {
        final String path;

        FolderItem(TreeNode.Folder folder) {
            super(new Row.Node(folder));
            this.path = folder.path();
            getChildren().add(new TreeItem<>(new Row.Loading(path)));
            expandedProperty().addListener((o, was, is) -> {
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

    private final MainViewModel vm;
    private final TreeView<Row> view = new TreeView<>();
    private final FolderItem root = new FolderItem(TreeNode.Folder.ROOT);
    private final DragController drag;
    private TreeSession session;
    private TreeIndex searchIndex;
    private List<TreeNode> clipboard = List.of();
    private Set<String> pendingSelection = Set.of();
    private boolean refreshQueued;

    public TreePane(MainViewModel vm) {
        this.vm = vm;
        getStyleClass().add("tree-pane");
        view.setId("project-tree");
        view.setShowRoot(false);
        view.setRoot(root);
        view.setEditable(true);
        view.getSelectionModel().setSelectionMode(SelectionMode.MULTIPLE);
        drag = new DragController(view, this);
        view.setCellFactory(v -> new EntryCell(this, drag::hooks));
        setCenter(view);

        view.getSelectionModel().selectedItemProperty().addListener((o, old, item) -> publishSelection());
        view.getSelectionModel().getSelectedItems().addListener(
                (ListChangeListener<TreeItem<Row>>) c -> publishSelection());
        view.addEventFilter(KeyEvent.KEY_PRESSED, this::keys);
        vm.sessionProperty().addListener((o, old, s) -> attach(s));
        vm.searchResultsProperty().addListener((o, old, rows) -> showSearch(rows));
        vm.onCountArrived(f -> view.refresh());
        if (vm.session() != null) {
            attach(vm.session());
        }
    }

    /** Tells the view model which node is selected (also after a refresh replaced its row). */
    private void publishSelection() {
        TreeItem<Row> item = view.getSelectionModel().getSelectedItem();
        TreeNode node = item == null || item.getValue() == null ? null : item.getValue().treeNode();
        if (!java.util.Objects.equals(node, vm.selectedProperty().get())) {
            vm.selectedProperty().set(node);
        }
    }

    public TreeView<Row> view() {
        return view;
    }

    private void attach(TreeSession s) {
        this.session = s;
        searchIndex = null;
        if (s == null) {
            return;
        }
        s.addListener(new TreeSession.Listener() {
            @Override
            public void foldersChanged(Set<String> folderPaths) {
                if (s == session) {
                    queueRefresh();
                }
            }
        });
        root.setExpanded(true);
        fill(root);
    }

    /** Coalesces the many changes of one pulse (index pages, optimistic edits) into one refresh. */
    private void queueRefresh() {
        if (!refreshQueued) {
            refreshQueued = true;
            Platform.runLater(() -> {
                refreshQueued = false;
                syncSearchRows();
                refreshExpanded(root);
                applyPendingSelection();
                publishSelection();
            });
        }
    }

    private void refreshExpanded(FolderItem item) {
        if (item == root || item.isExpanded()) {
            fill(item);
            for (TreeItem<Row> child : item.getChildren()) {
                if (child instanceof FolderItem f && f.isExpanded()) {
                    refreshExpanded(f);
                }
            }
        }
    }

    private TreeIndex index() {
        return searchIndex != null ? searchIndex : session == null ? new TreeIndex() : session.index();
    }

    /** Sets a folder item's children from the index, reusing the items it already has. */
    private void fill(FolderItem item) {
        if (session == null) {
            return;
        }
        List<TreeItem<Row>> next = new ArrayList<>();
        FolderState state = searchIndex != null ? new FolderState.Loaded(0, false) : session.state(item.path);
        if (state instanceof FolderState.NotLoaded) {
            session.loadFolder(item.path);
            state = session.state(item.path);
        }
        Map<String, TreeItem<Row>> existing = new HashMap<>();
        for (TreeItem<Row> c : item.getChildren()) {
            if (c.getValue() instanceof Row.Node n) {
                existing.put(n.node().key(), c);
            }
        }
        for (TreeNode node : index().children(item.path)) {
            TreeItem<Row> reuse = existing.get(node.key());
            Row row = new Row.Node(node);
            if (reuse != null) {
                if (!row.equals(reuse.getValue())) {
                    reuse.setValue(row);
                }
                next.add(reuse);
            } else {
                next.add(node instanceof TreeNode.Folder f ? new FolderItem(f) : new TreeItem<>(row));
            }
        }
        if (state instanceof FolderState.Loading) {
            next.add(new TreeItem<>(new Row.Loading(item.path)));
        } else if (state instanceof FolderState.Failed f) {
            next.add(new TreeItem<>(new Row.Failed(item.path, f.message())));
        } else if (state instanceof FolderState.Loaded l && l.hasMore()) {
            next.add(new TreeItem<>(new Row.More(item.path)));
        } else if (next.isEmpty() && item != root) {
            next.add(new TreeItem<>(new Row.Empty(item.path)));
        }
        if (!sameItems(item.getChildren(), next)) {
            item.getChildren().setAll(next);
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

    // ---- search ---------------------------------------------------------------------------

    private void showSearch(List<FileSystemEntry> rows) {
        if (rows == null) {
            searchIndex = null;
            root.getChildren().clear();
            fill(root);
            queueRefresh();
            return;
        }
        TreeIndex results = new TreeIndex();
        results.putAll(rows);
        results.markComplete(true);
        searchIndex = results;
        root.getChildren().clear();
        fill(root);
        expandAll(root);
    }

    /**
     * Brings the rows of the search results up to date with the session after an edit (a star,
     * a rename, a move, a delete), so that results show what the server now has.
     */
    private void syncSearchRows() {
        if (searchIndex == null || session == null) {
            return;
        }
        TreeIndex live = session.index();
        List<FileSystemEntry> now = new ArrayList<>();
        boolean changed = false;
        for (FileSystemEntry row : searchIndex.rows()) {
            FileSystemEntry current = live.byId(row.id());
            if (current == null && live.isComplete()) {
                changed = true; // gone
            } else if (current != null && !current.equals(row)) {
                now.add(current);
                changed = true;
            } else {
                now.add(row);
            }
        }
        if (changed) {
            TreeIndex results = new TreeIndex();
            results.putAll(now);
            results.markComplete(true);
            searchIndex = results;
        }
    }

    private void expandAll(TreeItem<Row> item) {
        for (TreeItem<Row> c : item.getChildren()) {
            if (c instanceof FolderItem f) {
                f.setExpanded(true);
                expandAll(f);
            }
        }
    }

    public boolean isSearching() {
        return searchIndex != null;
    }

    // ---- selection --------------------------------------------------------------------------

    @Override
    public List<TreeNode> selectedNodes() {
        List<TreeNode> out = new ArrayList<>();
        for (TreeItem<Row> item : view.getSelectionModel().getSelectedItems()) {
            if (item != null && item.getValue() != null && item.getValue().treeNode() != null) {
                out.add(item.getValue().treeNode());
            }
        }
        return out;
    }

    /** The folder new things go into: the selected folder, the selected item's folder, or the root. */
    public String currentFolder() {
        List<TreeNode> sel = selectedNodes();
        if (sel.isEmpty()) {
            return "";
        }
        TreeNode n = sel.get(0);
        return n instanceof TreeNode.Folder f ? f.path() : EntryPath.parent(EntryPath.normalize(n.path()));
    }

    /** Selects the lines with these keys once they show ("I:id" for items, "F:path" for folders). */
    public void selectKeys(Set<String> keys) {
        pendingSelection = new LinkedHashSet<>(keys);
        for (String k : keys) {
            String path = k.startsWith("F:") ? k.substring(2) : pathOfId(k.substring(2));
            if (path != null) {
                expandTo(EntryPath.parent(EntryPath.normalize(path)));
            }
        }
        queueRefresh();
    }

    private String pathOfId(String id) {
        FileSystemEntry e = index().byId(id);
        return e == null ? null : e.path();
    }

    /** Expands every folder down to {@code folder} (loading them as needed). */
    public void expandTo(String folder) {
        FolderItem item = root;
        for (String ancestor : withSelf(folder)) {
            FolderItem next = null;
            for (TreeItem<Row> c : item.getChildren()) {
                if (c instanceof FolderItem f && f.path.equals(ancestor)) {
                    next = f;
                }
            }
            if (next == null) {
                return;
            }
            next.setExpanded(true);
            item = next;
        }
    }

    private static List<String> withSelf(String folder) {
        List<String> out = new ArrayList<>(EntryPath.ancestors(folder));
        if (!folder.isEmpty()) {
            out.add(EntryPath.normalize(folder));
        }
        return out;
    }

    private void applyPendingSelection() {
        if (pendingSelection.isEmpty()) {
            return;
        }
        Set<String> want = new HashSet<>(pendingSelection);
        List<TreeItem<Row>> found = new ArrayList<>();
        collect(root, want, found);
        if (!found.isEmpty()) {
            view.getSelectionModel().clearSelection();
            for (TreeItem<Row> f : found) {
                view.getSelectionModel().select(f);
            }
            view.scrollTo(view.getRow(found.get(0)));
            if (found.size() == want.size()) {
                pendingSelection = Set.of();
            }
        }
    }

    private void collect(TreeItem<Row> item, Set<String> want, List<TreeItem<Row>> found) {
        for (TreeItem<Row> c : item.getChildren()) {
            if (c.getValue() instanceof Row.Node n && want.contains(n.node().key())) {
                found.add(c);
            }
            if (c.isExpanded()) {
                collect(c, want, found);
            }
        }
    }

    /** Shows a row of the tree: expands its folders and selects it. */
    public void reveal(FileSystemEntry row) {
        selectKeys(Set.of(row.isFolder() ? "F:" + EntryPath.normalize(row.path()) : "I:" + row.id()));
    }

    // ---- commands ---------------------------------------------------------------------------

    private void keys(KeyEvent e) {
        if (e.getCode() == KeyCode.F2 || (e.getCode() == KeyCode.ENTER && !e.isShortcutDown())) {
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

    /** Ctrl+X: remembers the selection to move with {@link #paste}. */
    public void cut() {
        clipboard = selectedNodes();
        if (!clipboard.isEmpty()) {
            vm.statusMessage(clipboard.size() == 1 ? "Cut “" + clipboard.get(0).name() + "”: paste it into a folder."
                    : "Cut " + clipboard.size() + " items: paste them into a folder.");
        }
    }

    /** Ctrl+V: moves what was cut into the current folder. */
    public void paste() {
        if (clipboard.isEmpty()) {
            return;
        }
        String folder = currentFolder();
        List<TreeNode> nodes = clipboard;
        for (TreeNode n : nodes) {
            MoveCheck c = MoveCheck.of(n, folder);
            if (!c.allowed()) {
                vm.statusMessage("Can't paste “" + n.name() + "” here: " + c.explanation());
                return;
            }
        }
        clipboard = List.of();
        drop(nodes, folder, false);
    }

    @Override
    public void explain(String why) {
        vm.statusMessage(why.isEmpty() ? "" : "Can't drop here: " + why);
    }

    @Override
    public void drop(List<TreeNode> nodes, String folder, boolean link) {
        if (link) {
            for (TreeNode n : MoveOperation.topLevel(nodes)) {
                vm.link(n, folder);
            }
            return;
        }
        MoveOperation op = vm.move(nodes, folder);
        long rows = rowsMoving(op);
        if (rows > 50 && !Dialogs.confirmMove(getScene() == null ? null : getScene().getWindow(), op, rows)) {
            return;
        }
        Set<String> keys = new LinkedHashSet<>();
        for (MoveOperation.Step s : op.steps()) {
            keys.add(s.node() instanceof TreeNode.Folder ? "F:" + EntryPath.normalize(s.target()) : s.node().key());
        }
        vm.execute(op, msg -> {
            if (msg == null) {
                selectKeys(keys);
            }
        });
        selectKeys(keys);
    }

    private long rowsMoving(MoveOperation op) {
        long n = 0;
        for (MoveOperation.Step s : op.steps()) {
            n++;
            if (s.node() instanceof TreeNode.Folder f) {
                OptionalLong c = count(f.path());
                n += c.orElse(0);
            }
        }
        return n;
    }

    // ---- EntryCell.Host -----------------------------------------------------------------------

    @Override
    public OptionalLong count(String folder) {
        if (searchIndex != null || vm.counts() == null) {
            return OptionalLong.empty();
        }
        return vm.counts().get(folder);
    }

    @Override
    public void toggleShortcut(FileSystemEntry row) {
        vm.toggleShortcut(row);
    }

    @Override
    public void retry(String folder) {
        if (session != null) {
            session.loadFolder(folder);
        }
    }

    @Override
    public void loadMore(String folder) {
        if (session != null) {
            session.loadMore(folder);
        }
    }

    @Override
    public void rename(TreeNode node, String newName) {
        String name = newName.strip();
        if (name.isEmpty() || name.equals(node.name())) {
            return;
        }
        String target = EntryPath.child(EntryPath.parent(EntryPath.normalize(node.path())), name);
        Set<String> keys = Set.of(node instanceof TreeNode.Folder ? "F:" + target : node.key());
        vm.rename(node, name, msg -> {
            if (msg == null) {
                selectKeys(keys);
            }
        });
    }

    /** Starts renaming the line with this key as soon as it shows (a new folder). */
    public void editWhenShown(String key) {
        Platform.runLater(() -> {
            List<TreeItem<Row>> found = new ArrayList<>();
            collect(root, Set.of(key), found);
            if (!found.isEmpty()) {
                view.getSelectionModel().clearSelection();
                view.getSelectionModel().select(found.get(0));
                view.scrollTo(view.getRow(found.get(0)));
                view.edit(found.get(0));
            }
        });
    }
}
