package dev.burrow.client;

import com.fasterxml.jackson.databind.JsonNode;
import dev.burrow.api.Dashboard;
import java.util.ArrayList;
import java.util.List;

/** {@code dashboards/}: the reads the browser needs. */
public final class DashboardsApi {

    private final Transport transport;

    DashboardsApi(Transport transport) {
        this.transport = transport;
    }

    public Dashboard get(long id) {
        return transport.json(ApiRequest.get("dashboards/" + id + "/"), Dashboard.class);
    }

    /**
     * The short ids of the insights on a dashboard's tiles, in tile order ({@code tiles[].insight.short_id};
     * text and button tiles have no insight and are left out).
     */
    public List<String> insightShortIds(long id) {
        JsonNode n = transport.json(ApiRequest.get("dashboards/" + id + "/"), JsonNode.class);
        List<String> out = new ArrayList<>();
        if (n != null) {
            for (JsonNode tile : n.path("tiles")) {
                JsonNode shortId = tile.path("insight").path("short_id");
                if (shortId.isTextual()) {
                    out.add(shortId.asText());
                }
            }
        }
        return out;
    }
}
