package dev.burrow.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * #14 item 3: the resident memory of the packaged app ({@code target/image/bin/burrow}, built by
 * {@code mvn -Pdist package}) showing its local workspace holding a copy of the 100,000-row bench
 * store, on an Xvfb display, once the index has loaded and the app has gone quiet. The image
 * carries the launcher's JVM options itself (jlink {@code --add-options}); the bench adds only the
 * workspace folder and the software pipeline ({@code JAVA_TOOL_OPTIONS}).
 *
 * <p>"Loaded and quiet": the app's process used under {@value #QUIET_PERCENT} % of a core over
 * {@value #QUIET_SECONDS} s, at least {@value #MIN_SECONDS} s after start (the index load of 100,000
 * rows keeps it busy until then). RSS is read from {@code /proc/PID/status} of the JVM.
 */
final class PackagedRssScenario {

    static final long SEED = 100_000;
    static final double TARGET_MB = 400;
    static final int RUNS = Integer.getInteger("bench.rssRuns", 3);
    private static final int QUIET_SECONDS = 8;
    private static final int QUIET_PERCENT = 3;
    private static final int MIN_SECONDS = 20;
    /** Read this long after the app went quiet: the idle app's periodic collection (5 s) has run. */
    private static final int SETTLE_SECONDS = 10;
    private static final String COMMAND = " Command: mvn -B -o -Pdist -DskipTests package, then mvn -B -o -Pbench"
            + " -DskipTests -Dbench.args='--only rss' verify.";

    private PackagedRssScenario() {
    }

    static List<Result> run(Path root, Path work) throws Exception {
        Path launcher = root.resolve("target/image/bin/burrow");
        if (!Files.isExecutable(launcher)) {
            return List.of(Result.failed("Ra packaged app RSS with the 100,000-row index loaded", "≤ 400 MB",
                    "no packaged image: build it first with mvn -B -o -Pdist -DskipTests package"));
        }
        List<Double> settled = new ArrayList<>();
        List<Double> peaks = new ArrayList<>();
        List<String> loads = new ArrayList<>();
        List<String> seconds = new ArrayList<>();
        try (StartupScenario.Xvfb x = StartupScenario.Xvfb.start()) {
            for (int i = 0; i < RUNS; i++) {
                loads.add(BenchMain.loadAverage());
                double[] r = once(root, work, launcher, x.display());
                settled.add(r[0]);
                peaks.add(r[1]);
                seconds.add(String.format(Locale.ROOT, "%.0f", r[2]));
                BenchMain.log(String.format(Locale.ROOT, "  packaged run %d: RSS %.0f MB settled, peak %.0f MB, quiet"
                        + " after %.0f s (load %s)", i + 1, r[0], r[1], r[2], loads.get(i)));
            }
        }
        double median = Stats.median(settled);
        String how = "target/image/bin/burrow (jlink image, the launcher's options built in) on Xvfb with"
                + " -Dprism.order=sw, its local workspace a copy of the " + String.format("%,d", SEED) + "-row bench"
                + " store; VmRSS of the JVM once the index had loaded and the app used under " + QUIET_PERCENT
                + " % of a core for " + QUIET_SECONDS + " s, then idle " + SETTLE_SECONDS + " s more (quiet after "
                + seconds + " s); runs " + settled
                + " MB; peak (VmHWM) " + peaks + " MB; load average before each run " + loads + ".";
        return List.of(Result.judged("Ra packaged app RSS with the 100,000-row index loaded", median, TARGET_MB,
                median / TARGET_MB, "MB", "≤ 400 MB", median <= TARGET_MB, "median of " + RUNS + " runs; " + how
                + COMMAND).withRuns(settled).withLoad(loads.toString()),
                Result.info("Ra packaged app peak RSS (VmHWM) while the 100,000-row index loads", Stats.median(peaks),
                        TARGET_MB, "MB", "as above: the highest resident size the process reached").withRuns(peaks));
    }

