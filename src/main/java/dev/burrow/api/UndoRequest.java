package dev.burrow.api;

import java.util.List;

/** The body of {@code POST file_system/undo_delete/}. */
public record UndoRequest(List<UndoItem> items) {
}
