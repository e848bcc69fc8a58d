package dev.burrow.server;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.burrow.server.seed.Seeder;
import dev.burrow.server.store.Database;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The local workspace: PostHog's project-tree API over real HTTP on a SQLite store.
 * Start it with {@link #start}; {@link #close} stops serving and closes the store cleanly.
 */
public final class LocalServer implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(LocalServer.class.getName());
    private static final Pattern API_PATH = Pattern.compile("^/api/(environments|projects)/([^/]+)(/.*)?$");
    /** Bodies above this are refused before they are read whole. */
    static final int MAX_BODY_BYTES = 32 * 1024 * 1024;
    /** The user every personal API key of the local server belongs to. */
    public static final long OWNER_ID = 1;

    private final ServerConfig config;
    private final Database db;
    private final HttpServer http;
    private final ExecutorService executor;
    private final RateLimiter rateLimiter;
    private final Routes routes;
    private final ObjectStorage storage;
    /** Renders exports in the background when the server runs with {@code --exports async}. */
    private final ExecutorService renderPool;
    private volatile boolean closed;

    private LocalServer(ServerConfig config, Database db, HttpServer http, ExecutorService executor) {
        this.config = config;
        this.db = db;
        this.http = http;
        this.executor = executor;
        this.rateLimiter = config.rateLimit() ? new RateLimiter(480, 4800) : null;
        this.storage = new ObjectStorage(config.dataDir());
        this.renderPool = Executors.newFixedThreadPool(2, daemonThreads("burrow-export-"));
        this.routes = Routes.of(new TreeList(db), new TreeItems(db), new ViewLog(db), new Stars(db),
                new ExportsHandler(db, storage, renderPool, config.exports() == ServerConfig.ExportRendering.ASYNC),
                new ObjectReads(db));
    }

    public static LocalServer start(ServerConfig config) throws IOException, SQLException {
        if (System.getProperty("java.awt.headless") == null) {
            // exports render PNGs with Java2D, which needs no display
            System.setProperty("java.awt.headless", "true");
        }
        if (System.getProperty("sun.net.httpserver.nodelay") == null) {
            System.setProperty("sun.net.httpserver.nodelay", "true");
        }
        Database db = Database.open(config.dataDir(), 4);
        try {
            prepareStore(db, config);
            HttpServer http = HttpServer.create(new InetSocketAddress(config.host(), config.port()), 256);
            ExecutorService executor = Executors.newFixedThreadPool(12, daemonThreads("burrow-server-"));
            http.setExecutor(executor);
            LocalServer server = new LocalServer(config, db, http, executor);
            http.createContext("/", server::exchange);
            http.start();
            return server;
        } catch (IOException | SQLException | RuntimeException e) {
            db.close();
            throw e;
        }
    }

    private static void prepareStore(Database db, ServerConfig config) throws SQLException {
        db.write(c -> {
            Seeder.prepare(c, config.seed(), config.environment(), OWNER_ID);
            return null;
        });
    }

    /**
     * Daemon threads at the lowest priority: inside the app (the local workspace) the server
     * answers beside the window, whose thread should win a core from it (where the JVM maps Java
     * priorities to the system's, as the app's launcher does).
     */
    static ThreadFactory daemonThreads(String prefix) {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, prefix + n.incrementAndGet());
            t.setDaemon(true);
            t.setPriority(Thread.MIN_PRIORITY);
            return t;
        };
    }

    public int port() {
        return http.getAddress().getPort();
    }

    public String baseUrl() {
        String host = config.host();
        if (host.contains(":")) {
            host = "[" + host + "]";
        }
        return "http://" + host + ":" + port();
    }

    public ServerConfig config() {
        return config;
    }

    /** The export object storage, for tests that sign their own URLs. */
    ObjectStorage storage() {
        return storage;
    }

    /** The store, for tests that check or arrange its state directly. */
    public Database database() {
        return db;
    }

    private void exchange(HttpExchange ex) {
        try (ex) {
            Response response;
            try {
                response = route(ex);
            } catch (ApiError e) {
                response = new Response(e.status(), e.body(), Map.of());
            } catch (SQLException | RuntimeException e) {
                LOG.log(Level.WARNING, "request failed: " + ex.getRequestMethod() + " " + ex.getRequestURI().getPath(), e);
                ApiError err = ApiError.server();
                response = new Response(err.status(), err.body(), Map.of());
            }
            send(ex, response);
        } catch (IOException e) {
            LOG.log(Level.FINE, "client went away", e);
        }
    }

    private Response route(HttpExchange ex) throws IOException, SQLException {
        URI uri = ex.getRequestURI();
        String rawPath = uri.getRawPath();
        if (rawPath != null && rawPath.startsWith(ObjectStorage.PREFIX)) {
            // presigned: the URL is the authorisation, so no API key and no rate limit
            return storage.serve(ex.getRequestMethod().toUpperCase(java.util.Locale.ROOT), rawPath,
                    uri.getRawQuery(), ex.getRequestHeaders().getFirst("Authorization"),
                    ex.getRequestHeaders().getFirst("Range"));
        }
        Matcher m = API_PATH.matcher(uri.getPath());
        if (!m.matches()) {
            throw ApiError.notFound();
        }
        ApiKey key = authenticate(ex.getRequestHeaders().getFirst("Authorization"));
        if (rateLimiter != null) {
            long wait = rateLimiter.acquire(key.secret());
            if (wait > 0) {
                throw ApiError.throttled(wait);
            }
        }
        if (!m.group(2).equals(Integer.toString(config.environment()))) {
            throw ApiError.notFound();
        }
        List<String> segments = new ArrayList<>();
        String rest = m.group(3) == null ? "" : m.group(3);
        for (String s : rest.split("/")) {
            if (!s.isEmpty()) {
                segments.add(s);
            }
        }
        if (segments.isEmpty()) {
            throw ApiError.notFound();
        }
        byte[] body = readBody(ex);
        String prefix = "/api/" + m.group(1) + "/" + m.group(2) + "/";
        String host = ex.getRequestHeaders().getFirst("Host");
        String base = host == null || host.isBlank() ? baseUrl() : "http://" + host;
        Request request = new Request(ex.getRequestMethod().toUpperCase(java.util.Locale.ROOT), List.copyOf(segments),
                uri.getRawQuery(), body, key, OWNER_ID, config.environment(), base, prefix, ex.getRequestHeaders());
        return routes.answer(request);
    }

    private ApiKey authenticate(String header) {
        if (header == null || header.isBlank()) {
            throw ApiError.raised(401, "authentication_error", "not_authenticated",
                    "Authentication credentials were not provided.", null);
        }
        String token = header.trim();
        if (token.regionMatches(true, 0, "Bearer ", 0, 7)) {
            token = token.substring(7).trim();
        }
        byte[] given = token.getBytes(StandardCharsets.UTF_8);
        ApiKey match = null;
        for (ApiKey k : config.keys()) {
            if (MessageDigest.isEqual(given, k.secret().getBytes(StandardCharsets.UTF_8))) {
                match = k;
            }
        }
        if (match == null) {
            throw ApiError.raised(401, "authentication_error", "authentication_failed",
                    "Personal API key found in request Authorization header is invalid.", null);
        }
        return match;
    }

    private static byte[] readBody(HttpExchange ex) throws IOException {
        String length = ex.getRequestHeaders().getFirst("Content-Length");
        if (length != null) {
            try {
                if (Long.parseLong(length.trim()) > MAX_BODY_BYTES) {
                    throw tooLarge();
                }
            } catch (NumberFormatException ignored) {
                // the stream read below enforces the limit
            }
        }
        try (InputStream in = ex.getRequestBody()) {
            byte[] data = in.readNBytes(MAX_BODY_BYTES + 1);
            if (data.length > MAX_BODY_BYTES) {
                throw tooLarge();
            }
            return data;
        }
    }

    private static ApiError tooLarge() {
        return ApiError.raised(413, "invalid_request", "request_too_large",
                "Request body is larger than " + (MAX_BODY_BYTES / (1024 * 1024)) + " MB.", null);
    }

    private static void send(HttpExchange ex, Response response) throws IOException {
        response.headers().forEach((k, v) -> ex.getResponseHeaders().add(k, v));
        if (response.body() == null) {
            ex.sendResponseHeaders(response.status(), -1);
            return;
        }
        if (response.body() instanceof Response.FileSlice slice) {
            sendFile(ex, response.status(), slice);
            return;
        }
        if (!(response.body() instanceof Response.Raw raw)) {
            // JSON in arrays of at most 64 KB, written one by one: never one array of the whole page
            JsonChunks json = JsonChunks.of(response.body());
            ex.getResponseHeaders().set("Content-Type", "application/json");
            if ("HEAD".equalsIgnoreCase(ex.getRequestMethod())) {
                ex.getResponseHeaders().set("Content-Length", Long.toString(json.length()));
                ex.sendResponseHeaders(response.status(), -1);
                return;
            }
            ex.sendResponseHeaders(response.status(), json.length() == 0 ? -1 : json.length());
            try (OutputStream out = ex.getResponseBody()) {
                json.writeTo(out);
            }
            return;
        }
        byte[] bytes = raw.data();
        ex.getResponseHeaders().set("Content-Type", raw.contentType());
        if ("HEAD".equalsIgnoreCase(ex.getRequestMethod())) {
            ex.getResponseHeaders().set("Content-Length", Integer.toString(bytes.length));
            ex.sendResponseHeaders(response.status(), -1);
            return;
        }
        ex.sendResponseHeaders(response.status(), bytes.length == 0 ? -1 : bytes.length);
        try (OutputStream out = ex.getResponseBody()) {
            // in slices: the JDK server copies each write into a buffer of the write's size
            for (int at = 0; at < bytes.length; at += WRITE_CHUNK) {
                out.write(bytes, at, Math.min(WRITE_CHUNK, bytes.length - at));
            }
        }
    }

    /** How much one write hands the JDK server, which copies it whole into a new buffer. */
    private static final int WRITE_CHUNK = 256 * 1024;

    /** Streams a file's slice at constant memory, however large it is. */
    private static void sendFile(HttpExchange ex, int status, Response.FileSlice slice) throws IOException {
        ex.getResponseHeaders().set("Content-Type", slice.contentType());
        if ("HEAD".equalsIgnoreCase(ex.getRequestMethod())) {
            ex.getResponseHeaders().set("Content-Length", Long.toString(slice.length()));
            ex.sendResponseHeaders(status, -1);
            return;
        }
        ex.sendResponseHeaders(status, slice.length() == 0 ? -1 : slice.length());
        if (slice.length() == 0) {
            return;
        }
        try (OutputStream out = ex.getResponseBody();
                java.nio.channels.FileChannel ch = java.nio.channels.FileChannel.open(slice.file(),
                        java.nio.file.StandardOpenOption.READ)) {
            byte[] buf = new byte[WRITE_CHUNK];
            java.nio.ByteBuffer bb = java.nio.ByteBuffer.wrap(buf);
            long pos = slice.start();
            long left = slice.length();
            while (left > 0) {
                bb.clear().limit((int) Math.min(buf.length, left));
                int n = ch.read(bb, pos);
                if (n < 0) {
                    throw new IOException("the file ended early: " + slice.file());
                }
                out.write(buf, 0, n);
                pos += n;
                left -= n;
            }
        }
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        http.stop(0);
        renderPool.shutdownNow();
        try {
            renderPool.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        executor.shutdown();
        try {
            executor.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        try {
            db.close();
        } catch (SQLException e) {
            LOG.log(Level.WARNING, "closing the store failed", e);
        }
    }
}
