package dev.burrow.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.burrow.api.FileSystemEntry;
import dev.burrow.tree.FolderState;
import dev.burrow.tree.TaskRunner;
import dev.burrow.tree.TreeNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import javafx.scene.control.TreeItem;
import org.junit.jupiter.api.Test;

/** The items of a large folder, made in the background: one per item line, in line order, the latest lines only. */
class LargeFolderItemsTest {

    /** Runs work only when told, so that a test can change the lines in between. */
    private static final class HeldRunner implements TaskRunner {
        final List<Runnable> held = new ArrayList<>();

        @Override
        public <T> void run(Handle handle, Callable<T> work, Consumer<T> onSuccess, Consumer<Throwable> onFailure) {
            held.add(() -> {
                try {
                    onSuccess.accept(work.call());
                } catch (Exception e) {
                    onFailure.accept(e);
                }
            });
        }

        @Override
        public void post(Runnable onOwnerThread) {
            onOwnerThread.run();
        }

        @Override
        public Handle postLater(Duration delay, Runnable onOwnerThread) {
            onOwnerThread.run();
            return new Handle();
        }
    }

    /** As {@link HeldRunner}, with what waits for a paint held apart until the test paints. */
    private static final class PaintingRunner implements TaskRunner {
        final HeldRunner work = new HeldRunner();
        final List<Runnable> afterPaint = new ArrayList<>();

        @Override
        public <T> void run(Handle handle, Callable<T> w, Consumer<T> onSuccess, Consumer<Throwable> onFailure) {
            work.run(handle, w, onSuccess, onFailure);
        }

        @Override
        public void post(Runnable onOwnerThread) {
            onOwnerThread.run();
        }

        @Override
        public Handle postLater(Duration delay, Runnable onOwnerThread) {
            return work.postLater(delay, onOwnerThread);
        }

        @Override
        public void afterPaint(Runnable onOwnerThread) {
            afterPaint.add(onOwnerThread);
        }

        void paint() {
            List<Runnable> now = new ArrayList<>(afterPaint);
            afterPaint.clear();
            now.forEach(Runnable::run);
        }
    }

    private static List<Row> lines(int items, String prefix) {
        List<TreeNode> nodes = new ArrayList<>();
        nodes.add(new TreeNode.Folder("Big/Sub", List.of()));
        for (int i = 0; i < items; i++) {
            nodes.add(new TreeNode.Item(new FileSystemEntry("id" + prefix + i, "Big/" + prefix + i, 2, "insight", null,
                    null, null, false, null, null, null, null)));
        }
        return Row.linesOf("Big", nodes, new FolderState.Loaded(nodes.size(), true));
    }

    @Test
    void itemLinesGetItemsInOrderAndTheRestIsLeftToThePane() {
        List<Row> lines = lines(2_500, "x");
        TreeItem<Row>[] made = LargeFolderItems.items(lines);
        assertEquals(lines.size(), made.length);
        assertNull(made[0], "a folder line is the pane's");
        assertNull(made[made.length - 1], "the load-more line is the pane's");
        for (int i = 1; i < made.length - 1; i++) {
            assertSame(lines.get(i), made[i].getValue());
        }
        assertTrue(LargeFolderItems.wanted(lines, 0));
        assertFalse(LargeFolderItems.wanted(lines, 5), "items to reuse: filled in place");
        assertFalse(LargeFolderItems.wanted(lines(10, "s"), 0), "a small folder is filled at once");
    }

    static final Object OWNER = new Object();

    @Test
    void aFolderItemMadeAnewGetsItsOwnItemsEvenForTheSameLines() {
        HeldRunner runner = new HeldRunner();
        LargeFolderItems large = new LargeFolderItems(runner);
        List<String> handed = new ArrayList<>();
        Object before = new Object();
        Object after = new Object();
        large.make("Big", before, lines(2_100, "a"), made -> handed.add("old item"));
        large.make("Big", after, lines(2_100, "a"), made -> handed.add("new item"));
        assertEquals(2, runner.held.size(), "made again for the new tree item");
        runner.held.forEach(Runnable::run);
        assertEquals(List.of("new item"), handed, "the item on screen gets the rest; the old one's is dropped");
    }

    @Test
    void onlyTheLatestLinesAreHandedOver() {
        HeldRunner runner = new HeldRunner();
        LargeFolderItems large = new LargeFolderItems(runner);
        List<List<Row>> handed = new ArrayList<>();
        List<Row> first = lines(2_100, "a");
        List<Row> second = lines(2_200, "b");
        large.make("Big", OWNER, first, made -> handed.add(first));
        large.make("Big", OWNER, lines(2_100, "a"), made -> handed.add(first));
        assertEquals(1, runner.held.size(), "the same lines are not made twice");
        large.make("Big", OWNER, second, made -> handed.add(second));
        runner.held.forEach(Runnable::run);
        assertEquals(List.of(second), handed, "items made for superseded lines are dropped");
    }

    @Test
    void theItemsAreHandedOverNoSoonerThanAPaintAfterTheHead() {
        PaintingRunner runner = new PaintingRunner();
        LargeFolderItems large = new LargeFolderItems(runner);
        List<String> handed = new ArrayList<>();
        large.make("Big", OWNER, lines(2_100, "a"), made -> handed.add("a"));
        runner.work.held.forEach(Runnable::run);
        assertEquals(List.of(), handed, "made before the head was painted: held (its layout and the rest are two pulses)");
        runner.paint();
        assertEquals(List.of("a"), handed, "handed over once painted");

        large.make("Big", OWNER, lines(2_200, "b"), made -> handed.add("b"));
        runner.paint();
        assertEquals(List.of("a"), handed, "painted, nothing made yet");
        runner.work.held.get(1).run();
        assertEquals(List.of("a", "b"), handed, "made after the paint: handed over at once (no pulse waited for in vain)");
    }

    @Test
    void itemsOfAFolderFilledWholeMeanwhileAreDropped() {
        HeldRunner runner = new HeldRunner();
        LargeFolderItems large = new LargeFolderItems(runner);
        List<String> handed = new ArrayList<>();
        large.make("Big", OWNER, lines(2_100, "a"), made -> handed.add("a"));
        large.cancel("Big"); // what the pane does when it fills the folder whole (the pane trusts what it is handed)
        runner.held.forEach(Runnable::run);
        assertEquals(List.of(), handed);
    }

    @Test
    void theRestGoesBelowTheHeadOnlyWhileTheHeadShowsTheFirstLines() {
        List<Row> lines = lines(200, "x");
        TreeItem<Row>[] made = LargeFolderItems.items(lines);
        List<TreeItem<Row>> head = LargeFolderItems.head(lines, TreeItem::new);
        assertEquals(LargeFolderItems.HEAD, head.size());
        List<TreeItem<Row>> rest = LargeFolderItems.rest(head, made, lines, TreeItem::new);
        List<Row> all = new ArrayList<>();
        head.forEach(i -> all.add(i.getValue()));
        rest.forEach(i -> all.add(i.getValue()));
        assertEquals(lines, all, "head and rest: every line once, in order");
        assertSame(made[LargeFolderItems.HEAD], rest.get(0), "the items made in the background are used");
        List<TreeItem<Row>> stale = LargeFolderItems.head(lines(200, "y"), TreeItem::new);
        assertNull(LargeFolderItems.rest(stale, made, lines, TreeItem::new), "a head of other lines is replaced whole");
    }
}
