package dev.burrow.settings;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Saved organise rules, per connection, in {@code organise-rules.json} in Burrow's config folder:
 * written atomically, an unreadable file kept aside as {@code .corrupt-<ts>}, a file of a newer
 * format refused whole (neither read nor written). A connection is named as its journals are:
 * {@code local} for the local workspace, else its base URL and environment.
 */
public final class OrganiseRules {

    public static final String FILE_NAME = "organise-rules.json";
    /** The versions of organise-rules.json (see {@link DocumentFormat} for adding one). 1: the first. */
    static final DocumentFormat FORMAT = new DocumentFormat(FILE_NAME, List.of());

    /** The file layout: every connection's rules, in the order they were saved. */
    record Document(int version, Map<String, List<OrganiseRule>> connections) {
        Document {
            connections = connections == null ? Map.of() : connections;
        }
    }

    private final Path file;

    public OrganiseRules(Path configDir) {
        this.file = configDir.resolve(FILE_NAME);
    }

    public Path file() {
        return file;
    }

    /** The rules of one connection; an unreadable file gives none and says why in {@code problem}. */
    public synchronized Loaded<List<OrganiseRule>> load(String connection) {
        Loaded<Map<String, List<OrganiseRule>>> all = loadAll();
        return new Loaded<>(List.copyOf(all.value().getOrDefault(connection, List.of())), all.problem());
    }

    /** The rule of that name (without case), if the connection has one. */
    public Optional<OrganiseRule> find(String connection, String name) {
        return load(connection).value().stream().filter(r -> r.named(name)).findFirst();
    }

    /** Saves a rule; one of the same name (without case) is replaced in its place. Answers the connection's rules. */
    public synchronized List<OrganiseRule> put(String connection, OrganiseRule rule) {
        Map<String, List<OrganiseRule>> all = new LinkedHashMap<>(loadAll().value());
        List<OrganiseRule> rules = new ArrayList<>(all.getOrDefault(connection, List.of()));
        int at = indexOf(rules, rule.name());
        if (at >= 0) {
            rules.set(at, rule);
        } else {
            rules.add(rule);
        }
        return store(all, connection, rules);
    }

    /** Forgets a rule; answers the connection's rules (unchanged when it had none of that name). */
    public synchronized List<OrganiseRule> remove(String connection, String name) {
        Map<String, List<OrganiseRule>> all = new LinkedHashMap<>(loadAll().value());
        List<OrganiseRule> rules = new ArrayList<>(all.getOrDefault(connection, List.of()));
        int at = indexOf(rules, name);
        if (at < 0) {
            return List.copyOf(rules);
        }
        rules.remove(at);
        return store(all, connection, rules);
    }

    private List<OrganiseRule> store(Map<String, List<OrganiseRule>> all, String connection, List<OrganiseRule> rules) {
        if (rules.isEmpty()) {
            all.remove(connection);
        } else {
            all.put(connection, List.copyOf(rules));
        }
        JsonDocuments.save(file, FORMAT, new Document(FORMAT.current(), all));
        return List.copyOf(rules);
    }

    private static int indexOf(List<OrganiseRule> rules, String name) {
        for (int i = 0; i < rules.size(); i++) {
            if (rules.get(i).named(name)) {
                return i;
            }
        }
        return -1;
    }

    private Loaded<Map<String, List<OrganiseRule>>> loadAll() {
        return JsonDocuments.load(file, FORMAT, Document.class, d -> {
            Map<String, List<OrganiseRule>> out = new LinkedHashMap<>();
            d.connections().forEach((k, v) -> {
                if (k != null && v != null) {
                    out.put(k, v.stream().filter(r -> r != null).toList());
                }
            });
            return out;
        }, LinkedHashMap::new, false);
    }

    @Override
    public String toString() {
        return "OrganiseRules[" + file + "]";
    }
}
