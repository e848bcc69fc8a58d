package dev.burrow.bench;

import dev.burrow.server.seed.SyntheticSeed;
import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * Runs every benchmark scenario against local servers it starts itself and writes
 * {@code docs/benchmarks.json} and {@code docs/benchmarks.md}. Exits non-zero only when a
 * scenario could not run; missed targets are reported, not failed.
 *
 * <p>Options: {@code --root DIR} (the project), {@code --only 1,2,jmh} (a subset),
 * {@code --sizes 1000,10000,100000,1000000} (scenario 5's row counts).
 */
public final class BenchMain {

    private static final long START = System.nanoTime();

    private BenchMain() {
    }

    public static void main(String[] args) throws Exception {
        Path root = Path.of(".").toAbsolutePath().normalize();
        Set<String> only = new HashSet<>();
        long[] sizes = {1_000, 10_000, 100_000, 1_000_000};
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--root" -> root = Path.of(args[++i]).toAbsolutePath().normalize();
                case "--only" -> only.addAll(Arrays.asList(args[++i].split(",")));
                case "--sizes" -> sizes = Arrays.stream(args[++i].split(",")).mapToLong(Long::parseLong).toArray();
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        System.setProperty("sun.net.httpserver.nodelay", "true");
        Path work = Files.createDirectories(root.resolve("target/bench-work"));
        List<Result> results = new ArrayList<>();
        boolean failed = false;
        Set<String> want = only;

        if (want.isEmpty() || want.contains("jmh")) {
            failed |= step("JMH", results, "JMH", JmhScenarios::run);
        }
        if (want.isEmpty() || want.contains("1") || want.contains("2") || want.contains("4")) {
            Path r = root;
            failed |= step("#1, #2, #4 (seed 100,000)", results, "1/2/4", () -> {
                List<Result> out = new ArrayList<>();
                try (ServerProcess server = ServerProcess.start(r, 100_000)) {
                    if (want.isEmpty() || want.contains("1") || want.contains("2")) {
                        out.addAll(IndexScenario.run(server, work));
                    }
                    if (want.isEmpty() || want.contains("4")) {
                        out.addAll(DownloadScenario.run(server, work));
                    }
                }
                return out;
            });
        }
        if (want.isEmpty() || want.contains("net")) {
            Path r = root;
            failed |= step("network (seed 100,000, 100 ms delay proxy)", results, "net", () -> {
                try (ServerProcess server = ServerProcess.start(r, 100_000)) {
                    return NetworkScenario.run(server, work);
                }
            });
        }
        if (want.isEmpty() || want.contains("3")) {
            Path r = root;
            failed |= step("#3 (seed " + MoveScenario.SEED + ")", results, "3", () -> {
                try (ServerProcess server = ServerProcess.start(r, MoveScenario.SEED)) {
                    return MoveScenario.run(server);
                }
            });
        }
        if (want.isEmpty() || want.contains("8")) {
            Path r = root;
            failed |= step("#8 (organise, seed " + MoveScenario.SEED + ")", results, "8", () -> {
                try (ServerProcess server = ServerProcess.start(r, MoveScenario.SEED)) {
                    return OrganiseScenario.run(server, work);
                }
            });
        }
        if (want.isEmpty() || want.contains("6")) {
            Path r = root;
            failed |= step("#6 (window, seed " + MoveScenario.SEED + ")", results, "6", () -> ui(r));
        }
        if (want.isEmpty() || want.contains("5")) {
            Path r = root;
            long[] s = sizes;
            failed |= step("#5 (server at " + Arrays.toString(sizes) + ")", results, "5", () -> ServerScenario.run(r, s));
        }
        if (want.isEmpty() || want.contains("7")) {
            Path r = root;
            failed |= step("#7 (cold start)", results, "7", () -> StartupScenario.run(r, work));
        }
        if (want.isEmpty() || want.contains("live")) {
            Path r = root;
            failed |= step("live (window, seed " + LiveScenario.SEED + ")", results, "live", () -> LiveScenario.run(r));
        }
        if (want.isEmpty() || want.contains("million")) {
            Path r = root;
            failed |= step("million (window, seed " + MillionScenario.SEED + ")", results, "million",
                    () -> MillionScenario.run(r));
        }
        if (want.isEmpty() || want.contains("rss")) { // on the packaged image (mvn -Pdist package), when built
            Path r = root;
            failed |= step("rss (packaged image, seed " + PackagedRssScenario.SEED + ")", results, "rss",
                    () -> PackagedRssScenario.run(r, work));
        }
        Report.write(root, results, RAN, machine());
        log("wrote docs/benchmarks.json and docs/benchmarks.md");
        System.exit(failed ? 1 : 0);
    }

    interface Step {
        List<Result> run() throws Exception;
    }

    /** The ids of the scenarios run so far (their old failure rows leave the report). */
    private static final java.util.Set<String> RAN = new java.util.HashSet<>();

    private static boolean step(String title, List<Result> results, String id, Step step) {
        log("running " + title);
        RAN.add(id);
        try {
            List<Result> r = step.run();
            for (Result x : r) {
                log("  " + Report.line(x));
            }
            results.addAll(r);
            return false;
        } catch (Exception | Error e) {
            e.printStackTrace();
            results.add(Result.failed("scenario " + id, "", e.toString()));
            return true;
        }
    }

    /** Runs of the window scenario per server placement (the issue: median of 5). */
    static final int UI_RUNS = Integer.getInteger("bench.uiRuns", 5);

    /**
     * #6 in its own JVM under Monocle with the packaged launcher's JVM options, first against a
     * server in its own JVM, then with the server in the window's JVM (the local workspace).
     */
    private static List<Result> ui(Path root) throws Exception {
        List<String> jvm = new ArrayList<>(List.of(javaBin()));
        jvm.addAll(launcherOptions(root));
        jvm.addAll(List.of("-Dglass.platform=Monocle", "-Dmonocle.platform=Headless", "-Dprism.order=sw",
                "-Dprism.text=t2k", "-Djava.awt.headless=true", "-cp", System.getProperty("java.class.path"),
                UiScenario.class.getName()));
        List<String> separate;
        try (ServerProcess server = ServerProcess.start(root, MoveScenario.SEED)) {
            separate = uiRuns(jvm, server.baseUrl());
        }
        List<String> inProcess = uiRuns(jvm, "inprocess=" + ServerProcess.dataDir(root, MoveScenario.SEED) + "="
                + MoveScenario.SEED);
        List<Result> out = new ArrayList<>();
        out.add(stallRow("server in its own JVM", separate, jvm));
        out.add(stallRow("server in the same JVM", inProcess, jvm));
        List<Double> expands = fields(separate, "expand");
        List<Double> expandCpu = fields(separate, "expandCpu");
        double pulse = Stats.median(fields(separate, "idle"));
        String last = separate.get(separate.size() - 1);
        out.add(Result.of("6 expanding a " + String.format("%,.0f", field(last, "children")) + "-child folder",
                Stats.median(expands), pulse, "ms", "≤ 2 pulses", 2.0, true, "longest pulse interval around"
                + " TreeViewModel.expandTo(" + SyntheticSeed.BIG_FLAT_FOLDER + "), server in its own JVM; the FX"
                + " thread's own CPU in that gap " + expandCpu + " ms; scrolling to its end afterwards: "
                + fields(separate, "scroll") + " ms; load average " + fieldsText(separate, "loadavg"))
                .withRuns(expands).withLoad(fieldsText(separate, "loadavg").toString()));
        out.add(Result.info("6 FX thread's own CPU in the longest gap while the index loads (server in its own JVM)",
                Stats.median(fields(separate, "stallCpu")), pulse, "ms", "what the FX thread itself did in the"
                + " longest gap (the rest of the gap it waited for a core or a GC pause)")
                .withRuns(fields(separate, "stallCpu")));
        for (var placed : List.of(java.util.Map.entry("server in its own JVM", separate),
                java.util.Map.entry("server in the same JVM", inProcess))) {
            out.add(Result.info("6 longest FX-thread stall from connect to the root's first paint, " + placed.getKey(),
                    Stats.median(fields(placed.getValue(), "firstPaint")), pulse, "ms", "before the index load starts"
                    + " (it waits for the root's rows to be painted), so outside the index-load rows' window: from"
                    + " the last pulse before connect (its own work on the FX thread included), the root's request,"
                    + " its rows laid out and painted; the FX thread's own CPU in that gap "
                    + fields(placed.getValue(), "firstPaintCpu") + " ms; the index load started "
                    + fields(placed.getValue(), "indexAfter") + " ms after connect")
                    .withRuns(fields(placed.getValue(), "firstPaint")));
        }
        out.add(Result.info("6 FX thread's own CPU in the longest gap while expanding the 10,000-child folder",
                Stats.median(expandCpu), pulse, "ms", "as above, for the expand").withRuns(expandCpu));
        return out;
    }

    private static final Set<String> DIAGNOSTICS = Set.of("GAP", "CPUGAP", "LOADED", "EXPANDGAPS", "PHASES");

    private static List<String> uiRuns(List<String> jvm, String base) throws Exception {
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < UI_RUNS; i++) {
            List<String> cmd = new ArrayList<>(jvm);
            cmd.addAll(List.of(base, ServerProcess.KEY, SyntheticSeed.BIG_FLAT_FOLDER));
            String load = loadAverage();
            Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
            String output = new String(p.getInputStream().readAllBytes());
            p.waitFor(5, TimeUnit.MINUTES);
            String line = output.lines().filter(l -> l.startsWith("RESULT ")).findFirst()
                    .orElseThrow(() -> new IllegalStateException("the window scenario failed:\n" + output));
            lines.add(line + " loadavg=" + load);
            log("  window run " + (i + 1) + ": " + line + " (load " + load + ")");
            // the diagnostics a scenario prints when asked (-Dbench.gaps, -Dbench.expandGaps in the launcher options)
            output.lines().filter(l -> DIAGNOSTICS.contains(l.split(" ", 2)[0])).forEach(l -> log("    " + l));
        }
        return lines;
    }

    private static Result stallRow(String where, List<String> lines, List<String> jvm) {
        List<Double> stalls = fields(lines, "stall");
        double pulse = Stats.median(fields(lines, "idle"));
        String last = lines.get(lines.size() - 1);
        return Result.of("6 longest FX-thread stall while the " + String.format("%,.0f", field(last, "rows"))
                + "-row index loads, " + where, Stats.median(stalls), pulse, "ms", "≤ 3 pulses", 3.0, true,
                "median of " + lines.size() + " runs of the real MainWindow under Monocle with the launcher's JVM"
                + " options; from the first pulse after the index load starts (once the root's rows are painted:"
                + " connect and that first paint are a row of their own) until 0.5 s after the index is whole; JVM"
                + " options " + jvm.subList(1, jvm.indexOf("-Dglass.platform=Monocle")) + "; baseline: the median"
                + " no-op pulse interval; the FX thread's own CPU in the longest gap " + fields(lines, "stallCpu")
                + " ms; index load " + fields(lines, "load") + " ms; load average before each run "
                + fieldsText(lines, "loadavg")).withRuns(stalls).withLoad(fieldsText(lines, "loadavg").toString());
    }

    private static List<Double> fields(List<String> lines, String name) {
        return lines.stream().map(l -> field(l, name)).toList();
    }

    private static List<String> fieldsText(List<String> lines, String name) {
        List<String> out = new ArrayList<>();
        for (String l : lines) {
            for (String part : l.split(" ")) {
                if (part.startsWith(name + "=")) {
                    out.add(part.substring(name.length() + 1));
                }
            }
        }
        return out;
    }

    /** The 1-minute load average (the machine is shared: figures are read with it). */
    static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
        } catch (IOException e) {
            return "?";
        }
    }

    /** The JVM options the packaged launcher adds (jlink/jlink.args), so the bench runs the window as people do. */
    static List<String> launcherOptions(Path root) throws IOException {
        for (String line : Files.readAllLines(root.resolve("jlink/jlink.args"))) {
            String l = line.strip();
            if (l.startsWith("--add-options=")) {
                String v = l.substring("--add-options=".length()).replace("\"", "");
                return List.of(v.trim().split("\\s+"));
            }
        }
        throw new IOException("jlink/jlink.args has no --add-options line");
    }

    private static double field(String line, String name) {
        for (String part : line.split(" ")) {
            if (part.startsWith(name + "=")) {
                return Double.parseDouble(part.substring(name.length() + 1));
            }
        }
        return Double.NaN;
    }

    static String javaBin() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    static long timeProcess(List<String> cmd) throws IOException, InterruptedException {
        long t0 = System.nanoTime();
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .start();
        int rc = p.waitFor();
        long nanos = System.nanoTime() - t0;
        if (rc != 0) {
            throw new IOException(String.join(" ", cmd.subList(0, Math.min(3, cmd.size()))) + "… exited " + rc);
        }
        return nanos;
    }

    static void log(String s) {
        System.out.printf(Locale.ROOT, "[bench %6.1fs] %s%n", (System.nanoTime() - START) / 1e9, s);
    }

    static String machine() {
        String cpu = "unknown CPU";
        try {
            cpu = Files.readAllLines(Path.of("/proc/cpuinfo")).stream().filter(l -> l.startsWith("model name"))
                    .map(l -> l.substring(l.indexOf(':') + 1).trim()).findFirst().orElse(cpu);
        } catch (IOException ignored) {
            // not Linux
        }
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        } catch (IOException e) {
            host = "?";
        }
        long memGb = ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
                .getOperatingSystemMXBean()).getTotalMemorySize() / (1024L * 1024 * 1024);
        return String.format(Locale.ROOT, "%s, %d CPUs, %d GB RAM, %s %s (%s), Java %s (%s), host %s", cpu,
                Runtime.getRuntime().availableProcessors(), memGb, System.getProperty("os.name"),
                System.getProperty("os.version"), System.getProperty("os.arch"), System.getProperty("java.version"),
                System.getProperty("java.vm.name"), host);
    }

    static String now() {
        return ZonedDateTime.now().format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
    }
}
