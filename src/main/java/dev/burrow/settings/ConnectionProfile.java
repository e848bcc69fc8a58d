package dev.burrow.settings;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * One place Burrow can connect to. It holds only a {@code secretRef}, the opaque id of the API key
 * in a {@link SecretStore}, never the key itself.
 *
 * <p>The local workspace has no base URL and no secret ref: its server is started on a free
 * loopback port with a fresh random key each time. PostHog US/EU always use their region's URL.
 *
 * @param allowInsecureHttp the user explicitly accepted plain {@code http://} to a host that isn't
 *        this machine (self-hosted only)
 */
public record ConnectionProfile(String name, ProfileKind kind, String baseUrl, long environmentId, String secretRef,
        boolean allowInsecureHttp) {

    /** The name of the local workspace profile, which always exists. */
    public static final String LOCAL_NAME = "Local workspace";
    /** The environment of the local workspace server. */
    public static final long LOCAL_ENVIRONMENT_ID = 1;

    private static final Pattern REF = Pattern.compile("[A-Za-z0-9._-]{1,100}");

    public ConnectionProfile {
        name = name == null ? "" : name.strip();
        if (name.isEmpty()) {
            throw new InvalidSettingException("Give the connection a name");
        }
        if (name.length() > 100) {
            throw new InvalidSettingException("The connection name is longer than 100 characters");
        }
        if (kind == null) {
            throw new InvalidSettingException("Choose where the connection points (local, PostHog US/EU, self-hosted)");
        }
        if (environmentId <= 0) {
            throw new InvalidSettingException(
                    "The environment id must be a positive number (PostHog shows it in Settings → Environment)");
        }
        if (secretRef != null && !REF.matcher(secretRef).matches()) {
            throw new InvalidSettingException("The secret reference may hold only letters, digits, '.', '_' and '-'");
        }
        switch (kind) {
            case LOCAL_WORKSPACE -> {
                baseUrl = null;
                secretRef = null;
                allowInsecureHttp = false;
            }
            case POSTHOG_US, POSTHOG_EU -> {
                if (baseUrl != null && !baseUrl.isBlank()
                        && !kind.fixedBaseUrl().equals(stripSlash(baseUrl.strip()))) {
                    throw new InvalidSettingException(kind.label() + " is always " + kind.fixedBaseUrl()
                            + "; use a self-hosted connection for another address");
                }
                baseUrl = kind.fixedBaseUrl();
                allowInsecureHttp = false;
            }
            case SELF_HOSTED -> baseUrl = BaseUrls.normalize(baseUrl, allowInsecureHttp);
            default -> throw new IllegalStateException(kind.name());
        }
    }

    /** The local workspace profile. */
    public static ConnectionProfile localWorkspace() {
        return new ConnectionProfile(LOCAL_NAME, ProfileKind.LOCAL_WORKSPACE, null, LOCAL_ENVIRONMENT_ID, null, false);
    }

    public static ConnectionProfile postHogUs(String name, long environmentId, String secretRef) {
        return new ConnectionProfile(name, ProfileKind.POSTHOG_US, null, environmentId, secretRef, false);
    }

    public static ConnectionProfile postHogEu(String name, long environmentId, String secretRef) {
        return new ConnectionProfile(name, ProfileKind.POSTHOG_EU, null, environmentId, secretRef, false);
    }

    public static ConnectionProfile selfHosted(String name, String baseUrl, long environmentId, String secretRef,
            boolean allowInsecureHttp) {
        return new ConnectionProfile(name, ProfileKind.SELF_HOSTED, baseUrl, environmentId, secretRef,
                allowInsecureHttp);
    }

    /** A fresh opaque id for a key in a {@link SecretStore}; it says nothing about the key. */
    public static String newSecretRef() {
        return "burrow-" + UUID.randomUUID();
    }

    @JsonIgnore
    public boolean isLocal() {
        return kind == ProfileKind.LOCAL_WORKSPACE;
    }

    public ConnectionProfile withName(String value) {
        return new ConnectionProfile(value, kind, baseUrl, environmentId, secretRef, allowInsecureHttp);
    }

    public ConnectionProfile withSecretRef(String value) {
        return new ConnectionProfile(name, kind, baseUrl, environmentId, value, allowInsecureHttp);
    }

    public ConnectionProfile withEnvironmentId(long value) {
        return new ConnectionProfile(name, kind, baseUrl, value, secretRef, allowInsecureHttp);
    }

    private static String stripSlash(String s) {
        return s.endsWith("/") ? s.substring(0, s.length() - 1) : s;
    }

    /** Name, kind, address and environment; only whether a key is stored, never the key. */
    @Override
    public String toString() {
        return "ConnectionProfile[" + name + ", " + kind + (baseUrl == null ? "" : ", " + baseUrl) + ", environment="
                + environmentId + (secretRef == null ? ", no key" : ", key in store as " + secretRef)
                + (allowInsecureHttp ? ", insecure http allowed" : "") + "]";
    }
}
