package dev.burrow.bench;

import atlantafx.base.theme.PrimerLight;
import dev.burrow.tree.MoveJournal;
import dev.burrow.tree.TreeSession;
import dev.burrow.ui.FxTaskRunner;
import dev.burrow.ui.MainViewModel;
import dev.burrow.ui.MainWindow;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import javafx.animation.AnimationTimer;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.stage.Stage;

/**
 * #6, run in its own JVM under Monocle (headless): the real {@link MainWindow} on a 1280×800
 * stage, with an {@link AnimationTimer} recording when each pulse runs. A stall is the longest
 * gap between two pulses; the baseline is the median gap while nothing happens.
 *
 * <p>Prints one line: {@code RESULT idle=… stall=… load=… expand=… rows=… children=…} (ms).
 */
public final class UiScenario {

    private static final ConcurrentLinkedQueue<long[]> PHASES = new ConcurrentLinkedQueue<>();
    private static final ConcurrentLinkedQueue<Long> FRAMES = new ConcurrentLinkedQueue<>();
    /** The FX thread's CPU time at each pulse, in step with {@link #FRAMES}. */
    private static final ConcurrentLinkedQueue<long[]> CPU = new ConcurrentLinkedQueue<>();
    private static final java.lang.management.ThreadMXBean THREADS = java.lang.management.ManagementFactory
            .getThreadMXBean();

    private UiScenario() {
    }

