package dev.burrow.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.burrow.api.EntryPath;
import dev.burrow.api.Json;
import dev.burrow.server.search.SearchFilter;
import dev.burrow.server.search.SqlCondition;
import dev.burrow.server.store.Database;
import dev.burrow.server.store.Ids;
import dev.burrow.server.store.Timestamps;
import dev.burrow.server.store.TreeRow;
import dev.burrow.server.store.TreeRows;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** {@code file_system/}: the project tree (contract/file_system.md §5–§14). */
final class FileSystemHandler implements Handler {

    private static final String OBJECT = "file_system";
    private static final int DEFAULT_LIMIT = 100;

    private final Database db;
    private final Users users;
    private final TreeWrites writes;

    FileSystemHandler(Database db, Users users) {
        this.db = db;
        this.users = users;
        this.writes = new TreeWrites();
    }

    @Override
    public Response handle(Request r) throws SQLException {
        String second = r.segment(1);
        String third = r.segment(2);
        if (r.segments().size() > 3) {
            throw ApiError.notFound();
        }
        if (second == null) {
            return switch (r.method()) {
                case "GET" -> list(r);
                case "POST" -> create(r);
                default -> throw ApiError.methodNotAllowed(r.method());
            };
        }
        if (third == null) {
            switch (second) {
                case "unfiled" -> {
                    return only(r, "GET", () -> unfiled(r));
                }
                case "undo_delete" -> {
                    return only(r, "POST", () -> undoDelete(r));
                }
                case "log_view" -> {
                    return logView(r);
                }
                case "count_by_path" -> {
                    return only(r, "POST", () -> countByPath(r));
                }
                default -> {
                    return detail(r, second);
                }
            }
        }
        return switch (third) {
            case "move" -> only(r, "POST", () -> move(r, second));
            case "link" -> only(r, "POST", () -> link(r, second));
            case "count" -> only(r, "POST", () -> count(r, second));
            default -> throw ApiError.notFound();
        };
    }

    @FunctionalInterface
    private interface Action {
        Response run() throws SQLException;
    }

    private static Response only(Request r, String method, Action action) throws SQLException {
        if (!r.method().equals(method)) {
            throw ApiError.methodNotAllowed(r.method());
        }
        return action.run();
    }

    // ---- list ---------------------------------------------------------------------------

