package dev.burrow.server.store;

/**
 * An object behind tree rows (a dashboard, an insight, a flag, …): its type, its ref in the
 * tree, its numeric id and short id, and {@code deleted}: 0 live, 1 soft-deleted, 2 gone for good
 * though reported as soft.
 */
public record StoredObject(String type, String ref, long id, String shortId, int team, String name, int deleted,
        String payload, String createdAt, Long createdBy) {
}
