package dev.burrow.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import dev.burrow.cli.Cli;
import dev.burrow.server.ApiKey;
import dev.burrow.server.LocalServer;
import dev.burrow.server.ServerConfig;
import dev.burrow.server.TestServer;
import dev.burrow.server.store.Timestamps;
import dev.burrow.settings.ConnectionProfile;
import dev.burrow.settings.Connections;
import dev.burrow.settings.FileSecretStore;
import dev.burrow.settings.Preferences;
import dev.burrow.settings.PreferencesStore;
import dev.burrow.settings.ProfileStore;
import dev.burrow.settings.Theme;
import dev.burrow.tree.MoveJournal;
import dev.burrow.tree.TaskRunner;
import dev.burrow.tree.TreeNode;
import dev.burrow.ui.MainViewModel;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.lang.reflect.Method;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermission;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;
import java.util.stream.Stream;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Secrets: a whole run with a known key — settings, the CLI, the window's view-model, failures of
 * every kind — then every log line, output, preference file, data file and temporary file is
 * searched for the key, which may live only in the secret store. Also: redirects never carry the
 * key, TLS can't be switched off, and the local server binds loopback and refuses bad keys.
 */
class SecretLeakTest {

    private static final String KEY = "phx_TESTSECRET_" + randomTail();

    @TempDir
    Path config;
    @TempDir
    Path data;
    @TempDir
    Path out;

    private final List<String> captured = Collections.synchronizedList(new ArrayList<>());
    private final ByteArrayOutputStream console = new ByteArrayOutputStream();
    private PrintStream savedOut;
    private PrintStream savedErr;
    private Level savedLevel;
    private Handler handler;
    private Instant start;

