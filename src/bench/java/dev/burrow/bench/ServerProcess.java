package dev.burrow.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A local Burrow server in its own JVM ({@code burrow serve}), so that its heap and threads
 * stay out of the client's measurements. Data folders are kept under {@code target/bench-data}
 * and reused: seeding a million rows is done once.
 */
final class ServerProcess implements AutoCloseable {

    static final String KEY = "bench-key";
    private static final Pattern LISTENING = Pattern.compile("listening on (http://\\S+)");

    private final Process process;
    private final String baseUrl;
    private final Path dataDir;

    private ServerProcess(Process process, String baseUrl, Path dataDir) {
        this.process = process;
        this.baseUrl = baseUrl;
        this.dataDir = dataDir;
    }

    static Path dataDir(Path root, long seed) {
        return root.resolve("target/bench-data/seed-" + seed);
    }

    static ServerProcess start(Path root, long seed) throws IOException, InterruptedException {
        Path data = dataDir(root, seed);
        Files.createDirectories(data);
        Path log = data.resolve("server.log");
        List<String> cmd = new ArrayList<>(List.of(BenchMain.javaBin(), "-Xmx2g", "-Dsun.net.httpserver.nodelay=true",
                "-cp", System.getProperty("java.class.path"), "dev.burrow.Main", "serve", "--port", "0",
                "--data", data.toString(), "--api-key", KEY, "--seed", Long.toString(seed)));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(20);
        while (System.nanoTime() < deadline) {
            String text = Files.exists(log) ? Files.readString(log) : "";
            Matcher m = LISTENING.matcher(text);
            if (m.find()) {
                return new ServerProcess(p, m.group(1), data);
            }
            if (!p.isAlive()) {
                throw new IOException("the server exited (" + p.exitValue() + "): " + text);
            }
            Thread.sleep(50);
        }
        p.destroyForcibly();
        throw new IOException("the server did not start within 20 minutes");
    }

    String baseUrl() {
        return baseUrl;
    }

    Path dataDir() {
        return dataDir;
    }

    Path database() {
        return dataDir.resolve("burrow.sqlite");
    }

    String api(String rest) {
        return baseUrl + "/api/environments/1/" + rest;
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                process.waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
