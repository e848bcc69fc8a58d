package dev.burrow.api;

import java.util.List;

/** The answer of {@code POST file_system/undo_delete/}: what was restored (without paths). */
public record UndoResult(List<UndoItem> undone) {
}
