package dev.burrow.tree.organise;

import dev.burrow.api.EntryPath;
import dev.burrow.api.FileSystemEntry;
import dev.burrow.tree.TreeIndex;
import java.util.List;

/** The index side of one planned move: which rows it carries, and putting them at their new paths. */
final class Moves {

    private Moves() {
    }

    /** The row {@code id} as the index has it, and for a folder row everything below its path. */
    static List<FileSystemEntry> rowsOf(TreeIndex index, String id, String path, boolean folder) {
        FileSystemEntry row = index.byId(id);
        if (!folder) {
            return row == null ? List.of() : List.of(row);
        }
        String top = EntryPath.normalize(path);
        return index.subtree(top).stream()
                .filter(r -> r.id().equals(id) || EntryPath.isBelow(EntryPath.normalize(r.path()), top)).toList();
    }

    /** Puts {@code rows} (as {@link #rowsOf} gave them) under {@code to} in place of {@code from}. */
    static void put(TreeIndex index, List<FileSystemEntry> rows, String from, String to) {
        String top = EntryPath.normalize(from);
        for (FileSystemEntry r : rows) {
            String p = EntryPath.normalize(r.path());
            index.put(r.withPath(EntryPath.isBelow(p, top) ? to + p.substring(top.length()) : to));
        }
    }
}
