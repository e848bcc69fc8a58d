package dev.burrow.server;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import dev.burrow.api.BasicUser;
import dev.burrow.api.FileSystemEntry;
import dev.burrow.api.Json;
import dev.burrow.server.store.TreeRow;
import dev.burrow.server.store.UsersTable;
import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
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
        JsonNode[] metas = metas(rows);
        List<FileSystemEntry> out = new ArrayList<>(rows.size());
        for (int i = 0; i < rows.size(); i++) {
            TreeRow row = rows.get(i);
            out.add(new FileSystemEntry(row.id(), row.path(), row.depth(), row.type(), row.ref(), row.href(),
                    metas[i], row.shortcut(), row.createdAt(),
                    row.createdBy() == null ? null : members.get(row.createdBy()),
                    lastViewed == null ? null : lastViewed.get(i), null));
        }
        return out;
    }

    /**
     * The rows' meta objects, read with one parser and one reading context for the page instead
     * of one of each per row: those were about half of what reading a meta allocated (890 → 470
     * bytes a row, TreeEntriesMetaTest), ~45 MB of garbage per 111,000-row index load, in the
     * app's heap when the local workspace's server runs in it. Each object must span exactly its
     * row's text; if any does not (text that is not one object), the page is read row by row.
     */
    static JsonNode[] metas(List<TreeRow> rows) {
        JsonNode[] out = new JsonNode[rows.size()];
        StringBuilder all = new StringBuilder();
        int[] from = new int[rows.size()];
        int[] to = new int[rows.size()];
        for (int i = 0; i < rows.size(); i++) {
            String text = rows.get(i).meta();
            if (text == null || text.length() < 2 || text.charAt(0) != '{' || text.charAt(text.length() - 1) != '}') {
                from[i] = -1; // read on its own, as before
                continue;
            }
            from[i] = all.length();
            all.append(text);
            to[i] = all.length();
            all.append('\n');
        }
        if (all.length() > 0 && !readAll(all.toString(), from, to, out)) {
            Arrays.fill(out, null);
        }
        for (int i = 0; i < out.length; i++) {
            if (out[i] == null) {
                out[i] = meta(rows.get(i).meta());
            }
        }
        return out;
    }

    /** Reads the objects at [from[i], to[i]) of {@code all} into {@code out}; false if one is not exactly there. */
    private static boolean readAll(String all, int[] from, int[] to, JsonNode[] out) {
        try (JsonParser p = Json.MAPPER.createParser(all);
                MappingIterator<JsonNode> objects = Json.MAPPER.readerFor(JsonNode.class).readValues(p)) {
            for (int i = 0; i < out.length; i++) {
                if (from[i] < 0) {
                    continue;
                }
                if (!objects.hasNextValue() || p.currentToken() != JsonToken.START_OBJECT
                        || p.currentTokenLocation().getCharOffset() != from[i]) {
                    return false;
                }
                JsonNode meta = objects.nextValue();
                if (p.currentLocation().getCharOffset() != to[i]) {
                    return false;
                }
                out[i] = meta;
            }
            return !objects.hasNextValue();
        } catch (IOException | RuntimeException e) {
            return false;
        }
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
