package dev.burrow.api;

import com.fasterxml.jackson.databind.JsonNode;

/** One tile of a dashboard: its position number and the insight it shows. */
public record DashboardTile(long id, TileInsight insight) {

    /** The part of an insight a tile carries. */
    public record TileInsight(long id, String shortId, String name, JsonNode query, JsonNode result,
            String display) {
    }
}