    /** {@code args[0]}: the server's base URL, or {@code inprocess=DATA_DIR=SEED} to run the server in this JVM. */
    public static void main(String[] args) throws Exception {
        String given = args[0];
        String key = args[1];
        String base = given;
        if (given.startsWith("inprocess=")) {
            // the local workspace's shape: window, index and server share one JVM and its heap
            String[] parts = given.split("=", 3);
            dev.burrow.server.LocalServer server = dev.burrow.server.LocalServer.start(dev.burrow.server.ServerConfig
                    .local(java.nio.file.Path.of(parts[1]), new dev.burrow.server.ApiKey(key, java.util.Set.of()))
                    .withSeed(parts[2]));
            base = server.baseUrl();
        }
        String url = base;
        String folder = args[2];
        startFx();
        MainViewModel[] vm = new MainViewModel[1];
        MainWindow[] window = new MainWindow[1];
        fx(() -> {
            vm[0] = new MainViewModel(markingIndexStart(new FxTaskRunner(4)), MoveJournal.Store.inMemory());
            window[0] = showWindow(vm[0]);
            recordPulses();
            if (Boolean.getBoolean("bench.expandGaps")) {
                Scene sc = window[0].getScene();
                sc.addPreLayoutPulseListener(() -> PHASES.add(new long[] {System.nanoTime(), fxCpuTime(), 0}));
                sc.addPostLayoutPulseListener(() -> PHASES.add(new long[] {System.nanoTime(), fxCpuTime(), 1}));
            }
            return null;
        });
        Thread.sleep(1500);
        long idleFrom = System.nanoTime();
        Thread.sleep(1500);
        List<Double> idleGaps = gaps(idleFrom, System.nanoTime());
        double idle = Stats.median(idleGaps);

        long loadFrom = System.nanoTime();
        long loadFromMillis = System.currentTimeMillis();
        long loadFromUptime = java.lang.management.ManagementFactory.getRuntimeMXBean().getUptime();
        // the end of the load is noticed by a check at each pulse, not by asking the FX thread
        // from here every few ms: each ask (Platform.runLater) takes the lock every hand-off to the
        // FX thread takes, and the flight recording showed the FX thread waiting up to 59 ms for it
        fx(() -> {
            vm[0].connect(new MainViewModel.Target("bench", url, key, 1, true));
            return null;
        });
        untilPulse(() -> {
            TreeSession s = vm[0].session();
            return s != null && s.index().isComplete() && !vm[0].busyProperty().get();
        }, TimeUnit.MINUTES.toNanos(3), "the index load");
        long loaded = System.nanoTime();
        Thread.sleep(500);
        // the index load starts once the root's rows are painted: its window opens at the first
        // pulse after it started; connect and the root's first paint are measured on their own
        long indexFrom = firstPulseAfter(INDEX_STARTED.get());
        double stall = max(gaps(indexFrom, System.nanoTime()));
        double stallCpu = max(cpuGaps(indexFrom, System.nanoTime()));
        // from the last pulse before connect: connect's own work on the FX thread counts here
        long connectPulse = lastPulseBefore(loadFrom);
        double firstPaint = max(gaps(connectPulse, indexFrom));
        double firstPaintCpu = max(cpuGaps(connectPulse, indexFrom));
        if (Boolean.getBoolean("bench.gaps")) {
            List<long[]> c = new ArrayList<>(CPU);
            List<double[]> g = new ArrayList<>();
            for (int i = 1; i < c.size(); i++) {
                if (c.get(i)[0] >= indexFrom) {
                    g.add(new double[] {Stats.ms(c.get(i - 1)[0] - loadFrom), Stats.ms(c.get(i)[0] - c.get(i - 1)[0]),
                        Stats.ms(c.get(i)[1] - c.get(i - 1)[1]), Stats.ms(c.get(i)[2] - c.get(i - 1)[2])});
                }
            }
            g.sort((x, y) -> Double.compare(y[1], x[1]));
            g.stream().limit(8).forEach(x -> System.out.printf("GAP at=%.0f wall=%.1f cpu=%.1f runq=%.1f%n", x[0], x[1],
                    x[2], x[3]));
            g.sort((x, y) -> Double.compare(y[2], x[2]));
            g.stream().limit(8).forEach(x -> System.out.printf("CPUGAP at=%.0f wall=%.1f cpu=%.1f%n", x[0], x[1], x[2]));
            System.out.printf("LOADED at=%.0f from=%d indexFrom=%.0f uptime=%d%n", Stats.ms(loaded - loadFrom),
                    loadFromMillis, Stats.ms(indexFrom - loadFrom), loadFromUptime);
        }
        int rows = fx(() -> vm[0].session().index().size());
        int children = fx(() -> vm[0].session().index().children(folder).size());
        if (!fx(() -> vm[0].session().index().isComplete())) {
            throw new IllegalStateException("the index did not load");
        }

        Thread.sleep(500);
        long expandFrom = System.nanoTime();
        long expandAt = System.currentTimeMillis(); // to find the expand in a flight recording
        fx(() -> {
            vm[0].tree().expandTo(folder);
            return null;
        });
        Thread.sleep(1000);
        long expandTo = System.nanoTime();
        // no two pulses in the whole window: the stall was at least the window itself
        double expand = orWindow(max(gaps(expandFrom - 20_000_000L, expandTo)), expandFrom, expandTo);
        double expandCpu = max(cpuGaps(expandFrom - 20_000_000L, expandTo));
        int shown = fx(() -> window[0].tree().view().getExpandedItemCount());
        if (Boolean.getBoolean("bench.expandGaps")) {
            long[] prev = null;
            StringBuilder sb = new StringBuilder("EXPANDGAPS");
            for (long[] t : CPU) {
                if (t[0] < expandFrom - 20_000_000L || t[0] > expandTo) {
                    continue;
                }
                if (prev != null) {
                    sb.append(String.format(java.util.Locale.ROOT, " %.0f:%.1f/%.1f", Stats.ms(prev[0] - expandFrom),
                            Stats.ms(t[0] - prev[0]), Stats.ms(t[1] - prev[1])));
                }
                prev = t;
            }
            System.out.println(sb);
            StringBuilder ph = new StringBuilder("PHASES");
            long[] p0 = null;
            for (long[] t : PHASES) {
                if (t[0] < expandFrom - 20_000_000L || t[0] > expandFrom + 400_000_000L) {
                    continue;
                }
                if (p0 != null) {
                    ph.append(String.format(java.util.Locale.ROOT, " %s%.0f:%.1f", t[2] == 1 ? "L" : "o",
                            Stats.ms(t[0] - expandFrom), Stats.ms(t[1] - p0[1])));
                }
                p0 = t;
            }
            System.out.println(ph);
        }

        if (Boolean.getBoolean("bench.histo")) {
            // what the heap holds with the index loaded and the large folder open (for the profile in the report)
            Object histo = java.lang.management.ManagementFactory.getPlatformMBeanServer().invoke(
                    new javax.management.ObjectName("com.sun.management:type=DiagnosticCommand"), "gcClassHistogram",
                    new Object[] {new String[0]}, new String[] {String[].class.getName()});
            histo.toString().lines().limit(40).forEach(System.out::println);
        }
        long scrollFrom = System.nanoTime();
        fx(() -> {
            window[0].tree().view().scrollTo(window[0].tree().view().getExpandedItemCount() - 1);
            return null;
        });
        Thread.sleep(1000);
        double scroll = max(gaps(scrollFrom - 20_000_000L, System.nanoTime()));

        System.out.printf(java.util.Locale.ROOT, "RESULT idle=%.3f stall=%.3f load=%.1f expand=%.3f scroll=%.3f rows=%d"
                + " children=%d shown=%d stallCpu=%.3f expandCpu=%.3f expandAt=%d firstPaint=%.3f firstPaintCpu=%.3f"
                + " indexAfter=%.1f%n", idle, stall, Stats.ms(loaded - loadFrom), expand, scroll, rows, children, shown,
                stallCpu, expandCpu, expandAt, firstPaint, firstPaintCpu, Stats.ms(indexFrom - loadFrom));
        System.out.flush();
        if (Boolean.getBoolean("bench.exit")) {
            System.exit(0); // lets a flight recording (-XX:StartFlightRecording) be written
        }
        Runtime.getRuntime().halt(0);
    }

