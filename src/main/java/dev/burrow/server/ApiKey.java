package dev.burrow.server;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * A personal API key the local server accepts. With no scopes it is a legacy key that passes
 * every check; otherwise only the listed scopes ({@code :write} implies {@code :read}).
 * {@link #toString} never shows the key.
 */
public record ApiKey(String secret, Set<String> scopes) {

    public static final List<String> KNOWN_SCOPES = List.of(
            "file_system:read", "file_system:write",
            "file_system_shortcut:read", "file_system_shortcut:write",
            "export:read", "export:write",
            "insight:read", "dashboard:read", "query:read", "*");

    /** Parses {@code KEY} or {@code KEY=SCOPE,SCOPE…}; throws on an unknown scope or an empty key. */
    public static ApiKey parse(String spec) {
        int eq = spec.indexOf('=');
        String secret = eq < 0 ? spec : spec.substring(0, eq);
        if (secret.isEmpty()) {
            throw new IllegalArgumentException("--api-key needs a key before '='");
        }
        if (eq < 0) {
            return new ApiKey(secret, Set.of());
        }
        Set<String> scopes = new LinkedHashSet<>();
        for (String s : spec.substring(eq + 1).split(",")) {
            String scope = s.trim();
            if (scope.isEmpty()) {
                continue;
            }
            if (!KNOWN_SCOPES.contains(scope)) {
                throw new IllegalArgumentException("unknown scope '" + scope + "' (known: "
                        + String.join(", ", KNOWN_SCOPES) + ")");
            }
            scopes.add(scope);
        }
        if (scopes.isEmpty()) {
            throw new IllegalArgumentException("--api-key " + "…=" + " lists no scope");
        }
        return new ApiKey(secret, Set.copyOf(scopes));
    }

    public boolean isLegacy() {
        return scopes.isEmpty();
    }

    /** True when this key may use {@code object:action} ({@code action} is read or write). */
    public boolean allows(String object, String action) {
        if (isLegacy() || scopes.contains("*")) {
            return true;
        }
        if (scopes.contains(object + ":" + action)) {
            return true;
        }
        return "read".equals(action) && scopes.contains(object + ":write");
    }

    @Override
    public String toString() {
        return "ApiKey[" + redact(secret) + ", scopes=" + scopes + "]";
    }

    /** A key as it may appear in a log: its first four characters at most. */
    public static String redact(String secret) {
        if (secret == null) {
            return "null";
        }
        return (secret.length() > 8 ? secret.substring(0, 4) : "") + "…";
    }
}
