package dev.burrow;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/**
 * A second process that runs the real command line again and again on the local workspace (each
 * command starts its own server, as {@code burrow mkdir …} does): {@code CliWrites PREFIX COUNT}
 * makes {@code PREFIX/t-i} for each i and renames every third one to {@code PREFIX/r-i}. Exits
 * with the first failing command's code.
 */
public final class CliWrites {

    private CliWrites() {
    }

    public static void main(String[] args) {
        String prefix = args[0];
        int count = Integer.parseInt(args[1]);
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        for (int i = 0; i < count; i++) {
            int code = Main.run(new String[] {"mkdir", prefix + "/t-" + i}, out, System.err);
            if (code == 0 && i % 3 == 0) {
                code = Main.run(new String[] {"mv", prefix + "/t-" + i, prefix + "/r-" + i}, out, System.err);
            }
            if (code != 0) {
                System.exit(code);
            }
        }
        System.exit(0);
    }

    /** The paths below PREFIX after a run of {@code count}. */
    static java.util.Set<String> expected(String prefix, int count) {
        java.util.Set<String> paths = new java.util.TreeSet<>();
        for (int i = 0; i < count; i++) {
            paths.add(prefix + (i % 3 == 0 ? "/r-" : "/t-") + i);
        }
        return paths;
    }
}
