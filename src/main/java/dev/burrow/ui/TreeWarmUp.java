package dev.burrow.ui;

import dev.burrow.api.FileSystemEntry;
import dev.burrow.tree.TreeNode;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import javafx.animation.AnimationTimer;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeView;
import javafx.scene.layout.StackPane;

/**
 * Opens and closes a folder of item rows a few times in a tree of its own, unseen behind the real
 * one, once the window shows. The first folder a person opened ran the cells' code (filling,
 * styling and laying out a screenful of rows) for the first time in the JVM's life, interpreted:
 * about twice what the same expand cost later. Here that code runs often enough to be compiled
 * before anyone opens a folder. One open or close per pulse, so no pulse holds more than one
 * expand's work; the scratch tree is taken away when done.
 */
final class TreeWarmUp {

    /** Rows in the scratch folder: more than a screenful, as a large folder's first rows are. */
    static final int ROWS = 40;
    /** Opens and closes, one a pulse. */
    static final int STEPS = 24;
    private static final String[] TYPES = {"insight", "dashboard", "feature_flag", "notebook", "experiment",
        "cohort", "survey", "hog_function/destination"};

    private final StackPane holder;
    private final TreeView<Row> scratch = SteadyTreeSkin.treeView();
    private final TreeItem<Row> folder;
    private final List<List<TreeItem<Row>>> sets = new ArrayList<>();
    private int steps;

    private TreeWarmUp(StackPane holder) {
        this.holder = holder;
        TreeNode.Folder f = new TreeNode.Folder("Warm-up", List.of());
        folder = new TreeItem<>(new Row.Node(f));
        for (int s = 0; s < 2; s++) {
            List<TreeItem<Row>> items = new ArrayList<>();
            for (int i = 0; i < ROWS; i++) {
                String type = TYPES[(i + s) % TYPES.length];
                items.add(new TreeItem<>(new Row.Node(new TreeNode.Item(new FileSystemEntry("warm-" + s + "-" + i,
                        "Warm-up/Row " + s + " " + i, 2, type, null, null, null, i % 7 == 0, null, null, null, null)))));
            }
            sets.add(items);
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

    /** Opens and closes done so far. */
    int steps() {
        return steps;
    }

    /** Whether the scratch tree is in the window. */
    boolean showing() {
        return scratch.getScene() != null;
    }

    private void start() {
        holder.getChildren().add(0, scratch);
        new AnimationTimer() {
            @Override
            public void handle(long now) {
                if (steps == STEPS || scratch.getScene() == null) {
                    stop();
                    holder.getChildren().remove(scratch);
                    return;
                }
                if (folder.isExpanded()) {
                    folder.setExpanded(false);
                } else {
                    // the other set of rows each time: the cells change icon, name and marks, as a new folder's do
                    folder.getChildren().setAll(sets.get((steps / 2) % 2));
                    folder.setExpanded(true);
                }
                steps++;
            }
        }.start();
    }

    /** A host for rows nobody sees: no counts, stars or marks, no gestures. */
    private static final EntryCell.Host QUIET = new EntryCell.Host() {
        @Override
        public OptionalLong count(String f) {
            return OptionalLong.empty();
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
