package dev.burrow.api;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * One object to restore with {@code undo_delete} (contract/file_system.md §13), and one entry of
 * its {@code undone} answer (where {@code path} is null). A null {@code path} restores in place
 * and is not written.
 */
public record UndoItem(String type, String ref, @JsonInclude(JsonInclude.Include.NON_NULL) String path) {
}