    /** One start of the packaged app: {settled RSS MB, peak RSS MB, seconds until quiet}. */
    private static double[] once(Path root, Path work, Path launcher, String display) throws Exception {
        Path data = work.resolve("rss-workspace");
        Path home = work.resolve("rss-home");
        delete(data);
        delete(home);
        Files.createDirectories(data);
        Files.createDirectories(home);
        Path from = ServerProcess.dataDir(root, SEED);
        try (Stream<Path> files = Files.list(from)) {
            for (Path f : (Iterable<Path>) files::iterator) {
                if (f.getFileName().toString().startsWith("burrow.sqlite")) {
                    Files.copy(f, data.resolve(f.getFileName()));
                }
            }
        }
        ProcessBuilder pb = new ProcessBuilder(launcher.toString()).redirectErrorStream(true)
                .redirectOutput(work.resolve("rss-app.log").toFile());
        pb.environment().put("DISPLAY", display);
        pb.environment().put("HOME", home.toString());
        pb.environment().put("XDG_DATA_HOME", home.resolve("data").toString());
        pb.environment().put("XDG_CONFIG_HOME", home.resolve("config").toString());
        pb.environment().put("JAVA_TOOL_OPTIONS", "-Dburrow.workspace=" + data + " -Dprism.order=sw "
                + System.getProperty("bench.rssJvm", ""));
        long t0 = System.nanoTime();
        Process script = pb.start();
        try {
            long jvm = jvmOf(script);
            List<Long> cpu = new ArrayList<>();
            long deadline = t0 + TimeUnit.MINUTES.toNanos(5);
            while (System.nanoTime() < deadline) {
                Thread.sleep(1000);
                cpu.add(cpuTicks(jvm));
                int n = cpu.size();
                double elapsed = (System.nanoTime() - t0) / 1e9;
                if (elapsed >= MIN_SECONDS && n > QUIET_SECONDS) {
                    long used = cpu.get(n - 1) - cpu.get(n - 1 - QUIET_SECONDS);
                    // clock ticks are 1/100 s: under QUIET_PERCENT % of one core over the window
                    if (used < QUIET_PERCENT * QUIET_SECONDS) {
                        Thread.sleep(TimeUnit.SECONDS.toMillis(SETTLE_SECONDS)); // idle, as after any load
                        return new double[] {status(jvm, "VmRSS"), status(jvm, "VmHWM"), elapsed};
                    }
                }
            }
            throw new IllegalStateException("the packaged app did not go quiet within 5 minutes");
        } finally {
            script.toHandle().descendants().forEach(ProcessHandle::destroy);
            script.destroy();
            script.waitFor(20, TimeUnit.SECONDS);
            script.toHandle().descendants().forEach(ProcessHandle::destroyForcibly);
        }
    }

    /** The JVM the launcher script starts (its child), or the script's own process if it exec'd. */
    private static long jvmOf(Process script) throws InterruptedException {
        for (int i = 0; i < 200; i++) {
            // the script's java (not the dirname it runs first)
            var child = script.toHandle().children()
                    .filter(c -> c.info().command().map(cmd -> cmd.endsWith("/java")).orElse(false)).findFirst();
            if (child.isPresent()) {
                return child.get().pid();
            }
            if (!script.isAlive()) {
                throw new IllegalStateException("the packaged app exited at once (" + script.exitValue() + ")");
            }
            Thread.sleep(25);
        }
        return script.pid();
    }

    private static long cpuTicks(long pid) throws IOException {
        String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
        String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return Long.parseLong(f[11]) + Long.parseLong(f[12]); // utime, stime
    }

    private static double status(long pid, String field) throws IOException {
        for (String l : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
            if (l.startsWith(field + ":")) {
                return Long.parseLong(l.replaceAll("[^0-9]", "")) / 1024.0;
            }
        }
        throw new IOException(field + " not in /proc/" + pid + "/status");
    }

    private static void delete(Path dir) throws IOException {
        if (Files.exists(dir)) {
            try (Stream<Path> all = Files.walk(dir)) {
                for (Path p : (Iterable<Path>) all.sorted(Comparator.reverseOrder())::iterator) {
                    Files.delete(p);
                }
            }
        }
    }
}
