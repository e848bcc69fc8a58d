package dev.burrow.server;

import com.fasterxml.jackson.databind.JsonNode;
import dev.burrow.api.Json;
import dev.burrow.server.render.CsvWriter;
import dev.burrow.server.render.InsightData;
import dev.burrow.server.render.PngRenderer;
import dev.burrow.server.render.RenderFailure;
import dev.burrow.server.render.Table;
import dev.burrow.server.render.XlsxWriter;
import dev.burrow.server.store.Database;
import dev.burrow.server.store.ExportsTable;
import dev.burrow.server.store.ObjectsTable;
import dev.burrow.server.store.StoredObject;
import java.io.IOException;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Renders one export row into its file and records the outcome on the row: the storage key on
 * success, or PostHog's exception, exception type and failure type.
 */
final class ExportRenderer {

    private static final Logger LOG = Logger.getLogger(ExportRenderer.class.getName());
    static final String NO_RECORDINGS = "The local server has no session recordings, so it cannot render"
            + " this export.";
    static final String NO_HEATMAPS = "The local server does not render heatmap screenshots.";
    static final String NOTHING_TO_EXPORT = "Export is missing required dashboard, insight ID, or session_recording_id"
            + " in export_context";
    static final String NO_PATH_FETCH = "The local server does not fetch export_context.path: export an insight, or"
            + " send its query in export_context.source.";
    static final String UNKNOWN_QUERY = "The local server can only export the stored results of a saved insight, and"
            + " no insight of this project has this query.";
    /** Above this, content that cannot go to storage is not kept in the database either. */
    static final int MAX_DB_FALLBACK_BYTES = 16 * 1024 * 1024;

    private final Database db;
    private final ObjectStorage storage;

    ExportRenderer(Database db, ObjectStorage storage) {
        this.db = db;
        this.storage = storage;
    }

    /** An export to render: its format and what it shows. */
    private record Job(long id, int team, ExportFormat format, Long dashboard, Long insight, JsonNode context) {
    }

