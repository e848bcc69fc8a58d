package dev.burrow.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.burrow.api.Json;
import dev.burrow.server.store.Database;
import dev.burrow.server.store.Ids;
import dev.burrow.server.store.Timestamps;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/** {@code file_system_shortcut/}: the caller's starred items (contract/file_system.md §15). */
final class ShortcutHandler implements Handler {

    private static final String OBJECT = "file_system_shortcut";
    private static final String COLUMNS = "id, path, type, ref, href, ord, created_at";
    private static final int MAX_BATCH = 500;

    private record StarRow(String id, String path, String type, String ref, String href, int order,
            String createdAt) {

        boolean sameTarget(StarRow o) {
            return path.equals(o.path) && type.equals(o.type) && Objects.equals(ref, o.ref)
                    && Objects.equals(href, o.href);
        }

        ObjectNode json() {
            ObjectNode n = Json.object();
            n.put("id", id);
            n.put("path", path);
            n.put("type", type);
            n.put("ref", ref);
            n.put("href", href);
            n.put("order", order);
            n.put("created_at", createdAt);
            n.putNull("user_access_level");
            return n;
        }
    }

    private final Database db;

    ShortcutHandler(Database db) {
        this.db = db;
    }

    @Override
    public Response handle(Request r) throws SQLException {
        String second = r.segment(1);
        if (r.segments().size() > 2) {
            throw ApiError.notFound();
        }
        if (second == null) {
            return switch (r.method()) {
                case "GET" -> list(r);
                case "POST" -> create(r);
                default -> throw ApiError.methodNotAllowed(r.method());
            };
        }
        if (second.equals("reorder")) {
            return postOnly(r, () -> reorder(r));
        }
        if (second.equals("bulk_update")) {
            return postOnly(r, () -> bulkUpdate(r));
        }
        return switch (r.method()) {
            case "GET" -> {
                r.require(OBJECT, "read");
                yield Response.ok(find(r, second).json());
            }
            case "PATCH", "PUT" -> {
                r.require(OBJECT, "write");
                yield update(r, second, r.method().equals("PUT"));
            }
            case "DELETE" -> {
                r.require(OBJECT, "write");
                find(r, second);
                db.write(c -> {
                    try (PreparedStatement ps = c.prepareStatement("DELETE FROM stars WHERE id = ? AND user_id = ?")) {
                        ps.setString(1, second);
                        ps.setLong(2, r.userId());
                        ps.executeUpdate();
                    }
                    return null;
                });
                yield Response.noContent();
            }
            default -> throw ApiError.methodNotAllowed(r.method());
        };
    }

    @FunctionalInterface
    private interface Action {
        Response run() throws SQLException;
    }

    private static Response postOnly(Request r, Action a) throws SQLException {
        if (!r.method().equals("POST")) {
            throw ApiError.methodNotAllowed(r.method());
        }
        r.requireUnscopedKey();
        return a.run();
    }

    /** Project-wide, except hog functions, which only their own environment sees (§15). */
    private static final String VISIBLE = "(team = ? OR substr(type, 1, 13) <> 'hog_function/')";

