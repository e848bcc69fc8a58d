package dev.burrow.tree.organise;

import com.fasterxml.jackson.databind.JsonNode;
import dev.burrow.api.BasicUser;
import dev.burrow.api.EntryPath;
import dev.burrow.api.FileSystemEntry;
import dev.burrow.api.ObjectType;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Map;

/** What a template can say about one row: each fact worked out only when a placeholder asks for it. */
final class RowFacts {

    static final String UNKNOWN_CREATOR = "Unknown";

    private final FileSystemEntry row;
    private final Map<Long, BasicUser> users;
    private final DashboardTiles tiles;

    RowFacts(FileSystemEntry row, Map<Long, BasicUser> users, DashboardTiles tiles) {
        this.row = row;
        this.users = users;
        this.tiles = tiles;
    }

    /** The folder PostHog files the row's type under in Unfiled; the raw type for a type it doesn't know. */
    String typeFolder() {
        String type = row.type() == null || row.type().isBlank() ? "Other" : row.type();
        return ObjectType.of(type).map(ObjectType::unfiledName).orElse(type);
    }

    /**
     * The creator as PostHog shows them: {@code meta.created_by} looked up in the list's
     * {@code users} (first and last name, else e-mail), else the row's own {@code created_by}
     * summary, else {@value #UNKNOWN_CREATOR}.
     */
    String creator() {
        JsonNode meta = row.meta();
        JsonNode by = meta == null ? null : meta.get("created_by");
        if (by != null && by.canConvertToLong()) {
            String name = shown(users.get(by.asLong()));
            if (name != null) {
                return name;
            }
        }
        JsonNode summary = row.createdBy();
        if (summary != null && summary.isObject()) {
            String name = shown(new BasicUser(summary.path("id").asLong(), null, null,
                    text(summary, "first_name"), text(summary, "last_name"), text(summary, "email"), false));
            if (name != null) {
                return name;
            }
        }
        return UNKNOWN_CREATOR;
    }

    private static String text(JsonNode o, String field) {
        JsonNode v = o.get(field);
        return v == null || !v.isTextual() ? null : v.asText();
    }

    private static String shown(BasicUser u) {
        if (u == null) {
            return null;
        }
        String name = u.displayName();
        return name == null || name.isBlank() ? null : name.strip();
    }

    /**
     * When the object was created: {@code meta.created_at} (PostHog copies the object's time there;
     * a link row's own {@code created_at} is when the link was made), else the row's
     * {@code created_at}; null when neither reads as a time.
     */
    Instant created() {
        Instant t = null;
        JsonNode meta = row.meta(); // read once: a compact row reads its meta anew on each call
        if (meta != null && meta.path("created_at").isTextual()) {
            t = instant(meta.get("created_at").asText());
        }
        return t != null ? t : instant(row.createdAt());
    }

    /**
     * A timestamp in either form PostHog writes: ISO-8601 ({@code 2026-08-11T08:01:22.201195Z})
     * or Python's {@code str()} of an aware datetime ({@code 2026-08-11 08:01:22.201195+00:00});
     * without an offset it is UTC; a bare date is its midnight, UTC.
     */
    static Instant instant(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String t = text.strip();
        if (t.length() > 10 && t.charAt(10) == ' ') {
            t = t.substring(0, 10) + 'T' + t.substring(11).strip();
        }
        try {
            return OffsetDateTime.parse(t).toInstant();
        } catch (DateTimeParseException notOffset) {
            try {
                return LocalDateTime.parse(t).toInstant(ZoneOffset.UTC);
            } catch (DateTimeParseException notLocal) {
                try {
                    return LocalDate.parse(t).atStartOfDay(ZoneOffset.UTC).toInstant();
                } catch (DateTimeParseException notDate) {
                    return null;
                }
            }
        }
    }

    /** The row's current folder (escaped, canonical). */
    String parent() {
        return EntryPath.parent(EntryPath.normalize(row.path()));
    }

    /** Why {@code {dashboard}} has no value for this row, or null when it has one. */
    String dashboardMissing() {
        if (!ObjectType.INSIGHT.wire().equals(row.type())) {
            return "it is not an insight, and only insights sit on dashboards";
        }
        return tiles.folderOf(row.ref()) == null ? "it is on no dashboard" : null;
    }

    String dashboardFolder() {
        return tiles.folderOf(row.ref());
    }
}
