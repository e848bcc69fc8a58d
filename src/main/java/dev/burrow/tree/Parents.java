package dev.burrow.tree;

import dev.burrow.api.EntryPath;
import dev.burrow.api.FileSystemEntry;
import java.util.ArrayList;
import java.util.List;

/**
 * Folder rows the server files by itself: create, link, move and undo_delete add a folder row
 * for every missing parent of the path they write (contract §7, §9, §10, §13). An operation
 * notes on the owner thread which parents have no row in the index, and after sending reads
 * the rows now at those paths, so the index learns them.
 */
final class Parents {

    private Parents() {
    }

    /** Ancestors of {@code path} that the index shows without a folder row (synthetic or unknown). */
    static List<String> withoutRows(TreeIndex index, String path) {
        List<String> out = new ArrayList<>();
        for (String a : EntryPath.ancestors(EntryPath.normalize(path))) {
            TreeNode.Folder f = index.folder(a);
            if (f == null || f.isSynthetic()) {
                out.add(a);
            }
        }
        return out;
    }

    /** Ancestors the index does not know at all (so a folder row filed there holds only what we wrote). */
    static List<String> unknown(TreeIndex index, String path) {
        List<String> out = new ArrayList<>();
        for (String a : EntryPath.ancestors(EntryPath.normalize(path))) {
            if (index.folder(a) == null) {
                out.add(a);
            }
        }
        return out;
    }

    /** The folder rows now at those paths (background thread). */
    static List<FileSystemEntry> fetch(TreeBackend backend, List<String> paths) {
        List<FileSystemEntry> out = new ArrayList<>();
        for (String p : paths) {
            for (FileSystemEntry e : backend.rowsAt(p)) {
                if (e.isFolder()) {
                    out.add(e);
                }
            }
        }
        return out;
    }
}
