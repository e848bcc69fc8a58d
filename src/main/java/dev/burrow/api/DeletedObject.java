package dev.burrow.api;

/** One entry of a DELETE answer's {@code deleted} list. */
public record DeletedObject(String type, String ref, String mode, String undo, String path, boolean canUndo) {
}