    private Response list(Request r) throws SQLException {
        r.require(OBJECT, "read");
        String orderBy = r.nonEmptyParam("order_by");
        if ("-last_viewed_at".equals(orderBy) || "last_viewed_at".equals(orderBy)) {
            return recents(r, orderBy.startsWith("-"));
        }
        List<String> where = new ArrayList<>();
        List<Object> params = new ArrayList<>();
        where.add("type NOT IN ('link', 'message_template', 'hog_flow')");
        where.add(TreeWrites.VISIBLE);
        params.add(r.environment());

        boolean childrenIndex = false;
        String parent = r.nonEmptyParam("parent");
        String depthText = r.nonEmptyParam("depth");
        Integer depth = Fields.intParam(depthText);
        if (parent != null) {
            where.add("path >= ? AND path < ?");
            params.add(parent + "/");
            params.add(parent + "0");
            if (depth != null && depth == EntryPath.depth(parent) + 1 && EntryPath.normalize(parent).equals(parent)) {
                // Same rows as the prefix rule, but lets SQLite walk the children index.
                childrenIndex = true;
                where.add("parent = ?");
                params.add(parent);
            }
        }
        if (parent == null && depth != null && depth == 1) {
            // the top level: rows whose parent is the root
            childrenIndex = true;
            where.add("parent = ''");
        }
        if (depth != null && !childrenIndex) {
            // (with the children index, parent = P already fixes the depth)
            where.add("depth = ?");
            params.add(depth);
        }
        addEquals(r, "path", "path", where, params);
        addEquals(r, "type", "type", where, params);
        addEquals(r, "ref", "ref", where, params);
        String notType = r.nonEmptyParam("not_type");
        if (notType != null) {
            where.add("type <> ?");
            params.add(notType);
        }
        String typePrefix = r.nonEmptyParam("type__startswith");
        if (typePrefix != null) {
            where.add("substr(type, 1, ?) = ?");
            params.add(typePrefix.codePointCount(0, typePrefix.length()));
            params.add(typePrefix);
        }
        addTime(r, "created_at__gt", ">", where, params);
        addTime(r, "created_at__lt", "<", where, params);
        String search = r.nonEmptyParam("search");
        if (search != null) {
            // First in the WHERE: SQLite tests terms in order, and a search term turns most rows
            // away before the type and visibility terms are read (a third of a search's time).
            SqlCondition cond = SearchFilter.compile(search, Fields.truthy(r.param("search_name_only")), r.userId());
            where.add(0, "(" + cond.sql() + ")");
            params.addAll(0, cond.params());
        }

        String order;
        if (r.nonEmptyParam("ref") != null) {
            order = "(shortcut IS NULL), shortcut";
        } else if (orderBy != null) {
            order = switch (orderBy) {
                case "path" -> "path";
                case "-path" -> "path DESC";
                case "created_at" -> "created_at";
                default -> "created_at DESC";
            };
        } else if (depthText != null) {
            order = "is_folder DESC, path_lower";
        } else if (search != null) {
            // haystack starts with path_lower, so this is the same order, and the search index
            // can then hand rows over in order and stop at the page's end
            order = "haystack";
        } else {
            order = "path_lower";
        }
        int limit = positive(r.param("limit"), DEFAULT_LIMIT, true);
        int offset = positive(r.param("offset"), 0, false);
        String whereSql = (childrenIndex ? "INDEXED BY fs_children " : "") + "WHERE " + String.join(" AND ", where);

        boolean searchInIndexOrder = "haystack".equals(order) && !childrenIndex;
        Result result = db.read(c -> {
            if (searchInIndexOrder) {
                return searchPage(c, whereSql, params, limit, offset);
            }
            List<Object> pageParams = new ArrayList<>(params);
            pageParams.add(limit);
            pageParams.add(offset);
            long count;
            try (PreparedStatement ps = c.prepareStatement("SELECT count(*) FROM file_system " + whereSql)) {
                TreeRows.bind(ps, params);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    count = rs.getLong(1);
                }
            }
            List<TreeRow> rows = count == 0 || offset >= count ? List.of()
                    : TreeRows.query(c, whereSql + " ORDER BY " + order + " LIMIT ? OFFSET ?", pageParams);
            return new Result(count, rows);
        });

