package dev.burrow.cli;

import dev.burrow.settings.ConnectionProfile;
import dev.burrow.settings.ProfileStore;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * {@code burrow completion bash|zsh} prints the completion script; the scripts call the hidden
 * {@code burrow __complete profiles|paths --shell bash|zsh [--wordbreaks W] --line LINE}, which
 * completes the last word of LINE (the command line up to the cursor): a saved connection's name,
 * or a PostHog path of the connection the line names (its {@code --host}, {@code --profile}, …,
 * else the local workspace) from {@link PathCompletion}'s cached listings.
 */
final class CompletionCommand {

    /** Options of a completed line that choose the connection (the rest are ignored). */
    private static final Set<String> CONNECTION_OPTIONS = Set.of("--host", "--api-key", "--environment", "--profile",
            "--config-dir");

    private final PrintStream out;

    CompletionCommand(PrintStream out) {
        this.out = out;
    }

    static String script(String shell) {
        String name = switch (shell) {
            case "bash" -> "completion.bash";
            case "zsh" -> "completion.zsh";
            default -> throw CliException.usage("usage: burrow completion bash|zsh (not '" + shell + "')");
        };
        try (InputStream in = CompletionCommand.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("the " + shell + " completion script is missing from this build");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException("the " + shell + " completion script could not be read", e);
        }
    }

    /** {@code burrow completion bash|zsh}. */
    void print(Args a) {
        a.allow("completion");
        out.print(script(a.exactly(1, "burrow completion bash|zsh").get(0)));
    }

    /** What {@code __complete} was asked: what to complete, for which shell, on which line. */
    record Request(String what, String shell, String wordbreaks, String line) {

        static Request parse(String[] words) {
            if (words.length == 0) {
                throw CliException.usage("usage: burrow __complete profiles|paths --shell bash|zsh --line LINE");
            }
            String shell = "bash";
            String breaks = "";
            String line = "";
            for (int i = 1; i + 1 < words.length; i += 2) {
                switch (words[i]) {
                    case "--shell" -> shell = words[i + 1];
                    case "--wordbreaks" -> breaks = words[i + 1];
                    case "--line" -> line = words[i + 1];
                    default -> throw CliException.usage("unknown option '" + words[i] + "'");
                }
            }
            return new Request(words[0], shell, breaks, line);
        }
    }

    /**
     * Prints the completions of the request's last word, one per line, as the shell inserts
     * them. {@code profiles} reads the saved profiles; {@code paths} resolves the line's
     * connection and asks {@code childrenOf} (connection, folder) for a folder's children.
     */
    void complete(Request r, Function<Args, Path> configDir, Function<Args, Connection> connection,
            PathCompletion.Listings childrenOf) {
        List<ShellWords.Word> words = ShellWords.split(r.line());
        ShellWords.Word current = words.get(words.size() - 1);
        Args options = Args.parse(connectionOptions(words.subList(1, words.size() - 1)));
        // `--option=value`: the value is what is completed, the option stays in front of it
        String typed = current.value();
        int eq = typed.startsWith("--") ? typed.indexOf('=') : -1;
        String option = eq > 0 ? typed.substring(0, eq + 1) : "";
        typed = typed.substring(option.length());
        List<String> found = new ArrayList<>();
        switch (r.what()) {
            case "profiles" -> {
                for (ConnectionProfile p : new ProfileStore(configDir.apply(options)).load().value().profiles()) {
                    if (p.name().startsWith(typed)) {
                        found.add(p.name());
                    }
                }
            }
            case "paths" -> {
                Connection c = connection.apply(options);
                found = PathCompletion.matches(typed, folder -> childrenOf.children(c, folder));
            }
            default -> throw CliException.usage("usage: burrow __complete profiles|paths …");
        }
        for (String f : found) {
            String shown = r.shell().equals("zsh") ? f : forBash(current.raw(), option + f, r.wordbreaks());
            if (shown != null && shown.indexOf('\n') < 0) {
                out.println(shown);
            }
        }
    }

    /** The connection options among the words before the one being completed (both spellings). */
    private static String[] connectionOptions(List<ShellWords.Word> words) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < words.size(); i++) {
            String w = words.get(i).value();
            int eq = w.indexOf('=');
            if (w.startsWith("--") && eq > 0 && CONNECTION_OPTIONS.contains(w.substring(0, eq))) {
                out.add(w);
            } else if (CONNECTION_OPTIONS.contains(w) && i + 1 < words.size()) {
                out.add(w);
                out.add(words.get(++i).value());
            }
        }
        return out.toArray(String[]::new);
    }

    /**
     * How bash inserts {@code completion} for the word typed as {@code raw}: after an open quote,
     * the text inside that quote; else backslash-escaped, from the last word-break character
     * ({@code :} or {@code =} in a path) on, since bash replaces only what follows it.
     */
    static String forBash(String raw, String completion, String wordbreaks) {
        if (raw.startsWith("'")) {
            return ShellWords.insideSingleQuotes(completion);
        }
        if (raw.startsWith("\"")) {
            return ShellWords.insideDoubleQuotes(completion);
        }
        String escaped = ShellWords.escape(completion);
        int cut = -1;
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c == '\\') {
                i++;
            } else if (wordbreaks.indexOf(c) >= 0 && c != '"' && c != '\'' && !Character.isWhitespace(c)) {
                cut = i;
            }
        }
        String before = raw.substring(0, cut + 1);
        return escaped.startsWith(before) ? escaped.substring(before.length()) : null;
    }

    /** For tests and {@link Cli}: the environment of a run, kept for the cache folder. */
    static Path cacheRoot(Map<String, String> env) {
        String override = System.getProperty(Cli.CACHE_DIR_PROPERTY);
        Path root = override != null && !override.isBlank() ? Path.of(override)
                : dev.burrow.settings.CacheFolder.resolve(System.getProperty("os.name", ""), env,
                        System.getProperty("user.home"));
        return root.resolve("completion");
    }
}
