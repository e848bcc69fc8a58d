package dev.burrow.api;

import com.fasterxml.jackson.databind.JsonNode;

/** PostHog's basic user summary. */
public record BasicUser(long id, String uuid, String distinctId, String firstName, String lastName, String email,
        boolean isEmailVerified, JsonNode hedgehogConfig, String roleAtOrganization) {

    /** A summary without the hedgehog and role fields (null). */
    public BasicUser(long id, String uuid, String distinctId, String firstName, String lastName, String email,
            boolean isEmailVerified) {
        this(id, uuid, distinctId, firstName, lastName, email, isEmailVerified, null, null);
    }

    /** A member as the local server knows one: verified, no hedgehog, no role. */
    public static BasicUser member(long id, String uuid, String distinctId, String firstName, String lastName,
            String email) {
        return new BasicUser(id, uuid, distinctId, firstName, lastName, email, true, null, null);
    }

    public String displayName() {
        String full = ((firstName == null ? "" : firstName) + " " + (lastName == null ? "" : lastName)).trim();
        return full.isEmpty() ? email : full;
    }
}
