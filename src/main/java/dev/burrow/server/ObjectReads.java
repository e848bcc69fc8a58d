package dev.burrow.server;

import com.fasterxml.jackson.databind.JsonNode;
import dev.burrow.api.Dashboard;
import dev.burrow.api.DashboardTile;
import dev.burrow.api.Insight;
import dev.burrow.api.Json;
import dev.burrow.server.store.Database;
import dev.burrow.server.store.ObjectsTable;
import dev.burrow.server.store.StoredObject;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/** Minimal reads of {@code dashboards/} and {@code insights/}, with PostHog's field names. */
final class ObjectReads {

    private final Database db;

    ObjectReads(Database db) {
        this.db = db;
    }

    Response dashboards(Request r) throws SQLException {
        return Response.ok(Paging.whole(db.read(c -> {
            List<Dashboard> out = new ArrayList<>();
            for (StoredObject o : ObjectsTable.live(c, "dashboard", r.environment())) {
                out.add(dashboardOf(c, o, false));
            }
            return out;
        }), null));
    }

    Response dashboard(Request r) throws SQLException {
        long id = r.number(1);
        return Response.ok(db.read(c -> dashboardOf(c,
                ApiError.orNotFound(ObjectsTable.liveById(c, "dashboard", id, r.environment())), true)));
    }

    Response insights(Request r) throws SQLException {
        String shortId = r.nonEmptyParam("short_id");
        return Response.ok(Paging.whole(db.read(c -> (shortId != null
                ? ObjectsTable.liveByShortId(c, "insight", shortId, r.environment())
                : ObjectsTable.live(c, "insight", r.environment())).stream().map(ObjectReads::insightOf).toList()), null));
    }

    Response insight(Request r) throws SQLException {
        long id = r.number(1);
        return Response.ok(insightOf(db.read(c ->
                ApiError.orNotFound(ObjectsTable.liveById(c, "insight", id, r.environment())))));
    }

    private static JsonNode createdBy(StoredObject o) {
        return o.createdBy() == null ? null : Json.object().put("id", o.createdBy());
    }

    private static Dashboard dashboardOf(Connection c, StoredObject o, boolean withTiles) throws SQLException {
        JsonNode payload = Json.parse(o.payload());
        List<DashboardTile> tiles = null;
        if (withTiles) {
            tiles = new ArrayList<>();
            for (JsonNode tileId : payload.path("tiles")) {
                StoredObject i = ObjectsTable.liveById(c, "insight", tileId.asLong(), o.team());
                if (i != null) {
                    JsonNode ip = Json.parse(i.payload());
                    tiles.add(new DashboardTile(tiles.size() + 1, new DashboardTile.TileInsight(i.id(), i.shortId(),
                            i.name(), ip.get("query"), ip.get("result"), ip.path("display").asText(null))));
                }
            }
        }
        return new Dashboard(o.id(), o.name(), payload.path("description").asText(""), o.createdAt(), createdBy(o),
                false, tiles);
    }

    private static Insight insightOf(StoredObject o) {
        JsonNode payload = Json.parse(o.payload());
        return new Insight(o.id(), o.shortId(), o.name(), payload.path("description").asText(""), o.createdAt(),
                createdBy(o), false, o.name(), payload.path("query").isMissingNode() ? null : payload.get("query"),
                payload.path("result").isMissingNode() ? null : payload.get("result"), o.createdAt(),
                payload.path("insight_type").asText(null), payload.path("display").asText(null));
    }
}
