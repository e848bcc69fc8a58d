package dev.burrow.tree;

import com.fasterxml.jackson.databind.JsonNode;
import dev.burrow.api.FileSystemEntry;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Shares the parts rows repeat: every row of one creator carries the same user summary, and
 * many rows carry an empty {@code meta}. On a 100,000-row index that is most of the heap the
 * rows would otherwise take. Safe to call from any thread.
 */
final class RowInterner {

    private static final int MAX_USERS = 10_000;

    private final Map<JsonNode, JsonNode> users = new ConcurrentHashMap<>();
    private final Map<String, String> types = new ConcurrentHashMap<>();

    List<FileSystemEntry> intern(List<FileSystemEntry> rows) {
        List<FileSystemEntry> out = new ArrayList<>(rows.size());
        for (FileSystemEntry r : rows) {
            out.add(intern(r));
        }
        return out;
    }

    FileSystemEntry intern(FileSystemEntry r) {
        JsonNode by = r.createdBy();
        if (by != null && !by.isNull() && users.size() < MAX_USERS) {
            JsonNode shared = users.putIfAbsent(by, by);
            by = shared != null ? shared : by;
        }
        String type = r.type() == null ? null : types.computeIfAbsent(r.type(), t -> t);
        JsonNode meta = r.meta() != null && r.meta().isEmpty() ? EMPTY : r.meta();
        if (by == r.createdBy() && type == r.type() && meta == r.meta()) {
            return r;
        }
        return new FileSystemEntry(r.id(), r.path(), r.depth(), type, r.ref(), r.href(), meta, r.shortcut(),
                r.createdAt(), by, r.lastViewedAt(), r.userAccessLevel());
    }

    private static final JsonNode EMPTY = dev.burrow.api.Json.object();
}
