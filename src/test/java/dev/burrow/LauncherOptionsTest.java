package dev.burrow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packaged app's JVM options (jlink {@code --add-options}, which the bench's window scenario
 * uses too) hold what keeps the window smooth while a large index loads, and this JVM takes them
 * as meant: a heap floor of 128 MB under the 192 MB cap, G1 sized for short pauses, no marking
 * started by class loading, remarks without class unloading, a young generation that keeps
 * collections few, no periodic safepoint, and Java priorities mapped to the system's, the lowest
 * (the background threads') to the system's lowest.
 */
class LauncherOptionsTest {

    static List<String> launcherOptions() throws Exception {
        for (String line : Files.readAllLines(Path.of("jlink/jlink.args"))) {
            String l = line.strip();
            if (l.startsWith("--add-options=")) {
                return Arrays.asList(l.substring("--add-options=".length()).replace("\"", "").trim().split("\\s+"));
            }
        }
        throw new AssertionError("jlink/jlink.args has no --add-options line");
    }

    @Test
    void theImageCarriesTheOptionsForASmoothIndexLoad() throws Exception {
        List<String> options = launcherOptions();
        for (String wanted : List.of("-Xms128m", "-Xmx192m", "-XX:MetaspaceSize=64m", "-XX:MaxGCPauseMillis=10",
                "-XX:ThreadPriorityPolicy=1", "-XX:JavaPriority1_To_OSPriority=10",
                "-XX:-ClassUnloadingWithConcurrentMark",
                "-XX:+ExplicitGCInvokesConcurrent", "-XX:G1NewSizePercent=30",
                "-XX:GuaranteedSafepointInterval=0")) {
            assertTrue(options.contains(wanted), wanted + " in " + options);
        }
    }

    @Test
    void theJvmTakesThemAsMeant() throws Exception {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        for (String o : launcherOptions()) {
            if (!o.startsWith("--add-exports")) { // names a module this bare JVM does not load
                cmd.add(o);
            }
        }
        cmd.addAll(List.of("-XX:+PrintFlagsFinal", "-version"));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        assertEquals(0, p.exitValue(), out);
        Map<String, String> flags = new HashMap<>();
        for (String line : out.lines().toList()) {
            String[] f = line.trim().split("\\s+");
            if (f.length >= 4 && f[2].equals("=")) {
                flags.put(f[1], f[3]);
            }
        }
        assertEquals(Long.toString(128L << 20), flags.get("InitialHeapSize"));
        assertEquals(Long.toString(192L << 20), flags.get("MaxHeapSize"));
        assertEquals(Long.toString(64L << 20), flags.get("MetaspaceSize"));
        assertEquals("10", flags.get("MaxGCPauseMillis"));
        assertEquals("1", flags.get("ThreadPriorityPolicy"));
        assertEquals("10", flags.get("JavaPriority1_To_OSPriority"));
        assertEquals("false", flags.get("ClassUnloadingWithConcurrentMark"));
        assertEquals("true", flags.get("UseG1GC"));
        // fewer stops of every thread while the index loads: a young generation of at least 30 %
        // of the heap (fewer collections), and no periodic cleanup stop
        assertEquals("30", flags.get("G1NewSizePercent"));
        assertEquals("0", flags.get("GuaranteedSafepointInterval"));
        assertFalse(out.lines().anyMatch(l -> l.contains("VM warning")), out);
    }

    /** Prints the nice value the system gives a Thread.MIN_PRIORITY thread, and the main thread's. */
    private static final String NICENESS = """
            import java.nio.file.*;
            public class Niceness {
                public static void main(String[] a) throws Exception {
                    Thread t = new Thread(() -> {
                        try { Thread.sleep(60_000); } catch (InterruptedException e) { }
                    }, "burrow-lowest");
                    t.setDaemon(true);
                    t.setPriority(Thread.MIN_PRIORITY);
                    t.start();
                    Thread.sleep(200);
                    try (var tasks = Files.list(Path.of("/proc/self/task"))) {
                        for (Path task : tasks.toList()) {
                            String comm = Files.readString(task.resolve("comm")).strip();
                            String stat = Files.readString(task.resolve("stat"));
                            String nice = stat.substring(stat.lastIndexOf(')') + 2).split(" ")[16];
                            if (comm.equals("burrow-lowest") || comm.equals("java")) {
                                System.out.println(comm + "=" + nice);
                            }
                        }
                    }
                }
            }
            """;

    @Test
    void backgroundThreadsRunAtNiceTen(@TempDir Path dir) throws Exception {
        Assumptions.assumeTrue(Files.isDirectory(Path.of("/proc/self/task")), "Linux only");
        Path source = Files.writeString(dir.resolve("Niceness.java"), NICENESS);
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        for (String o : launcherOptions()) {
            if (!o.startsWith("--add-exports")) {
                cmd.add(o);
            }
        }
        cmd.add(source.toString());
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        assertEquals(0, p.exitValue(), out);
        // the FX thread's peers at Java's normal priority stay at nice 0; the background threads go to 10,
        // low enough to yield a core, not so low that one starves while a collection waits for it
        assertTrue(out.lines().anyMatch(l -> l.equals("burrow-lowest=10")), out);
        assertTrue(out.lines().anyMatch(l -> l.equals("java=0")), out);
    }
}
