package dev.burrow.api;

/** PostHog's basic user summary. */
public record BasicUser(long id, String uuid, String distinctId, String firstName, String lastName, String email,
        boolean isEmailVerified) {

    public String displayName() {
        String full = ((firstName == null ? "" : firstName) + " " + (lastName == null ? "" : lastName)).trim();
        return full.isEmpty() ? email : full;
    }
}
