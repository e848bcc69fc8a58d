package dev.burrow.settings;

/** Where a connection profile points. */
public enum ProfileKind {
    /** The in-process local server; its address and key are chosen at each start. */
    LOCAL_WORKSPACE("Local workspace", null),
    POSTHOG_US("PostHog US", "https://us.posthog.com"),
    POSTHOG_EU("PostHog EU", "https://eu.posthog.com"),
    SELF_HOSTED("Self-hosted", null);

    private final String label;
    private final String fixedBaseUrl;

    ProfileKind(String label, String fixedBaseUrl) {
        this.label = label;
        this.fixedBaseUrl = fixedBaseUrl;
    }

    /** A human name for menus and messages. */
    public String label() {
        return label;
    }

    /** The base URL of a PostHog Cloud region, or {@code null} when the kind has no fixed address. */
    public String fixedBaseUrl() {
        return fixedBaseUrl;
    }
}
