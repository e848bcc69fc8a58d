package dev.burrow.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.burrow.api.Json;
import dev.burrow.settings.ConnectionProfile;
import dev.burrow.settings.Loaded;
import dev.burrow.settings.ProfileSet;
import dev.burrow.settings.ProfileStore;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

/**
 * {@code burrow profiles}: the saved connections (never a key, not even a secret's reference),
 * the default one marked. Reads {@code profiles.json} only: no keychain is asked.
 */
final class ProfilesCommand {

    private final PrintStream out;
    private final PrintStream err;
    private final boolean json;

    ProfilesCommand(PrintStream out, PrintStream err, boolean json) {
        this.out = out;
        this.err = err;
        this.json = json;
    }

    void list(Args a, Path configDir, Map<String, String> env) {
        a.allow("profiles", "--json");
        if (!a.positional().isEmpty()) {
            throw CliException.usage("usage: burrow profiles [--json]");
        }
        Loaded<ProfileSet> loaded = new ProfileStore(configDir).load();
        loaded.problem().ifPresent(p -> err.println("burrow: " + p));
        ProfileSet set = loaded.value();
        String envHost = env.get("BURROW_HOST");
        boolean hostFromEnv = envHost != null && !envHost.isBlank();
        // Without --profile or --host, a command goes to BURROW_HOST if set, else to the local workspace.
        String defaultName = hostFromEnv ? null : set.local().name();
        if (json) {
            ObjectNode doc = Json.object();
            doc.put("default", defaultName);
            ArrayNode list = doc.putArray("profiles");
            for (ConnectionProfile p : set.profiles()) {
                ObjectNode o = list.addObject();
                o.put("name", p.name());
                o.put("kind", p.kind().name().toLowerCase(Locale.ROOT));
                o.put("base_url", p.baseUrl());
                o.put("environment", p.environmentId());
                o.put("key_saved", p.secretRef() != null);
                o.put("default", p.name().equals(defaultName));
            }
            out.println(Rows.pretty(doc));
            return;
        }
        int nameWidth = Math.max(4, set.profiles().stream().mapToInt(p -> p.name().length()).max().orElse(0));
        int kindWidth = set.profiles().stream().mapToInt(p -> p.kind().label().length()).max().orElse(0);
        int urlWidth = Math.max(13, set.profiles().stream()
                .mapToInt(p -> p.baseUrl() == null ? 0 : p.baseUrl().length()).max().orElse(0));
        String row = "%s %-" + nameWidth + "s  %-" + kindWidth + "s  %-" + urlWidth + "s  %11s  %s%n";
        out.printf(Locale.ROOT, row, " ", "NAME", "KIND", "ADDRESS", "ENVIRONMENT", "KEY");
        for (ConnectionProfile p : set.profiles()) {
            String key = p.isLocal() ? "made at each start" : p.secretRef() != null ? "saved" : "none saved";
            out.printf(Locale.ROOT, row, p.name().equals(defaultName) ? "*" : " ", p.name(), p.kind().label(),
                    p.isLocal() ? "(this machine)" : p.baseUrl(), p.environmentId(), key);
        }
        out.println(hostFromEnv
                ? "Without --profile or --host, commands go to BURROW_HOST (" + envHost.strip() + ")."
                : "* the default: where commands go without --profile, --host or BURROW_HOST.");
    }
}
