package dev.burrow.client;

import java.net.URI;

/**
 * "Test connection": one small read of the project tree, and a sentence naming exactly what is
 * wrong when it fails — unreachable host, bad key, missing scope, wrong environment.
 */
public final class ConnectionProbe {

    /** The outcome: {@code ok}, and a sentence for a person either way. */
    public record Result(boolean ok, String message) {
    }

    private ConnectionProbe() {
    }

    public static Result check(PostHogClient client) {
        String host = hostOf(client.baseUrl());
        try {
            long rows = client.fileSystem().list(FileSystemQuery.all().withLimit(1)).count();
            return new Result(true, String.format("Connected to %s, environment %d: %,d rows in the project tree.",
                    host, client.environmentId(), rows));
        } catch (ApiException.Unauthorized e) {
            return new Result(false, host + " refused the personal API key. Check that it was copied whole and"
                    + " has not been revoked.");
        } catch (ApiException.Forbidden e) {
            String scope = e.missingScope();
            return new Result(false, scope != null
                    ? "The key lacks the scope '" + scope + "'. Create a key with file_system:read and"
                            + " file_system:write (and export:read, export:write for exports)."
                    : "The key may not access this project: " + e.detail());
        } catch (ApiException.NotFound e) {
            return new Result(false, "Environment " + client.environmentId() + " was not found on " + host
                    + ". Check the environment id (the number in the project's URL).");
        } catch (ApiException.Network e) {
            // The client's sentence says what failed and what to do (a network failure has no server detail).
            return new Result(false, e.isTimeout() ? host + " did not answer in time."
                    : "Can't reach " + host + ". " + e.getMessage());
        } catch (ApiException e) {
            return new Result(false, e.getMessage());
        }
    }

    private static String hostOf(String baseUrl) {
        try {
            String h = URI.create(baseUrl).getHost();
            return h == null ? baseUrl : h;
        } catch (IllegalArgumentException e) {
            return baseUrl;
        }
    }
}
