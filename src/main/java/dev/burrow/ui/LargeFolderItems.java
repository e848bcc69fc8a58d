package dev.burrow.ui;

import dev.burrow.tree.TaskRunner;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import javafx.scene.control.TreeItem;

/**
 * Makes the tree items of a folder's item rows off the FX thread when the folder is large: a
 * 10,000-child folder made 10,000 items (each with its properties and event handlers) in one go
 * and held the window for several pulses. The FX thread then only puts the finished list in
 * place, with one {@code setAll}. Folder rows and placeholders are left to the pane (they read
 * the view model), so only plain items are made here.
 */
final class LargeFolderItems {

    /** Folders with at least this many lines are filled this way (tests lower it). */
    static int threshold = 2_000;
    /**
     * The lines shown at once, made on the FX thread, while the rest are made: more than a
     * screenful, so the rows in view are final and adding the rest below them changes no cell.
     */
    static final int HEAD = 64;

    private final TaskRunner runner;
    /** What each folder's items are being made for: the tree item they go to, and its lines. */
    private final Map<String, Job> building = new HashMap<>();

    /** Items being made for {@code owner} (the folder's tree item) from {@code lines}. */
    private record Job(Object owner, List<Row> lines) {
    }
    private int asked;

    LargeFolderItems(TaskRunner runner) {
        this.runner = runner;
    }

    /** True when the folder is large and has no items to reuse: its fill should go through {@link #make}. */
    static boolean wanted(List<Row> lines, int existing) {
        return lines.size() >= threshold && existing == 0;
    }

    /**
     * Makes a {@code TreeItem} for each item line in the background; {@code done} gets, on the
     * owner's thread, an array in line order with null where the pane must make the item (a
     * folder or a placeholder), after the next paint at the earliest. Nothing is started when the
     * same lines are already being made for the same {@code owner}; the items made for lines or an
     * owner replaced meanwhile are dropped (a folder's tree item made anew while its rest was being
     * built for the old one kept only its first rows).
     */
    @SuppressWarnings("unchecked")
    void make(String folder, Object owner, List<Row> lines, Consumer<TreeItem<Row>[]> done) {
        asked++;
        Job now = building.get(folder);
        if (now != null && now.owner() == owner && lines.equals(now.lines())) {
            return;
        }
        Job job = new Job(owner, lines);
        building.put(folder, job);
        // handed over only once a pulse has passed since the head went in: the head's layout (its
        // rows styled into the cells on screen) and adding the rest are then two pulses' work, not one
        TreeItem<Row>[][] made = new TreeItem[1][];
        boolean[] painted = new boolean[1];
        Runnable handOver = () -> {
            if (made[0] != null && painted[0] && building.get(folder) == job) {
                building.remove(folder);
                done.accept(made[0]);
            }
        };
        runner.afterPaint(() -> {
            painted[0] = true;
            handOver.run();
        });
        runner.run(() -> items(lines), items -> {
            made[0] = items;
            handOver.run();
        }, error -> building.remove(folder, job));
    }

    /** How many times the items of a folder's lines were asked for, made anew or not (for tests). */
    int asked() {
        return asked;
    }

    /** Forgets what is being made (the folder was closed or the tree refilled from scratch). */
    void cancel(String folder) {
        building.remove(folder);
    }

    /** The made items in line order, with {@code others} making the lines left null (folders, placeholders). */
    static List<TreeItem<Row>> complete(TreeItem<Row>[] made, List<Row> lines,
            java.util.function.Function<Row, TreeItem<Row>> others) {
        List<TreeItem<Row>> out = new java.util.ArrayList<>(made.length);
        for (int i = 0; i < made.length; i++) {
            out.add(made[i] != null ? made[i] : others.apply(lines.get(i)));
        }
        return out;
    }

    /** The items of the first {@link #HEAD} lines, made at once by {@code fresh}. */
    static List<TreeItem<Row>> head(List<Row> lines, java.util.function.Function<Row, TreeItem<Row>> fresh) {
        List<TreeItem<Row>> out = new java.util.ArrayList<>(HEAD);
        for (Row row : lines.subList(0, Math.min(lines.size(), HEAD))) {
            out.add(fresh.apply(row));
        }
        return out;
    }

    /**
     * The items to add below the {@code shown} head for the rest of {@code lines} (made ones, and
     * {@code others} for the lines left null), or null when the head no longer shows the first lines.
     */
    static List<TreeItem<Row>> rest(List<TreeItem<Row>> shown, TreeItem<Row>[] made, List<Row> lines,
            java.util.function.Function<Row, TreeItem<Row>> others) {
        int head = shown.size();
        if (head > lines.size() || made.length != lines.size()) {
            return null;
        }
        for (int i = 0; i < head; i++) {
            if (!lines.get(i).equals(shown.get(i).getValue())) {
                return null;
            }
        }
        return complete(java.util.Arrays.copyOfRange(made, head, made.length), lines.subList(head, lines.size()),
                others);
    }

    @SuppressWarnings("unchecked")
    static TreeItem<Row>[] items(List<Row> lines) {
        TreeItem<Row>[] out = new TreeItem[lines.size()];
        for (int i = 0; i < out.length; i++) {
            if (lines.get(i) instanceof Row.Node n && n.node() instanceof dev.burrow.tree.TreeNode.Item) {
                out[i] = new TreeItem<>(lines.get(i));
            }
        }
        return out;
    }
}
