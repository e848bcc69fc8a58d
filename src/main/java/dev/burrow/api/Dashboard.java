package dev.burrow.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * The fields of a PostHog dashboard the browser shows and the local server sends; everything
 * else is ignored. {@code tiles} comes with a single dashboard only (null, and not written, in
 * lists).
 */
public record Dashboard(long id, String name, String description, String createdAt, JsonNode createdBy,
        Boolean deleted, @JsonInclude(JsonInclude.Include.NON_NULL) List<DashboardTile> tiles) {
}
