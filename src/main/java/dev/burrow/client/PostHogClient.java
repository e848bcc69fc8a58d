package dev.burrow.client;

import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.DoubleSupplier;

/**
 * One connection to a PostHog-compatible server: base URL, personal API key, environment id.
 * Requests go to {@code {base}/api/environments/{env}/…} through one {@link HttpClient}.
 * Thread-safe; close it when the connection is done with.
 *
 * <pre>{@code
 * try (PostHogClient client = PostHogClient.builder("https://us.posthog.com", key, 12345).build()) {
 *     Page<FileSystemEntry> root = client.fileSystem().list(FileSystemQuery.children(""));
 * }
 * }</pre>
 */
public final class PostHogClient implements AutoCloseable {

    /**
     * The JDK client reads responses in 16 KB buffers by default; 256 KB lets a download keep up
     * with curl (486 → 1,411 MB/s on a 512 MB export here). The JDK reads this once, when its
     * first HttpClient is built, so it is set before that unless the user chose a value.
     */
    static final String BUFFER_PROPERTY = "jdk.httpclient.bufsize";

    static {
        if (System.getProperty(BUFFER_PROPERTY) == null) {
            System.setProperty(BUFFER_PROPERTY, Integer.toString(256 * 1024));
        }
    }

    private final Transport transport;
    private final ExecutorService pageFetcher;
    /**
     * The HTTP client's own work (handing bodies on, completing requests), at the lowest priority;
     * not shut down on close (the client may still complete what it cancels): idle threads end by themselves.
     */
    private final ExecutorService httpThreads;
    private final int pagesInFlight;
    private final long environmentId;
    private final FileSystemApi fileSystem;
    private final ShortcutsApi shortcuts;
    private final ExportsApi exports;
    private final DashboardsApi dashboards;
    private final InsightsApi insights;

    private PostHogClient(Builder b) {
        this.environmentId = b.environmentId;
        AtomicInteger h = new AtomicInteger();
        this.httpThreads = Executors.newCachedThreadPool(r -> lowest(r, "burrow-http-" + h.incrementAndGet()));
        HttpClient http = atTheLowestPriority(() -> HttpClient.newBuilder()
                .connectTimeout(b.connectTimeout)
                .followRedirects(HttpClient.Redirect.NEVER)
                .version(b.baseUrl.startsWith("https:") ? HttpClient.Version.HTTP_2 : HttpClient.Version.HTTP_1_1)
                .executor(httpThreads)
                .build());
        this.transport = new Transport(b.baseUrl, b.environmentId, b.apiKey, http, b.requestTimeout, b.retry,
                b.budget, b.listener, b.sleeper, b.jitter);
        AtomicInteger n = new AtomicInteger();
        this.pageFetcher = Executors.newCachedThreadPool(r -> pageThread(r, n.incrementAndGet()));
        this.pagesInFlight = b.pagesInFlight > 0 ? b.pagesInFlight : PageConcurrency.forBaseUrl(b.baseUrl);
        Paging paging = new Paging(transport, pageFetcher, pagesInFlight);
        this.fileSystem = new FileSystemApi(transport, paging);
        this.shortcuts = new ShortcutsApi(transport, paging);
        this.exports = new ExportsApi(transport, paging, b.downloadRetry);
        this.dashboards = new DashboardsApi(transport);
        this.insights = new InsightsApi(transport);
    }