    /** A condition read on the FX thread. */
    interface Check {
        boolean done() throws Exception;
    }

    /**
     * Waits until {@code done} holds, checked on the FX thread at each pulse (an {@link AnimationTimer});
     * answers the time (nanoTime) of the last check that did not hold (0 if the first did) and of the
     * one that did. A pulse check, not a {@code Platform.runLater} every few ms from this thread: each
     * of those takes the lock every hand-off to the FX thread takes, and the flight recording of the
     * index load showed the FX thread waiting up to 59 ms for it while this thread held it.
     */
    static long[] untilPulse(Check done, long timeoutNanos, String what) throws Exception {
        long[] at = new long[2];
        java.util.concurrent.CompletableFuture<long[]> result = new java.util.concurrent.CompletableFuture<>();
        fx(() -> {
            new AnimationTimer() {
                @Override
                public void handle(long now) {
                    long t = System.nanoTime();
                    try {
                        if (done.done()) {
                            stop();
                            at[1] = t;
                            result.complete(at);
                        } else {
                            at[0] = t;
                        }
                    } catch (Exception | Error e) {
                        stop();
                        result.completeExceptionally(e);
                    }
                }
            }.start();
            return null;
        });
        try {
            return result.get(timeoutNanos, TimeUnit.NANOSECONDS);
        } catch (java.util.concurrent.TimeoutException e) {
            throw new IllegalStateException(what + " did not finish in " + TimeUnit.NANOSECONDS.toSeconds(timeoutNanos)
                    + " s");
        }
    }

    /** When the app's index load started (nanoTime), 0 until then. */
    private static final java.util.concurrent.atomic.AtomicLong INDEX_STARTED = new java.util.concurrent.atomic.AtomicLong();

    /**
     * {@code runner}, noting when the work it runs after a paint starts: the app starts its index
     * load that way (after the root's rows are painted), and nothing else during connect does.
     */
    static dev.burrow.tree.TaskRunner markingIndexStart(FxTaskRunner runner) {
        return new dev.burrow.tree.TaskRunner() {
            @Override
            public <T> void run(Handle handle, Callable<T> work, java.util.function.Consumer<T> onSuccess,
                    java.util.function.Consumer<Throwable> onFailure) {
                runner.run(handle, work, onSuccess, onFailure);
            }

            @Override
            public void post(Runnable onOwnerThread) {
                runner.post(onOwnerThread);
            }

            @Override
            public Handle postLater(java.time.Duration delay, Runnable onOwnerThread) {
                return runner.postLater(delay, onOwnerThread);
            }

            @Override
            public void afterPaint(Runnable onOwnerThread) {
                runner.afterPaint(() -> {
                    INDEX_STARTED.compareAndSet(0, System.nanoTime());
                    onOwnerThread.run();
                });
            }

            @Override
            public void settled() {
                runner.settled();
            }
        };
    }

    /** The last pulse before {@code t} (nanoTime), or {@code t} when none was. */
    static long lastPulseBefore(long t) {
        long last = t;
        for (long p : FRAMES) {
            if (p >= t) {
                break;
            }
            last = p;
        }
        return last;
    }

    /** The first pulse at or after {@code t} (nanoTime). */
    static long firstPulseAfter(long t) {
        if (t == 0) {
            throw new IllegalStateException("the index load never started");
        }
        for (long p : FRAMES) {
            if (p >= t) {
                return p;
            }
        }
        return System.nanoTime();
    }

    /** Starts recording when each pulse runs, and the FX thread's CPU time then (FX thread). */
    static void recordPulses() {
        new AnimationTimer() {
            @Override
            public void handle(long now) {
                long t = System.nanoTime();
                CPU.add(new long[] {t, THREADS.getCurrentThreadCpuTime(), GAPS ? runQueueWait() : 0});
                FRAMES.add(t);
            }
        }.start();
    }

    private static final boolean GAPS = Boolean.getBoolean("bench.gaps");

    /** Linux only: how long the calling thread has waited for a core while runnable (ns), or 0. */
    static long runQueueWait() {
        try {
            String[] f = java.nio.file.Files.readString(java.nio.file.Path.of("/proc/thread-self/schedstat")).trim()
                    .split(" ");
            return Long.parseLong(f[1]);
        } catch (java.io.IOException | RuntimeException e) {
            return 0;
        }
    }

