package dev.burrow.api;

import java.util.List;

/**
 * What a {@code DELETE file_system/{id}/} did. A 204 answer (and every answer of older servers)
 * means an empty {@code deleted} list: nothing can be undone.
 */
public record DeleteResult(List<DeletedObject> deleted) {

    public DeleteResult {
        deleted = deleted == null ? List.of() : List.copyOf(deleted);
    }

    public static DeleteResult none() {
        return new DeleteResult(List.of());
    }

    public boolean canUndoAny() {
        return deleted.stream().anyMatch(DeletedObject::canUndo);
    }
}
