package dev.burrow.cli;

import dev.burrow.settings.ConnectionProfile;
import dev.burrow.settings.Connections;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * Where a command goes. Each setting comes from the first source that has it: flags
 * ({@code --host}, {@code --api-key}, {@code --environment}), then the saved profile named by
 * {@code --profile}, then the variables {@code BURROW_HOST}, {@code BURROW_API_KEY},
 * {@code BURROW_ENVIRONMENT}. With no host from any of them (or {@code --profile} naming the
 * local workspace) the command runs on the local workspace, as the window does.
 *
 * @param host null for the local workspace
 */
record Connection(String host, String apiKey, long environment) {

    /** The connection a journal of the local workspace is kept under (the window uses the same). */
    static final String LOCAL_JOURNALS = "local";

    static Connection local() {
        return new Connection(null, null, ConnectionProfile.LOCAL_ENVIRONMENT_ID);
    }

    boolean isLocal() {
        return host == null;
    }

    /** Names the connection for caches: the local workspace, or the server and environment. */
    String key() {
        if (isLocal()) {
            return LOCAL_JOURNALS;
        }
        String h = host.strip();
        return (h.endsWith("/") ? h.substring(0, h.length() - 1) : h) + "#" + environment;
    }

    /** Never shows the key. */
    @Override
    public String toString() {
        return isLocal() ? "Connection[local workspace]" : "Connection[" + host + ", environment " + environment + "]";
    }

    static Connection resolve(Args a, Map<String, String> env, Supplier<Connections> saved) {
        String host = a.value("--host");
        String key = a.value("--api-key");
        String environment = a.value("--environment");
        String profileName = a.value("--profile");
        if (profileName != null) {
            Connections connections = saved.get();
            ConnectionProfile p = connections.profiles().find(profileName).orElseThrow(() -> CliException.usage(
                    "no saved connection named '" + profileName + "'; saved: " + connections.profiles().profiles()
                            .stream().map(ConnectionProfile::name).collect(Collectors.joining(", "))
                            + " (`burrow profiles` lists them)"));
            if (p.isLocal()) {
                if (host != null || key != null || environment != null) {
                    throw CliException.usage("the local workspace takes no --host, --api-key or --environment");
                }
                return local();
            }
            if (host == null) {
                host = p.baseUrl();
            }
            if (environment == null) {
                environment = Long.toString(p.environmentId());
            }
            if (key == null) {
                key = connections.apiKey(p).orElseThrow(() -> CliException.usage("no API key is stored for the"
                        + " profile '" + profileName + "'; save one in the app's connection dialog, or pass --api-key"));
            }
        }
        host = blankToNull(host != null ? host : env.get("BURROW_HOST"));
        key = blankToNull(key != null ? key : env.get("BURROW_API_KEY"));
        environment = blankToNull(environment != null ? environment : env.get("BURROW_ENVIRONMENT"));
        if (host == null) {
            if (key != null || environment != null) {
                String given = a.value("--api-key") != null ? "--api-key"
                        : a.value("--environment") != null ? "--environment"
                        : key != null ? "BURROW_API_KEY" : "BURROW_ENVIRONMENT";
                throw CliException.usage(given + " is set but no server is: pass --host URL or set BURROW_HOST"
                        + " (with none of them, burrow works on the local workspace)");
            }
            return local();
        }
        if (key == null) {
            throw CliException.usage("no API key: pass --api-key KEY or set BURROW_API_KEY (a personal API key)");
        }
        if (environment == null) {
            throw CliException.usage("no environment: pass --environment ID or set BURROW_ENVIRONMENT"
                    + " (PostHog shows the id in Settings → Environment)");
        }
        long envId;
        try {
            envId = Long.parseLong(environment.strip());
        } catch (NumberFormatException e) {
            envId = -1;
        }
        if (envId <= 0) {
            throw CliException.usage("the environment id must be a positive number, not '" + environment + "'");
        }
        return new Connection(host, key, envId);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