    /** The calling thread's CPU time (ns). */
    static long fxCpuTime() {
        return THREADS.getCurrentThreadCpuTime();
    }

    static List<Double> gaps(long from, long to) {
        List<Double> out = new ArrayList<>();
        Long prev = null;
        for (long t : FRAMES) {
            if (t < from || t > to) {
                continue;
            }
            if (prev != null) {
                out.add(Stats.ms(t - prev));
            }
            prev = t;
        }
        return out;
    }

    /**
     * The FX thread's own CPU time between two pulses: the work it did, without the time it
     * waited for a core (on a loaded machine most of a long gap can be that wait).
     */
    static List<Double> cpuGaps(long from, long to) {
        return cpuGaps(CPU, from, to);
    }

    /** As {@link #cpuGaps(long, long)} over pulses recorded as {time, the FX thread's CPU time}. */
    static List<Double> cpuGaps(java.util.Collection<long[]> cpu, long from, long to) {
        List<Double> out = new ArrayList<>();
        long[] prev = null;
        for (long[] t : cpu) {
            if (t[0] < from || t[0] > to) {
                continue;
            }
            if (prev != null) {
                out.add(Stats.ms(t[1] - prev[1]));
            }
            prev = t;
        }
        return out;
    }

    /** Prints the FX CPU summed over the pulse gaps in [from, to], then the four longest: offset, wall and FX CPU (ms), and the epoch ms of their start. */
    static void printGaps(String name, long from, long to) {
        long nowNs = System.nanoTime();
        long nowMs = System.currentTimeMillis();
        List<long[]> c = new ArrayList<>(CPU);
        List<double[]> g = new ArrayList<>();
        for (int i = 1; i < c.size(); i++) {
            if (c.get(i - 1)[0] >= from && c.get(i)[0] <= to) {
                g.add(new double[] {Stats.ms(c.get(i - 1)[0] - from), Stats.ms(c.get(i)[0] - c.get(i - 1)[0]),
                    Stats.ms(c.get(i)[1] - c.get(i - 1)[1]), nowMs - (nowNs - c.get(i - 1)[0]) / 1e6});
            }
        }
        double total = g.stream().mapToDouble(x -> x[2]).sum();
        long over = g.stream().filter(x -> x[2] > 16).count();
        System.out.printf(java.util.Locale.ROOT, "GAPSUM %s cpu=%.1f gaps=%d over16=%d%n", name.replace(' ', '_'), total,
                g.size(), over);
        g.sort((x, y) -> Double.compare(y[1], x[1]));
        g.stream().limit(4).forEach(x -> System.out.printf(java.util.Locale.ROOT,
                "GAP %s at=%.0f wall=%.1f cpu=%.1f epoch=%.0f%n", name.replace(' ', '_'), x[0], x[1], x[2], x[3]));
    }

    private static double orWindow(double gap, long from, long to) {
        return Double.isNaN(gap) ? Stats.ms(to - from) : gap;
    }

    static double max(List<Double> v) {
        return v.stream().mapToDouble(Double::doubleValue).max().orElse(Double.NaN);
    }

    static <T> T fx(Callable<T> c) throws Exception {
        CompletableFuture<T> f = new CompletableFuture<>();
        Platform.runLater(() -> {
            try {
                f.complete(c.call());
            } catch (Throwable e) {
                f.completeExceptionally(e);
            }
        });
        return f.get(60, TimeUnit.SECONDS);
    }

    /** The app's main window on {@code vm}, themed and styled as the app shows it, in a stage of its own (FX thread). */
    static MainWindow showWindow(MainViewModel vm) {
        Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
        MainWindow window = new MainWindow(vm, link -> { }, () -> { });
        Scene scene = new Scene(window, 1280, 800);
        scene.getStylesheets().add(Objects.requireNonNull(
                dev.burrow.ui.BurrowApp.class.getResource("burrow.css")).toExternalForm());
        Stage stage = new Stage();
        stage.setScene(scene);
        stage.show();
        return window;
    }

    /** The value of {@code name=value} in a line a scenario's child JVM printed. */
    static String text(String line, String name) {
        for (String part : line.split(" ")) {
            if (part.startsWith(name + "=")) {
                return part.substring(name.length() + 1);
            }
        }
        throw new IllegalStateException("no " + name + " in " + line);
    }

    /** As {@link #text}, read as a number. */
    static double num(String line, String name) {
        return Double.parseDouble(text(line, name));
    }

    /** Starts the JavaFX toolkit in a scenario's child JVM and waits for it (at most 30 s). */
    static void startFx() throws Exception {
        CompletableFuture<Void> started = new CompletableFuture<>();
        Platform.startup(() -> started.complete(null));
        started.get(30, TimeUnit.SECONDS);
    }
}
