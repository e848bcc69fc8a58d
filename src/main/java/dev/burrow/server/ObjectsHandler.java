package dev.burrow.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.burrow.api.Json;
import dev.burrow.server.store.Database;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/** Minimal reads of {@code dashboards/} and {@code insights/}, with PostHog's field names. */
final class ObjectsHandler implements Handler {

    private final Database db;
    private final String type;

    ObjectsHandler(Database db, String type) {
        this.db = db;
        this.type = type;
    }

    private record Obj(long id, String shortId, String name, String payload, String createdAt, Long createdBy) {
    }

    @Override
    public Response handle(Request r) throws SQLException {
        if (!r.method().equals("GET")) {
            throw ApiError.methodNotAllowed(r.method());
        }
        r.require(type, "read");
        if (r.segments().size() > 2) {
            throw ApiError.notFound();
        }
        String id = r.segment(1);
        if (id == null) {
            return list(r);
        }
        Long numeric = parseId(id);
        if (numeric == null) {
            throw ApiError.notFound();
        }
        ObjectNode body = db.read(c -> {
            List<Obj> found = query(c, "id = ?", numeric, r.environment());
            return found.isEmpty() ? null : json(c, found.get(0), r.environment(), true);
        });
        if (body == null) {
            throw ApiError.notFound();
        }
        return Response.ok(body);
    }

    private static Long parseId(String s) {
        try {
            return Long.valueOf(s);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private Response list(Request r) throws SQLException {
        String shortId = r.nonEmptyParam("short_id");
        List<ObjectNode> rows = db.read(c -> {
            List<Obj> found = shortId != null && type.equals("insight")
                    ? query(c, "short_id = ?", shortId, r.environment())
                    : query(c, "1 = ?", 1, r.environment());
            List<ObjectNode> out = new ArrayList<>();
            for (Obj o : found) {
                out.add(json(c, o, r.environment(), false));
            }
            return out;
        });
        ObjectNode body = Json.object();
        body.put("count", rows.size());
        body.putNull("next");
        body.putNull("previous");
        ArrayNode results = body.putArray("results");
        rows.forEach(results::add);
        return Response.ok(body);
    }

    private List<Obj> query(Connection c, String cond, Object value, int team) throws SQLException {
        List<Obj> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT id, short_id, name, payload, created_at, created_by"
                + " FROM objects WHERE type = ? AND team = ? AND deleted = 0 AND " + cond + " ORDER BY id")) {
            ps.setString(1, type);
            ps.setInt(2, team);
            ps.setObject(3, value);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    long by = rs.getLong(6);
                    out.add(new Obj(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                            rs.wasNull() ? null : by));
                }
            }
        }
        return out;
    }

    private ObjectNode json(Connection c, Obj o, int team, boolean withTiles) throws SQLException {
        JsonNode payload = Json.parse(o.payload());
        ObjectNode n = Json.object();
        n.put("id", o.id());
        if (type.equals("insight")) {
            n.put("short_id", o.shortId());
        }
        n.put("name", o.name());
        n.put("description", payload.path("description").asText(""));
        n.put("created_at", o.createdAt());
        if (o.createdBy() == null) {
            n.putNull("created_by");
        } else {
            n.putObject("created_by").put("id", o.createdBy());
        }
        n.put("deleted", false);
        if (type.equals("insight")) {
            n.put("derived_name", o.name());
            n.set("query", payload.path("query").isMissingNode() ? null : payload.get("query"));
            n.set("result", payload.path("result").isMissingNode() ? null : payload.get("result"));
            n.put("last_refresh", o.createdAt());
            n.put("insight_type", payload.path("insight_type").asText(null));
            n.put("display", payload.path("display").asText(null));
        } else if (withTiles) {
            ArrayNode tiles = n.putArray("tiles");
            for (JsonNode tileId : payload.path("tiles")) {
                try (PreparedStatement ps = c.prepareStatement("SELECT id, short_id, name, payload FROM objects"
                        + " WHERE type = 'insight' AND team = ? AND id = ? AND deleted = 0")) {
                    ps.setInt(1, team);
                    ps.setLong(2, tileId.asLong());
                    try (ResultSet rs = ps.executeQuery()) {
                        if (rs.next()) {
                            JsonNode ip = Json.parse(rs.getString(4));
                            ObjectNode tile = tiles.addObject();
                            tile.put("id", tiles.size());
                            ObjectNode insight = tile.putObject("insight");
                            insight.put("id", rs.getLong(1));
                            insight.put("short_id", rs.getString(2));
                            insight.put("name", rs.getString(3));
                            insight.set("query", ip.get("query"));
                            insight.set("result", ip.get("result"));
                            insight.put("display", ip.path("display").asText(null));
                        }
                    }
                }
            }
        }
        return n;
    }
}