    void render(long id) throws SQLException {
        ExportsTable.RenderJob stored = db.read(c -> ExportsTable.renderJob(c, id));
        if (stored == null) {
            return;
        }
        Job job = new Job(id, stored.team(), ExportFormat.of(stored.format()), stored.dashboard(), stored.insight(),
                stored.context() == null ? Json.MAPPER.nullNode() : Json.parse(stored.context()));
        byte[] data;
        try {
            data = produce(job);
        } catch (RenderFailure f) {
            fail(id, f.getMessage(), f.exceptionType(), f.failureType());
            return;
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "export " + id + " failed", e);
            fail(id, e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage(),
                    e.getClass().getSimpleName(), RenderFailure.UNKNOWN);
            return;
        }
        String location = null;
        byte[] fallback = null;
        try {
            location = storage.put(job.format().fileExt() + "/team-" + job.team() + "/task-" + id, data);
        } catch (IOException | RuntimeException e) {
            LOG.log(Level.WARNING, "export " + id + ": storage write failed, keeping the content in the database", e);
            if (data.length > MAX_DB_FALLBACK_BYTES) {
                fail(id, "The export is too large to store without object storage.", "ExportTooLarge",
                        RenderFailure.SYSTEM);
                return;
            }
            fallback = data;
        }
        String key = location;
        byte[] bytes = fallback;
        db.write(c -> {
            ExportsTable.rendered(c, id, key, bytes);
            return null;
        });
    }

    private void fail(long id, String exception, String type, String failure) throws SQLException {
        db.write(c -> {
            ExportsTable.failed(c, id, exception, type, failure);
            return null;
        });
    }

    private byte[] produce(Job job) throws RenderFailure, SQLException {
        ExportFormat f = job.format();
        JsonNode ctx = job.context();
        if (f == null || f == ExportFormat.PDF || f == ExportFormat.JSON || f == ExportFormat.JSONL) {
            String mime = f == null ? "unknown" : f.mime;
            throw new RenderFailure("Export to format " + mime + " is not supported for insights",
                    "NotImplementedError", RenderFailure.UNKNOWN);
        }
        if (f.isVideo()) {
            throw new RenderFailure(NO_RECORDINGS, "NotImplementedError", RenderFailure.USER);
        }
        if (f == ExportFormat.PNG) {
            if (job.insight() != null) {
                InsightData insight = insight(job.insight(), job.team(), displayOf(ctx.get("source")));
                if (insight == null) {
                    throw new RenderFailure(NOTHING_TO_EXPORT, "ValueError", RenderFailure.USER);
                }
                return PngRenderer.insight(insight);
            }
            if (job.dashboard() != null) {
                return dashboard(job.dashboard(), job.team());
            }
            if (ExportAnswers.truthy(ctx.get("session_recording_id"))) {
                throw new RenderFailure(NO_RECORDINGS, "NotImplementedError", RenderFailure.USER);
            }
            if (ExportAnswers.truthy(ctx.get("heatmap_url"))) {
                throw new RenderFailure(NO_HEATMAPS, "NotImplementedError", RenderFailure.USER);
            }
            throw new RenderFailure(NOTHING_TO_EXPORT, "ValueError", RenderFailure.USER);
        }
        // CSV and XLSX: export_context.source, else the insight's stored query.
        JsonNode source = ctx.get("source");
        InsightData data;
        if (source != null && !source.isNull()) {
            data = job.insight() != null ? insight(job.insight(), job.team(), null) : insightWithQuery(source, job.team());
            if (data == null) {
                throw new RenderFailure(UNKNOWN_QUERY, "QueryError", RenderFailure.USER);
            }
        } else if (job.insight() != null) {
            data = insight(job.insight(), job.team(), null);
            if (data == null) {
                throw new RenderFailure(NOTHING_TO_EXPORT, "ValueError", RenderFailure.USER);
            }
        } else if (ExportAnswers.truthy(ctx.get("path"))) {
            throw new RenderFailure(NO_PATH_FETCH, "NotImplementedError", RenderFailure.USER);
        } else {
            throw new RenderFailure("'path'", "KeyError", RenderFailure.UNKNOWN);
        }
        List<String> columns = new ArrayList<>();
        ctx.path("columns").forEach(c -> columns.add(c.asText()));
        Table table = Table.of(data, columns);
        return f == ExportFormat.CSV ? CsvWriter.write(table) : XlsxWriter.write(table);
    }

    /** A display a query asks for ({@code trendsFilter.display}, at its top or in its source), or null. */
    private static String displayOf(JsonNode source) {
        if (source == null || !source.isObject()) {
            return null;
        }
        JsonNode inner = source.has("source") ? source.get("source") : source;
        JsonNode display = inner.path("trendsFilter").path("display");
        return display.isTextual() ? display.asText() : null;
    }

    private InsightData insight(long id, int team, String display) throws SQLException {
        return db.read(c -> insightData(ObjectsTable.liveById(c, "insight", id, team), display));
    }

    private static InsightData insightData(StoredObject o, String display) {
        return o == null ? null : InsightData.fromPayload(o.id(), o.name(), Json.parse(o.payload()), display);
    }

    /** The saved insight whose query is {@code source} (the whole node or its inner source), or null. */
    private InsightData insightWithQuery(JsonNode source, int team) throws SQLException {
        return db.read(c -> {
            for (StoredObject o : ObjectsTable.live(c, "insight", team)) {
                JsonNode payload = Json.parse(o.payload());
                JsonNode query = payload.path("query");
                if (query.equals(source) || query.path("source").equals(source)
                        || (source.has("source") && query.path("source").equals(source.get("source")))) {
                    return InsightData.fromPayload(o.id(), o.name(), payload, displayOf(source));
                }
            }
            return null;
        });
    }

    private byte[] dashboard(long id, int team) throws SQLException, RenderFailure {
        record Dash(String name, String description, List<InsightData> tiles) {
        }
        Dash d = db.read(c -> {
            StoredObject dash = ObjectsTable.liveById(c, "dashboard", id, team);
            if (dash == null) {
                return null;
            }
            JsonNode payload = Json.parse(dash.payload());
            List<InsightData> tiles = new ArrayList<>();
            for (JsonNode tile : payload.path("tiles")) {
                InsightData i = insightData(ObjectsTable.liveById(c, "insight", tile.asLong(), team), null);
                if (i != null) {
                    tiles.add(i);
                }
            }
            return new Dash(dash.name(), payload.path("description").asText(""), tiles);
        });
        if (d == null) {
            throw new RenderFailure(NOTHING_TO_EXPORT, "ValueError", RenderFailure.USER);
        }
        return PngRenderer.dashboard(d.name(), d.description(), d.tiles());
    }
}
