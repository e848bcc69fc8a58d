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

    private static final int MAX_SHARED = 10_000;
    private static final int SHORT_TEXT = 24;

    private final Map<JsonNode, JsonNode> users = new ConcurrentHashMap<>();
    private final Map<String, String> types = new ConcurrentHashMap<>();
    /** The name lists of meta objects, and short text values that repeat ("TRENDS"), each kept once. */
    private final Map<java.util.List<String>, String[]> metaNames = new ConcurrentHashMap<>();
    private final Map<String, JsonNode> shortTexts = new ConcurrentHashMap<>();

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
        String type = word(r.type());
        String access = word(r.userAccessLevel());
        JsonNode meta = meta(r.meta());
        if (by == r.createdBy() && type == r.type() && meta == r.meta() && access == r.userAccessLevel()) {
            return r;
        }
        return new FileSystemEntry(r.id(), r.path(), r.depth(), type, r.ref(), r.href(), meta, r.shortcut(),
                r.createdAt(), by, r.lastViewedAt(), access);
    }

    /** One copy of a word many rows repeat (a type, an access level). */
    private String word(String w) {
        return w == null || types.size() >= MAX_SHARED ? w : types.computeIfAbsent(w, t -> t);
    }

    /** A small meta object as a {@link SmallObject}, its names and short texts shared; others as they are. */
    private JsonNode meta(JsonNode m) {
        if (m == null || !m.isObject()) {
            return m;
        }
        if (m.isEmpty()) {
            return EMPTY;
        }
        if (m.size() > 8 || metaNames.size() >= MAX_SHARED) {
            return m;
        }
        java.util.List<String> names = new ArrayList<>(m.size());
        JsonNode[] values = new JsonNode[m.size()];
        int i = 0;
        for (java.util.Iterator<Map.Entry<String, JsonNode>> it = m.fields(); it.hasNext(); i++) {
            Map.Entry<String, JsonNode> f = it.next();
            names.add(f.getKey());
            JsonNode v = f.getValue();
            if (v.isTextual() && v.textValue().length() <= SHORT_TEXT && shortTexts.size() < MAX_SHARED) {
                JsonNode shared = shortTexts.putIfAbsent(v.textValue(), v);
                v = shared != null ? shared : v;
            }
            values[i] = v;
        }
        return SmallObject.of(metaNames.computeIfAbsent(names, n -> n.toArray(new String[0])), values);
    }

    private static final JsonNode EMPTY = dev.burrow.api.Json.object();
}
