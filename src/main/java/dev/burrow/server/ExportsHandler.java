package dev.burrow.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.burrow.api.ExportedAsset;
import dev.burrow.api.Json;
import dev.burrow.server.store.Database;
import dev.burrow.server.store.ExportsTable;
import dev.burrow.server.store.ObjectsTable;
import dev.burrow.server.store.StoredExport;
import dev.burrow.server.store.Timestamps;
import java.io.IOException;
import java.nio.file.Files;
import java.sql.SQLException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
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
final class ExportsHandler {

    private static final Logger LOG = Logger.getLogger(ExportsHandler.class.getName());
    static final String STUCK = "Export failed without throwing an exception. Please try to rerun this export and"
            + " contact support if it fails to complete multiple times.";
    private static final Pattern UNSAFE_RECORDING = Pattern.compile("[/\\\\%\\s\\x00-\\x1F]|\\.\\.");

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

    /** The export the request's id names as the caller may see it: this team, not expired, theirs or a recording export. */
    private StoredExport visible(Request r) throws SQLException {
        long id = r.number(1);
        StoredExport e = db.read(c -> ExportsTable.unexpired(c, id, r.environment(), Timestamps.now()));
        boolean mine = e != null && e.createdBy() != null && e.createdBy() == r.userId();
        return ApiError.orNotFound(mine || e != null && ExportAnswers.isRecordingExport(e) ? e : null);
    }

    Response retrieve(Request r) throws SQLException {
        StoredExport e = visible(r);
        if (ExportFormat.JSONL.mime.equals(e.format())) {
            throw ApiError.notFound();
        }
        return Response.ok(ExportAnswers.asset(e));
    }

    Response list(Request r) throws SQLException {
        Paging paging = Paging.of(r);
        String format = r.param("export_format");
        ExportsTable.ExportFilter filter = new ExportsTable.ExportFilter(
                format != null && ExportFormat.of(format) != null ? format : null, r.param("context_path"),
                r.param("session_recording_id"));
        ExportsTable.Paged page = db.read(c -> ExportsTable.page(c, r.environment(), r.userId(), Timestamps.now(),
                filter, paging.limit(), paging.offset()));
        return Response.ok(paging.answer(r, page.count(), page.rows().stream().map(ExportAnswers::asset).toList(),
                null));
    }

    // ---- create ----

    Response create(Request r) throws SQLException {
        ObjectNode body = r.objectOrForm("export_context");
        JsonNode ctx = body.get("export_context");
        boolean contextObject = ctx != null && ctx.isObject();
        if (present(body.get("dashboard"))) {
            r.require("dashboard", "read");
        }
        if (present(body.get("insight"))) {
            r.require("insight", "read");
        }
        if (contextObject && ExportAnswers.truthy(ctx.get("session_recording_id"))) {
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
        String formatText = formatNode.isTextual() ? formatNode.asText() : ExportAnswers.pythonStr(formatNode);
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
        // 3. something to export
        if (dashboard == null && insight == null && !ExportAnswers.truthy(ctx)) {
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
        if (contextObject && ExportAnswers.truthy(ctx.get("path"))) {
            JsonNode m = ctx.has("method") ? ctx.get("method") : Json.MAPPER.getNodeFactory().textNode("GET");
            boolean get = m.isTextual() && m.asText().equalsIgnoreCase("GET");
            if (!get || (ctx.has("body") && !ctx.get("body").isNull())) {
                throw ApiError.validation("invalid", "Exports from API endpoints only support GET requests without a"
                        + " request body.", "export_context");
            }
        }
        // 6. the session recording id
        JsonNode recording = contextObject ? ctx.get("session_recording_id") : null;
        if (ExportAnswers.truthy(recording)
                && (!recording.isTextual() || UNSAFE_RECORDING.matcher(recording.asText()).find())) {
            throw ApiError.validation("invalid", "Invalid session_recording_id.", "export_context");
        }
        // 7, 8 (video quota, heatmap SSRF) are PostHog only; 9: every local request is a personal API key.

        Instant now = Instant.now();
        ExportsTable.NewExport row = new ExportsTable.NewExport(r.environment(), r.userId(), dashboard, insight,
                format.mime, ctx == null || ctx.isNull() ? null : Json.write(ctx), Timestamps.format(now),
                Timestamps.format(now.plus(format.ttlDays, ChronoUnit.DAYS).truncatedTo(ChronoUnit.DAYS)));
        long id = db.write(c -> ExportsTable.insert(c, row));
        // 12. checks after the insert: the row stays, as on PostHog.
        if (format.isVideo() && !ExportAnswers.truthy(recording)) {
            throw ApiError.validation("invalid", "Video export supports session recordings only.", "export_format");
        }
        if (async) {
            // the 201 shows the row as inserted; the file follows in the background
            ExportedAsset pending = ExportAnswers.asset(db.read(c -> ExportsTable.find(c, id)));
            try {
                pool.execute(() -> renderQuietly(id));
            } catch (RejectedExecutionException e) {
                LOG.log(Level.FINE, "export " + id + " not queued: the server is stopping", e);
            }
            return Response.created(pending);
        }
        renderQuietly(id);
        return Response.created(ExportAnswers.asset(db.read(c -> ExportsTable.find(c, id))));
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
            throw doesNotExist(v, attr);
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
        return db.read(c -> ObjectsTable.teamOf(c, type, id, team));
    }

    // ---- content ----

    Response content(Request r) throws SQLException {
        StoredExport e = visible(r);
        if (ExportFormat.JSONL.mime.equals(e.format())) {
            JsonNode dataset = e.context() == null ? null : e.context().get("dataset_id");
            if (dataset == null || !dataset.isTextual()) {
                throw ApiError.notFound();
            }
            return Response.redirect("/api/projects/" + e.team() + "/datasets/" + dataset.asText() + "/exports/"
                    + e.id() + "/content");
        }
        if (!e.hasContent()) {
            throw ApiError.notFound();
        }
        boolean download = Fields.truthy(r.param("download"));
        boolean direct = Fields.truthy(r.param("direct")) && ExportFormat.PNG.mime.equals(e.format());
        String disposition = download ? "attachment; filename=\"" + ExportAnswers.filename(e) + "\"" : null;
        byte[] stored = db.read(c -> ExportsTable.storedContent(c, e.id()));
        if (stored == null && !direct) {
            return Response.redirect(storage.url(r.baseUrl(), e.location(), e.format(), disposition));
        }
        byte[] data = stored;
        if (data == null) {
            try {
                data = Files.readAllBytes(storage.file(e.location()));
            } catch (IOException | RuntimeException ex) {
                throw new IllegalStateException("export " + e.id() + ": stored content is unreadable", ex);
            }
        }
        Response ok = Response.bytes(200, e.format(), data).withHeader("Cache-Control", "max-age=86400");
        return disposition == null ? ok : ok.withHeader("Content-Disposition", disposition);
    }
}
