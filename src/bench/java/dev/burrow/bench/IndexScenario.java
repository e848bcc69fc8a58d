package dev.burrow.bench;

import dev.burrow.client.PostHogClient;
import dev.burrow.client.RateBudget;
import dev.burrow.tree.ClientBackend;
import dev.burrow.tree.FolderCounts;
import dev.burrow.tree.MoveJournal;
import dev.burrow.tree.TreeSession;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/** #1 full index of the 100,000-row tree, #2 the requests behind every folder's count. */
final class IndexScenario {

    static final int RUNS = 5;

    private IndexScenario() {
    }

    static PostHogClient client(ServerProcess server) {
        return PostHogClient.builder(server.baseUrl(), ServerProcess.KEY, 1).rateBudget(RateBudget.unlimited()).build();
    }

    record Loaded(TreeSession session, CountingBackend backend, BenchRunner runner, PostHogClient client, long nanos) {
        void close() {
            runner.close();
            client.close();
        }
    }

    /** The app's own path: {@code TreeSession.loadIndex()} over {@code ClientBackend}, pages applied on one owner thread. */
    static Loaded load(ServerProcess server) throws Exception {
        return load(client(server));
    }

    /** As {@link #load(ServerProcess)} through any client (the network scenario's goes through a delay proxy). */
    static Loaded load(PostHogClient client) throws Exception {
        BenchRunner runner = new BenchRunner();
        CountingBackend backend = new CountingBackend(new ClientBackend(client));
        TreeSession session = new TreeSession(backend, runner, MoveJournal.Store.inMemory());
        CountDownLatch done = new CountDownLatch(1);
        AtomicReference<String> error = new AtomicReference<>();
        session.addListener(new TreeSession.Listener() {
            @Override
            public void foldersChanged(Set<String> folderPaths) {
            }

            @Override
            public void finished(String description, String err) {
                if (err != null) {
                    error.set(description + ": " + err);
                }
                done.countDown();
            }
        });
        long t0 = System.nanoTime();
        runner.post(session::loadIndex);
        if (!done.await(5, TimeUnit.MINUTES)) {
            throw new IllegalStateException("index load timed out");
        }
        long nanos = System.nanoTime() - t0;
        if (error.get() != null) {
            throw new IllegalStateException(error.get());
        }
        boolean complete = runner.onOwner(() -> session.index().isComplete());
        if (!complete) {
            throw new IllegalStateException("the index did not complete");
        }
        return new Loaded(session, backend, runner, client, nanos);
    }

    /** The same page URLs, fetched by one curl process in sequence to /dev/null. */
    static long curl(ServerProcess server, long total, Path work) throws Exception {
        long pages = Math.max(1, (total + TreeSession.INDEX_PAGE - 1) / TreeSession.INDEX_PAGE);
        StringBuilder cfg = new StringBuilder();
        for (long p = 0; p < pages; p++) {
            cfg.append("url = \"").append(server.api("file_system/?limit=" + TreeSession.INDEX_PAGE + "&offset="
                    + p * TreeSession.INDEX_PAGE)).append("\"\noutput = \"/dev/null\"\n");
        }
        Path file = work.resolve("curl-index.cfg");
        Files.writeString(file, cfg);
        return BenchMain.timeProcess(List.of("curl", "-s", "-S", "--fail", "-H",
                "Authorization: Bearer " + ServerProcess.KEY, "-K", file.toString()));
    }

    static double heapAfterGcMb() throws InterruptedException {
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(100);
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed() / (1024.0 * 1024.0);
    }

    /** One load that is not measured; nothing of it stays reachable. */
    private static long warmUp(ServerProcess server) throws Exception {
        Loaded warm = load(server);
        long total = warm.session().index().size();
        warm.close();
        return total;
    }

    static List<Result> run(ServerProcess server, Path work) throws Exception {
        List<Result> out = new ArrayList<>();
        double heapBefore = heapAfterGcMb();
        // warm up both sides once
        long total = warmUp(server);
        curl(server, total, work);
        List<Double> burrow = new ArrayList<>();
        List<Double> curl = new ArrayList<>();
        Loaded last = null;
        for (int i = 0; i < RUNS; i++) {
            if (last != null) {
                last.close();
                last = null;
            }
            curl.add(Stats.ms(curl(server, total, work)));
            Loaded l = load(server);
            burrow.add(Stats.ms(l.nanos()));
            last = l;
        }
        double heap = heapAfterGcMb();
        Loaded held = last;
        int rows = held.runner().onOwner(() -> held.session().index().size());
        out.add(Result.of("1 full index of " + String.format("%,d", rows) + " rows: fetch, parse, build the tree model",
                Stats.median(burrow), Stats.median(curl), "ms", "ratio ≤ 1.0 (vs one curl process, same page URLs)",
                1.0, true, "medians of " + RUNS + "; Burrow: TreeSession.loadIndex() over ClientBackend (count request"
                + " + pages of 1,000, 4 in flight); runs " + burrow + " vs curl " + curl));
        out.add(Result.judged("1 heap after GC with the index held", heap, heapBefore, heap / heapBefore, "MB",
                "≤ 120 MB", heap <= 120, "baseline: the bench JVM's heap after GC before any index was loaded"));

        // #2: counts of every folder
        TreeSession s = held.session();
        long indexRequests = held.backend().requests.get();
        FolderCounts counts = new FolderCounts(s, held.runner(), f -> { });
        Map<String, Integer> snapshot = held.runner().onOwner(() -> s.index().countsSnapshot());
        List<String> folders = new ArrayList<>(snapshot.keySet());
        folders.remove("");
        int missing = held.runner().onOwner(() -> {
            int m = 0;
            for (String f : folders) {
                OptionalLong n = counts.get(f);
                if (n.isEmpty()) {
                    m++;
                }
            }
            return m;
        });
        Thread.sleep(200);
        long burrowRequests = held.backend().requests.get();
        long countRequests = held.backend().countRequests.get();
        // baseline: one count request per folder, each checked against the index
        int wrong = 0;
        long t0 = System.nanoTime();
        for (String f : folders) {
            long n = held.client().fileSystem().countByPath(f).count();
            if (n != snapshot.get(f)) {
                wrong++;
            }
        }
        long perFolderNanos = System.nanoTime() - t0;
        out.add(Result.of("2 requests to show the count of all " + String.format("%,d", folders.size()) + " folders",
                burrowRequests, folders.size(), "requests", "ratio ≤ 0.05 (vs one count request per folder)", 0.05, true,
                "Burrow: " + indexRequests + " index requests, then " + countRequests + " count requests for "
                + folders.size() + " folders (" + missing + " counts not local); per-folder baseline took "
                + String.format("%.0f ms", Stats.ms(perFolderNanos)) + " vs the index load's "
                + String.format("%.0f ms", Stats.median(burrow)) + "; " + wrong + " index counts differ from the server's"));
        held.close();
        return out;
    }
}
