package dev.burrow.settings;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Pattern;

/** Runs a keychain tool: input on stdin (the only way a secret reaches it), a hard timeout, both outputs captured. */
final class Commands {

    static final Pattern REF = Pattern.compile("[A-Za-z0-9._-]{1,100}");

    record Result(int exit, String out, String err) {
        @Override
        public String toString() {
            return "Result[exit=" + exit + ", " + out.length() + " chars out, err=" + err.strip() + "]";
        }
    }

    /** Blocking pipe I/O gets its own daemon threads, never the common pool (it could starve the stdin writer). */
    private static final ExecutorService IO = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "burrow-keychain-io");
        t.setDaemon(true);
        return t;
    });

    private Commands() {
    }

    static String checkRef(String ref) {
        if (ref == null || !REF.matcher(ref).matches()) {
            throw new IllegalArgumentException("A secret ref may hold only letters, digits, '.', '_' and '-'");
        }
        return ref;
    }

    /**
     * @throws IOException the program could not be started (for example, it isn't installed)
     * @throws TimeoutException it didn't finish in time; it has been killed
     */
    static Result run(List<String> command, String stdin, Duration timeout)
            throws IOException, TimeoutException, InterruptedException {
        Process p = new ProcessBuilder(command).start();
        CompletableFuture<String> out = drain(p.getInputStream());
        CompletableFuture<String> err = drain(p.getErrorStream());
        CompletableFuture<Void> in = CompletableFuture.runAsync(() -> {
            try (OutputStream o = p.getOutputStream()) {
                if (stdin != null) {
                    o.write(stdin.getBytes(StandardCharsets.UTF_8));
                }
            } catch (IOException e) {
                // The program exited without reading; its exit code tells what happened.
            }
        }, IO);
        try {
            if (!p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new TimeoutException(command.get(0) + " did not answer within " + timeout.toMillis() + " ms");
            }
            in.get(1, TimeUnit.SECONDS);
            return new Result(p.exitValue(), out.get(1, TimeUnit.SECONDS), err.get(1, TimeUnit.SECONDS));
        } catch (ExecutionException e) {
            throw new IOException("Could not talk to " + command.get(0), e.getCause());
        } finally {
            if (p.isAlive()) {
                p.descendants().forEach(ProcessHandle::destroyForcibly);
                p.destroyForcibly();
            }
        }
    }

    private static CompletableFuture<String> drain(InputStream stream) {
        return CompletableFuture.supplyAsync(() -> {
            try (InputStream s = stream) {
                return new String(s.readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }, IO);
    }

    /** Drops one trailing line break, which some tools add after a secret. */
    static String chompLine(String s) {
        if (s.endsWith("\r\n")) {
            return s.substring(0, s.length() - 2);
        }
        return s.endsWith("\n") ? s.substring(0, s.length() - 1) : s;
    }
}
