package dev.burrow.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.burrow.api.Json;
import dev.burrow.server.store.Database;
import dev.burrow.server.store.Timestamps;
import java.io.IOException;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.regex.Pattern;

/**
 * {@code exports/}: PostHog's exported assets. Creates validate in PostHog's order, insert the
 * row, then render it (before answering, or in the background when the server runs with
 * {@code --exports async}); content is served through signed local object-storage URLs.
 */
final class ExportsHandler implements Handler {

    private static final Logger LOG = Logger.getLogger(ExportsHandler.class.getName());
    static final String STUCK = "Export failed without throwing an exception. Please try to rerun this export and"
            + " contact support if it fails to complete multiple times.";
    private static final int DEFAULT_LIMIT = 100;
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd-HHmmss")
            .withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter SECONDS = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss'Z'")
            .withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter MICROS = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSS'Z'")
            .withZone(ZoneOffset.UTC);
    private static final Pattern UNSAFE_RECORDING = Pattern.compile("[/\\\\%\\s\\x00-\\x1F]|\\.\\.");
    private static final String COLUMNS = "e.id, e.team, e.created_by, e.dashboard, e.insight, e.export_format,"
            + " e.export_context, e.created_at, e.expires_after,"
            + " (e.content IS NOT NULL OR e.content_location IS NOT NULL), e.content_location, e.exception,"
            + " (SELECT o.name FROM objects o WHERE o.type = 'dashboard' AND o.id = e.dashboard"
            + "   ORDER BY o.team = e.team DESC LIMIT 1),"
            + " (SELECT o.name FROM objects o WHERE o.type = 'insight' AND o.id = e.insight"
            + "   ORDER BY o.team = e.team DESC LIMIT 1)"
            + " FROM exports e";

    private final Database db;
    private final ObjectStorage storage;
    private final ExportRenderer renderer;
    private final ExecutorService pool;
    private final boolean async;

    ExportsHandler(Database db, ObjectStorage storage, ExecutorService pool, boolean async) {
        this.db = db;
        this.storage = storage;
        this.renderer = new ExportRenderer(db, storage);
        this.pool = pool;
        this.async = async;
    }

    /** One stored export with the names its filename needs. */
    record Row(long id, int team, Long createdBy, Long dashboard, Long insight, String format, JsonNode context,
            String createdAt, String expiresAfter, boolean hasContent, String location, String exception,
            String dashboardName, String insightName) {

        boolean isRecordingExport() {
            return truthy(context == null ? null : context.get("session_recording_id"));
        }
    }

    @Override
    public Response handle(Request r) throws SQLException {
        List<String> seg = r.segments();
        String method = r.method();
        if (seg.size() == 1) {
            return switch (method) {
                case "GET" -> list(r);
                case "POST" -> create(r);
                default -> throw ApiError.methodNotAllowed(method);
            };
        }
        if (seg.size() == 2) {
            if (!method.equals("GET")) {
                throw ApiError.methodNotAllowed(method);
            }
            r.require("export", "read");
            Row row = visible(r, seg.get(1));
            if (row == null || ExportFormat.JSONL.mime.equals(row.format())) {
                throw ApiError.notFound();
            }
            return Response.ok(json(row));
        }
        if (seg.size() == 3 && seg.get(2).equals("content")) {
            if (!method.equals("GET")) {
                throw ApiError.methodNotAllowed(method);
            }
            return content(r);
        }
        throw ApiError.notFound();
    }

    // ---- reads ----