    /**
     * Does once, off the window's thread, the first-use work a connection would otherwise do on it
     * or on the first pages of a large listing: the HTTP client's classes and the system's trust
     * store (building the first client reads it: ~100 ms), and the JSON mapper with its decoder
     * for a page of tree rows. Answers the rows of the sample page it decoded (one).
     */
    public static int warmUp() {
        HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
        String sample = "{\"count\":1,\"next\":null,\"previous\":null,\"results\":[{\"id\":\"w\","
                + "\"path\":\"Warm/up\",\"depth\":2,\"type\":\"insight\",\"ref\":\"1\",\"href\":null,"
                + "\"meta\":{\"created_at\":\"2026-01-01 00:00:00+00:00\"},\"shortcut\":false,"
                + "\"created_at\":\"2026-01-01T00:00:00Z\",\"last_viewed_at\":null}]}";
        try {
            dev.burrow.api.Page<dev.burrow.api.FileSystemEntry> page = dev.burrow.api.Json.MAPPER.readValue(
                    sample.getBytes(java.nio.charset.StandardCharsets.UTF_8),
                    Paging.pageOf(dev.burrow.api.FileSystemEntry.class));
            return page.results().size();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /**
     * A thread that fetches and decodes pages of a long listing, at the lowest priority: where the
     * JVM maps priorities to the system's (the app's launcher does), a window's thread gets a core
     * ahead of the decoders of a large tree.
     */
    static Thread pageThread(Runnable r, int n) {
        return lowest(r, "burrow-pages-" + n);
    }

    private static Thread lowest(Runnable r, String name) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        t.setPriority(Thread.MIN_PRIORITY);
        return t;
    }

    /**
     * Builds the HTTP client on a thread at the lowest priority: its selector thread, which reads
     * every response's bytes, takes its creator's priority, and the window's thread (which connects)
     * runs raised. Lowering and raising the calling thread instead is not an option: raising needs
     * a privilege the app rarely has. The wait is the start of one thread (the first client's
     * slow start is done ahead by {@link #warmUp}).
     */
    private static HttpClient atTheLowestPriority(java.util.function.Supplier<HttpClient> build) {
        if (Thread.currentThread().getPriority() == Thread.MIN_PRIORITY) {
            return build.get();
        }
        java.util.concurrent.FutureTask<HttpClient> task = new java.util.concurrent.FutureTask<>(build::get);
        lowest(task, "burrow-http-setup").start();
        try {
            return task.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while building the HTTP client", e);
        } catch (java.util.concurrent.ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw new IllegalStateException(e.getCause());
        }
    }

    /**
     * @param baseUrl       e.g. {@code https://us.posthog.com} or {@code http://127.0.0.1:8010}; a trailing slash is ignored
     * @param apiKey        the personal API key, sent as {@code Authorization: Bearer}
     * @param environmentId the environment (team) id
     */
    public static Builder builder(String baseUrl, String apiKey, long environmentId) {
        return new Builder(baseUrl, apiKey, environmentId);
    }

    /** The project tree: {@code file_system/}. */
    public FileSystemApi fileSystem() {
        return fileSystem;
    }

    /** The caller's starred items: {@code file_system_shortcut/}. */
    public ShortcutsApi shortcuts() {
        return shortcuts;
    }

    /** Exported assets: {@code exports/}, including content downloads. */
    public ExportsApi exports() {
        return exports;
    }

    public DashboardsApi dashboards() {
        return dashboards;
    }

    public InsightsApi insights() {
        return insights;
    }

    public String baseUrl() {
        return transport.baseUrl();
    }

    public long environmentId() {
        return environmentId;
    }

    @Override
    public void close() {
        pageFetcher.shutdownNow();
    }

    @Override
    public String toString() {
        return "PostHogClient[" + transport.baseUrl() + ", environment " + environmentId + ", key=<redacted>]";
    }

    /** Settings for one connection. Every setting except the three identifying ones has a default. */
    public static final class Builder {
        private final String baseUrl;
        private final String apiKey;
        private final long environmentId;
        private Duration connectTimeout = Duration.ofSeconds(10);
        private Duration requestTimeout = Duration.ofSeconds(60);
        private RetryPolicy retry = RetryPolicy.defaults();
        private RetryPolicy downloadRetry = RetryPolicy.defaults();
        private RateBudget budget;
        private ClientListener listener = ClientListener.NONE;
        private Sleeper sleeper = Sleeper.REAL;
        private DoubleSupplier jitter = () -> ThreadLocalRandom.current().nextDouble();
        /** 0: chosen by where the server is ({@link PageConcurrency}). */
        private int pagesInFlight;

        private Builder(String baseUrl, String apiKey, long environmentId) {
            Objects.requireNonNull(baseUrl, "baseUrl");
            Objects.requireNonNull(apiKey, "apiKey");
            String base = baseUrl.trim();
            while (base.endsWith("/")) {
                base = base.substring(0, base.length() - 1);
            }
            URI uri = URI.create(base);
            if (uri.getScheme() == null || !(uri.getScheme().equals("http") || uri.getScheme().equals("https"))
                    || uri.getHost() == null) {
                throw new IllegalArgumentException("The server address must look like https://host or http://host:port, not '"
                        + baseUrl + "'.");
            }
            if (apiKey.isBlank() || apiKey.chars().anyMatch(c -> c < 0x21 || c > 0x7e)) {
                throw new IllegalArgumentException("The API key is empty or contains spaces or unusual characters.");
            }
            this.baseUrl = base;
            this.apiKey = apiKey;
            this.environmentId = environmentId;
        }

        public Builder connectTimeout(Duration value) {
            this.connectTimeout = Objects.requireNonNull(value);
            return this;
        }

        /** How long one request may wait for the answer's headers. */
        public Builder requestTimeout(Duration value) {
            this.requestTimeout = Objects.requireNonNull(value);
            return this;
        }

        public Builder retry(RetryPolicy value) {
            this.retry = Objects.requireNonNull(value);
            return this;
        }

        /** How often a broken download resumes before it gives up. */
        public Builder downloadRetry(RetryPolicy value) {
            this.downloadRetry = Objects.requireNonNull(value);
            return this;
        }

        /** The budget for this key; share one between clients that use the same key. */
        public Builder rateBudget(RateBudget value) {
            this.budget = Objects.requireNonNull(value);
            return this;
        }

        public Builder listener(ClientListener value) {
            this.listener = Objects.requireNonNull(value);
            return this;
        }

        /** For tests: wait without real time passing. */
        public Builder sleeper(Sleeper value) {
            this.sleeper = Objects.requireNonNull(value);
            return this;
        }

        /** For tests: a fixed jitter in [0, 1). */
        public Builder jitter(DoubleSupplier value) {
            this.jitter = Objects.requireNonNull(value);
            return this;
        }

        /** How many pages an iteration fetches at once when it knows the total (1 = one after another). */
        public Builder pagesInFlight(int value) {
            if (value < 1) {
                throw new IllegalArgumentException("pagesInFlight must be at least 1");
            }
            this.pagesInFlight = value;
            return this;
        }

        public PostHogClient build() {
            if (budget == null) {
                budget = RateBudget.posthogDefaults();
            }
            return new PostHogClient(this);
        }

        @Override
        public String toString() {
            return "PostHogClient.Builder[" + baseUrl + ", environment " + environmentId + ", key=<redacted>]";
        }
    }
}