        ObjectNode body = r.pageBody(result.count(), limit, offset);
        List<ObjectNode> rows = new ArrayList<>(result.rows().size());
        for (TreeRow row : result.rows()) {
            rows.add(rowJson(row, null));
        }
        return Response.ok(withResultsAndUsers(body, rows));
    }

    /**
     * Adds {@code results} and PostHog's {@code users}: the members whose ids appear as an
     * integer {@code meta.created_by} on this page.
     */
    private ObjectNode withResultsAndUsers(ObjectNode body, List<ObjectNode> rows) throws SQLException {
        ArrayNode results = body.putArray("results");
        Set<Long> creators = new LinkedHashSet<>();
        for (ObjectNode row : rows) {
            results.add(row);
            JsonNode by = row.path("meta").path("created_by");
            if (by.isIntegralNumber()) {
                creators.add(by.asLong());
            }
        }
        ArrayNode userList = body.putArray("users");
        for (Long id : creators) {
            ObjectNode u = users.basic(id);
            if (u != null) {
                userList.add(u);
            }
        }
        return body;
    }

    /** A list answer: the total that matched and the rows of the page asked for. */
    private record Result(long count, List<TreeRow> rows) {
    }

    /**
     * A search in the default order, in one pass over the narrow search index: every matching
     * row id in order gives the count and the page, and only the page's rows are read whole.
     * (A count, then a sorted page, would scan the rows twice.)
     */
    private static Result searchPage(java.sql.Connection c, String whereSql, List<Object> params, int limit,
            int offset) throws SQLException {
        List<Long> ids = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT rowid FROM file_system INDEXED BY fs_search "
                + whereSql + " ORDER BY haystack")) {
            TreeRows.bind(ps, params);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    ids.add(rs.getLong(1));
                }
            }
        }
        if (offset >= ids.size()) {
            return new Result(ids.size(), List.of());
        }
        List<Long> page = ids.subList(offset, (int) Math.min(ids.size(), (long) offset + limit));
        java.util.Map<Long, TreeRow> byRowid = new java.util.HashMap<>();
        for (int from = 0; from < page.size(); from += 500) {
            List<Long> chunk = page.subList(from, Math.min(page.size(), from + 500));
            String marks = String.join(",", java.util.Collections.nCopies(chunk.size(), "?"));
            try (PreparedStatement ps = c.prepareStatement("SELECT " + TreeRows.COLUMNS + ", rowid FROM file_system"
                    + " WHERE rowid IN (" + marks + ")")) {
                TreeRows.bind(ps, chunk);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        byRowid.put(rs.getLong(11), TreeRows.read(rs));
                    }
                }
            }
        }
        List<TreeRow> rows = new ArrayList<>(page.size());
        for (Long id : page) {
            TreeRow row = byRowid.get(id);
            if (row != null) {
                rows.add(row);
            }
        }
        return new Result(ids.size(), rows);
    }

    private static void addEquals(Request r, String param, String column, List<String> where, List<Object> params) {
        String v = r.nonEmptyParam(param);
        if (v != null) {
            where.add(column + " = ?");
            params.add(v);
        }
    }

    private static void addTime(Request r, String param, String op, List<String> where, List<Object> params) {
        String v = r.nonEmptyParam(param);
        if (v == null) {
            return;
        }
        Instant t = Timestamps.parse(v);
        if (t == null) {
            throw ApiError.validation("invalid", "Enter a valid date/time.", param);
        }
        where.add("created_at " + op + " ?");
        params.add(Timestamps.format(t));
    }

    /** DRF's limit/offset parsing: anything invalid falls back to the default. */
    private static int positive(String value, int fallback, boolean strict) {
        Integer n = Fields.intParam(value);
        if (n == null || n < 0 || (strict && n == 0)) {
            return fallback;
        }
        return n;
    }

    private Response recents(Request r, boolean newestFirst) throws SQLException {
        r.require(OBJECT, "read");
        int limit = Math.max(1, Math.min(1000, positive(r.param("limit"), DEFAULT_LIMIT, false)));
        List<Object> params = new ArrayList<>();
        String search = r.nonEmptyParam("search");
        StringBuilder sql = new StringBuilder("SELECT f.id, f.team, f.path, f.type, f.ref, f.href, f.shortcut, f.meta,"
                + " f.created_at, f.created_by, v.viewed_at FROM ");
        if (search != null) {
            sql.append("(SELECT * FROM view_log WHERE user_id = ? AND team = ? ORDER BY viewed_at DESC LIMIT 200) v");
            params.add(r.userId());
            params.add(r.environment());
        } else {
            sql.append("view_log v");
        }
        sql.append(" JOIN file_system f ON f.type = v.type AND f.ref = v.ref AND f.team = v.team"
                + " WHERE v.user_id = ? AND v.team = ? AND (f.shortcut IS NULL OR f.shortcut = 0)"
                + " AND f.type NOT IN ('link', 'message_template', 'hog_flow')");
        params.add(r.userId());
        params.add(r.environment());
        String notType = r.nonEmptyParam("not_type");
        if (notType != null) {
            sql.append(" AND f.type <> ?");
            params.add(notType);
        }
        if (search != null) {
            SqlCondition cond = SearchFilter.compile(search, Fields.truthy(r.param("search_name_only")), r.userId());
            // the condition names bare columns; inside this join they belong to f
            sql.append(" AND f.id IN (SELECT id FROM file_system WHERE ").append(cond.sql()).append(")");
            params.addAll(cond.params());
        }
        sql.append(" ORDER BY v.viewed_at ").append(newestFirst ? "DESC" : "ASC").append(" LIMIT ?");
        params.add(limit);
        List<ObjectNode> rows = db.read(c -> {
            List<ObjectNode> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement(sql.toString())) {
                TreeRows.bind(ps, params);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(rowJson(TreeRows.read(rs), rs.getString(11)));
                    }
                }
            }
            return out;
        });
        ObjectNode body = Json.object();
        body.put("count", rows.size());
        body.putNull("next");
        body.putNull("previous");
        return Response.ok(withResultsAndUsers(body, rows));
    }

    // ---- one row ------------------------------------------------------------------------

    private Response create(Request r) throws SQLException {
        r.require(OBJECT, "write");
        ObjectNode body = r.object();
        String path = Fields.path(body, true);
        String type = Fields.text(body, "type", false, false, true, 100);
        String ref = Fields.text(body, "ref", false, true, true, 100);
        String href = Fields.text(body, "href", false, true, true, 0);
        String meta = Fields.meta(body);
        Boolean shortcut = Fields.bool(body, "shortcut");
        TreeRow row = new TreeRow(Ids.uuid7(), r.environment(), path, type == null ? "" : type, ref, href,
                shortcut == null ? Boolean.FALSE : shortcut, meta, Timestamps.now(), r.userId());
        db.write(c -> {
            writes.ensureFolders(c, EntryPath.ancestors(path), r.environment(), r.userId(), true, Boolean.FALSE);
            TreeRows.insert(c, row);
            return null;
        });
        return Response.created(rowJson(row, null));
    }

    private Response detail(Request r, String id) throws SQLException {
        switch (r.method()) {
            case "GET" -> {
                r.require(OBJECT, "read");
                return Response.ok(rowJson(find(id, r), null));
            }
            case "PATCH", "PUT" -> {
                r.require(OBJECT, "write");
                return update(r, id, r.method().equals("PUT"));
            }
            case "DELETE" -> {
                r.require(OBJECT, "write");
                return delete(r, id);
            }
            default -> throw ApiError.methodNotAllowed(r.method());
        }
    }

    private TreeRow find(String id, Request r) throws SQLException {
        if (!Ids.isUuid(id)) {
            throw ApiError.notFound();
        }
        TreeRow row = db.read(c -> TreeRows.byId(c, id));
        if (row == null || !visible(row, r)) {
            throw ApiError.notFound();
        }
        return row;
    }

    static boolean visible(TreeRow row, Request r) {
        return row.team() == r.environment() || !row.type().startsWith("hog_function/");
    }

    private Response update(Request r, String id, boolean put) throws SQLException {
        if (!Ids.isUuid(id)) {
            throw ApiError.notFound();
        }
        ObjectNode body = r.object();
        String path = Fields.path(body, put);
        String type = Fields.text(body, "type", false, false, true, 100);
        String ref = Fields.text(body, "ref", false, true, true, 100);
        String href = Fields.text(body, "href", false, true, true, 0);
        String meta = Fields.meta(body);
        Boolean shortcut = Fields.bool(body, "shortcut");
        boolean shortcutGiven = body.has("shortcut");
        TreeRow updated = db.write(c -> {
            TreeRow row = TreeRows.byId(c, id);
            if (row == null || !visible(row, r)) {
                throw ApiError.notFound();
            }
            TreeRow next = new TreeRow(row.id(), row.team(), path != null ? path : row.path(),
                    type != null ? type : row.type(), body.has("ref") ? ref : row.ref(),
                    body.has("href") ? href : row.href(), shortcutGiven ? shortcut : row.shortcut(),
                    meta != null ? meta : row.meta(), row.createdAt(), row.createdBy());
            try (PreparedStatement ps = c.prepareStatement("UPDATE file_system SET type = ?, is_folder = ?, ref = ?,"
                    + " href = ?, shortcut = ?, meta = ?, haystack = ? WHERE id = ?")) {
                ps.setString(1, next.type());
                ps.setInt(2, next.isFolder() ? 1 : 0);
                ps.setString(3, next.ref());
                ps.setString(4, next.href());
                if (next.shortcut() == null) {
                    ps.setNull(5, java.sql.Types.INTEGER);
                } else {
                    ps.setInt(5, next.shortcut() ? 1 : 0);
                }
                ps.setString(6, next.meta());
                ps.setString(7, TreeRows.haystack(row.path(), next.type()));
                ps.setString(8, id);
                ps.executeUpdate();
            }
            if (!next.path().equals(row.path())) {
                TreeRows.updatePath(c, id, next.path());
            }
            return next;
        });
        return Response.ok(rowJson(updated, null));
    }

    private Response delete(Request r, String id) throws SQLException {
        if (!Ids.isUuid(id)) {
            throw ApiError.notFound();
        }
        boolean recursive = !"false".equalsIgnoreCase(r.param("recursive"));
        List<ObjectNode> deleted = db.write(c -> {
            TreeRow row = TreeRows.byId(c, id);
            if (row == null || !visible(row, r)) {
                throw ApiError.notFound();
            }
            return writes.delete(c, row, recursive, r.environment(), r.userId());
        });
        if (deleted.isEmpty()) {
            return Response.noContent();
        }
        ObjectNode body = Json.object();
        ArrayNode list = body.putArray("deleted");
        deleted.forEach(list::add);
        return Response.ok(body);
    }

    // ---- actions ------------------------------------------------------------------------

    private String newPath(Request r) {
        ObjectNode body = r.object();
        JsonNode v = body.get("new_path");
        if (v == null || v.isNull() || (v.isTextual() && v.asText().isEmpty())) {
            throw ApiError.plain(400, "new_path is required");
        }
        if (!v.isTextual()) {
            throw ApiError.validation("invalid", "Not a valid string.", null);
        }
        String p = v.asText();
        Fields.checkPath(p, null);
        if (EntryPath.depth(p) == 0) {
            throw ApiError.plain(400, "new_path is required");
        }
        return p;
    }

    private Response move(Request r, String id) throws SQLException {
        r.require(OBJECT, "write");
        if (!Ids.isUuid(id)) {
            throw ApiError.notFound();
        }
        String target = newPath(r);
        TreeWrites.Outcome outcome = db.write(c -> {
            TreeRow row = TreeRows.byId(c, id);
            if (row == null || !visible(row, r)) {
                throw ApiError.notFound();
            }
            return writes.move(c, row, target, r.environment(), r.userId());
        });
        if (outcome.error() != null) {
            throw outcome.error();
        }
        return Response.ok(rowJson(outcome.row(), null));
    }

    private Response link(Request r, String id) throws SQLException {
        r.require(OBJECT, "write");
        if (!Ids.isUuid(id)) {
            throw ApiError.notFound();
        }
        String target = newPath(r);
        TreeRow linked = db.write(c -> {
            TreeRow row = TreeRows.byId(c, id);
            if (row == null || !visible(row, r)) {
                throw ApiError.notFound();
            }
            if (row.isFolder() && target.equals(row.path())) {
                throw ApiError.plain(400, "Cannot link folder into itself");
            }
            return writes.link(c, row, target, r.environment(), r.userId());
        });
        return Response.ok(rowJson(linked, null));
    }

    private Response count(Request r, String id) throws SQLException {
        r.require(OBJECT, "read");
        TreeRow row = find(id, r);
        if (!row.isFolder()) {
            throw ApiError.plain(400, "Count can only be called on folders");
        }
        return Response.ok(countBelow(row.path(), r.environment()));
    }

    private Response countByPath(Request r) throws SQLException {
        r.require(OBJECT, "read");
        String path = r.nonEmptyParam("path");
        if (path == null) {
            throw ApiError.plain(400, "path parameter is required");
        }
        return Response.ok(countBelow(path, r.environment()));
    }

    private static final int COUNT_ENTRIES = 200;

    private static int maxDepthBelow(java.sql.Connection c, String lo, String hi) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT max(depth) FROM file_system WHERE path >= ? AND path < ?")) {
            ps.setString(1, lo);
            ps.setString(2, hi);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getInt(1) : 0;
            }
        }
    }

    /** §11: the visible descendants of {@code folder} (§4). */
    private ObjectNode countBelow(String folder, int team) throws SQLException {
        String lo = folder + "/";
        String hi = folder + "0";
        return db.read(c -> {
            long n;
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT count(*) FROM file_system WHERE path >= ? AND path < ? AND " + TreeWrites.VISIBLE)) {
                ps.setString(1, lo);
                ps.setString(2, hi);
                ps.setInt(3, team);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    n = rs.getLong(1);
                }
            }
            // The first 200 by depth then path, one depth at a time along the (depth, path) index.
            List<TreeRow> entries = new ArrayList<>();
            int depth = Math.max(1, EntryPath.depth(folder));
            int deepest = maxDepthBelow(c, lo, hi);
            for (int d = depth; d <= deepest && entries.size() < COUNT_ENTRIES && entries.size() < n; d++) {
                entries.addAll(TreeRows.query(c, "WHERE depth = ? AND path >= ? AND path < ? AND " + TreeWrites.VISIBLE
                        + " ORDER BY path LIMIT ?", List.of(d, lo, hi, team, COUNT_ENTRIES - entries.size())));
            }
            ObjectNode body = Json.object();
            body.put("count", n);
            ArrayNode list = body.putArray("entries");
            for (TreeRow e : entries) {
                list.add(rowJson(e, null));
            }
            body.put("has_more", n > entries.size());
            return body;
        });
    }

    private Response unfiled(Request r) throws SQLException {
        r.require(OBJECT, "read");
        String type = r.nonEmptyParam("type");
        int created = db.write(c -> writes.unfiled(c, type, r.environment()));
        ObjectNode body = Json.object();
        body.put("count", created);
        return Response.ok(body);
    }

    private Response undoDelete(Request r) throws SQLException {
        r.require(OBJECT, "write");
        ObjectNode body = r.object();
        JsonNode items = body.get("items");
        if (items == null) {
            throw ApiError.validation("required", "This field is required.", "items");
        }
        if (!items.isArray()) {
            throw ApiError.validation("not_a_list", "Expected a list of items but got type \""
                    + Request.jsonTypeName(items) + "\".", "items");
        }
        if (items.isEmpty()) {
            throw ApiError.validation("empty", "This list may not be empty.", "items");
        }
        List<TreeWrites.UndoItem> list = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            JsonNode item = items.get(i);
            if (!item.isObject()) {
                throw ApiError.validation("invalid", "Invalid data. Expected a dictionary, but got "
                        + Request.jsonTypeName(item) + ".", "items__" + i + "__non_field_errors");
            }
            ObjectNode o = (ObjectNode) item;
            String t = prefixed(() -> Fields.text(o, "type", true, false, false, 0), "items__" + i + "__");
            String ref = prefixed(() -> Fields.text(o, "ref", true, false, false, 0), "items__" + i + "__");
            String path = prefixed(() -> Fields.text(o, "path", false, true, true, 0), "items__" + i + "__");
            if (path != null && !path.isEmpty()) {
                Fields.checkPath(path, "items__" + i + "__path");
            }
            list.add(new TreeWrites.UndoItem(t, ref, path == null || path.isEmpty() ? null : path));
        }
        List<TreeWrites.UndoItem> undone = db.write(c -> writes.undoDelete(c, list, r.environment(), r.userId()));
        ObjectNode out = Json.object();
        ArrayNode arr = out.putArray("undone");
        for (TreeWrites.UndoItem u : undone) {
            arr.addObject().put("type", u.type()).put("ref", u.ref());
        }
        return Response.ok(out);
    }

    private static String prefixed(java.util.function.Supplier<String> field, String prefix) {
        try {
            return field.get();
        } catch (ApiError e) {
            String attr = e.body().path("attr").asText(null);
            throw ApiError.raised(e.status(), e.body().path("type").asText(), e.body().path("code").asText(),
                    e.body().path("detail").asText(), attr == null ? null : prefix + attr);
        }
    }

    private Response logView(Request r) throws SQLException {
        r.require(OBJECT, "write");
        if (r.method().equals("POST")) {
            ObjectNode body = r.object();
            String type = Fields.text(body, "type", true, false, false, 0);
            String ref = Fields.text(body, "ref", true, false, false, 0);
            String viewedAt = Fields.text(body, "viewed_at", false, true, true, 0);
            String when;
            if (viewedAt == null || viewedAt.isEmpty()) {
                when = Timestamps.now();
            } else {
                Instant t = Timestamps.parse(viewedAt);
                if (t == null) {
                    throw ApiError.validation("invalid", "Datetime has wrong format.", "viewed_at");
                }
                when = Timestamps.format(t);
            }
            db.write(c -> {
                try (PreparedStatement ps = c.prepareStatement("INSERT INTO view_log(user_id, team, type, ref, viewed_at)"
                        + " VALUES (?,?,?,?,?) ON CONFLICT(user_id, team, type, ref) DO UPDATE SET viewed_at ="
                        + " excluded.viewed_at")) {
                    ps.setLong(1, r.userId());
                    ps.setInt(2, r.environment());
                    ps.setString(3, type);
                    ps.setString(4, ref);
                    ps.setString(5, when);
                    ps.executeUpdate();
                }
                return null;
            });
            return Response.noContent();
        }
        if (!r.method().equals("GET")) {
            throw ApiError.methodNotAllowed(r.method());
        }
        String type = r.nonEmptyParam("type");
        int limit = Math.max(1, Math.min(1000, positive(r.param("limit"), DEFAULT_LIMIT, true)));
        ArrayNode out = db.read(c -> {
            ArrayNode arr = Json.MAPPER.createArrayNode();
            String sql = "SELECT type, ref, viewed_at FROM view_log WHERE user_id = ? AND team = ?"
                    + (type != null ? " AND type = ?" : "") + " ORDER BY viewed_at DESC LIMIT ?";
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                int i = 1;
                ps.setLong(i++, r.userId());
                ps.setInt(i++, r.environment());
                if (type != null) {
                    ps.setString(i++, type);
                }
                ps.setInt(i, limit);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        arr.addObject().put("type", rs.getString(1)).put("ref", rs.getString(2))
                                .put("viewed_at", rs.getString(3));
                    }
                }
            }
            return arr;
        });
        return Response.ok(out);
    }

    // ---- serialisation ------------------------------------------------------------------

    ObjectNode rowJson(TreeRow row, String lastViewedAt) throws SQLException {
        ObjectNode o = Json.object();
        if (row.id() == null) {
            o.putNull("id");
        } else {
            o.put("id", row.id());
        }
        o.put("path", row.path());
        o.put("depth", row.depth());
        o.put("type", row.type());
        o.put("ref", row.ref());
        o.put("href", row.href());
        JsonNode meta;
        try {
            meta = Json.MAPPER.readTree(row.meta());
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            meta = Json.object();
        }
        o.set("meta", meta == null || !meta.isObject() ? Json.object() : meta);
        if (row.shortcut() == null) {
            o.putNull("shortcut");
        } else {
            o.put("shortcut", row.shortcut());
        }
        o.put("created_at", row.createdAt());
        ObjectNode by = users.basic(row.createdBy());
        if (by == null) {
            o.putNull("created_by");
        } else {
            o.set("created_by", by);
        }
        o.put("last_viewed_at", lastViewedAt);
        o.putNull("user_access_level");
        return o;
    }
}