    @BeforeEach
    void capture() {
        start = Instant.now().minusSeconds(2);
        Logger root = Logger.getLogger("");
        savedLevel = root.getLevel();
        SimpleFormatter format = new SimpleFormatter();
        handler = new Handler() {
            @Override
            public void publish(LogRecord r) {
                captured.add(format.format(r)); // message, parameters and the stack trace
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        handler.setLevel(Level.ALL);
        root.addHandler(handler);
        root.setLevel(Level.ALL);
        savedOut = System.out;
        savedErr = System.err;
        PrintStream both = new PrintStream(console, true, StandardCharsets.UTF_8);
        System.setOut(both);
        System.setErr(both);
    }

    @AfterEach
    void release() {
        System.setOut(savedOut);
        System.setErr(savedErr);
        Logger root = Logger.getLogger("");
        root.removeHandler(handler);
        root.setLevel(savedLevel);
    }

    @Test
    void aWholeRunLeavesTheKeyOnlyInTheSecretStore() throws Exception {
        LocalServer server = LocalServer.start(new ServerConfig("127.0.0.1", 0, data, List.of(new ApiKey(KEY, Set.of())),
                "demo", false, 1));
        List<String> texts = new ArrayList<>();
        try (server; FaultProxy proxy = new FaultProxy(server.baseUrl())) {
            server.database().write(c -> {
                try (var ps = c.prepareStatement("INSERT INTO objects(type, ref, id, short_id, team, name, deleted, payload,"
                        + " created_at, created_by) VALUES ('insight','leak-77',77,'leak77',1,'leak test',0,?,?,1)")) {
                    ps.setString(1, "{\"result\":[{\"label\":\"a\",\"labels\":[\"x\"],\"data\":[1],\"count\":1}],"
                            + "\"display\":\"ActionsLineGraph\",\"insight_type\":\"TRENDS\"}");
                    ps.setString(2, Timestamps.now());
                    ps.executeUpdate();
                }
                return null;
            });

            // Settings: a saved connection with the key, and preferences.
            Connections connections = new Connections(new ProfileStore(config), new FileSecretStore(config));
            ConnectionProfile saved = connections.save(null, ConnectionProfile.selfHosted("Leak test", server.baseUrl(), 1,
                    null, true), KEY);
            connections.activate("Leak test");
            new PreferencesStore(config).save(Preferences.defaults().withTheme(Theme.DARK)
                    .withLastExportFolder(out.toString()));
            assertEquals(KEY, connections.apiKey(saved).orElseThrow(), "the key was stored");
            texts.add(connections.toString());
            texts.add(saved.toString());
            texts.add(connections.profiles().toString());

            // The command line: every verb, by environment, by flag and by saved profile, and its failures.
            Map<String, String> env = Map.of("BURROW_HOST", server.baseUrl(), "BURROW_API_KEY", KEY,
                    "BURROW_ENVIRONMENT", "1");
            texts.add(cli(env, "mkdir", "Leak/Inner"));
            texts.add(cli(env, "ls", "", "-R", "--json"));
            texts.add(cli(env, "find", "Leak"));
            texts.add(cli(env, "mv", "Leak/Inner", "Leak/Moved"));
            texts.add(cli(env, "link", "Leak/Moved", "Leak/Linked"));
            texts.add(cli(env, "shortcut", "on", "Leak/Moved"));
            texts.add(cli(env, "count", "Leak", "--json"));
            texts.add(cli(env, "export", "--insight", "77", "--format", "csv", "-o", out.toString(), "--json"));
            texts.add(cli(env, "exports"));
            texts.add(cli(env, "rm", "-r", "Leak"));
            texts.add(cli(Map.of(), "ls", "--profile", "Leak test", "--config-dir", config.toString()));
            texts.add(cli(Map.of(), "ls", "--host", server.baseUrl(), "--api-key", KEY, "--environment", "1"));
            texts.add(cli(env, "rm", "No/Such/Path"));
            texts.add(cli(env, "export", "--insight", "999999", "--format", "csv", "-o", out.toString()));
            texts.add(cli(Map.of("BURROW_HOST", "http://127.0.0.1:" + closedPort(), "BURROW_API_KEY", KEY,
                    "BURROW_ENVIRONMENT", "1"), "ls"));
            proxy.then(new FaultProxy.Answer(500, "text/html", "<title>boom</title>"),
                    new FaultProxy.Answer(401, "application/json", "{\"detail\":\"Invalid key\"}"));
            Map<String, String> viaProxy = Map.of("BURROW_HOST", proxy.baseUrl(), "BURROW_API_KEY", KEY,
                    "BURROW_ENVIRONMENT", "1");
            texts.add(cli(viaProxy, "ls"));
            texts.add(cli(viaProxy, "ls"));

            // The window's view-model, headless: connect, load, edit, undo, search, and a failure.
            MainViewModel vm = new MainViewModel(TaskRunner.sameThread(), MoveJournal.Store.inMemory());
            MainViewModel.Target target = new MainViewModel.Target("Leak test", server.baseUrl(), KEY, 1, false);
            vm.connect(target);
            vm.tree().edits().newFolder();
            texts.add(vm.statusProperty().get());
            vm.tree().edits().refresh();
            vm.tree().search("leak");
            assertTrue(vm.session().index().size() > 0, "the view-model loaded the tree: " + vm.statusProperty().get());
            TreeNode first = vm.session().index().children("").stream().findFirst().orElse(null);
            if (first != null) {
                vm.tree().edits().rename(first, "Renamed by leak test");
                texts.add(vm.statusProperty().get());
                vm.tree().edits().undo();
            }
            texts.add(target.toString());
            texts.add(vm.statusProperty().get());
            texts.add(String.valueOf(vm.lastErrorProperty().get()));
            texts.add(vm.connectionLabelProperty().get());
            proxy.onlyFor("/file_system/");
            for (int i = 0; i < 20; i++) {
                proxy.then(new FaultProxy.Answer(500, "application/json", "{\"detail\":\"broken\"}"));
            }
            MainViewModel.Target broken = new MainViewModel.Target("Broken", proxy.baseUrl(), KEY, 1, false);
            vm.connect(broken);
            assertTrue(String.valueOf(vm.lastErrorProperty().get()).contains("(500)"), vm.lastErrorProperty().get());
            texts.add(String.valueOf(vm.lastErrorProperty().get()));
            texts.add(vm.statusProperty().get());
            texts.add(vm.exports().messageProperty().get());
            vm.close();
            proxy.onlyFor(null).clear();

            // The client directly: every kind of failure, with its message, toString and stack trace.
            RetryPolicy once = RetryPolicy.none();
            try (PostHogClient client = PostHogClient.builder(proxy.baseUrl(), KEY, 1).retry(once)
                    .requestTimeout(Duration.ofMillis(300)).rateBudget(RateBudget.unlimited()).build()) {
                texts.add(client.toString());
                texts.add(PostHogClient.builder(proxy.baseUrl(), KEY, 1).toString());
                List<FaultProxy.Fault> faults = List.of(new FaultProxy.Throttle(500, null),
                        new FaultProxy.Answer(403, "application/json", "{\"detail\":\"API key missing required scope"
                                + " 'file_system:write'\"}"),
                        new FaultProxy.Answer(404, "application/json", "{\"detail\":\"Not found.\"}"),
                        new FaultProxy.Answer(400, "application/json", "{\"path\":[\"This field is required.\"]}"),
                        new FaultProxy.Answer(409, "application/json", "{\"detail\":\"Folder is not empty.\"}"),
                        new FaultProxy.Answer(418, "text/plain", "teapot"),
                        new FaultProxy.Answer(503, "text/html", "<title>down</title>"),
                        new FaultProxy.ResetBefore(), new FaultProxy.ResetMidBody(), new FaultProxy.TruncatedUpstream(),
                        new FaultProxy.Slow(Duration.ofMillis(600)));
                for (FaultProxy.Fault f : faults) {
                    proxy.then(f);
                    ApiException e = assertThrows(ApiException.class, () -> client.fileSystem().create(
                            EntryFields.of("Leak/" + f.getClass().getSimpleName(), "folder")));
                    texts.add(e.getMessage());
                    texts.add(e.toString());
                    texts.add(String.valueOf(e.body()));
                    StringWriter trace = new StringWriter();
                    e.printStackTrace(new PrintWriter(trace));
                    texts.add(trace.toString());
                    System.err.println(trace); // as an uncaught exception would be reported
                }
                proxy.awaitIdle(Duration.ofSeconds(5));
            }
            texts.add(server.toString());
            texts.add(server.config().toString());
        }

        // The secret store holds the key, owner-only; nothing else anywhere does.
        Path secretFile = config.resolve(FileSecretStore.FILE_NAME);
        assertTrue(Files.readString(secretFile).contains(KEY), "the scan would find the key");
        if (Files.getFileAttributeView(secretFile, java.nio.file.attribute.PosixFileAttributeView.class) != null) {
            assertEquals(EnumSet.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE),
                    Files.getPosixFilePermissions(secretFile), "the secret file is 0600");
        }
        assertFalse(captured.isEmpty(), "the log handler saw the run");
        List<String> leaks = new ArrayList<>();
        scanTexts("text", texts, leaks);
        scanTexts("log", captured, leaks);
        scanTexts("console", List.of(console.toString(StandardCharsets.UTF_8)), leaks);
        List<Path> scanned = new ArrayList<>();
        for (Path root : List.of(config, data, out)) {
            scanFiles(root, Integer.MAX_VALUE, Instant.EPOCH, p -> !p.equals(secretFile), leaks, scanned);
        }
        // Temporary files and crash reports made during the run (hs_err files land in the working directory).
        scanFiles(Path.of(System.getProperty("java.io.tmpdir")), 3, start, p -> !p.equals(secretFile), leaks, scanned);
        scanFiles(Path.of("").toAbsolutePath(), 1, start, p -> p.getFileName().toString().startsWith("hs_err"), leaks,
                scanned);
        assertTrue(scanned.stream().anyMatch(p -> p.toString().endsWith("profiles.json")), "scanned: " + scanned);
        assertTrue(scanned.stream().anyMatch(p -> p.toString().endsWith(PreferencesStore.FILE_NAME)));
        assertTrue(scanned.stream().anyMatch(p -> p.toString().endsWith(".csv")), "the export was saved: " + scanned);
        assertEquals(List.of(), leaks, "the key leaked");
    }

    @Test
    void redirectsNeverCarryTheKey(@TempDir Path folder) throws Exception {
        try (TestServer server = TestServer.start(); FaultProxy api = new FaultProxy(server.server().baseUrl());
                FaultProxy elsewhere = new FaultProxy(server.server().baseUrl())) {
            server.row("Docs", "folder");
            try (PostHogClient client = PostHogClient.builder(api.baseUrl(), TestServer.KEY, 1)
                    .rateBudget(RateBudget.unlimited()).retry(RetryPolicy.none()).downloadRetry(RetryPolicy.none())
                    .sleeper(d -> { }).build()) {
                // An API answer that redirects is not followed: the key stays with the server it was given to.
                api.then(new FaultProxy.Redirect(elsewhere.baseUrl() + "/api/environments/1/file_system/"));
                ApiException e = assertThrows(ApiException.Unexpected.class,
                        () -> client.fileSystem().list(FileSystemQuery.all()));
                assertEquals(302, e.status());
                assertTrue(e.getMessage().contains("redirected GET file_system/ to " + elsewhere.baseUrl() + " (302)")
                        && e.getMessage().contains("does not follow redirects"), e.getMessage());
                assertFalse(e.getMessage().contains(TestServer.KEY));
                assertEquals(0, elsewhere.seen.size(), "the redirect was not followed");
                // A download's redirect is followed, to storage, without the key.
                server.sql("INSERT INTO objects(type, ref, id, short_id, team, name, deleted, payload, created_at,"
                        + " created_by) VALUES ('insight','r-7',7,'s7',1,'r',0,?,?,1)",
                        "{\"result\":[{\"label\":\"a\",\"labels\":[\"x\"],\"data\":[1],\"count\":1}]}", Timestamps.now());
                long id = client.exports().create(NewExport.insight(7, NewExport.CSV)).id();
                assertInstanceOf(DownloadOutcome.Saved.class, client.exports().download(id, folder, DownloadOptions.defaults()));
                List<FaultProxy.Seen> storage = api.seen.stream().filter(s -> s.target().startsWith("/_storage/")).toList();
                assertEquals(1, storage.size());
                assertEquals(null, storage.get(0).header("Authorization"), "storage never gets the key");
                // A redirect to another host, as a hostile server might send: followed without the key.
                api.then(new FaultProxy.Redirect(elsewhere.baseUrl() + storage.get(0).target()));
                Path second = Files.createDirectories(folder.resolve("again"));
                assertInstanceOf(DownloadOutcome.Saved.class, client.exports().download(id, second, DownloadOptions.defaults()));
                assertEquals(1, elsewhere.seen.size());
                assertEquals(null, elsewhere.seen.get(0).header("Authorization"));
                // And never to anything but http(s).
                api.then(new FaultProxy.Redirect("file:///etc/passwd"));
                ApiException bad = assertThrows(ApiException.BadResponse.class,
                        () -> client.exports().download(id, second, DownloadOptions.defaults()));
                assertTrue(bad.getMessage().contains("not http(s)"), bad.getMessage());
            }
        }
    }

    @Test
    void theClientHasNoWayToSwitchTlsChecksOff() throws IOException {
        for (Method m : PostHogClient.Builder.class.getMethods()) {
            String name = m.getName().toLowerCase(java.util.Locale.ROOT);
            for (String word : List.of("trust", "insecure", "ssl", "tls", "verify", "hostname", "certificate")) {
                assertFalse(name.contains(word), "the builder has " + m);
            }
        }
        List<String> found = new ArrayList<>();
        try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
            for (Path p : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                String text = Files.readString(p);
                for (String risky : List.of("TrustManager", "HostnameVerifier", "disableHostnameVerification",
                        "SSLContext", "trustAll", "X509Certificate")) {
                    if (text.contains(risky)) {
                        found.add(p + ": " + risky);
                    }
                }
            }
        }
        assertEquals(List.of(), found, "main code that could weaken TLS");
    }

