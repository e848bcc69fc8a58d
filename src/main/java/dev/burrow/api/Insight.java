package dev.burrow.api;

import com.fasterxml.jackson.databind.JsonNode;

/** The fields of a PostHog insight the browser and exports use; everything else is ignored. */
public record Insight(long id, String shortId, String name, String derivedName, String description, JsonNode query,
        Boolean deleted, String createdAt) {

    /** The name a person sees: the given name, else the derived one. */
    public String displayName() {
        if (name != null && !name.isBlank()) {
            return name;
        }
        return derivedName == null ? "" : derivedName;
    }
}
