package dev.burrow.server;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.burrow.api.BasicUser;
import dev.burrow.api.FileSystemEntry;
import dev.burrow.api.Json;
import dev.burrow.server.store.TreeRow;
import dev.burrow.server.store.UsersTable;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Stored tree rows as the API sends them ({@link FileSystemEntry}), their creators resolved in
 * one read of the members, in the same transaction as the rows.
 */
final class TreeEntries {

    private TreeEntries() {
    }

    static FileSystemEntry of(Connection c, TreeRow row) throws SQLException {
        return of(c, List.of(row), null).get(0);
    }

    /** The rows as entries; {@code lastViewed} (null, or one per row) fills {@code last_viewed_at}. */
    static List<FileSystemEntry> of(Connection c, List<TreeRow> rows, List<String> lastViewed) throws SQLException {
        Set<Long> creators = new HashSet<>();
        for (TreeRow row : rows) {
            if (row.createdBy() != null) {
                creators.add(row.createdBy());
            }
        }
        Map<Long, JsonNode> members = new HashMap<>();
        UsersTable.members(c, creators).forEach((id, user) -> members.put(id, Json.MAPPER.valueToTree(user)));
        List<FileSystemEntry> out = new ArrayList<>(rows.size());
        for (int i = 0; i < rows.size(); i++) {
            TreeRow row = rows.get(i);
            out.add(new FileSystemEntry(row.id(), row.path(), row.depth(), row.type(), row.ref(), row.href(),
                    meta(row.meta()), row.shortcut(), row.createdAt(),
                    row.createdBy() == null ? null : members.get(row.createdBy()),
                    lastViewed == null ? null : lastViewed.get(i), null));
        }
        return out;
    }

    private static JsonNode meta(String text) {
        try {
            JsonNode meta = Json.MAPPER.readTree(text);
            return meta == null || !meta.isObject() ? Json.object() : meta;
        } catch (JsonProcessingException e) {
            return Json.object();
        }
    }

    /** PostHog's {@code users} of a list page: the members whose ids appear as an integer {@code meta.created_by}. */
    static List<BasicUser> metaCreators(Connection c, List<FileSystemEntry> entries) throws SQLException {
        Set<Long> ids = new LinkedHashSet<>();
        for (FileSystemEntry e : entries) {
            JsonNode by = e.meta().path("created_by");
            if (by.isIntegralNumber()) {
                ids.add(by.asLong());
            }
        }
        Map<Long, BasicUser> members = UsersTable.members(c, ids);
        List<BasicUser> out = new ArrayList<>();
        for (Long id : ids) {
            BasicUser u = members.get(id);
            if (u != null) {
                out.add(u);
            }
        }
        return out;
    }
}