    @Test
    void aSelfSignedServerIsRefusedWithAClearMessage(@TempDir Path dir) throws Exception {
        Path keystore = dir.resolve("self.p12");
        Process keytool = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
                "-genkeypair", "-alias", "self", "-keyalg", "EC", "-groupname", "secp256r1", "-dname", "CN=127.0.0.1",
                "-ext", "san=ip:127.0.0.1", "-validity", "2", "-storetype", "PKCS12", "-keystore", keystore.toString(),
                "-storepass", "changeit", "-keypass", "changeit").redirectErrorStream(true).start();
        String tool = new String(keytool.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, keytool.waitFor(), tool);
        KeyStore ks = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(keystore)) {
            ks.load(in, "changeit".toCharArray());
        }
        KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        kmf.init(ks, "changeit".toCharArray());
        SSLContext ctx = SSLContext.getInstance("TLS");
        ctx.init(kmf.getKeyManagers(), null, new SecureRandom());
        HttpsServer https = HttpsServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        https.setHttpsConfigurator(new HttpsConfigurator(ctx));
        AtomicInteger requests = new AtomicInteger();
        https.createContext("/", ex -> {
            requests.incrementAndGet();
            byte[] body = "{\"count\":0,\"next\":null,\"previous\":null,\"results\":[]}".getBytes(StandardCharsets.UTF_8);
            ex.sendResponseHeaders(200, body.length);
            ex.getResponseBody().write(body);
            ex.close();
        });
        https.start();
        String base = "https://127.0.0.1:" + https.getAddress().getPort();
        try (PostHogClient client = PostHogClient.builder(base, KEY, 1).rateBudget(RateBudget.unlimited())
                .sleeper(d -> { }).build()) {
            ApiException.Network e = assertThrows(ApiException.Network.class,
                    () -> client.fileSystem().list(FileSystemQuery.all()));
            String m = e.getMessage();
            assertTrue(m.contains(base) && m.contains("certificate") && m.contains("not trusted"), m);
            assertFalse(m.contains("Check your network"), m);
            assertFalse(m.contains(KEY));
            assertEquals(0, requests.get(), "no request, so no key, reached the server");
        } finally {
            https.stop(0);
        }
    }

    @Test
    void theLocalServerBindsLoopbackAndRefusesMissingAndWrongKeys() throws Exception {
        try (LocalServer server = LocalServer.start(ServerConfig.local(data, new ApiKey(KEY, Set.of())).withSeed("empty"))) {
            URI base = URI.create(server.baseUrl());
            assertTrue(InetAddress.getByName(base.getHost()).isLoopbackAddress(), base.toString());
            for (InetAddress other : nonLoopbackAddresses()) {
                try (Socket s = new Socket()) {
                    assertThrows(IOException.class, () -> s.connect(new InetSocketAddress(other, server.port()), 500),
                            "reachable on " + other);
                }
            }
            HttpClient http = HttpClient.newHttpClient();
            String url = server.baseUrl() + "/api/environments/1/file_system/";
            Map<String, String> cases = new HashMap<>();
            cases.put(null, "Authentication credentials were not provided.");
            cases.put("Bearer phx_wrong_" + KEY.substring(15), "Personal API key found in request Authorization header is invalid.");
            cases.put("Bearer " + KEY.substring(0, KEY.length() - 1), "Personal API key found in request Authorization header is invalid.");
            cases.put("Token " + KEY + "x", "Personal API key found in request Authorization header is invalid.");
            for (Map.Entry<String, String> c : cases.entrySet()) {
                HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url));
                if (c.getKey() != null) {
                    b.header("Authorization", c.getKey());
                }
                HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
                assertEquals(401, r.statusCode(), String.valueOf(c.getKey()));
                assertTrue(r.body().contains(c.getValue()), r.body());
                assertFalse(r.body().contains("phx_"), "the refusal does not echo the key: " + r.body());
            }
            HttpResponse<String> ok = http.send(HttpRequest.newBuilder(URI.create(url)).header("Authorization",
                    "Bearer " + KEY).build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(200, ok.statusCode());
        }
    }

    // ---- helpers ---------------------------------------------------------------------------------

    private String cli(Map<String, String> env, String verb, String... rest) {
        ByteArrayOutputStream o = new ByteArrayOutputStream();
        ByteArrayOutputStream e = new ByteArrayOutputStream();
        Map<String, String> all = new HashMap<>(env);
        int code = new Cli(all, dir -> new Connections(new ProfileStore(dir), new FileSecretStore(dir)), () -> {
            throw new IllegalStateException("this test gives every command a host");
        }).sleeper(d -> { })
                .run(verb, rest, new PrintStream(o, true, StandardCharsets.UTF_8), new PrintStream(e, true, StandardCharsets.UTF_8));
        return "exit " + code + "\n" + o.toString(StandardCharsets.UTF_8) + e.toString(StandardCharsets.UTF_8);
    }

    private static void scanTexts(String where, List<String> texts, List<String> leaks) {
        synchronized (texts) {
            for (String t : texts) {
                if (t != null && t.contains(KEY)) {
                    leaks.add(where + ": " + t);
                }
            }
        }
    }

    private static void scanFiles(Path root, int depth, Instant since, java.util.function.Predicate<Path> which,
            List<String> leaks, List<Path> scanned) throws IOException {
        byte[] needle = KEY.getBytes(StandardCharsets.UTF_8);
        try (Stream<Path> files = Files.walk(root, depth)) {
            for (Path p : (Iterable<Path>) files::iterator) {
                try {
                    if (!Files.isRegularFile(p) || !which.test(p) || Files.size(p) > 50_000_000
                            || Files.getLastModifiedTime(p).compareTo(FileTime.from(since)) < 0) {
                        continue;
                    }
                    byte[] bytes = Files.readAllBytes(p);
                    scanned.add(p);
                    if (indexOf(bytes, needle) >= 0) {
                        leaks.add("file: " + p);
                    }
                } catch (IOException | SecurityException e) {
                    // another user's or a vanished temporary file: not ours
                }
            }
        } catch (java.io.UncheckedIOException e) {
            // a folder vanished while walking the shared temporary folder
        }
    }

    private static int indexOf(byte[] hay, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= hay.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (hay[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    private static int closedPort() throws IOException {
        try (java.net.ServerSocket s = new java.net.ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    private static List<InetAddress> nonLoopbackAddresses() throws IOException {
        List<InetAddress> out = new ArrayList<>();
        for (NetworkInterface n : Collections.list(NetworkInterface.getNetworkInterfaces())) {
            for (InetAddress a : Collections.list(n.getInetAddresses())) {
                if (!a.isLoopbackAddress() && !a.isLinkLocalAddress() && a instanceof java.net.Inet4Address) {
                    out.add(a);
                }
            }
        }
        return out;
    }

    private static String randomTail() {
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
        SecureRandom r = new SecureRandom();
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 24; i++) {
            sb.append(alphabet.charAt(r.nextInt(alphabet.length())));
        }
        return sb.toString();
    }

    static {
        assertNotEquals(0, KEY.length());
    }
}
