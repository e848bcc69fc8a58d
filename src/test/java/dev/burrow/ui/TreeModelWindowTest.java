package dev.burrow.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.burrow.api.EntryPath;
import dev.burrow.api.FileSystemEntry;
import dev.burrow.api.Star;
import dev.burrow.client.EntryFields;
import dev.burrow.client.FileSystemQuery;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.control.TreeItem;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.MouseButton;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.testfx.matcher.control.LabeledMatchers;

/**
 * A model-based test of the whole window against the real local server: seeded random sequences
 * of select, multi-select, drag-move, cut/paste, rename (also onto a sibling folder's name), new
 * folder, delete, undo, redo, star, shortcut flag, F5 and search. After every step the server's
 * rows equal the model's, the highlighted rows are the view model's selection, Details' subject
 * and what the next Delete would list, and the undo and redo labels are the model's.
 *
 * <p>{@code mvn verify} runs {@link #SEEDS} seeds of {@link #STEPS} steps; more with
 * {@code -Dburrow.modelSeeds=N -Dburrow.modelSteps=M}, one seed with {@code -Dburrow.modelSeed=S}.
 * A failure prints the seed and the steps so far, to replay.
 */
class TreeModelWindowTest extends WindowTestBase {

    static final int SEEDS = 4;
    static final int STEPS = 125;

    static List<Long> seeds() {
        String one = System.getProperty("burrow.modelSeed");
        if (one != null) {
            return List.of(Long.parseLong(one));
        }
        int n = Integer.getInteger("burrow.modelSeeds", SEEDS);
        List<Long> out = new ArrayList<>();
        for (long s = 1; s <= n; s++) {
            out.add(s * 7919);
        }
        return out;
    }

    // ---- the model ---------------------------------------------------------------------------

    /** One row as the model sees it. */
    record MRow(String path, String type, String ref, boolean link) {
        String line() {
            return path + "|" + type + (link ? "|link" : "");
        }

        MRow at(String p) {
            return new MRow(p, type, ref, link);
        }

        boolean folder() {
            return "folder".equals(type);
        }
    }

    /** One undoable step: its label as the app named it, and the rows (or stars) on either side. */
    record Step(String label, List<MRow> before, List<MRow> after, Set<String> starsBefore, Set<String> starsAfter,
            List<String> touchedBefore, List<String> touchedAfter) {
    }

    List<MRow> rows = new ArrayList<>();
    Set<String> stars = new TreeSet<>();
    Deque<Step> undo = new ArrayDeque<>();
    Deque<Step> redo = new ArrayDeque<>();
    Random random;
    List<String> log = new ArrayList<>();
    int fresh;

