package dev.burrow.server;

import com.fasterxml.jackson.databind.JsonNode;
import dev.burrow.api.ExportedAsset;
import dev.burrow.api.Json;
import dev.burrow.server.store.StoredExport;
import dev.burrow.server.store.Timestamps;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** A stored export as the API sends it (contract/exports.md §2, §3.2), and Python's view of JSON values. */
final class ExportAnswers {

    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd-HHmmss")
            .withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter SECONDS = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss'Z'")
            .withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter MICROS = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSS'Z'")
            .withZone(ZoneOffset.UTC);

    private ExportAnswers() {
    }

    static ExportedAsset asset(StoredExport e) {
        Instant created = Timestamps.parse(e.createdAt());
        Instant expires = Timestamps.parse(e.expiresAfter());
        String exception = e.exception();
        if (exception == null && !e.hasContent() && created != null) {
            ExportFormat f = ExportFormat.of(e.format());
            long threshold = f == null ? 630 : f.stuckAfterSeconds();
            if (created.plusSeconds(threshold).isBefore(Instant.now())) {
                exception = ExportsHandler.STUCK;
            }
        }
        return new ExportedAsset(e.id(), e.dashboard(), e.insight(), e.format(),
                created == null ? e.createdAt() : drfTime(created), e.hasContent(), e.context(), filename(e),
                expires == null ? null : drfTime(expires), exception, null);
    }

    /** DRF's datetime output: UTC with Z, microseconds only when there are any. */
    static String drfTime(Instant t) {
        return (t.getNano() / 1000 == 0 ? SECONDS : MICROS).format(t);
    }

    /** §3.2: the context's filename, else the dashboard's or insight's name; then the time and extension. */
    static String filename(StoredExport e) {
        String base;
        JsonNode given = e.context() == null ? null : e.context().get("filename");
        if (truthy(given)) {
            base = ExportFormat.slugify(given.isTextual() ? given.asText() : pythonStr(given));
        } else if (e.dashboard() != null && e.dashboardName() != null) {
            base = "export-" + ExportFormat.slugify(e.dashboardName());
        } else if (e.insight() != null && e.insightName() != null) {
            String name = e.insightName().isEmpty() ? "insight" : e.insightName();
            base = "export-" + ExportFormat.slugify(name);
        } else {
            base = "export";
        }
        Instant created = Timestamps.parse(e.createdAt());
        if (created != null) {
            base += "-" + STAMP.format(created);
        }
        ExportFormat f = ExportFormat.of(e.format());
        return base + "." + (f == null ? e.format().substring(e.format().indexOf('/') + 1) : f.extension);
    }

    /** True for an export of a session recording: any caller of the team may read it. */
    static boolean isRecordingExport(StoredExport e) {
        return truthy(e.context() == null ? null : e.context().get("session_recording_id"));
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
    static String pythonStr(JsonNode v) {
        if (v.isBoolean()) {
            return v.asBoolean() ? "True" : "False";
        }
        if (v.isNull()) {
            return "None";
        }
        return v.isValueNode() ? v.asText() : Json.write(v);
    }
}
