package dev.burrow.tree;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Which new id stands for an old one. Restoring a deleted row gives it a new id, while edits
 * further down the undo history still name the old one; both the index and the requests look
 * ids up here, so those edits find their rows. Safe from any thread.
 */
public final class IdAliases {

    private static final int MAX_CHAIN = 64;

    private final Map<String, String> next = new ConcurrentHashMap<>();

    public void add(String oldId, String newId) {
        if (oldId != null && newId != null && !oldId.equals(newId)) {
            next.put(oldId, newId);
        }
    }

    /** The newest id for {@code id} (itself when it was never replaced). */
    public String resolve(String id) {
        String current = id;
        for (int i = 0; i < MAX_CHAIN && current != null; i++) {
            String n = next.get(current);
            if (n == null) {
                return current;
            }
            current = n;
        }
        return current;
    }
}
