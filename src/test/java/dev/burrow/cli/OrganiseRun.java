package dev.burrow.cli;

import dev.burrow.cli.CliSupport.Result;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Runs {@code burrow organise} in-process against one server, with its own configuration folder. */
final class OrganiseRun {

    private final String host;
    private final String key;
    private final Path configDir;

    OrganiseRun(String host, String key, Path configDir) {
        this.host = host;
        this.key = key;
        this.configDir = configDir;
    }

    /** {@code answer} is what a person types on stdin; null means stdin is not a terminal. */
    Result run(String answer, String... words) {
        List<String> all = new ArrayList<>(List.of(words));
        all.addAll(List.of("--host", host, "--api-key", key, "--environment", "1", "--config-dir",
                configDir.toString()));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        byte[] in = answer == null ? new byte[0] : answer.getBytes(StandardCharsets.UTF_8);
        int code = new Cli(Map.of(), CliSupport::connections, () -> {
            throw new IllegalStateException("every organise run here names its host");
        }).stdin(new ByteArrayInputStream(in), answer != null)
                .run("organise", all.toArray(String[]::new), new PrintStream(out, true, StandardCharsets.UTF_8),
                        new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Result(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    /** The flags of this connection, for a child process. */
    List<String> connection() {
        return List.of("--host", host, "--api-key", key, "--environment", "1", "--config-dir", configDir.toString());
    }
}
