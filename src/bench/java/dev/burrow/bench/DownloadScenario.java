package dev.burrow.bench;

import dev.burrow.client.DownloadOptions;
import dev.burrow.client.DownloadOutcome;
import dev.burrow.client.PostHogClient;
import dev.burrow.server.store.Timestamps;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/** #4 downloading a 512 MB export's content through the client vs curl of the same storage URL. */
final class DownloadScenario {

    static final long SIZE = 512L * 1024 * 1024;
    static final String LOCATION = "bench/export-512mb.csv";

    private DownloadScenario() {
    }

    /** Writes the content straight into the server's storage and points an export row at it. */
    static long prepare(ServerProcess server) throws Exception {
        Path file = server.dataDir().resolve("exports").resolve(LOCATION);
        if (!Files.exists(file) || Files.size(file) != SIZE) {
            Files.createDirectories(file.getParent());
            byte[] block = new byte[1 << 20];
            Random r = new Random(1);
            try (OutputStream o = Files.newOutputStream(file)) {
                for (long n = 0; n < SIZE; n += block.length) {
                    for (int i = 0; i < block.length; i++) {
                        block[i] = (byte) ('a' + r.nextInt(26));
                    }
                    o.write(block);
                }
            }
        }
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + server.database())) {
            try (Statement st = c.createStatement()) {
                st.execute("PRAGMA busy_timeout = 30000");
            }
            try (PreparedStatement ps = c.prepareStatement("SELECT id FROM exports WHERE content_location = ?")) {
                ps.setString(1, LOCATION);
                try (ResultSet rs = ps.executeQuery()) {
                    if (rs.next()) {
                        return rs.getLong(1);
                    }
                }
            }
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO exports(team, created_by, export_format,"
                    + " export_context, created_at, content_location) VALUES (1, 1, 'text/csv', ?, ?, ?)",
                    Statement.RETURN_GENERATED_KEYS)) {
                ps.setString(1, "{\"filename\":\"bench-512mb\"}");
                ps.setString(2, Timestamps.now());
                ps.setString(3, LOCATION);
                ps.executeUpdate();
                try (ResultSet rs = ps.getGeneratedKeys()) {
                    rs.next();
                    return rs.getLong(1);
                }
            }
        }
    }

    static List<Result> run(ServerProcess server, Path work) throws Exception {
        long id = prepare(server);
        Path dir = Files.createDirectories(work.resolve("downloads"));
        String contentUrl = server.api("exports/" + id + "/content/?download=true");
        List<Double> burrow = new ArrayList<>();
        List<Double> curl = new ArrayList<>();
        try (PostHogClient client = IndexScenario.client(server)) {
            for (int i = 0; i < 4; i++) {
                String location = redirect(contentUrl);
                Path target = dir.resolve("curl.bin");
                long nanos = BenchMain.timeProcess(List.of("curl", "-s", "-S", "--fail", "-o", target.toString(),
                        location));
                check(target);
                Files.delete(target);
                long t0 = System.nanoTime();
                Path saved = download(client, id, dir);
                long burrowNanos = System.nanoTime() - t0;
                check(saved);
                Files.delete(saved);
                if (i > 0) { // the first pair warms both sides up
                    curl.add(Stats.ms(nanos));
                    burrow.add(Stats.ms(burrowNanos));
                }
            }
            // heap: a separate download while a sampler forces GCs and records the live heap
            MemoryMXBean mem = ManagementFactory.getMemoryMXBean();
            double before = IndexScenario.heapAfterGcMb();
            AtomicBoolean running = new AtomicBoolean(true);
            AtomicLong peak = new AtomicLong();
            Thread sampler = new Thread(() -> {
                while (running.get()) {
                    System.gc();
                    peak.accumulateAndGet(mem.getHeapMemoryUsage().getUsed(), Math::max);
                    try {
                        Thread.sleep(200);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            });
            sampler.start();
            Path saved = download(client, id, dir);
            running.set(false);
            sampler.join();
            Files.delete(saved);
            double growth = peak.get() / (1024.0 * 1024.0) - before;
            double curlMBs = SIZE / (1024.0 * 1024.0) / (Stats.median(curl) / 1000);
            double burrowMBs = SIZE / (1024.0 * 1024.0) / (Stats.median(burrow) / 1000);
            List<Result> out = new ArrayList<>();
            // the issue: ≥ 0.9× curl in every run, each run judged against the curl run just before it
            List<Double> ratios = new ArrayList<>();
            for (int i = 0; i < burrow.size(); i++) {
                ratios.add(curl.get(i) / burrow.get(i));
            }
            double worst = ratios.stream().mapToDouble(Double::doubleValue).min().orElse(Double.NaN);
            out.add(Result.judged("4 download a 512 MB export's content (throughput)", burrowMBs, curlMBs,
                    burrowMBs / curlMBs, "MB/s", "ratio ≥ 0.9 in every run (vs curl -o of the same URL)", worst >= 0.9,
                    "medians of 3 after a warm-up pair; Burrow: ExportsApi.download (API request + redirect + storage"
                    + " GET) " + burrow + " ms vs curl of the storage URL " + curl + " ms; ratio per run " + ratios
                    + ", worst " + String.format(java.util.Locale.ROOT, "%.3f", worst)).withRuns(ratios)
                    .withLoad(BenchMain.loadAverage()));
            out.add(Result.judged("4 client heap growth during the download (after GC)", growth, before,
                    growth / before, "MB", "≤ 32 MB", growth <= 32, "live heap sampled after a forced GC every 200 ms"
                    + " during a download, minus the heap after GC before it (the baseline column)"));
            return out;
        }
    }

    private static Path download(PostHogClient client, long id, Path dir) {
        DownloadOutcome o = client.exports().download(id, dir, DownloadOptions.defaults());
        if (!(o instanceof DownloadOutcome.Saved s)) {
            throw new IllegalStateException("download failed: " + o);
        }
        return s.file();
    }

    private static void check(Path file) throws Exception {
        if (Files.size(file) != SIZE) {
            throw new IllegalStateException(file + " has " + Files.size(file) + " bytes, not " + SIZE);
        }
    }

    private static String redirect(String contentUrl) throws Exception {
        Process p = new ProcessBuilder("curl", "-s", "-o", "/dev/null", "-w", "%{redirect_url}", "-H",
                "Authorization: Bearer " + ServerProcess.KEY, contentUrl).redirectErrorStream(true).start();
        String url = new String(p.getInputStream().readAllBytes()).trim();
        p.waitFor();
        if (!url.startsWith("http")) {
            throw new IllegalStateException("no redirect from " + contentUrl + ": " + url);
        }
        return url;
    }
}
