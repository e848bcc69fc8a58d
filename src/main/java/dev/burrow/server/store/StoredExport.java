package dev.burrow.server.store;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One stored export with the names its filename needs: the dashboard's or insight's name,
 * where it has one. {@code location} is its storage key once rendered.
 */
public record StoredExport(long id, int team, Long createdBy, Long dashboard, Long insight, String format,
        JsonNode context, String createdAt, String expiresAfter, boolean hasContent, String location,
        String exception, String dashboardName, String insightName) {
}
