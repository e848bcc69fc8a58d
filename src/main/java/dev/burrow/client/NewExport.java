package dev.burrow.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.burrow.api.Json;

/**
 * The body of {@code POST exports/}: a format and at least one of dashboard, insight or context.
 * For an insight's CSV or XLSX, also send the insight's query as {@code export_context.source}:
 * PostHog reads only the context for tabular exports.
 */
public record NewExport(String exportFormat, Long dashboard, Long insight, JsonNode exportContext) {

    public static final String PNG = "image/png";
    public static final String CSV = "text/csv";
    public static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    public static final String PDF = "application/pdf";

    public static NewExport dashboard(long id, String format) {
        return new NewExport(format, id, null, null);
    }

    public static NewExport insight(long id, String format) {
        return new NewExport(format, null, id, null);
    }

    public NewExport withContext(JsonNode context) {
        return new NewExport(exportFormat, dashboard, insight, context);
    }

    byte[] body() {
        ObjectNode o = Json.object();
        o.put("export_format", exportFormat);
        if (dashboard != null) {
            o.put("dashboard", dashboard);
        }
        if (insight != null) {
            o.put("insight", insight);
        }
        if (exportContext != null) {
            o.set("export_context", exportContext);
        }
        return Json.bytes(o);
    }
}
