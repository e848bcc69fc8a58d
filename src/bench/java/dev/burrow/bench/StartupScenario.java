package dev.burrow.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Stream;

/**
 * #7 cold start to the first shown window: {@code java -jar target/burrow.jar} against a
 * minimal JavaFX window jar started the same way, both with the {@link StartProbe} agent, on
 * one Xvfb display. Each run is a new JVM; the first of each is a warm-up (JavaFX unpacks its
 * natives, Burrow creates its workspace).
 */
final class StartupScenario {

    static final int RUNS = 5;

    private StartupScenario() {
    }

    static List<Result> run(Path root, Path work) throws Exception {
        Path target = root.resolve("target");
        Path burrowJar = target.resolve("burrow.jar");
        Path image = findImage(target);
        if (!Files.exists(burrowJar)) {
            return List.of(Result.failed("7 cold start to the first window", "ratio ≤ 1.5", "target/burrow.jar missing"));
        }
        Path classes = target.resolve("test-classes");
        Path probe = jar(target.resolve("bench-probe.jar"), classes, "StartProbe",
                Map.of("Premain-Class", StartProbe.class.getName()));
        StringBuilder cp = new StringBuilder();
        try (Stream<Path> libs = Files.list(target.resolve("lib"))) {
            libs.map(p -> p.getFileName().toString()).filter(n -> n.startsWith("javafx-")).sorted()
                    .forEach(n -> cp.append("lib/").append(n).append(' '));
        }
        Path minimal = jar(target.resolve("bench-minimal.jar"), classes, "MinimalFx",
                Map.of("Main-Class", MinimalFx.class.getName(), "Class-Path", cp.toString().trim()));
        Path home = Files.createDirectories(work.resolve("start-home"));
        try (Xvfb x = Xvfb.start()) {
            List<String> burrowCmd = List.of(BenchMain.javaBin(), "-javaagent:" + probe, "-Dprism.order=sw",
                    "-Duser.home=" + home, "-jar", burrowJar.toString());
            List<String> minimalCmd = List.of(BenchMain.javaBin(), "-javaagent:" + probe, "-Dprism.order=sw",
                    "-Duser.home=" + home, "-jar", minimal.toString());
            time(burrowCmd, x, home);
            time(minimalCmd, x, home);
            List<Double> b = new ArrayList<>();
            List<Double> m = new ArrayList<>();
            for (int i = 0; i < RUNS; i++) {
                m.add(time(minimalCmd, x, home));
                b.add(time(burrowCmd, x, home));
            }
            String what = image == null
                    ? "measured on the jar: no packaged image (mvn -Pdist package) on this branch"
                    : "measured on the jar (the packaged image's start is measured by jlink/check-dist.sh)";
            return List.of(Result.of("7 cold start of the app to its first shown window", Stats.median(b),
                    Stats.median(m), "ms", "ratio ≤ 1.5 (vs a minimal JavaFX window started the same way)", 1.5, true,
                    what + "; java -jar under Xvfb, -Dprism.order=sw, WINDOW_SHOWN seen by a java agent; new JVM each"
                    + " run after one warm-up; Burrow " + b + " vs minimal " + m));
        }
    }

    private static Path findImage(Path target) {
        for (String p : new String[] {"dist", "image", "jpackage", "burrow"}) {
            if (Files.isDirectory(target.resolve(p))) {
                return target.resolve(p);
            }
        }
        return null;
    }

    private static double time(List<String> cmd, Xvfb x, Path home) throws Exception {
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
        pb.environment().put("DISPLAY", x.display());
        pb.environment().put("HOME", home.toString());
        pb.environment().put("XDG_DATA_HOME", home.resolve("data").toString());
        pb.environment().put("XDG_CONFIG_HOME", home.resolve("config").toString());
        pb.environment().remove("JAVA_TOOL_OPTIONS");
        long t0 = System.nanoTime();
        Process p = pb.start();
        StringBuilder seen = new StringBuilder();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream()))) {
            String line;
            while ((line = r.readLine()) != null) {
                if (line.contains("BENCH-SHOWN")) {
                    long nanos = System.nanoTime() - t0;
                    p.waitFor(10, TimeUnit.SECONDS);
                    return Stats.ms(nanos);
                }
                seen.append(line).append('\n');
            }
        } finally {
            p.destroyForcibly();
        }
        throw new IllegalStateException("no window shown by " + cmd + ":\n" + seen);
    }

    private static Path jar(Path out, Path classes, String simpleName, Map<String, String> attributes)
            throws IOException {
        Manifest mf = new Manifest();
        mf.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        attributes.forEach((k, v) -> mf.getMainAttributes().put(new Attributes.Name(k), v));
        Path dir = classes.resolve("dev/burrow/bench");
        try (JarOutputStream jar = new JarOutputStream(Files.newOutputStream(out), mf);
                Stream<Path> files = Files.list(dir)) {
            for (Path f : (Iterable<Path>) files::iterator) {
                String n = f.getFileName().toString();
                if (n.equals(simpleName + ".class") || n.startsWith(simpleName + "$")) {
                    jar.putNextEntry(new JarEntry("dev/burrow/bench/" + n));
                    jar.write(Files.readAllBytes(f));
                    jar.closeEntry();
                }
            }
        }
        return out;
    }

    /** One Xvfb display for every run, so both sides pay the same (nothing) for it. */
    static final class Xvfb implements AutoCloseable {
        private final Process process;
        private final String display;

        private Xvfb(Process process, String display) {
            this.process = process;
            this.display = display;
        }

        String display() {
            return display;
        }

        static Xvfb start() throws Exception {
            for (int n = 91; n < 120; n++) {
                if (Files.exists(Path.of("/tmp/.X11-unix/X" + n)) || Files.exists(Path.of("/tmp/.X" + n + "-lock"))) {
                    continue;
                }
                Process p = new ProcessBuilder("Xvfb", ":" + n, "-screen", "0", "1440x900x24", "-nolisten", "tcp")
                        .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
                for (int i = 0; i < 100 && p.isAlive(); i++) {
                    if (Files.exists(Path.of("/tmp/.X11-unix/X" + n))) {
                        return new Xvfb(p, ":" + n);
                    }
                    Thread.sleep(50);
                }
                p.destroyForcibly();
            }
            throw new IOException("Xvfb could not start (is the xvfb package installed?)");
        }

        @Override
        public void close() {
            process.destroy();
            try {
                process.waitFor(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

}
