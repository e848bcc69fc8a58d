package dev.burrow.api;

/**
 * One object to restore with {@code undo_delete} (contract/file_system.md §13), and one entry of
 * its {@code undone} answer (where {@code path} is null). A null {@code path} restores in place.
 */
public record UndoItem(String type, String ref, String path) {
}
