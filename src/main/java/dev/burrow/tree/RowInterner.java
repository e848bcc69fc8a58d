package dev.burrow.tree;

import com.fasterxml.jackson.databind.JsonNode;
import dev.burrow.api.FileSystemEntry;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Shares the parts rows repeat and packs the rest: every row of one creator carries the same user
 * summary, and the type and access level are a handful of words; the fields the tree never reads
 * while it draws go into one array a row ({@link FileSystemEntry#compact()}). Safe to call from
 * any thread.
 */
final class RowInterner {

    private static final int MAX_USERS = 10_000;

    private static final int MAX_SHARED = 10_000;

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
        String type = word(r.type());
        String access = word(r.userAccessLevel());
        if (by != r.createdBy() || type != r.type() || access != r.userAccessLevel()) {
            r = new FileSystemEntry(r.id(), r.path(), r.depth(), type, r.ref(), r.href(), r.meta(), r.shortcut(),
                    r.createdAt(), by, r.lastViewedAt(), access);
        }
        return r.compact();
    }

    /** One copy of a word many rows repeat (a type, an access level). */
    private String word(String w) {
        return w == null || types.size() >= MAX_SHARED ? w : types.computeIfAbsent(w, t -> t);
    }
}
