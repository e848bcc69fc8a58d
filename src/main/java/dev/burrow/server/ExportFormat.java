package dev.burrow.server;

import java.text.Normalizer;
import java.util.Locale;

/** PostHog's supported export formats, in declaration order: MIME type, extension, default TTL. */
enum ExportFormat {
    PNG("image/png", "png", 180),
    PDF("application/pdf", "pdf", 180),
    CSV("text/csv", "csv", 7),
    XLSX("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "xlsx", 7),
    WEBM("video/webm", "webm", 365),
    MP4("video/mp4", "mp4", 365),
    GIF("image/gif", "gif", 365),
    JSON("application/json", "json", 180),
    JSONL("application/x-ndjson", "jsonl", 7);

    final String mime;
    final String extension;
    final int ttlDays;

    ExportFormat(String mime, String extension, int ttlDays) {
        this.mime = mime;
        this.extension = extension;
        this.ttlDays = ttlDays;
    }

    /** The format of a MIME type, or null for one PostHog does not support. */
    static ExportFormat of(String mime) {
        for (ExportFormat f : values()) {
            if (f.mime.equals(mime)) {
                return f;
            }
        }
        return null;
    }

    /** MP4, WebM and GIF: rendered from session recordings only. */
    boolean isVideo() {
        return this == WEBM || this == MP4 || this == GIF;
    }

    /** Whether a create may ask for it: JSONL rows come only from dataset exports. */
    boolean creatable() {
        return this != JSONL;
    }

    /** The model's {@code file_ext}: the part after '/', used in storage keys. */
    String fileExt() {
        return mime.substring(mime.indexOf('/') + 1);
    }

    /** Seconds after which a row with neither content nor exception reads as stuck (threshold + 30 s). */
    long stuckAfterSeconds() {
        if (isVideo()) {
            return 75 * 60 + 30;
        }
        if (this == JSONL) {
            return 35 * 60 + 30;
        }
        return 600 + 30;
    }

    /** Django's {@code slugify}: ASCII, lower case, word characters, single hyphens, no edge - or _. */
    static String slugify(String text) {
        String ascii = Normalizer.normalize(text, Normalizer.Form.NFKD).replaceAll("[^\\x00-\\x7F]", "");
        String kept = ascii.toLowerCase(Locale.ROOT).replaceAll("[^A-Za-z0-9_\\s-]", "");
        String joined = kept.replaceAll("[-\\s]+", "-");
        return joined.replaceAll("^[-_]+", "").replaceAll("[-_]+$", "");
    }
}
