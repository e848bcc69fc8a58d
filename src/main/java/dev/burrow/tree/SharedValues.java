package dev.burrow.tree;

import com.fasterxml.jackson.databind.JsonNode;
import dev.burrow.api.FileSystemEntry;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Makes rows of one load share their repeated values: every row carries its creator as a full
 * user object and its type as its own string, so 100,000 rows held ~100 MB of identical copies.
 * Rows are never mutated after parsing, so sharing equal values is safe.
 */
final class SharedValues {

    private final Map<JsonNode, JsonNode> users = new HashMap<>();
    private final Map<String, String> strings = new HashMap<>();

    List<FileSystemEntry> apply(List<FileSystemEntry> rows) {
        List<FileSystemEntry> out = new ArrayList<>(rows.size());
        for (FileSystemEntry e : rows) {
            out.add(apply(e));
        }
        return out;
    }

    FileSystemEntry apply(FileSystemEntry e) {
        JsonNode by = e.createdBy() == null ? null : users.computeIfAbsent(e.createdBy(), k -> k);
        return new FileSystemEntry(e.id(), e.path(), e.depth(), string(e.type()), e.ref(), e.href(), e.meta(),
                e.shortcut(), e.createdAt(), by, e.lastViewedAt(), string(e.userAccessLevel()));
    }

    private String string(String s) {
        return s == null ? null : strings.computeIfAbsent(s, k -> k);
    }
}
