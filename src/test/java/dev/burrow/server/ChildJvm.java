package dev.burrow.server;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Starts a main class of the test class path in a child JVM, for tests that kill it with SIGKILL. */
public final class ChildJvm {

    private ChildJvm() {
    }

    public static String javaBinary() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    /** The test class path as surefire gave it to this JVM. */
    public static String testClassPath() {
        String cp = System.getProperty("surefire.test.class.path");
        return cp != null && !cp.isBlank() ? cp : System.getProperty("java.class.path");
    }

    /** Starts {@code mainClass args…}; stderr goes to this JVM's, stdout is the caller's to read. */
    public static Process start(String mainClass, String... args) throws java.io.IOException {
        List<String> cmd = new ArrayList<>(List.of(javaBinary(), "-cp", testClassPath(), "-XX:TieredStopAtLevel=1",
                "-Djava.awt.headless=true", mainClass));
        cmd.addAll(List.of(args));
        return new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.INHERIT).start();
    }
}
