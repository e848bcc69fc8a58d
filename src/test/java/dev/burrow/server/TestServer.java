package dev.burrow.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import dev.burrow.api.Json;
import dev.burrow.server.store.Ids;
import dev.burrow.server.store.Timestamps;
import dev.burrow.server.store.TreeRow;
import dev.burrow.server.store.TreeRows;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * A real local server on a free loopback port with an empty store, and a tiny HTTP client
 * for tests: {@code get("file_system/?depth=1")} talks to {@code /api/environments/1/…}.
 */
public final class TestServer implements AutoCloseable {

    public static final String KEY = "test-key-full";

    /** A status and a parsed body (MissingNode for an empty body). */
    public record Reply(int status, JsonNode body, java.net.http.HttpHeaders headers) {
        public String detail() {
            return body.path("detail").asText();
        }
    }

    private final LocalServer server;
    private final Path dir;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private String key = KEY;

    private TestServer(LocalServer server, Path dir) {
        this.server = server;
        this.dir = dir;
    }

    public static TestServer start() {
        return start("empty", List.of(new ApiKey(KEY, Set.of())), false);
    }

    public static TestServer start(String seed, List<ApiKey> keys, boolean rateLimit) {
        return start(seed, keys, rateLimit, ServerConfig.ExportRendering.SYNC);
    }

