package dev.burrow.api;

import com.fasterxml.jackson.databind.JsonNode;

/** The fields of a PostHog insight the browser, exports and the local server use; everything else is ignored. */
public record Insight(long id, String shortId, String name, String description, String createdAt,
        JsonNode createdBy, Boolean deleted, String derivedName, JsonNode query, JsonNode result, String lastRefresh,
        String insightType, String display) {

    /** The name a person sees: the given name, else the derived one. */
    public String displayName() {
        if (name != null && !name.isBlank()) {
            return name;
        }
        return derivedName == null ? "" : derivedName;
    }
}
