package dev.burrow.bench;

import static dev.burrow.bench.UiScenario.num;
import static dev.burrow.bench.UiScenario.text;

import dev.burrow.tree.FolderState;
import dev.burrow.tree.MoveJournal;
import dev.burrow.tree.TreeNode;
import dev.burrow.tree.TreeSession;
import dev.burrow.ui.FxTaskRunner;
import dev.burrow.ui.MainViewModel;
import dev.burrow.ui.MainWindow;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A 1,000,000-row project in the window (#14 item 7), in its own JVM under Monocle with the
 * packaged launcher's JVM options, the server in another JVM: above {@link TreeSession#INDEX_LIMIT}
 * the index stays off and every step asks the server. The session: show the root, open ten
 * folders (one of them {@value #BIG} with 10,006 children), page that folder to its end and
 * scroll there, search three terms in the search field, move an item and undo the move.
 *
 * <p>Prints {@code RESULT idle=… stall=… rss=… hwm=… worst=STEP} and {@code STEP name ms stall cpu rss}
 * lines (ms; rss in MB).
 */
public final class MillionScenario {

    static final long SEED = 1_000_000;
    /** The 10,000-child folder of the 1M seed (SyntheticSeed: one flat folder per type under Unfiled). */
    static final String BIG = "Unfiled/Actions";
    /** The ten folders opened, in order ({@value #BIG} among them). */
    static final List<String> OPEN = List.of("Synthetic", "Synthetic/Big", "Unfiled", BIG, "Product", "Product/Q2",
            "Marketing", "Marketing/Americas", "Sales", "Engineering");
    static final List<String> TERMS = List.of("revenue", "checkout q3", "churn");
    /** Where the moved item goes (and comes back from). */
    static final String MOVE_TO = "Synthetic";
    private static final String COMMAND = " Command: mvn -B -o -Pbench -DskipTests -Dbench.args='--only million' verify.";

    private MillionScenario() {
    }

    /** Orchestrates: the 1M server, the window JVM with the launcher's options, the report's rows. */
    static List<Result> run(Path root) throws Exception {
        try (ServerProcess server = ServerProcess.start(root, SEED)) {
            List<String> cmd = new ArrayList<>(List.of(BenchMain.javaBin()));
            List<String> launcher = BenchMain.launcherOptions(root);
            cmd.addAll(launcher);
            String extra = System.getProperty("bench.jvm", ""); // e.g. a flight recording, to find a stall's cause
            if (!extra.isBlank()) {
                cmd.addAll(List.of(extra.trim().split("\\s+")));
            }
            cmd.addAll(List.of("-Dglass.platform=Monocle", "-Dmonocle.platform=Headless", "-Dprism.order=sw",
                    "-Dprism.text=t2k", "-Djava.awt.headless=true", "-cp", System.getProperty("java.class.path"),
                    MillionScenario.class.getName(), server.baseUrl(), ServerProcess.KEY));
            String load = BenchMain.loadAverage();
            Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
            String output = new String(p.getInputStream().readAllBytes());
            p.waitFor(15, TimeUnit.MINUTES);
            Files.writeString(root.resolve("target/bench-work/million.log"), output);
            String line = output.lines().filter(l -> l.startsWith("RESULT ")).findFirst()
                    .orElseThrow(() -> new IllegalStateException("the 1M session failed:\n" + output));
            String loadAfter = BenchMain.loadAverage();
            List<String> steps = output.lines().filter(l -> l.startsWith("STEP ")).toList();
            double pulse = num(line, "idle");
            double stall = num(line, "stall");
            double hwm = num(line, "hwm");
            String loads = load + " before, " + loadAfter + " after";
            String how = "real MainWindow under Monocle, launcher options " + launcher + ", server (seed "
                    + String.format("%,d", SEED) + ") in its own JVM; load average " + loads + ".";
            List<Result> out = new ArrayList<>();
            out.add(Result.of("Ma 1M session: longest FX-thread stall after data arrives", stall, pulse, "ms",
                    "≤ 3 pulses", 3.0, true, "longest gap between pulses over every step of the session (root, ten"
                    + " folders, paging " + BIG + " to its end, three searches, a move and its undo), counted from"
                    + " the moment each step's rows arrived (root, folders, searches) or from the action (paging,"
                    + " clearing the search, move, undo); the FX thread's own CPU in each gap is in the step rows;"
                    + " baseline:"
                    + " the median idle pulse interval; worst step: " + text(line, "worst") + "; " + how + COMMAND)
                    .withLoad(loads));
            out.add(Result.judged("Mb 1M session: peak RSS of the window's JVM", hwm, 600, hwm / 600, "MB",
                    "≤ 600 MB", hwm <= 600, "VmHWM of /proc/self/status at the end of the session (RSS at the end "
                    + num(line, "rss") + " MB); " + how + COMMAND).withLoad(loads));
            for (String s : steps) {
                String[] f = s.split(" ");
                out.add(Result.info("Mc 1M session step: " + f[1].replace('_', ' '), Double.parseDouble(f[2]), pulse,
                        "ms", "time until the step's rows show; longest pulse gap after its data arrived " + f[3]
                        + " ms (the FX thread's own CPU in that gap " + f[4] + " ms), over the whole step " + f[6]
                        + " ms; RSS after it " + f[5] + " MB").withLoad(loads));
            }
            return out;
        }
    }

    // ---- the window's JVM ---------------------------------------------------------------------

    private static MainViewModel vm;
    private static MainWindow window;
    private static final Map<String, double[]> STEPS = new LinkedHashMap<>();

    public static void main(String[] args) throws Exception {
        String base = args[0];
        String key = args[1];
        UiScenario.startFx();
        UiScenario.fx(() -> {
            vm = new MainViewModel(new FxTaskRunner(4), MoveJournal.Store.inMemory());
            window = UiScenario.showWindow(vm);
            UiScenario.recordPulses();
            return null;
        });
        Thread.sleep(1500);
        long idleFrom = System.nanoTime();
        Thread.sleep(1500);
        double idle = Stats.median(UiScenario.gaps(idleFrom, System.nanoTime()));

        step("show the root", true, () -> {
            vm.connect(new MainViewModel.Target("bench", base, key, 1, true));
        }, () -> loaded("") && shown() > 0);
        for (String f : OPEN) {
            step("open " + f, true, () -> vm.tree().expandTo(f), () -> loaded(f));
        }
        int[] seen = {-1};
        step("page " + BIG + " to its end", false, () -> { }, () -> {
            // (on the FX thread) once a page has come: scroll to the last line; while it is "Load more", press it
            if (!(vm.session().state(BIG) instanceof FolderState.Loaded l) || l.loaded() == seen[0]) {
                return false;
            }
            seen[0] = l.loaded();
            window.tree().view().scrollTo(lastLineOf(BIG));
            if (l.hasMore()) {
                vm.tree().loadMore(BIG); // as the "Load more" line's button does
            }
            return !l.hasMore();
        });
        for (String term : TERMS) {
            Object[] before = new Object[1];
            step("search " + term, true, () -> {
                before[0] = vm.tree().searchResultsProperty().get();
                window.searchField().setText(term);
            }, () -> vm.tree().searchResultsProperty().get() != before[0] && !vm.busyProperty().get());
        }
        step("clear the search", false, () -> window.searchField().setText(""), () -> !vm.tree().isSearching() && loaded(BIG));
        TreeNode item = UiScenario.fx(() -> vm.session().index().children(BIG).stream()
                .filter(n -> n instanceof TreeNode.Item).findFirst().orElseThrow());
        step("move an item", false, () -> vm.tree().edits().move(vm.tree().edits().planMove(List.of(item), MOVE_TO)),
                () -> vm.session().canUndo() && !vm.busyProperty().get());
        step("undo the move", false, () -> vm.tree().edits().undo(), () -> vm.session().canRedo() && !vm.busyProperty().get()
                && vm.session().index().children(BIG).stream().anyMatch(n -> n.key().equals(item.key())));

        String worst = "";
        double stall = 0;
        for (Map.Entry<String, double[]> e : STEPS.entrySet()) {
            if (e.getValue()[1] > stall) {
                stall = e.getValue()[1];
                worst = e.getKey();
            }
            System.out.printf(Locale.ROOT, "STEP %s %.1f %.1f %.1f %.0f %.1f%n", e.getKey().replace(' ', '_'),
                    e.getValue()[0], e.getValue()[1], e.getValue()[2], e.getValue()[3], e.getValue()[4]);
        }
        System.out.printf(Locale.ROOT, "RESULT idle=%.3f stall=%.3f rss=%.0f hwm=%.0f worst=%s%n", idle, stall,
                memory("VmRSS"), memory("VmHWM"), worst.replace(' ', '_'));
        System.out.flush();
        if (Boolean.getBoolean("bench.exit")) {
            System.exit(0); // lets a flight recording (-XX:StartFlightRecording) be written
        }
        Runtime.getRuntime().halt(0);
    }

    /**
     * Runs {@code action} on the FX thread, then waits until {@code done} (checked at each pulse).
     * {@code afterData}: the step's stall counts from the last check before its rows arrived (the
     * wait for the server is no stall, and what ran before the request, such as opening the
     * connection, is not the data's); otherwise from the action on (an edit shows at once).
     */
    private static void step(String name, boolean afterData, Runnable action, UiScenario.Check done) throws Exception {
        long from = System.nanoTime();
        UiScenario.fx(() -> {
            action.run();
            return null;
        });
        // checked at each pulse, not by asking the FX thread from here every few ms (each ask takes
        // the lock every hand-off to the FX thread takes: the FX thread waited for it up to 59 ms)
        long[] checked = UiScenario.untilPulse(done::done, TimeUnit.MINUTES.toNanos(5), name);
        long before = checked[0] == 0 ? from : checked[0];
        long to = System.nanoTime();
        UiScenario.fx(() -> null); // what the step posted has run: its rows are in the view
        Thread.sleep(300); // the pulses after it: a layout of the new rows counts towards its stall
        long end = System.nanoTime();
        long counted = (afterData ? before : from) - 20_000_000L;
        double gap = UiScenario.max(UiScenario.gaps(counted, end));
        double cpu = UiScenario.max(UiScenario.cpuGaps(counted, end));
        STEPS.put(name, new double[] {Stats.ms(to - from), gap, cpu, memory("VmRSS"),
                UiScenario.max(UiScenario.gaps(from - 20_000_000L, end))});
        System.out.printf(Locale.ROOT, "  %s: %.0f ms, longest gap %.1f ms%n", name, Stats.ms(to - from), gap);
        if (Boolean.getBoolean("bench.gaps")) { // the longest gaps, with wall-clock times to find them in a recording
            UiScenario.printGaps(name, counted, end);
        }
    }

    private static boolean loaded(String folder) {
        TreeSession s = vm.session();
        return s != null && s.state(folder) instanceof FolderState.Loaded;
    }

    /** The view's row index of a folder's last line (its last child, or its "Load more"). */
    private static int lastLineOf(String folder) {
        javafx.scene.control.TreeItem<dev.burrow.ui.Row> item = window.tree().view().getRoot();
        boolean deeper = true;
        while (deeper) {
            deeper = false;
            for (javafx.scene.control.TreeItem<dev.burrow.ui.Row> c : item.getChildren()) {
                if (c.getValue() instanceof dev.burrow.ui.Row.Node n && n.node() instanceof TreeNode.Folder f
                        && (folder.equals(f.path()) || folder.startsWith(f.path() + "/"))) {
                    item = c;
                    deeper = !folder.equals(f.path());
                    break;
                }
            }
        }
        List<javafx.scene.control.TreeItem<dev.burrow.ui.Row>> children = item.getChildren();
        return window.tree().view().getRow(children.isEmpty() ? item : children.get(children.size() - 1));
    }

    private static int shown() {
        return window.tree().view().getExpandedItemCount();
    }

    /** A figure of /proc/self/status in MB (VmRSS: resident now; VmHWM: the peak). */
    static double memory(String field) {
        try {
            for (String l : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (l.startsWith(field + ":")) {
                    return Long.parseLong(l.replaceAll("[^0-9]", "")) / 1024.0;
                }
            }
        } catch (java.io.IOException | NumberFormatException e) {
            return Double.NaN;
        }
        return Double.NaN;
    }
}