    public static TestServer start(String seed, List<ApiKey> keys, boolean rateLimit,
            ServerConfig.ExportRendering exports) {
        try {
            return start(seed, keys, rateLimit, exports, Files.createTempDirectory("burrow-test"));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A server on the data folder {@code dir}, which may hold a store already. */
    public static TestServer start(String seed, List<ApiKey> keys, boolean rateLimit, Path dir) {
        return start(seed, keys, rateLimit, ServerConfig.ExportRendering.SYNC, dir);
    }

    private static TestServer start(String seed, List<ApiKey> keys, boolean rateLimit,
            ServerConfig.ExportRendering exports, Path dir) {
        try {
            ServerConfig config = new ServerConfig("127.0.0.1", 0, dir, keys, seed, rateLimit, 1, exports);
            return new TestServer(LocalServer.start(config), dir);
        } catch (IOException | SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    public LocalServer server() {
        return server;
    }

    public Path dataDir() {
        return dir;
    }

    /** Uses another key for the following requests (null sends none). */
    public TestServer as(String apiKey) {
        this.key = apiKey;
        return this;
    }

    public String url(String relative) {
        return server.baseUrl() + "/api/environments/1/" + relative;
    }

    public Reply get(String relative) {
        return send("GET", url(relative), null);
    }

    public Reply post(String relative, String json) {
        return send("POST", url(relative), json);
    }

    public Reply patch(String relative, String json) {
        return send("PATCH", url(relative), json);
    }

    public Reply put(String relative, String json) {
        return send("PUT", url(relative), json);
    }

    public Reply delete(String relative) {
        return send("DELETE", url(relative), null);
    }

    public Reply send(String method, String absoluteUrl, String json) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(absoluteUrl)).timeout(Duration.ofSeconds(30));
        if (key != null) {
            b.header("Authorization", "Bearer " + key);
        }
        if (json != null) {
            b.header("Content-Type", "application/json");
        }
        b.method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
        try {
            HttpResponse<String> resp = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
            JsonNode body = resp.body() == null || resp.body().isEmpty() ? MissingNode.getInstance()
                    : Json.parse(resp.body());
            return new Reply(resp.statusCode(), body, resp.headers());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Inserts a row straight into storage, as the contract's "row(path, type[, ref])" does. */
    public String row(String path, String type) {
        return row(path, type, null, Timestamps.now(), null);
    }

    public String row(String path, String type, String ref, String createdAt, String meta) {
        String id = Ids.uuid7();
        try {
            server.database().write(c -> {
                TreeRows.insert(c, new TreeRow(id, 1, path, type, ref, null, Boolean.FALSE, meta, createdAt, 1L));
                return null;
            });
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return id;
    }

    /** Inserts a row with every column the contract's cases vary: environment, shortcut flag, ref, time, meta. */
    public String row(int team, String path, String type, String ref, Boolean shortcut, String createdAt, String meta) {
        String id = Ids.uuid7();
        try {
            server.database().write(c -> {
                TreeRows.insert(c, new TreeRow(id, team, path, type, ref, null, shortcut, meta,
                        createdAt == null ? Timestamps.now() : createdAt, 1L));
                return null;
            });
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return id;
    }

    /** Inserts many plain rows of one type in one transaction. */
    public void rows(List<String> paths, String type) {
        try {
            server.database().write(c -> {
                try (var batch = TreeRows.batch(c)) {
                    for (String p : paths) {
                        batch.add(new TreeRow(Ids.uuid7(), 1, p, type, null, null, Boolean.FALSE, null,
                                Timestamps.now(), 1L));
                    }
                }
                return null;
            });
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Adds an organisation member (a basic user summary source). */
    public void user(long id, String first, String last, String email) {
        sql("INSERT INTO users(id, uuid, distinct_id, first_name, last_name, email) VALUES (?,?,?,?,?,?)",
                id, "00000000-0000-4000-8000-" + String.format("%012d", id), "user-" + id, first, last, email);
    }

    /** Inserts a star straight into storage for any user; answers its id. */
    public String star(long userId, String path, String type, String ref, int order, String createdAt) {
        String id = Ids.uuid7();
        sql("INSERT INTO stars(id, user_id, team, path, type, ref, href, ord, created_at) VALUES (?,?,1,?,?,?,NULL,?,?)",
                id, userId, path, type, ref, order, createdAt == null ? Timestamps.now() : createdAt);
        return id;
    }

    /** Runs one write statement with parameters. */
    public void sql(String statement, Object... params) {
        try {
            server.database().write(c -> {
                try (var ps = c.prepareStatement(statement)) {
                    TreeRows.bind(ps, java.util.Arrays.asList(params));
                    ps.executeUpdate();
                }
                return null;
            });
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Runs one query; each row's columns as strings (null stays null). */
    public List<List<String>> query(String select, Object... params) {
        try {
            return server.database().read(c -> {
                List<List<String>> out = new ArrayList<>();
                try (var ps = c.prepareStatement(select)) {
                    TreeRows.bind(ps, java.util.Arrays.asList(params));
                    try (var rs = ps.executeQuery()) {
                        int n = rs.getMetaData().getColumnCount();
                        while (rs.next()) {
                            List<String> row = new ArrayList<>();
                            for (int i = 1; i <= n; i++) {
                                row.add(rs.getString(i));
                            }
                            out.add(row);
                        }
                    }
                }
                return out;
            });
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The first column of a one-column query, as a list. */
    public List<String> column(String select, Object... params) {
        List<String> out = new ArrayList<>();
        for (List<String> r : query(select, params)) {
            out.add(r.get(0));
        }
        return out;
    }

    /** An object's deleted flag (0 live, 1 soft-deleted, 2 deleted for good), or null when absent. */
    public Integer objectDeleted(String type, String ref) {
        List<String> v = column("SELECT deleted FROM objects WHERE type = ? AND ref = ?", type, ref);
        return v.isEmpty() ? null : Integer.valueOf(v.get(0));
    }

    /** Inserts an object behind rows (type, ref, numeric id, name). */
    public void object(String type, String ref, long id, String name) {
        object(server, type, ref, id, name);
    }

    /** Inserts an object behind rows into any local server's store (window tests start their own). */
    public static void object(LocalServer server, String type, String ref, long id, String name) {
        try {
            server.database().write(c -> {
                try (var ps = c.prepareStatement("INSERT INTO objects(type, ref, id, short_id, team, name, deleted,"
                        + " payload, created_at, created_by) VALUES (?,?,?,?,1,?,0,'{}',?,1)")) {
                    ps.setString(1, type);
                    ps.setString(2, ref);
                    ps.setLong(3, id);
                    ps.setString(4, type.equals("insight") ? ref : null);
                    ps.setString(5, name);
                    ps.setString(6, Timestamps.now());
                    ps.executeUpdate();
                }
                return null;
            });
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Every stored row's path, sorted: a snapshot to compare before and after. */
    public List<String> storedPaths() {
        try {
            return server.database().read(c -> {
                List<String> out = new ArrayList<>();
                try (var ps = c.prepareStatement("SELECT path || '|' || type || '|' || coalesce(ref, '') || '|'"
                        + " || coalesce(shortcut, 'null') || '|' || meta FROM file_system ORDER BY id");
                        var rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(rs.getString(1));
                    }
                }
                return out;
            });
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A whole-store fingerprint (tree rows, objects, stars, view log) for "nothing changed" checks. */
    public String fingerprint() {
        try {
            return server.database().read(c -> {
                StringBuilder sb = new StringBuilder();
                for (String sql : List.of(
                        "SELECT id, path, type, ref, href, shortcut, meta, depth FROM file_system ORDER BY id",
                        "SELECT type, ref, deleted, name FROM objects ORDER BY type, ref",
                        "SELECT id, path, type, ref, ord FROM stars ORDER BY id",
                        "SELECT type, ref, viewed_at FROM view_log ORDER BY type, ref")) {
                    try (var ps = c.prepareStatement(sql); var rs = ps.executeQuery()) {
                        int n = rs.getMetaData().getColumnCount();
                        while (rs.next()) {
                            for (int i = 1; i <= n; i++) {
                                sb.append(rs.getString(i)).append('\u0001');
                            }
                            sb.append('\n');
                        }
                    }
                }
                return sb.toString();
            });
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        server.close();
    }
}
