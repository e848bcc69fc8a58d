package dev.burrow.bench;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.burrow.client.PostHogClient;
import dev.burrow.client.RateBudget;
import dev.burrow.tree.ClientBackend;
import dev.burrow.tree.FolderState;
import dev.burrow.tree.MoveJournal;
import dev.burrow.tree.TreeSession;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * Over a real network (issue item 6): a delay proxy on 127.0.0.1 adds 100 ms to every request
 * (as to PostHog Cloud from Europe) in front of the 100,000-row server. Burrow's full index
 * (pages in flight as for a remote server, PostHog's rate budget) against curl paging the same
 * URLs one after another through the same proxy; the requests it made, the most in any minute,
 * and the requests before the root first shows.
 */
final class NetworkScenario {

    static final int DELAY_MS = 100;
    static final int RUNS = 3;
    /** What the client takes for a server over a network (PageConcurrency.REMOTE). */
    static final int REMOTE_IN_FLIGHT = 8;

    private NetworkScenario() {
    }

    /** Forwards every request to the server after {@link #DELAY_MS}; remembers when each came. */
    static final class DelayProxy implements AutoCloseable {
        final ConcurrentLinkedQueue<Long> arrivals = new ConcurrentLinkedQueue<>();
        private final HttpServer server;
        private final ExecutorService pool = Executors.newFixedThreadPool(32);
        private final HttpClient upstream = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        private final String target;

        DelayProxy(String target) throws Exception {
            this.target = target;
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 64);
            server.setExecutor(pool);
            server.createContext("/", this::forward);
            server.start();
        }

        String baseUrl() {
            return "http://127.0.0.1:" + server.getAddress().getPort();
        }

        private void forward(HttpExchange ex) throws java.io.IOException {
            arrivals.add(System.nanoTime());
            try (ex) {
                byte[] body;
                try (InputStream in = ex.getRequestBody()) {
                    body = in.readAllBytes();
                }
                Thread.sleep(DELAY_MS);
                HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(target + ex.getRequestURI()))
                        .method(ex.getRequestMethod(), body.length == 0 ? HttpRequest.BodyPublishers.noBody()
                                : HttpRequest.BodyPublishers.ofByteArray(body));
                for (String h : List.of("Authorization", "Content-Type", "Accept", "Range")) {
                    String v = ex.getRequestHeaders().getFirst(h);
                    if (v != null) {
                        b.header(h, v);
                    }
                }
                HttpResponse<byte[]> r = upstream.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
                r.headers().firstValue("Content-Type").ifPresent(v -> ex.getResponseHeaders().add("Content-Type", v));
                ex.sendResponseHeaders(r.statusCode(), r.body().length == 0 ? -1 : r.body().length);
                try (OutputStream out = ex.getResponseBody()) {
                    out.write(r.body());
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                ex.sendResponseHeaders(502, -1);
            }
        }

        /** The most requests that arrived within any 60 seconds. */
        int mostInAMinute() {
            List<Long> t = new ArrayList<>(arrivals);
            int most = 0;
            int from = 0;
            for (int i = 0; i < t.size(); i++) {
                while (t.get(i) - t.get(from) >= TimeUnit.SECONDS.toNanos(60)) {
                    from++;
                }
                most = Math.max(most, i - from + 1);
            }
            return most;
        }

        @Override
        public void close() {
            server.stop(0);
            pool.shutdownNow();
        }
    }

    static PostHogClient client(String base) {
        return PostHogClient.builder(base, ServerProcess.KEY, 1).pagesInFlight(REMOTE_IN_FLIGHT)
                .rateBudget(RateBudget.posthogDefaults()).build();
    }

    /** Requests the proxy saw before the root's first page was in the session (a fresh session, as the window opens). */
    static int requestsToFirstPaint(DelayProxy proxy) throws Exception {
        try (PostHogClient client = client(proxy.baseUrl())) {
            BenchRunner runner = new BenchRunner();
            TreeSession session = new TreeSession(new ClientBackend(client), runner, MoveJournal.Store.inMemory());
            CountDownLatch shown = new CountDownLatch(1);
            int[] seen = new int[1];
            int before = proxy.arrivals.size();
            session.addListener(new TreeSession.Listener() {
                @Override
                public void foldersChanged(Set<String> folders) {
                    if (shown.getCount() > 0 && session.state("") instanceof FolderState.Loaded) {
                        seen[0] = proxy.arrivals.size() - before;
                        shown.countDown();
                    }
                }
            });
            runner.post(() -> session.loadFolder(""));
            if (!shown.await(60, TimeUnit.SECONDS)) {
                throw new IllegalStateException("the root did not show");
            }
            runner.close();
            return seen[0];
        }
    }

    static List<Result> run(ServerProcess server, Path work) throws Exception {
        List<Double> burrow = new ArrayList<>();
        List<Double> curl = new ArrayList<>();
        List<Integer> requests = new ArrayList<>();
        List<Integer> perMinute = new ArrayList<>();
        long rows = 0;
        int firstPaint;
        String load = BenchMain.loadAverage();
        try (DelayProxy proxy = new DelayProxy(server.baseUrl())) {
            firstPaint = requestsToFirstPaint(proxy);
            for (int i = 0; i < RUNS; i++) {
                proxy.arrivals.clear();
                IndexScenario.Loaded l = IndexScenario.load(client(proxy.baseUrl()));
                burrow.add(Stats.ms(l.nanos()));
                rows = l.runner().onOwner(() -> l.session().index().size());
                requests.add(proxy.arrivals.size());
                perMinute.add(proxy.mostInAMinute());
                l.close();
                curl.add(Stats.ms(curlThrough(proxy, rows, work)));
            }
        }
        long pages = (rows + TreeSession.INDEX_PAGE - 1) / TreeSession.INDEX_PAGE;
        int mostRequests = requests.stream().mapToInt(Integer::intValue).max().orElse(0);
        int mostPerMinute = perMinute.stream().mapToInt(Integer::intValue).max().orElse(0);
        String setting = "through a delay proxy adding " + DELAY_MS + " ms to every request; Burrow "
                + REMOTE_IN_FLIGHT + " pages in flight, PostHog's rate budget";
        List<Result> out = new ArrayList<>();
        out.add(Result.of("net full index of " + String.format("%,d", rows) + " rows over a 100 ms network",
                Stats.median(burrow), Stats.median(curl), "ms", "ratio ≤ 0.35 (vs curl paging the same URLs one after"
                + " another through the same proxy)", 0.35, true, "medians of " + RUNS + "; " + setting + "; Burrow "
                + burrow + " ms vs curl " + curl + " ms").withRuns(burrow).withLoad(load));
        out.add(Result.judged("net requests for the full index over a 100 ms network", mostRequests, pages,
                (double) mostRequests / pages, "requests", "≤ pages + 2 (" + (pages + 2) + ")", mostRequests <= pages + 2,
                "requests per run " + requests + " for " + pages + " pages of " + TreeSession.INDEX_PAGE + " rows"));
        out.add(Result.judged("net most requests in any minute over a 100 ms network", mostPerMinute, 480,
                mostPerMinute / 480.0, "requests", "≤ 480 (PostHog's limit)", mostPerMinute <= 480,
                "per run " + perMinute));
        out.add(Result.judged("net requests before the root first shows over a 100 ms network", firstPaint, 1,
                firstPaint, "requests", "exactly 1", firstPaint == 1, "a fresh session's root folder: requests the"
                + " proxy saw until its first page was in the session"));
        return out;
    }

    /** curl fetching every page URL one after another through the proxy. */
    private static long curlThrough(DelayProxy proxy, long total, Path work) throws Exception {
        long pages = Math.max(1, (total + TreeSession.INDEX_PAGE - 1) / TreeSession.INDEX_PAGE);
        StringBuilder cfg = new StringBuilder();
        for (long p = 0; p < pages; p++) {
            cfg.append("url = \"").append(proxy.baseUrl()).append("/api/environments/1/file_system/?limit=")
                    .append(TreeSession.INDEX_PAGE).append("&offset=").append(p * TreeSession.INDEX_PAGE)
                    .append("\"\noutput = \"/dev/null\"\n");
        }
        Path file = work.resolve("curl-network.cfg");
        Files.writeString(file, cfg);
        return BenchMain.timeProcess(List.of("curl", "-s", "-S", "--fail", "-H",
                "Authorization: Bearer " + ServerProcess.KEY, "-K", file.toString()));
    }
}