    private static Long parseId(String s) {
        try {
            return Long.valueOf(s);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** The row {@code id} as the caller may see it: this team, not expired, theirs or a recording export. */
    private Row visible(Request r, String id) throws SQLException {
        Long numeric = parseId(id);
        if (numeric == null) {
            return null;
        }
        List<Row> rows = db.read(c -> query(c, " WHERE e.id = ? AND e.team = ? AND (e.expires_after IS NULL"
                + " OR e.expires_after > ?)", List.of(numeric, r.environment(), Timestamps.now())));
        if (rows.isEmpty()) {
            return null;
        }
        Row row = rows.get(0);
        boolean mine = row.createdBy() != null && row.createdBy() == r.userId();
        return mine || row.isRecordingExport() ? row : null;
    }

    static List<Row> query(Connection c, String where, List<Object> params) throws SQLException {
        List<Row> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + where)) {
            for (int i = 0; i < params.size(); i++) {
                ps.setObject(i + 1, params.get(i));
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    String ctx = rs.getString(7);
                    out.add(new Row(rs.getLong(1), rs.getInt(2), nullableLong(rs, 3), nullableLong(rs, 4),
                            nullableLong(rs, 5), rs.getString(6), ctx == null ? null : Json.parse(ctx),
                            rs.getString(8), rs.getString(9), rs.getBoolean(10), rs.getString(11), rs.getString(12),
                            rs.getString(13), rs.getString(14)));
                }
            }
        }
        return out;
    }

    private static Long nullableLong(ResultSet rs, int col) throws SQLException {
        long v = rs.getLong(col);
        return rs.wasNull() ? null : v;
    }

    private Response list(Request r) throws SQLException {
        r.require("export", "read");
        int limit = positive(r.param("limit"), DEFAULT_LIMIT, true);
        int offset = positive(r.param("offset"), 0, false);
        StringBuilder where = new StringBuilder(" WHERE e.team = ? AND e.created_by = ?"
                + " AND (e.expires_after IS NULL OR e.expires_after > ?)");
        List<Object> params = new ArrayList<>(List.of(r.environment(), r.userId(), Timestamps.now()));
        String format = r.param("export_format");
        if (format != null && ExportFormat.of(format) != null) {
            where.append(" AND e.export_format = ?");
            params.add(format);
        }
        String contextPath = r.param("context_path");
        if (contextPath != null) {
            where.append(" AND instr(lower(json_extract(e.export_context, '$.path')), lower(?)) > 0");
            params.add(contextPath);
        }
        String recording = r.param("session_recording_id");
        if (recording != null) {
            where.append(" AND CAST(json_extract(e.export_context, '$.session_recording_id') AS TEXT) = ?"
                    + " AND json_type(e.export_context, '$.session_recording_id') = 'text'");
            params.add(recording);
        }
        record Page(long count, List<Row> rows) {
        }
        Page page = db.read(c -> {
            long count;
            try (PreparedStatement ps = c.prepareStatement("SELECT count(*) FROM exports e" + where)) {
                for (int i = 0; i < params.size(); i++) {
                    ps.setObject(i + 1, params.get(i));
                }
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    count = rs.getLong(1);
                }
            }
            List<Object> pageParams = new ArrayList<>(params);
            pageParams.add(limit);
            pageParams.add(offset);
            return new Page(count, query(c, where + " ORDER BY e.created_at DESC, e.id DESC LIMIT ? OFFSET ?",
                    pageParams));
        });
        ObjectNode body = r.pageBody(page.count(), limit, offset);
        ArrayNode results = body.putArray("results");
        for (Row row : page.rows()) {
            results.add(json(row));
        }
        return Response.ok(body);
    }

    private static int positive(String value, int fallback, boolean strict) {
        Integer n = Fields.intParam(value);
        if (n == null || n < 0 || (strict && n == 0)) {
            return fallback;
        }
        return n;
    }

    // ---- serialization ----

    ObjectNode json(Row row) {
        ObjectNode n = Json.object();
        n.put("id", row.id());
        putLong(n, "dashboard", row.dashboard());
        putLong(n, "insight", row.insight());
        n.put("export_format", row.format());
        Instant created = Timestamps.parse(row.createdAt());
        n.put("created_at", created == null ? row.createdAt() : drfTime(created));
        n.put("has_content", row.hasContent());
        n.set("export_context", row.context() == null ? Json.MAPPER.nullNode() : row.context());
        n.put("filename", filename(row));
        Instant expires = Timestamps.parse(row.expiresAfter());
        if (expires == null) {
            n.putNull("expires_after");
        } else {
            n.put("expires_after", drfTime(expires));
        }
        String exception = row.exception();
        if (exception == null && !row.hasContent() && created != null) {
            ExportFormat f = ExportFormat.of(row.format());
            long threshold = f == null ? 630 : f.stuckAfterSeconds();
            if (created.plusSeconds(threshold).isBefore(Instant.now())) {
                exception = STUCK;
            }
        }
        if (exception == null) {
            n.putNull("exception");
        } else {
            n.put("exception", exception);
        }
        return n;
    }

    private static void putLong(ObjectNode n, String name, Long value) {
        if (value == null) {
            n.putNull(name);
        } else {
            n.put(name, value);
        }
    }

    /** DRF's datetime output: UTC with Z, microseconds only when there are any. */
    static String drfTime(Instant t) {
        return (t.getNano() / 1000 == 0 ? SECONDS : MICROS).format(t);
    }

    /** §3.2: the context's filename, else the dashboard's or insight's name; then the time and extension. */
    static String filename(Row row) {
        String base;
        JsonNode given = row.context() == null ? null : row.context().get("filename");
        if (truthy(given)) {
            base = ExportFormat.slugify(given.isTextual() ? given.asText() : pythonStr(given));
        } else if (row.dashboard() != null && row.dashboardName() != null) {
            base = "export-" + ExportFormat.slugify(row.dashboardName());
        } else if (row.insight() != null && row.insightName() != null) {
            String name = row.insightName().isEmpty() ? "insight" : row.insightName();
            base = "export-" + ExportFormat.slugify(name);
        } else {
            base = "export";
        }
        Instant created = Timestamps.parse(row.createdAt());
        if (created != null) {
            base += "-" + STAMP.format(created);
        }
        ExportFormat f = ExportFormat.of(row.format());
        return base + "." + (f == null ? row.format().substring(row.format().indexOf('/') + 1) : f.extension);
    }

    /** Python's truthiness of a JSON value: null, false, 0, "", [] and {} are false. */
    static boolean truthy(JsonNode v) {
        if (v == null || v.isNull() || v.isMissingNode()) {
            return false;
        }
        if (v.isBoolean()) {
            return v.asBoolean();
        }
        if (v.isNumber()) {
            return v.asDouble() != 0;
        }
        if (v.isTextual()) {
            return !v.asText().isEmpty();
        }
        return v.size() > 0;
    }

    /** How Python's {@code str()} shows a JSON scalar (True, None, 5). */
    private static String pythonStr(JsonNode v) {
        if (v.isBoolean()) {
            return v.asBoolean() ? "True" : "False";
        }
        if (v.isNull()) {
            return "None";
        }
        return v.isValueNode() ? v.asText() : Json.write(v);
    }

    // ---- create ----

    private Response create(Request r) throws SQLException {
        r.require("export", "write");
        ObjectNode body = r.objectOrForm("export_context");
        JsonNode ctx = body.get("export_context");
        boolean contextObject = ctx != null && ctx.isObject();
        if (present(body.get("dashboard"))) {
            r.require("dashboard", "read");
        }
        if (present(body.get("insight"))) {
            r.require("insight", "read");
        }
        if (contextObject && truthy(ctx.get("session_recording_id"))) {
            r.require("session_recording", "read");
        }
        if (contextObject && present(ctx.get("source"))) {
            r.require("query", "read");
        }

        // 1. export_format
        if (!body.has("export_format")) {
            throw ApiError.validation("required", "This field is required.", "export_format");
        }
        JsonNode formatNode = body.get("export_format");
        if (formatNode.isNull()) {
            throw ApiError.validation("null", "This field may not be null.", "export_format");
        }
        String formatText = formatNode.isTextual() ? formatNode.asText() : pythonStr(formatNode);
        ExportFormat format = ExportFormat.of(formatText);
        if (format == null || !format.creatable()) {
            throw ApiError.validation("invalid_choice", "\"" + formatText + "\" is not a valid choice.",
                    "export_format");
        }
        // 2. primary keys
        Long dashboard = pk(body.get("dashboard"), "dashboard");
        Long insight = pk(body.get("insight"), "insight");
        Integer dashboardTeam = dashboard == null ? null : teamOf("dashboard", dashboard, r.environment());
        if (dashboard != null && dashboardTeam == null) {
            throw doesNotExist(body.get("dashboard"), "dashboard");
        }
        Integer insightTeam = insight == null ? null : teamOf("insight", insight, r.environment());
        if (insight != null && insightTeam == null) {
            throw doesNotExist(body.get("insight"), "insight");
        }
        // 3. a target
        if (dashboard == null && insight == null && !truthy(ctx)) {
            throw ApiError.validation("invalid", "Either dashboard, insight or export_context is required for an"
                    + " export.", null);
        }
        // 4. the team
        if (dashboard != null && dashboardTeam != r.environment()) {
            throw ApiError.validation("invalid", "This dashboard does not belong to your team.", "dashboard");
        }
        if (insight != null && insightTeam != r.environment()) {
            throw ApiError.validation("invalid", "This insight does not belong to your team.", "insight");
        }
        // 5. API-path exports
        if (contextObject && truthy(ctx.get("path"))) {
            JsonNode m = ctx.has("method") ? ctx.get("method") : Json.MAPPER.getNodeFactory().textNode("GET");
            boolean get = m.isTextual() && m.asText().equalsIgnoreCase("GET");
            if (!get || (ctx.has("body") && !ctx.get("body").isNull())) {
                throw ApiError.validation("invalid", "Exports from API endpoints only support GET requests without a"
                        + " request body.", "export_context");
            }
        }
        // 6. the session recording id
        JsonNode recording = contextObject ? ctx.get("session_recording_id") : null;
        if (truthy(recording) && (!recording.isTextual() || UNSAFE_RECORDING.matcher(recording.asText()).find())) {
            throw ApiError.validation("invalid", "Invalid session_recording_id.", "export_context");
        }
        // 7, 8 (video quota, heatmap SSRF) are PostHog only; 9: every local request is a personal API key.

        Instant now = Instant.now();
        String createdAt = Timestamps.format(now);
        String expires = Timestamps.format(now.plus(format.ttlDays, ChronoUnit.DAYS).truncatedTo(ChronoUnit.DAYS));
        String contextText = ctx == null || ctx.isNull() ? null : Json.write(ctx);
        long id = db.write(c -> {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO exports(team, created_by, dashboard, insight,"
                    + " export_format, export_context, created_at, expires_after, source_authentication)"
                    + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'personal_api_key')", Statement.RETURN_GENERATED_KEYS)) {
                ps.setInt(1, r.environment());
                ps.setLong(2, r.userId());
                ps.setObject(3, dashboard);
                ps.setObject(4, insight);
                ps.setString(5, format.mime);
                ps.setString(6, contextText);
                ps.setString(7, createdAt);
                ps.setString(8, expires);
                ps.executeUpdate();
                try (ResultSet keys = ps.getGeneratedKeys()) {
                    keys.next();
                    return keys.getLong(1);
                }
            }
        });
        // 12. checks after the insert: the row stays, as on PostHog.
        if (format.isVideo() && !truthy(recording)) {
            throw ApiError.validation("invalid", "Video export supports session recordings only.", "export_format");
        }
        if (async) {
            // the 201 shows the row as inserted; the file follows in the background
            ObjectNode pending = json(db.read(c -> query(c, " WHERE e.id = ?", List.of(id))).get(0));
            try {
                pool.execute(() -> renderQuietly(id));
            } catch (RejectedExecutionException e) {
                LOG.log(Level.FINE, "export " + id + " not queued: the server is stopping", e);
            }
            return Response.created(pending);
        }
        renderQuietly(id);
        List<Row> rows = db.read(c -> query(c, " WHERE e.id = ?", List.of(id)));
        return Response.created(json(rows.get(0)));
    }

    private void renderQuietly(long id) {
        try {
            renderer.render(id);
        } catch (SQLException | RuntimeException e) {
            // PostHog swallows a render that could not run: the export stays pending (then stuck).
            LOG.log(Level.WARNING, "export " + id + " could not be rendered", e);
        }
    }

    private static boolean present(JsonNode v) {
        return v != null && !v.isNull() && !(v.isTextual() && v.asText().isEmpty());
    }

    /** A DRF primary-key field: null or "" is none; an integer or digits is an id; anything else is the wrong type. */
    private static Long pk(JsonNode v, String attr) {
        if (!present(v)) {
            return null;
        }
        if (v.isIntegralNumber() && v.canConvertToLong()) {
            return v.asLong();
        }
        if (v.isTextual() && v.asText().strip().matches("-?\\d{1,18}")) {
            return Long.parseLong(v.asText().strip());
        }
        if (v.isIntegralNumber()) {
            throw ApiError.validation("does_not_exist", "Invalid pk \"" + v.asText() + "\" - object does not exist.",
                    attr);
        }
        throw ApiError.validation("incorrect_type", "Incorrect type. Expected pk value, received "
                + Request.jsonTypeName(v) + ".", attr);
    }

    private static ApiError doesNotExist(JsonNode v, String attr) {
        return ApiError.validation("does_not_exist", "Invalid pk \"" + v.asText() + "\" - object does not exist.",
                attr);
    }

    /** The team of a live dashboard or insight (preferring {@code team} if ids repeat), or null. */
    private Integer teamOf(String type, long id, int team) throws SQLException {
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT team FROM objects WHERE type = ? AND id = ?"
                    + " AND deleted = 0 ORDER BY team = ? DESC LIMIT 1")) {
                ps.setString(1, type);
                ps.setLong(2, id);
                ps.setInt(3, team);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? rs.getInt(1) : null;
                }
            }
        });
    }

    // ---- content ----

    private Response content(Request r) throws SQLException {
        r.require("export", "read");
        Row row = visible(r, r.segment(1));
        if (row == null) {
            throw ApiError.notFound();
        }
        if (ExportFormat.JSONL.mime.equals(row.format())) {
            JsonNode dataset = row.context() == null ? null : row.context().get("dataset_id");
            if (dataset == null || !dataset.isTextual()) {
                throw ApiError.notFound();
            }
            return Response.redirect("/api/projects/" + row.team() + "/datasets/" + dataset.asText() + "/exports/"
                    + row.id() + "/content");
        }
        if (!row.hasContent()) {
            throw ApiError.notFound();
        }
        boolean download = Fields.truthy(r.param("download"));
        boolean direct = Fields.truthy(r.param("direct")) && ExportFormat.PNG.mime.equals(row.format());
        String disposition = download ? "attachment; filename=\"" + filename(row) + "\"" : null;
        byte[] stored = db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT content FROM exports WHERE id = ?")) {
                ps.setLong(1, row.id());
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? rs.getBytes(1) : null;
                }
            }
        });
        if (stored == null && !direct) {
            return Response.redirect(storage.url(r.baseUrl(), row.location(), row.format(), disposition));
        }
        byte[] data = stored;
        if (data == null) {
            try {
                data = Files.readAllBytes(storage.file(row.location()));
            } catch (IOException | RuntimeException e) {
                throw new IllegalStateException("export " + row.id() + ": stored content is unreadable", e);
            }
        }
        Response ok = Response.bytes(200, row.format(), data).withHeader("Cache-Control", "max-age=86400");
        return disposition == null ? ok : ok.withHeader("Content-Disposition", disposition);
    }
}
