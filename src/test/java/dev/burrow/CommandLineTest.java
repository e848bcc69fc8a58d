package dev.burrow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command line as a user runs it: help, version, and `serve` in a real child process. */
class CommandLineTest {

    private static final Pattern LISTENING = Pattern.compile("^listening on (http://127\\.0\\.0\\.1:\\d+)$");

    private static String run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int code = Main.run(args, new PrintStream(out, true, StandardCharsets.UTF_8), System.err);
        assertEquals(0, code);
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void helpAndVersionAnswer() {
        assertTrue(run("--help").contains("burrow serve"));
        assertTrue(run("--version").startsWith("burrow "));
        assertTrue(run("serve", "--help").contains("--api-key"));
    }

    @Test
    void badServeOptionsAreRefusedWithAClearMessage() {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = Main.run(new String[] {"serve", "--port", "abc"}, System.out,
                new PrintStream(err, true, StandardCharsets.UTF_8));
        assertEquals(2, code);
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("--port needs a number"));
        err.reset();
        code = Main.run(new String[] {"serve", "--api-key", "k=file_system:fly"}, System.out,
                new PrintStream(err, true, StandardCharsets.UTF_8));
        assertEquals(2, code);
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("unknown scope 'file_system:fly'"));
    }

    private static Process serve(Path data, String... extra) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), "dev.burrow.Main", "serve", "--port", "0",
                "--data", data.toString(), "--seed", "empty"));
        cmd.addAll(List.of(extra));
        return new ProcessBuilder(cmd).redirectErrorStream(true).start();
    }

    private static List<String> readUntilListening(Process p) throws Exception {
        BufferedReader in = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
        List<String> lines = new ArrayList<>();
        String line;
        while ((line = in.readLine()) != null) {
            lines.add(line);
            if (LISTENING.matcher(line).matches()) {
                return lines;
            }
        }
        throw new AssertionError("serve ended without a listening line: " + lines);
    }

    private static HttpResponse<String> send(String method, String url, String key, String body) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + key);
        b.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        return HttpClient.newHttpClient().send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void serveAnswersStopsCleanlyOnSigtermAndKeepsItsData(@TempDir Path data) throws Exception {
        Process p = serve(data, "--api-key", "k1");
        List<String> lines = readUntilListening(p);
        Matcher m = LISTENING.matcher(lines.get(lines.size() - 1));
        assertTrue(m.matches());
        String base = m.group(1) + "/api/environments/1/file_system/";
        assertEquals(201, send("POST", base, "k1", "{\"path\":\"Kept/Row\",\"type\":\"doc-file\"}").statusCode());
        p.destroy(); // SIGTERM
        assertTrue(p.waitFor(20, TimeUnit.SECONDS));
        assertEquals(0, p.exitValue());

        Process again = serve(data, "--api-key", "k1");
        List<String> second = readUntilListening(again);
        Matcher m2 = LISTENING.matcher(second.get(second.size() - 1));
        assertTrue(m2.matches());
        HttpResponse<String> list = send("GET", m2.group(1) + "/api/environments/1/file_system/?path=Kept/Row", "k1",
                null);
        assertTrue(list.body().contains("\"count\":1"), list.body());
        again.destroy();
        assertTrue(again.waitFor(20, TimeUnit.SECONDS));
        assertTrue(Files.exists(data.resolve("burrow.sqlite")));
    }

    @Test
    void withoutAKeyServePrintsAGeneratedOneFirst(@TempDir Path data) throws Exception {
        Process p = serve(data);
        List<String> lines = readUntilListening(p);
        String keyLine = lines.stream().filter(l -> l.startsWith("api key: ")).findFirst().orElseThrow();
        String key = keyLine.substring("api key: ".length());
        assertTrue(key.startsWith("phx_"));
        assertTrue(lines.indexOf(keyLine) < lines.size() - 1);
        Matcher m = LISTENING.matcher(lines.get(lines.size() - 1));
        assertTrue(m.matches());
        assertEquals(200, send("GET", m.group(1) + "/api/environments/1/file_system/", key, null).statusCode());
        assertEquals(401, send("GET", m.group(1) + "/api/environments/1/file_system/", "wrong", null).statusCode());
        p.destroy();
        assertTrue(p.waitFor(20, TimeUnit.SECONDS));
    }
}
