package dev.burrow.server.store;

import dev.burrow.api.Json;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/** The {@code exports} table: exported assets and where their rendered content lives. */
public final class ExportsTable {

    private static final String COLUMNS = "e.id, e.team, e.created_by, e.dashboard, e.insight, e.export_format,"
            + " e.export_context, e.created_at, e.expires_after,"
            + " (e.content IS NOT NULL OR e.content_location IS NOT NULL), e.content_location, e.exception,"
            + " (SELECT o.name FROM objects o WHERE o.type = 'dashboard' AND o.id = e.dashboard"
            + "   ORDER BY o.team = e.team DESC LIMIT 1),"
            + " (SELECT o.name FROM objects o WHERE o.type = 'insight' AND o.id = e.insight"
            + "   ORDER BY o.team = e.team DESC LIMIT 1)"
            + " FROM exports e";
    private static final String UNEXPIRED = "(e.expires_after IS NULL OR e.expires_after > ?)";

    private ExportsTable() {
    }

    /** The filters of an export list; null fields filter nothing. */
    public record ExportFilter(String format, String contextPath, String recordingId) {
    }

    /** What a new export asks for. */
    public record NewExport(int team, long createdBy, Long dashboard, Long insight, String format, String context,
            String createdAt, String expiresAfter) {
    }

    /** What a render needs of an export. */
    public record RenderJob(long id, int team, String format, Long dashboard, Long insight, String context) {
    }

    private static StoredExport read(ResultSet rs) throws SQLException {
        String ctx = rs.getString(7);
        return new StoredExport(rs.getLong(1), rs.getInt(2), Sql.nullableLong(rs, 3), Sql.nullableLong(rs, 4),
                Sql.nullableLong(rs, 5), rs.getString(6), ctx == null ? null : Json.parse(ctx), rs.getString(8),
                rs.getString(9), rs.getBoolean(10), rs.getString(11), rs.getString(12), rs.getString(13),
                rs.getString(14));
    }

    public static StoredExport find(Connection c, long id) throws SQLException {
        return Sql.first(c, "SELECT " + COLUMNS + " WHERE e.id = ?", ExportsTable::read, id);
    }

    /** Export {@code id} of {@code team} if it has not expired by {@code now}, or null. */
    public static StoredExport unexpired(Connection c, long id, int team, String now) throws SQLException {
        return Sql.first(c, "SELECT " + COLUMNS + " WHERE e.id = ? AND e.team = ? AND " + UNEXPIRED,
                ExportsTable::read, id, team, now);
    }

    /** A page of the user's unexpired exports, newest first, and how many there are. */
    public static Paged page(Connection c, int team, long userId, String now, ExportFilter filter, int limit,
            int offset) throws SQLException {
        StringBuilder where = new StringBuilder(" WHERE e.team = ? AND e.created_by = ? AND " + UNEXPIRED);
        List<Object> params = new ArrayList<>(List.of(team, userId, now));
        if (filter.format() != null) {
            where.append(" AND e.export_format = ?");
            params.add(filter.format());
        }
        if (filter.contextPath() != null) {
            where.append(" AND instr(lower(json_extract(e.export_context, '$.path')), lower(?)) > 0");
            params.add(filter.contextPath());
        }
        if (filter.recordingId() != null) {
            where.append(" AND CAST(json_extract(e.export_context, '$.session_recording_id') AS TEXT) = ?"
                    + " AND json_type(e.export_context, '$.session_recording_id') = 'text'");
            params.add(filter.recordingId());
        }
        long count = Sql.number(c, "SELECT count(*) FROM exports e" + where, params);
        List<Object> pageParams = new ArrayList<>(params);
        pageParams.add(limit);
        pageParams.add(offset);
        return new Paged(count, Sql.list(c, "SELECT " + COLUMNS + where + " ORDER BY e.created_at DESC, e.id DESC"
                + " LIMIT ? OFFSET ?", ExportsTable::read, pageParams));
    }

    /** A page of exports and the total. */
    public record Paged(long count, List<StoredExport> rows) {
    }

    /** Inserts a new export; answers its id. */
    public static long insert(Connection c, NewExport e) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO exports(team, created_by, dashboard, insight,"
                + " export_format, export_context, created_at, expires_after, source_authentication)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'personal_api_key')", Statement.RETURN_GENERATED_KEYS)) {
            ps.setInt(1, e.team());
            ps.setLong(2, e.createdBy());
            ps.setObject(3, e.dashboard());
            ps.setObject(4, e.insight());
            ps.setString(5, e.format());
            ps.setString(6, e.context());
            ps.setString(7, e.createdAt());
            ps.setString(8, e.expiresAfter());
            ps.executeUpdate();
            try (ResultSet keys = ps.getGeneratedKeys()) {
                keys.next();
                return keys.getLong(1);
            }
        }
    }

    /** Content kept in the database (when storage could not take it), or null. */
    public static byte[] storedContent(Connection c, long id) throws SQLException {
        return Sql.first(c, "SELECT content FROM exports WHERE id = ?", rs -> rs.getBytes(1), id);
    }

    public static RenderJob renderJob(Connection c, long id) throws SQLException {
        return Sql.first(c, "SELECT team, export_format, dashboard, insight, export_context FROM exports WHERE id = ?",
                rs -> new RenderJob(id, rs.getInt(1), rs.getString(2), Sql.nullableLong(rs, 3), Sql.nullableLong(rs, 4),
                        rs.getString(5)), id);
    }

    /** Records a finished render: the storage key, or the bytes themselves when storage failed. */
    public static void rendered(Connection c, long id, String location, byte[] content) throws SQLException {
        Sql.update(c, "UPDATE exports SET content_location = ?, content = ?, exception = NULL, exception_type = NULL,"
                + " failure_type = NULL WHERE id = ?", location, content, id);
    }

    /** Records a failed render with PostHog's exception, exception type and failure type. */
    public static void failed(Connection c, long id, String exception, String type, String failure)
            throws SQLException {
        Sql.update(c, "UPDATE exports SET exception = ?, exception_type = ?, failure_type = ? WHERE id = ?",
                exception, type, failure, id);
    }
}
