package dev.burrow.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The words after the verb: options (anywhere, {@code --name value} or {@code --name=value}),
 * flags, and positional arguments; {@code --} ends the options.
 */
final class Args {

    /** Options that take a value, with their short aliases resolved to the long name. */
    private static final Map<String, String> VALUED = Map.ofEntries(
            Map.entry("--host", "--host"), Map.entry("--api-key", "--api-key"),
            Map.entry("--environment", "--environment"), Map.entry("--profile", "--profile"),
            Map.entry("--config-dir", "--config-dir"), Map.entry("--dashboard", "--dashboard"),
            Map.entry("--insight", "--insight"), Map.entry("--format", "--format"),
            Map.entry("-o", "--output"), Map.entry("--output", "--output"), Map.entry("--timeout", "--timeout"),
            Map.entry("--where", "--where"), Map.entry("--to", "--to"), Map.entry("--rule", "--rule"));

    /** Flags, with aliases. */
    private static final Map<String, String> FLAGS = Map.ofEntries(
            Map.entry("--json", "--json"), Map.entry("-R", "--recursive"), Map.entry("--recursive", "--recursive"),
            Map.entry("-r", "--recursive"), Map.entry("-p", "--parents"), Map.entry("--parents", "--parents"),
            Map.entry("--no-server-move", "--no-server-move"), Map.entry("-h", "--help"),
            Map.entry("--help", "--help"), Map.entry("--dry-run", "--dry-run"), Map.entry("--yes", "--yes"),
            Map.entry("-y", "--yes"), Map.entry("--undo", "--undo"), Map.entry("--resume", "--resume"),
            Map.entry("--rules", "--rules"));

    /** Options every verb accepts: the connection. */
    static final Set<String> CONNECTION = Set.of("--host", "--api-key", "--environment", "--profile", "--config-dir",
            "--help");

    private final Map<String, String> values = new LinkedHashMap<>();
    private final Set<String> flags = new LinkedHashSet<>();
    private final List<String> positional = new ArrayList<>();

    private Args() {
    }

    static Args parse(String[] words) {
        Args a = new Args();
        boolean options = true;
        for (int i = 0; i < words.length; i++) {
            String w = words[i];
            if (options && w.equals("--")) {
                options = false;
                continue;
            }
            if (options && w.startsWith("-") && w.length() > 1) {
                String name = w;
                String inline = null;
                int eq = w.indexOf('=');
                if (w.startsWith("--") && eq > 0) {
                    name = w.substring(0, eq);
                    inline = w.substring(eq + 1);
                }
                if (VALUED.containsKey(name)) {
                    String value = inline;
                    if (value == null) {
                        if (i + 1 >= words.length) {
                            throw CliException.usage(name + " needs a value");
                        }
                        value = words[++i];
                    }
                    a.values.put(VALUED.get(name), value);
                } else if (FLAGS.containsKey(name) && inline == null) {
                    a.flags.add(FLAGS.get(name));
                } else {
                    throw CliException.usage("unknown option '" + name + "'");
                }
                continue;
            }
            a.positional.add(w);
        }
        return a;
    }

    /** Refuses options the verb does not know (the connection options are always allowed). */
    Args allow(String verb, String... names) {
        Set<String> ok = new LinkedHashSet<>(CONNECTION);
        ok.addAll(List.of(names));
        for (String k : values.keySet()) {
            if (!ok.contains(k)) {
                throw CliException.usage(k + " does not apply to '" + verb + "'");
            }
        }
        for (String f : flags) {
            if (!ok.contains(f)) {
                throw CliException.usage(f + " does not apply to '" + verb + "'");
            }
        }
        return this;
    }

    String value(String name) {
        return values.get(name);
    }

    boolean flag(String name) {
        return flags.contains(name);
    }

    List<String> positional() {
        return positional;
    }

    /** Exactly {@code n} positional arguments, else a usage error naming the form. */
    List<String> exactly(int n, String form) {
        if (positional.size() != n) {
            throw CliException.usage("usage: " + form);
        }
        return positional;
    }
}
