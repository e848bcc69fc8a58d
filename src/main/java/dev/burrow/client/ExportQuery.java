package dev.burrow.client;

/**
 * The filters of {@code GET exports/} (contract/exports.md §5.1); null = not sent.
 *
 * @param exportFormat       exact MIME type; an unsupported value is ignored by the server
 * @param contextPath        case-insensitive substring of {@code export_context.path}
 * @param sessionRecordingId exact match on {@code export_context.session_recording_id}
 */
public record ExportQuery(String exportFormat, String contextPath, String sessionRecordingId, Integer limit,
        Integer offset) {

    public static ExportQuery all() {
        return new ExportQuery(null, null, null, null, null);
    }

    public ExportQuery withExportFormat(String v) {
        return new ExportQuery(v, contextPath, sessionRecordingId, limit, offset);
    }

    public ExportQuery withLimit(Integer v) {
        return new ExportQuery(exportFormat, contextPath, sessionRecordingId, v, offset);
    }

    public ExportQuery withOffset(Integer v) {
        return new ExportQuery(exportFormat, contextPath, sessionRecordingId, limit, v);
    }

    Query toQuery() {
        return new Query().add("export_format", exportFormat).add("context_path", contextPath)
                .add("session_recording_id", sessionRecordingId).add("limit", limit).add("offset", offset);
    }
}