    @Override
    void seed() {
        String[] folders = {"Alpha", "Alpha/Inner", "Beta", "Gamma", "Gamma/Deep", "Gamma/Deep/Down"};
        for (String f : folders) {
            folder(f);
        }
        String[][] items = {{"Alpha/Board", "dashboard"}, {"Alpha/Inner/Chart", "insight"}, {"Beta/Flag", "feature_flag"},
            {"Gamma/Deep/Notes", "notebook"}, {"Loose", "dashboard"}, {"Gamma/Cohort", "cohort"}};
        int ref = 100;
        for (String[] it : items) {
            api.fileSystem().create(EntryFields.of(it[0], it[1]).ref(Integer.toString(++ref)));
        }
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void randomSequencesKeepTheWindowTheServerAndTheModelInStep(long seed) {
        random = new Random(seed);
        for (FileSystemEntry e : api.fileSystem().listAll(FileSystemQuery.all().withLimit(1000))) {
            rows.add(new MRow(e.path(), e.type(), e.ref(), e.isLink()));
        }
        int steps = Integer.getInteger("burrow.modelSteps", STEPS);
        try {
            for (int i = 0; i < steps; i++) {
                step();
                check();
            }
        } catch (AssertionError | RuntimeException e) {
            System.err.println("TreeModelWindowTest failed: replay with -Dburrow.modelSeed=" + seed
                    + " -Dburrow.modelSteps=" + log.size() + "\n  " + String.join("\n  ", log));
            throw e;
        }
    }

    // ---- steps -------------------------------------------------------------------------------

    void step() {
        fx(() -> tree().requestFocus()); // as after a click on a row: the keys go to the tree
        int dice = random.nextInt(100);
        if (dice < 14) {
            selectRandom(false);
        } else if (dice < 20) {
            selectRandom(true);
        } else if (dice < 26) {
            moveRandom(true);
        } else if (dice < 36) {
            moveRandom(false);
        } else if (dice < 46) {
            renameRandom();
        } else if (dice < 52) {
            newFolder();
        } else if (dice < 60) {
            deleteSelection();
        } else if (dice < 72) {
            undoStep();
        } else if (dice < 80) {
            redoStep();
        } else if (dice < 86) {
            star();
        } else if (dice < 90) {
            flag();
        } else if (dice < 95) {
            refresh();
        } else {
            search();
        }
    }

    List<String> nodes() {
        Set<String> out = new TreeSet<>();
        for (MRow r : rows) {
            out.add(EntryPath.normalize(r.path()));
        }
        return new ArrayList<>(out);
    }

    boolean isFolder(String path) {
        return rows.stream().anyMatch(r -> r.folder() && EntryPath.normalize(r.path()).equals(path));
    }

    String pick(List<String> from) {
        return from.get(random.nextInt(from.size()));
    }

    /** Selects a node through the tree's own selection model (the path a click takes). */
    void selectRandom(boolean add) {
        List<String> all = nodes();
        if (all.isEmpty()) {
            return;
        }
        String path = pick(all);
        log.add((add ? "add to selection " : "select ") + path);
        show(path);
        fx(() -> {
            TreeItem<Row> it = find(path);
            if (!add) {
                tree().getSelectionModel().clearSelection();
            }
            tree().getSelectionModel().select(it);
        });
        quiet();
    }

    /** Opens the folders down to a node and waits until its item shows. */
    void show(String path) {
        fx(() -> vm.tree().expandTo(EntryPath.parent(path)));
        fast(path + " shows", () -> onFx(() -> find(path)) != null);
    }

    TreeItem<Row> find(String path) {
        return item(path).orElse(null);
    }

    List<String> selected() {
        return onFx(() -> vm.tree().selectedNodes().stream().map(n -> EntryPath.normalize(n.path())).toList());
    }

    /** The top-level selected nodes, as the app moves and deletes them. */
    List<String> topSelected() {
        List<String> sel = selected();
        List<String> out = new ArrayList<>();
        for (String p : sel) {
            if (sel.stream().noneMatch(o -> !o.equals(p) && isFolder(o) && EntryPath.isBelow(p, o)) && !out.contains(p)) {
                out.add(p);
            }
        }
        return out;
    }

    /** Moves the selection into a folder where nothing shares a moved node's name. */
    void moveRandom(boolean byDrag) {
        List<String> moving = topSelected();
        if (moving.isEmpty()) {
            selectRandom(false);
            return;
        }
        List<String> targets = new ArrayList<>();
        for (String f : nodes()) {
            if (isFolder(f) && moving.stream().allMatch(m -> allowed(m, f))) {
                targets.add(f);
            }
        }
        if (moving.stream().allMatch(m -> allowed(m, ""))) {
            targets.add("");
        }
        if (targets.isEmpty()) {
            return;
        }
        String target = pick(targets);
        if (byDrag && target.isEmpty()) {
            byDrag = false; // the top level is a paste here: the empty area may be out of view
        }
        log.add((byDrag ? "drag " : "cut/paste ") + moving + " into " + (target.isEmpty() ? "the top" : target));
        List<MRow> before = copy();
        List<String> after = new ArrayList<>();
        for (String m : moving) {
            String to = EntryPath.child(target, EntryPath.leaf(m));
            moveRows(m, to);
            after.add(to);
        }
        if (byDrag) {
            show(moving.get(0));
            show(target);
            drag(cell(moving.get(0)), MouseButton.PRIMARY).dropTo(cell(target));
        } else {
            push(new KeyCodeCombination(KeyCode.X, KeyCombination.SHORTCUT_DOWN));
            if (target.isEmpty()) {
                fx(() -> tree().getSelectionModel().clearSelection());
            } else {
                show(target);
                fx(() -> {
                    tree().getSelectionModel().clearSelection();
                    tree().getSelectionModel().select(find(target));
                });
            }
            quiet();
            push(new KeyCodeCombination(KeyCode.V, KeyCombination.SHORTCUT_DOWN));
        }
        done(before, moving, after);
        assertEquals(new TreeSet<>(after), new TreeSet<>(selected()), "the moved rows stay selected");
    }

    boolean allowed(String node, String folder) {
        String parent = EntryPath.parent(node);
        if (parent.equals(folder) || folder.equals(node) || EntryPath.isBelow(folder, node)) {
            return false;
        }
        String to = EntryPath.child(folder, EntryPath.leaf(node));
        return rows.stream().noneMatch(r -> EntryPath.normalize(r.path()).equals(to));
    }

    void moveRows(String from, String to) {
        List<MRow> out = new ArrayList<>();
        for (MRow r : rows) {
            String p = EntryPath.normalize(r.path());
            if (p.equals(from)) {
                out.add(r.at(to));
            } else if (EntryPath.isBelow(p, from)) {
                out.add(r.at(to + p.substring(from.length())));
            } else {
                out.add(r);
            }
        }
        rows = out;
    }

    /** F2 on the lead; folders are sometimes renamed onto a sibling folder's name (the app asks). */
    void renameRandom() {
        List<String> sel = selected();
        if (sel.size() != 1) {
            selectRandom(false);
            return;
        }
        String node = sel.get(0);
        String parent = EntryPath.parent(node);
        List<String> siblingFolders = nodes().stream().filter(p -> isFolder(p) && EntryPath.parent(p).equals(parent)
                && !p.equals(node)).toList();
        boolean clash = isFolder(node) && !siblingFolders.isEmpty() && random.nextInt(3) == 0;
        String name = clash ? EntryPath.leaf(pick(siblingFolders)) : "N" + (++fresh);
        boolean keepBoth = random.nextBoolean();
        log.add("rename " + node + " to " + name + (clash ? keepBoth ? " (keep both)" : " (cancel)" : ""));
        show(node);
        push(KeyCode.F2);
        fastFx("the rename field shows", () -> lookup(".rename-field").tryQuery().isPresent());
        fx(() -> ((TextField) lookup(".rename-field").query()).setText(name));
        push(KeyCode.ENTER);
        if (clash) {
            fastFx("the clash is asked", () -> lookup(".dialog-pane").tryQuery().isPresent());
            press(keepBoth ? "Keep both" : "Cancel");
            if (!keepBoth) {
                quiet();
                return;
            }
        }
        List<MRow> before = copy();
        String to = EntryPath.child(parent, clash ? freeName(parent, name) : name);
        moveRows(node, to);
        done(before, List.of(node), List.of(to));
        assertEquals(List.of(to), selected(), "the renamed node stays selected");
    }

    String freeName(String parent, String name) {
        String candidate = name;
        for (int n = 2; nodes().contains(EntryPath.child(parent, candidate)); n++) {
            candidate = name + " (" + n + ")";
        }
        return candidate;
    }

    /** Ctrl+Shift+N in the current folder, then a name typed in place: two steps. */
    void newFolder() {
        List<String> sel = selected();
        String parent = sel.isEmpty() ? "" : isFolder(sel.get(0)) ? sel.get(0) : EntryPath.parent(sel.get(0));
        String untitled = "Untitled folder";
        for (int n = 2; nodes().contains(EntryPath.child(parent, untitled)); n++) {
            untitled = "Untitled folder " + n;
        }
        String made = EntryPath.child(parent, untitled);
        String name = "F" + (++fresh);
        log.add("new folder in " + (parent.isEmpty() ? "the top" : parent) + " named " + name);
        List<MRow> before = copy();
        push(new KeyCodeCombination(KeyCode.N, KeyCombination.SHORTCUT_DOWN, KeyCombination.SHIFT_DOWN));
        fastFx("the new folder's name is being edited", () -> lookup(".rename-field").tryQuery().isPresent());
        rows.add(new MRow(made, "folder", null, false));
        fast("the folder is made", () -> serverPaths().contains(made));
        quiet();
        record(before, List.of(), List.of(made));
        fx(() -> ((TextField) lookup(".rename-field").query()).setText(name));
        push(KeyCode.ENTER);
        List<MRow> middle = copy();
        String to = EntryPath.child(parent, name);
        moveRows(made, to);
        done(middle, List.of(made), List.of(to));
    }

    void deleteSelection() {
        List<String> going = topSelected();
        if (going.isEmpty()) {
            selectRandom(false);
            return;
        }
        log.add("delete " + going);
        assertEquals(new TreeSet<>(going), wouldDelete(), "Delete acts on what is highlighted");
        push(KeyCode.DELETE);
        fastFx("the delete dialog shows", () -> lookup(".dialog-pane").tryQuery().isPresent());
        press("Delete");
        List<MRow> before = copy();
        Set<String> starsBefore = new TreeSet<>(stars);
        List<MRow> gone = rows.stream().filter(r -> going.stream().anyMatch(g -> EntryPath.normalize(r.path()).equals(g)
                || EntryPath.isBelow(EntryPath.normalize(r.path()), g))).toList();
        rows.removeAll(gone);
        for (MRow g : gone) {
            // the server drops the stars of objects whose last real row went
            if (!g.folder() && !g.link() && rows.stream().noneMatch(r -> !r.link() && g.ref().equals(r.ref()))) {
                stars.remove(g.ref());
            }
        }
        settle();
        redo.clear();
        undo.push(new Step(appUndoLabel(), before, copy(), starsBefore, new TreeSet<>(stars), going, List.of()));
        for (String g : going) {
            assertFalse(selected().contains(g), "nothing deleted stays selected");
        }
    }

    void undoStep() {
        Step s = undo.peek();
        log.add("undo" + (s == null ? " (nothing)" : " " + s.label()));
        push(new KeyCodeCombination(KeyCode.Z, KeyCombination.SHORTCUT_DOWN));
        if (s == null) {
            quiet();
            return;
        }
        undo.pop();
        redo.push(s);
        apply(s.before(), s.starsBefore(), s.touchedBefore());
    }

    void redoStep() {
        Step s = redo.peek();
        log.add("redo" + (s == null ? " (nothing)" : " " + s.label()));
        push(new KeyCodeCombination(KeyCode.Z, KeyCombination.SHORTCUT_DOWN, KeyCombination.SHIFT_DOWN));
        if (s == null) {
            quiet();
            return;
        }
        redo.pop();
        undo.push(s);
        apply(s.after(), s.starsAfter(), s.touchedAfter());
    }

    /** The model after an undo or redo: the rows (or stars) of that side; the touched rows selected. */
    void apply(List<MRow> side, Set<String> starsThen, List<String> touched) {
        rows = new ArrayList<>(side);
        stars = new TreeSet<>(starsThen);
        settle();
        if (!touched.isEmpty()) {
            fast("the touched rows are selected: " + touched,
                    () -> new TreeSet<>(selected()).equals(new TreeSet<>(touched)));
        }
    }

    /** Ctrl+D on the selected items (objects): stars them, or unstars when all are starred. */
    void star() {
        List<String> items = selected().stream().filter(p -> !isFolder(p)).toList();
        if (items.isEmpty() || items.size() != selected().size()) {
            selectRandom(false);
            return;
        }
        Set<String> refs = new TreeSet<>();
        for (String p : items) {
            rows.stream().filter(r -> EntryPath.normalize(r.path()).equals(p)).forEach(r -> refs.add(r.ref()));
        }
        boolean on = !stars.containsAll(refs);
        Set<String> starsBefore = new TreeSet<>(stars);
        if (on) {
            stars.addAll(refs);
        } else {
            stars.removeAll(refs);
        }
        log.add((on ? "star " : "unstar ") + items);
        push(new KeyCodeCombination(KeyCode.D, KeyCombination.SHORTCUT_DOWN));
        fast("the server has the model's stars", () -> serverStars().equals(stars));
        settle();
        redo.clear();
        undo.push(new Step(appUndoLabel(), copy(), copy(), starsBefore, new TreeSet<>(stars), items, items));
    }

    /** The shortcut flag of the selected item, in Details, after its consequence is confirmed. */
    void flag() {
        List<String> sel = selected();
        if (sel.size() != 1 || isFolder(sel.get(0))) {
            selectRandom(false);
            return;
        }
        String p = sel.get(0);
        log.add("flag " + p);
        fastFx("the flag toggle shows", () -> lookup("#shortcut-flag").tryQuery().isPresent());
        // the toggle opens a dialog: fire it without waiting (the dialog's own loop runs meanwhile)
        javafx.application.Platform.runLater(() -> ((javafx.scene.control.CheckBox) lookup("#shortcut-flag").query()).fire());
        fastFx("the consequence is said", () -> lookup("#flag-consequence").tryQuery().isPresent());
        Button change = lookup(".dialog-pane .button").match(b -> b instanceof Button bt && bt.getText().startsWith("Make it"))
                .queryButton();
        fx(change::fire);
        List<MRow> before = copy();
        List<MRow> out = new ArrayList<>();
        for (MRow r : rows) {
            out.add(EntryPath.normalize(r.path()).equals(p) ? new MRow(r.path(), r.type(), r.ref(), !r.link()) : r);
        }
        rows = out;
        done(before, List.of(p), List.of(p));
    }

    void refresh() {
        List<String> sel = selected();
        log.add("F5");
        push(KeyCode.F5);
        awaitReady();
        settle();
        fast("the selection is back after F5", () -> new TreeSet<>(selected()).equals(new TreeSet<>(sel)));
    }

    void search() {
        List<String> all = nodes();
        if (all.isEmpty()) {
            return;
        }
        String name = EntryPath.leaf(pick(all));
        log.add("search " + name);
        fx(() -> window.searchField().setText(name));
        fast("the results show", () -> onFx(() -> vm.tree().isSearching()));
        quiet();
        fx(() -> window.searchField().setText(""));
        fast("the search is cleared", () -> onFx(() -> !vm.tree().isSearching()));
        settle();
    }

    /** As {@code waitUntil}, polling quickly: one round of FX events, then the condition. */
    void fast(String what, java.util.concurrent.Callable<Boolean> condition) {
        long end = System.nanoTime() + TIMEOUT_S * 1_000_000_000L;
        try {
            while (true) {
                org.testfx.util.WaitForAsyncUtils.waitForFxEvents(1);
                if (condition.call()) {
                    return;
                }
                if (System.nanoTime() > end) {
                    throw new AssertionError("Timed out after " + TIMEOUT_S + " s waiting until " + what);
                }
                Thread.sleep(5);
            }
        } catch (AssertionError e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    void fastFx(String what, java.util.concurrent.Callable<Boolean> condition) {
        fast(what, () -> onFx(condition));
    }

    /** Runs on the FX thread and waits for it (without the extra rounds of {@code interact}). */
    void fx(Runnable r) {
        try {
            org.testfx.util.WaitForAsyncUtils.asyncFx(r).get(TIMEOUT_S, java.util.concurrent.TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Nothing in flight in the session. */
    void quiet() {
        fastFx("background work finished", () -> !vm.busyProperty().get());
    }

    /** Presses a dialog's button (as a click would, without moving the pointer). */
    void press(String button) {
        Button b = lookup(".dialog-pane .button").match(LabeledMatchers.hasText(button)).queryButton();
        fx(b::fire);
    }

    // ---- bookkeeping -------------------------------------------------------------------------

    List<MRow> copy() {
        return new ArrayList<>(rows);
    }

    /** A fresh action finished: it is the top of the undo side, and the redo side is empty. */
    void done(List<MRow> before, List<String> touchedBefore, List<String> touchedAfter) {
        settle();
        record(before, touchedBefore, touchedAfter);
    }

    void record(List<MRow> before, List<String> touchedBefore, List<String> touchedAfter) {
        redo.clear();
        undo.push(new Step(appUndoLabel(), before, copy(), new TreeSet<>(stars), new TreeSet<>(stars), touchedBefore,
                touchedAfter));
    }

    String appUndoLabel() {
        String t = onFx(() -> vm.tree().edits().history().undoTextProperty().get());
        assertTrue(t.startsWith("Undo: ") && !t.startsWith("Undo: Undo") && !t.startsWith("Undo: Redo"), t);
        return t.substring("Undo: ".length());
    }

    /** Waits until the server has the model's rows and the window is idle. */
    void settle() {
        List<String> want = lines(rows);
        fast("the server has the model's rows", () -> serverLines().equals(want));
        quiet();
    }

    static List<String> lines(List<MRow> rs) {
        List<String> out = new ArrayList<>();
        rs.forEach(r -> out.add(r.line()));
        out.sort(null);
        return out;
    }

    List<String> serverLines() {
        List<MRow> now = new ArrayList<>();
        for (FileSystemEntry e : api.fileSystem().listAll(FileSystemQuery.all().withLimit(1000))) {
            now.add(new MRow(e.path(), e.type(), e.ref(), e.isLink()));
        }
        return lines(now);
    }

    Set<String> wouldDelete() {
        return onFx(() -> {
            Set<String> out = new TreeSet<>();
            vm.tree().edits().planDelete().ifPresent(p -> p.nodes().forEach(n -> out.add(EntryPath.normalize(n.path()))));
            return out;
        });
    }

    /** After every step: server = model; highlighted = selection = Details = Delete's list; labels. */
    void check() {
        assertEquals(lines(rows), serverLines(), "the server's rows are the model's");
        Set<String> highlighted = onFx(() -> {
            Set<String> out = new TreeSet<>();
            for (TreeItem<Row> i : tree().getSelectionModel().getSelectedItems()) {
                if (i != null && i.getValue() != null && i.getValue().treeNode() != null) {
                    out.add(EntryPath.normalize(i.getValue().treeNode().path()));
                }
            }
            return out;
        });
        Set<String> model = new TreeSet<>(selected());
        assertEquals(model, highlighted, "the highlighted rows are the selection");
        assertEquals(model, wouldDelete().isEmpty() ? Set.of() : expandTop(wouldDelete(), model),
                "the next Delete lists the selection (its top-level nodes)");
        String lead = onFx(() -> vm.tree().selectedProperty().get() == null ? ""
                : vm.tree().selectedProperty().get().name());
        assertSubject(model.size(), lead, detailsSubject());
        String undoText = onFx(() -> vm.tree().edits().history().undoTextProperty().get());
        String redoText = onFx(() -> vm.tree().edits().history().redoTextProperty().get());
        assertEquals(undo.isEmpty() ? "Undo" : "Undo: " + undo.peek().label(), undoText);
        assertEquals(redo.isEmpty() ? "Redo" : "Redo: " + redo.peek().label(), redoText);
        assertEquals(stars, serverStars(), "the stars are the model's");
    }

    Set<String> serverStars() {
        Set<String> out = new TreeSet<>();
        for (Star s : api.shortcuts().listAll()) {
            out.add(s.ref());
        }
        return out;
    }

    /** Delete lists the top-level selected nodes; the selection may also hold nodes inside them. */
    Set<String> expandTop(Set<String> top, Set<String> selection) {
        Set<String> out = new TreeSet<>(top);
        for (String s : selection) {
            if (top.stream().anyMatch(t -> EntryPath.isBelow(s, t))) {
                out.add(s);
            }
        }
        return out;
    }
}
