package dev.burrow.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.burrow.cli.CliSupport.Result;
import dev.burrow.settings.ConnectionProfile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Shell completion: the scripts, and {@code burrow __complete} answering from cached listings of
 * one folder against a real server (and, for bash, the script itself run in bash).
 */
class CliCompletionTest {

    private static final String WORDBREAKS = "\"'><=;|&(:";

    @TempDir
    Path dir;
    CliSupport s;
    String before;

    @BeforeEach
    void start() throws Exception {
        s = new CliSupport(dir.resolve("data"));
        before = System.getProperty(Cli.CACHE_DIR_PROPERTY);
        System.setProperty(Cli.CACHE_DIR_PROPERTY, dir.resolve("cache").toString());
    }

    @AfterEach
    void stop() {
        if (before == null) {
            System.clearProperty(Cli.CACHE_DIR_PROPERTY);
        } else {
            System.setProperty(Cli.CACHE_DIR_PROPERTY, before);
        }
        s.close();
    }

    private String connection() {
        return " --host " + s.server.baseUrl() + " --api-key " + CliSupport.KEY + " --environment 1 ";
    }

    private List<String> complete(String what, String shell, String line) {
        Result r = CliSupport.runWith(Map.of(), Cli.COMPLETE, what, "--shell", shell, "--wordbreaks", WORDBREAKS,
                "--line", line);
        assertEquals(0, r.code(), r::toString);
        return r.out().lines().toList();
    }

    @Test
    void pathsAreTheChildrenOfTheTypedFolderQuotedForTheShell() {
        assertEquals(List.of("Marketing/"), complete("paths", "bash", "burrow ls" + connection() + "Mark"));
        assertEquals(List.of("Marketing/Campaigns/2026/Q1\\ \\\\/\\ Q2/"),
                complete("paths", "bash", "burrow rm -r" + connection() + "Marketing/Campaigns/2026/Q"));
        assertEquals(List.of("Marketing/Campaigns/2026/Q1 \\/ Q2/"),
                complete("paths", "bash", "burrow mv" + connection() + "'Marketing/Campaigns/2026/Q"));
        assertEquals(List.of("Marketing/Campaigns/2026/Q1 \\/ Q2/"),
                complete("paths", "zsh", "burrow count" + connection() + "Marketing/Campaigns/2026/Q"));
        // inside a name written with \/: the name's own children
        List<String> inside = complete("paths", "zsh",
                "burrow ls" + connection() + "Marketing/Campaigns/2026/Q1\\ \\\\/\\ Q2/");
        assertTrue(inside.contains("Marketing/Campaigns/2026/Q1 \\/ Q2/Café signups"), inside::toString);
        // the case is forgiven when nothing matches as typed
        assertEquals(List.of("Marketing/"), complete("paths", "zsh", "burrow ls" + connection() + "mark"));
        assertEquals(List.of(), complete("paths", "bash", "burrow ls" + connection() + "Nowhere/x"));
    }

    @Test
    void aFolderIsListedOnceThenAnsweredFromTheCacheUntilACommandChangesPaths() {
        String line = "burrow ls" + connection() + "Sandbox/";
        assertEquals(List.of(), complete("paths", "bash", line));
        s.client.fileSystem().create(dev.burrow.client.EntryFields.folder("Sandbox/Made elsewhere"));
        assertEquals(List.of(), complete("paths", "bash", line), "answered from the cached listing");
        // a command that changes paths on this connection forgets its listings
        Result made = s.run("mkdir", "-p", "Sandbox/Made here");
        assertEquals(0, made.code(), made::toString);
        assertEquals(List.of("Sandbox/Made\\ elsewhere/", "Sandbox/Made\\ here/"), complete("paths", "bash", line));
    }

    @Test
    void aListingIsFetchedAgainOnceItIsNoLongerFresh() {
        AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2026-12-01T10:00:00Z"));
        PathCompletion cache = new PathCompletion(dir.resolve("listings"), now::get);
        AtomicInteger fetched = new AtomicInteger();
        java.util.function.Function<String, List<PathCompletion.Child>> fetch = folder -> {
            fetched.incrementAndGet();
            return List.of(new PathCompletion.Child("n" + fetched.get(), false));
        };
        assertEquals("n1", cache.children("c", "A", fetch).get(0).name());
        now.set(now.get().plus(PathCompletion.FRESH.minus(Duration.ofSeconds(1))));
        assertEquals("n1", cache.children("c", "A", fetch).get(0).name());
        assertEquals(1, fetched.get());
        now.set(now.get().plus(Duration.ofSeconds(2)));
        assertEquals("n2", cache.children("c", "A", fetch).get(0).name());
        // another connection's listing of the same folder is its own
        assertEquals("n3", cache.children("other", "A", fetch).get(0).name());
        cache.forget("c");
        assertEquals("n4", cache.children("c", "A", fetch).get(0).name());
    }

