package dev.burrow.ui;

import dev.burrow.api.FileSystemEntry;
import dev.burrow.tree.FolderState;
import dev.burrow.tree.TreeNode;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import javafx.animation.AnimationTimer;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeView;
import javafx.scene.layout.StackPane;

/**
 * Opens and closes a folder of rows a few times in a tree of its own, unseen behind the real one,
 * once the window shows. The first folder a person opened ran the cells' code (filling, styling
 * and laying out a screenful of rows) for the first time in the JVM's life, interpreted: about
 * twice what the same expand cost later. Here that code runs often enough to be compiled before
 * anyone opens a folder. The scratch folder is a large one, filled as the pane fills one
 * ({@link Row#linesOf} over a view of its children, its first lines put in with
 * {@link FocusParking}, the rest made by {@link LargeFolderItems} and added a pulse later), with
 * folders (and their count badges), links and items among its rows: opening the bench's
 * 10,000-child folder still ran that path interpreted (lines, items, the patch of the children,
 * a folder row's cell). One step per pulse (open, add the rest, close), so no pulse holds more
 * than one expand's work; the scratch tree and its rows are let go when done.
 */
final class TreeWarmUp {

    /** Rows in the scratch folder: a large folder's, filled the way the pane fills one. */
    static final int ROWS = Row.VIEW_FROM + 200;
    /** Every this many rows is a folder, and one row in {@link #LINK_EVERY} a link. */
    private static final int FOLDER_EVERY = 5;
    private static final int LINK_EVERY = 7;
    /** Steps, one a pulse: open (first lines), add the rest, close; twelve times. */
    static final int STEPS = 36;
    private static final String[] TYPES = {"insight", "dashboard", "feature_flag", "notebook", "experiment",
        "cohort", "survey", "hog_function/destination"};

    private final StackPane holder;
    private TreeView<Row> scratch = SteadyTreeSkin.treeView();
    private TreeItem<Row> folder;
    private List<List<TreeNode>> sets = new ArrayList<>();
    private List<Row> lines = List.of();
    private int steps;
    /** Lines the scratch folder showed, all opens together (for tests). */
    private long linesShown;

    private TreeWarmUp(StackPane holder) {
        this.holder = holder;
        TreeNode.Folder f = new TreeNode.Folder("Warm-up", List.of());
        folder = new TreeItem<>(new Row.Node(f));
        for (int s = 0; s < 2; s++) {
            List<TreeNode> nodes = new ArrayList<>();
            for (int i = 0; i < ROWS; i++) {
                if ((i + s) % FOLDER_EVERY == 0) {
                    nodes.add(new TreeNode.Folder("Warm-up/Folder " + s + " " + i, List.of()));
                    continue;
                }
                String type = TYPES[(i + s) % TYPES.length];
                nodes.add(new TreeNode.Item(new FileSystemEntry("warm-" + s + "-" + i, "Warm-up/Row " + s + " " + i,
                        2, type, null, null, null, i % LINK_EVERY == 0, null, null, null, null)));
            }
            sets.add(nodes);
        }
        TreeItem<Row> root = new TreeItem<>(new Row.Node(TreeNode.Folder.ROOT));
        root.getChildren().add(folder);
        root.setExpanded(true);
        scratch.setRoot(root);
        scratch.setShowRoot(false);
        scratch.setCellFactory(v -> new EntryCell(QUIET, null));
        scratch.getStyleClass().add("warm-up-tree");
        scratch.setOpacity(0);
        scratch.setMouseTransparent(true);
        scratch.setFocusTraversable(false);
        FixedRowHeight.follow(scratch);
    }

    /** A warm-up that starts behind what {@code holder} shows once it is in a scene. */
    static TreeWarmUp whenShown(StackPane holder) {
        TreeWarmUp warmUp = new TreeWarmUp(holder);
        holder.sceneProperty().addListener(new javafx.beans.value.ChangeListener<>() {
            @Override
            public void changed(javafx.beans.value.ObservableValue<? extends javafx.scene.Scene> o,
                    javafx.scene.Scene old, javafx.scene.Scene scene) {
                if (scene != null) {
                    holder.sceneProperty().removeListener(this);
                    warmUp.start();
                }
            }
        });
        return warmUp;
    }

    /** Steps done so far. */
    int steps() {
        return steps;
    }

    /** Lines the scratch folder showed so far, all opens together. */
    long linesShown() {
        return linesShown;
    }

    /** Whether the scratch tree is in the window. */
    boolean showing() {
        return scratch != null && scratch.getScene() != null;
    }

    /** Whether the warm-up still holds its scratch tree and rows (it lets them go when done). */
    boolean holdsRows() {
        return scratch != null || sets != null;
    }

    private void start() {
        holder.getChildren().add(0, scratch);
        new AnimationTimer() {
            @Override
            public void handle(long now) {
                if (steps == STEPS || scratch.getScene() == null) {
                    stop();
                    holder.getChildren().remove(scratch);
                    scratch = null;
                    folder = null;
                    sets = null;
                    lines = List.of();
                    return;
                }
                step(steps % 3);
                steps++;
            }
        }.start();
    }

    private void step(int phase) {
        if (phase == 0) {
            // opened as the pane opens a large folder: its lines a view, the first ones put in at once
            lines = Row.linesOf("Warm-up", sets.get((steps / 3) % 2), new FolderState.Loaded(ROWS, false));
            FocusParking.setChildren(scratch, folder, LargeFolderItems.head(lines, TreeWarmUp::fresh));
            folder.setExpanded(true);
        } else if (phase == 1) {
            // the rest, as the items made in the background arrive (made here: nobody waits for them)
            List<TreeItem<Row>> rest = LargeFolderItems.rest(folder.getChildren(), LargeFolderItems.items(lines), lines,
                    TreeWarmUp::fresh);
            if (rest != null) {
                FocusParking.change(scratch, rest.size(), () -> folder.getChildren().addAll(rest));
            }
            linesShown += folder.getChildren().size();
        } else {
            folder.setExpanded(false);
        }
    }

    /** A folder line's item holds a placeholder, so it shows as a folder that can open. */
    private static TreeItem<Row> fresh(Row row) {
        TreeItem<Row> item = new TreeItem<>(row);
        if (row instanceof Row.Node n && n.node() instanceof TreeNode.Folder f) {
            item.getChildren().add(new TreeItem<>(new Row.Loading(f.path())));
        }
        return item;
    }

    /** A host for rows nobody sees: no counts, stars or marks, no gestures. */
    private static final EntryCell.Host QUIET = new EntryCell.Host() {
        @Override
        public OptionalLong count(String f) {
            return OptionalLong.of(f.length()); // the badge's code runs too
        }

        @Override
        public void toggleStar(TreeNode node) {
        }

        @Override
        public boolean isStarred(TreeNode node) {
            return false;
        }

        @Override
        public void retry(String f) {
        }

        @Override
        public void loadMore(String f) {
        }

        @Override
        public void rename(TreeNode node, String newName) {
        }
    };
}