    private static List<StarRow> rowsOf(Connection c, Request r, String order) throws SQLException {
        List<StarRow> rows = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM stars WHERE user_id = ?"
                + " AND type <> 'link' AND " + VISIBLE + " ORDER BY " + order)) {
            ps.setLong(1, r.userId());
            ps.setInt(2, r.environment());
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    rows.add(read(rs));
                }
            }
        }
        return rows;
    }

    private static StarRow read(ResultSet rs) throws SQLException {
        return new StarRow(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                rs.getInt(6), rs.getString(7));
    }

    private static final String DEFAULT_ORDER = "ord, lower(path), id";

    private Response list(Request r) throws SQLException {
        r.require(OBJECT, "read");
        String ordering = r.nonEmptyParam("ordering");
        String order = "created_at".equals(ordering) ? "created_at, id"
                : "-created_at".equals(ordering) ? "created_at DESC, id" : DEFAULT_ORDER;
        List<StarRow> all = db.read(c -> rowsOf(c, r, order));
        Integer limitParam = Fields.intParam(r.param("limit"));
        int limit = limitParam == null || limitParam <= 0 ? 100 : limitParam;
        Integer offsetParam = Fields.intParam(r.param("offset"));
        int offset = offsetParam == null || offsetParam < 0 ? 0 : offsetParam;
        ObjectNode body = r.pageBody(all.size(), limit, offset);
        ArrayNode results = body.putArray("results");
        for (int i = offset; i < Math.min(all.size(), offset + limit); i++) {
            results.add(all.get(i).json());
        }
        return Response.ok(body);
    }

    private static StarRow fromBody(ObjectNode body, String id, String createdAt, int order, StarRow base,
            boolean requirePath) {
        String path = Fields.text(body, "path", requirePath, false, false, 0);
        String type = Fields.text(body, "type", false, false, true, 100);
        String ref = Fields.text(body, "ref", false, true, true, 4000);
        String href = Fields.text(body, "href", false, true, true, 0);
        if (base == null) {
            return new StarRow(id, path, type == null ? "" : type, ref, href, order, createdAt);
        }
        return new StarRow(base.id, path != null ? path : base.path, type != null ? type : base.type,
                body.has("ref") ? ref : base.ref, body.has("href") ? href : base.href, order, base.createdAt);
    }

    private static Integer order(ObjectNode body) {
        JsonNode o = body.get("order");
        if (o == null || o.isNull()) {
            return null;
        }
        if (!o.canConvertToInt() || !(o.isIntegralNumber() || o.isTextual() && Fields.intParam(o.asText()) != null)) {
            throw ApiError.validation("invalid", "A valid integer is required.", "order");
        }
        return o.isTextual() ? Fields.intParam(o.asText()) : o.asInt();
    }

    private Response create(Request r) throws SQLException {
        r.require(OBJECT, "write");
        ObjectNode body = r.object();
        Integer requested = order(body);
        StarRow draft = fromBody(body, Ids.uuid7(), Timestamps.now(), 0, null, true);
        StarRow saved = db.write(c -> {
            List<StarRow> existing = rowsOf(c, r, DEFAULT_ORDER);
            for (StarRow s : existing) {
                if (s.sameTarget(draft)) {
                    return s;
                }
            }
            int ord = requested != null ? requested : nextOrder(existing);
            StarRow row = new StarRow(draft.id, draft.path, draft.type, draft.ref, draft.href, ord, draft.createdAt);
            insert(c, r, row);
            return row;
        });
        return Response.created(saved.json());
    }

    private static int nextOrder(List<StarRow> rows) {
        int max = 0;
        for (StarRow s : rows) {
            max = Math.max(max, s.order);
        }
        return max + 1;
    }

    private static void insert(Connection c, Request r, StarRow row) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO stars(id, user_id, team, path, type, ref, href, ord,"
                + " created_at) VALUES (?,?,?,?,?,?,?,?,?)")) {
            ps.setString(1, row.id);
            ps.setLong(2, r.userId());
            ps.setInt(3, r.environment());
            ps.setString(4, row.path);
            ps.setString(5, row.type);
            ps.setString(6, row.ref);
            ps.setString(7, row.href);
            ps.setInt(8, row.order);
            ps.setString(9, row.createdAt);
            ps.executeUpdate();
        }
    }

    private StarRow find(Request r, String id) throws SQLException {
        if (!Ids.isUuid(id)) {
            throw ApiError.notFound();
        }
        StarRow row = db.read(c -> byId(c, id, r));
        if (row == null) {
            throw ApiError.notFound();
        }
        return row;
    }

    private static StarRow byId(Connection c, String id, Request r) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM stars WHERE id = ? AND user_id = ?"
                + " AND " + VISIBLE)) {
            ps.setString(1, id);
            ps.setLong(2, r.userId());
            ps.setInt(3, r.environment());
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? read(rs) : null;
            }
        }
    }

    private Response update(Request r, String id, boolean put) throws SQLException {
        if (!Ids.isUuid(id)) {
            throw ApiError.notFound();
        }
        ObjectNode body = r.object();
        Integer requested = order(body);
        StarRow saved = db.write(c -> {
            StarRow base = byId(c, id, r);
            if (base == null) {
                throw ApiError.notFound();
            }
            StarRow next = fromBody(body, id, base.createdAt, requested != null ? requested : base.order, base, put);
            try (PreparedStatement ps = c.prepareStatement("UPDATE stars SET path = ?, type = ?, ref = ?, href = ?,"
                    + " ord = ? WHERE id = ?")) {
                ps.setString(1, next.path);
                ps.setString(2, next.type);
                ps.setString(3, next.ref);
                ps.setString(4, next.href);
                ps.setInt(5, next.order);
                ps.setString(6, id);
                ps.executeUpdate();
            }
            return next;
        });
        return Response.ok(saved.json());
    }

    private static List<String> idList(ObjectNode body, String field, boolean nonEmpty) {
        JsonNode v = body.get(field);
        if (v == null) {
            if (nonEmpty) {
                throw ApiError.validation("required", "This field is required.", field);
            }
            return List.of();
        }
        if (!v.isArray()) {
            throw ApiError.validation("not_a_list", "Expected a list of items but got type \""
                    + Request.jsonTypeName(v) + "\".", field);
        }
        if (nonEmpty && v.isEmpty()) {
            throw ApiError.validation("empty", "This list may not be empty.", field);
        }
        if (v.size() > MAX_BATCH) {
            throw ApiError.validation("max_length", "Ensure this field has no more than " + MAX_BATCH + " elements.",
                    field);
        }
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < v.size(); i++) {
            JsonNode e = v.get(i);
            if (!e.isTextual() || !Ids.isUuid(e.asText())) {
                throw ApiError.validation("invalid", "Must be a valid UUID.", field + "__" + i);
            }
            ids.add(e.asText());
        }
        return ids;
    }

    private static ApiError unknownIds(List<String> unknown) {
        ApiError e = ApiError.plain(400, "Unknown shortcut ids");
        ArrayNode arr = e.body().putArray("unknown_ids");
        unknown.forEach(arr::add);
        return e;
    }

    private static List<String> unknown(List<StarRow> mine, List<String> ids) {
        Set<String> known = new LinkedHashSet<>();
        mine.forEach(s -> known.add(s.id));
        List<String> missing = new ArrayList<>();
        for (String id : ids) {
            if (!known.contains(id) && !missing.contains(id)) {
                missing.add(id);
            }
        }
        return missing;
    }

    private static ArrayNode array(List<StarRow> rows) {
        ArrayNode arr = Json.MAPPER.createArrayNode();
        rows.forEach(s -> arr.add(s.json()));
        return arr;
    }

    private Response reorder(Request r) throws SQLException {
        r.require(OBJECT, "write");
        List<String> ids = idList(r.object(), "ordered_ids", true);
        List<StarRow> result = db.write(c -> {
            List<StarRow> mine = rowsOf(c, r, DEFAULT_ORDER);
            List<String> missing = unknown(mine, ids);
            if (!missing.isEmpty()) {
                throw unknownIds(missing);
            }
            try (PreparedStatement ps = c.prepareStatement("UPDATE stars SET ord = ? WHERE id = ?")) {
                for (int i = 0; i < ids.size(); i++) {
                    ps.setInt(1, i);
                    ps.setString(2, ids.get(i));
                    ps.addBatch();
                }
                ps.executeBatch();
            }
            return rowsOf(c, r, DEFAULT_ORDER);
        });
        return Response.ok(array(result));
    }

    private Response bulkUpdate(Request r) throws SQLException {
        r.require(OBJECT, "write");
        ObjectNode body = r.object();
        List<String> removeIds = idList(body, "remove_ids", false);
        JsonNode add = body.get("add");
        List<StarRow> additions = new ArrayList<>();
        if (add != null) {
            if (!add.isArray()) {
                throw ApiError.validation("not_a_list", "Expected a list of items but got type \""
                        + Request.jsonTypeName(add) + "\".", "add");
            }
            if (add.size() > MAX_BATCH) {
                throw ApiError.validation("max_length", "Ensure this field has no more than " + MAX_BATCH
                        + " elements.", "add");
            }
            String now = Timestamps.now();
            for (int i = 0; i < add.size(); i++) {
                if (!add.get(i).isObject()) {
                    throw ApiError.validation("invalid", "Invalid data. Expected a dictionary, but got "
                            + Request.jsonTypeName(add.get(i)) + ".", "add__" + i + "__non_field_errors");
                }
                try {
                    additions.add(fromBody((ObjectNode) add.get(i), Ids.uuid7(), now, 0, null, true));
                } catch (ApiError e) {
                    throw ApiError.validation(e.body().path("code").asText(), e.body().path("detail").asText(),
                            "add__" + i + "__" + e.body().path("attr").asText());
                }
            }
        }
        List<StarRow> result = db.write(c -> {
            List<StarRow> mine = rowsOf(c, r, DEFAULT_ORDER);
            List<String> missing = unknown(mine, removeIds);
            if (!missing.isEmpty()) {
                throw unknownIds(missing);
            }
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM stars WHERE id = ?")) {
                for (String id : removeIds) {
                    ps.setString(1, id);
                    ps.addBatch();
                }
                ps.executeBatch();
            }
            List<StarRow> kept = new ArrayList<>(mine);
            kept.removeIf(s -> removeIds.contains(s.id));
            int next = nextOrder(kept);
            List<StarRow> present = new ArrayList<>(kept);
            for (StarRow a : additions) {
                if (present.stream().anyMatch(a::sameTarget)) {
                    continue;
                }
                StarRow row = new StarRow(a.id, a.path, a.type, a.ref, a.href, next++, a.createdAt);
                insert(c, r, row);
                present.add(row);
            }
            return rowsOf(c, r, DEFAULT_ORDER);
        });
        return Response.ok(array(result));
    }
}