    @Test
    void profileNamesAreCompletedAndTheScriptsArePrinted() {
        Path config = dir.resolve("config");
        CliSupport.connections(config).save(null, ConnectionProfile.postHogEu("EU prod", 2, null), null);
        String flag = " --config-dir " + config + " ";
        assertEquals(List.of("EU\\ prod"), complete("profiles", "bash", "burrow ls" + flag + "--profile E"));
        assertEquals(List.of("Local workspace"), complete("profiles", "zsh", "burrow ls" + flag + "--profile L"));
        assertEquals(List.of("EU\\ prod"), complete("profiles", "bash", "burrow ls" + flag + "--profile=E"));

        Result bash = CliSupport.runWith(Map.of(), "completion", "bash");
        assertEquals(0, bash.code());
        assertTrue(bash.out().contains("complete -F _burrow burrow"), bash::toString);
        Result zsh = CliSupport.runWith(Map.of(), "completion", "zsh");
        assertTrue(zsh.out().startsWith("#compdef burrow"), zsh::toString);
        Result fish = CliSupport.runWith(Map.of(), "completion", "fish");
        assertEquals(2, fish.code());
        assertEquals("burrow: usage: burrow completion bash|zsh (not 'fish')\n", fish.err());
    }

    /** A {@code burrow} for the shell: this test's class path, connection and cache. */
    private Path launcher() throws Exception {
        Path bin = dir.resolve("bin");
        Files.createDirectories(bin);
        Path burrow = bin.resolve("burrow");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Files.writeString(burrow, "#!/bin/sh\n"
                + "export BURROW_HOST='" + s.server.baseUrl() + "' BURROW_API_KEY='" + CliSupport.KEY
                + "' BURROW_ENVIRONMENT=1\n"
                + "exec '" + java + "' -XX:TieredStopAtLevel=1 -cp '" + System.getProperty("java.class.path")
                + "' -D" + Cli.CACHE_DIR_PROPERTY + "='" + dir.resolve("cache") + "' -D" + Cli.CONFIG_DIR_PROPERTY
                + "='" + dir.resolve("config") + "' dev.burrow.Main \"$@\"\n", StandardCharsets.UTF_8);
        assertTrue(burrow.toFile().setExecutable(true));
        return burrow;
    }

    /** Runs a shell command; answers what it printed, once it ended well. */
    private static String shell(String... command) throws Exception {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        assertEquals(0, p.exitValue(), out);
        return out;
    }

    /** Runs the bash script's function as bash would on TAB, with the line typed so far. */
    private List<String> tab(Path burrow, Path script, String... typed) throws Exception {
        String line = String.join(" ", typed);
        StringBuilder words = new StringBuilder();
        for (int i = 0; i < typed.length; i++) {
            words.append(i == 0 ? "'" + burrow + "'" : "'" + typed[i].replace("'", "'\\''") + "'").append(' ');
        }
        String program = "source '" + script + "'\n"
                + "COMP_WORDS=(" + words + ")\nCOMP_CWORD=" + (typed.length - 1) + "\n"
                + "COMP_LINE='" + line.replace("'", "'\\''") + "'\nCOMP_POINT=${#COMP_LINE}\n"
                + "_burrow\nprintf '%s\\n' \"${COMPREPLY[@]}\"\n";
        List<String> lines = new ArrayList<>(shell("bash", "-c", program).lines().toList());
        lines.removeIf(String::isEmpty);
        return lines;
    }

    @Test
    void theBashScriptCompletesVerbsOptionsAndPaths() throws Exception {
        assumeTrue(Files.isExecutable(Path.of("/bin/bash")) || Files.isExecutable(Path.of("/usr/bin/bash")),
                "bash is not installed here");
        Path script = dir.resolve("burrow.bash");
        Files.writeString(script, CompletionCommand.script("bash"), StandardCharsets.UTF_8);
        Path burrow = launcher();
        assertEquals(List.of("ls", "link"), tab(burrow, script, "burrow", "l"));
        assertEquals(List.of("--recursive"), tab(burrow, script, "burrow", "rm", "--rec"));
        assertEquals(List.of("--dry-run"), tab(burrow, script, "burrow", "organise", "--dr"));
        assertEquals(List.of("csv"), tab(burrow, script, "burrow", "export", "--format", "c"));
        assertEquals(List.of("on", "off"), tab(burrow, script, "burrow", "shortcut", ""));
        assertEquals(List.of("Marketing/Campaigns/2026/Q1\\ \\\\/\\ Q2/"),
                tab(burrow, script, "burrow", "ls", "Marketing/Campaigns/2026/Q"));
        assertEquals(List.of("Product/"), tab(burrow, script, "burrow", "mv", "Marketing/SEO", "Prod"));
        assertEquals(List.of("Local\\ workspace"), tab(burrow, script, "burrow", "ls", "--profile", "Lo"));
        assertFalse(tab(burrow, script, "burrow", "find", "Mark").contains("Marketing/"), "find takes a query");
    }

    @Test
    void theZshScriptParses() throws Exception {
        assumeTrue(Files.isExecutable(Path.of("/bin/zsh")) || Files.isExecutable(Path.of("/usr/bin/zsh")),
                "zsh is not installed here");
        Path script = dir.resolve("_burrow");
        Files.writeString(script, CompletionCommand.script("zsh"), StandardCharsets.UTF_8);
        shell("zsh", "-n", script.toString());
    }
}
