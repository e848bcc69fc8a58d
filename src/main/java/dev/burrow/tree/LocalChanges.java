package dev.burrow.tree;

import dev.burrow.api.FileSystemEntry;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Optimistic edits of the index that can be taken back: rows put or removed, remembering what
 * each id looked like before the first change.
 */
final class LocalChanges {

    private final Map<String, FileSystemEntry> before = new LinkedHashMap<>();

    void put(TreeIndex index, FileSystemEntry row) {
        remember(index, row.id());
        index.put(row);
    }

    void remove(TreeIndex index, String id) {
        remember(index, id);
        index.remove(id);
    }

    private void remember(TreeIndex index, String id) {
        if (!before.containsKey(id)) {
            before.put(id, index.byId(id));
        }
    }

    void revert(TreeIndex index) {
        List<Map.Entry<String, FileSystemEntry>> entries = new ArrayList<>(before.entrySet());
        for (Map.Entry<String, FileSystemEntry> e : entries) {
            index.remove(e.getKey());
        }
        for (Map.Entry<String, FileSystemEntry> e : entries) {
            if (e.getValue() != null) {
                index.put(e.getValue());
            }
        }
        before.clear();
    }
}
