package dev.burrow.ui;

import dev.burrow.api.FileSystemEntry;
import dev.burrow.tree.TreeIndex;
import dev.burrow.tree.TreeNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;

/**
 * The rows a search found, as a small index of their own (the tree shows them with their
 * folders), and which of those folders are open; kept up to date with the session's edits.
 */
final class SearchResults {

    private final ReadOnlyObjectWrapper<List<FileSystemEntry>> rows = new ReadOnlyObjectWrapper<>();
    private TreeIndex index;
    private final Set<String> expanded = new HashSet<>();

    /** The results, or null when no search is shown. */
    ReadOnlyObjectProperty<List<FileSystemEntry>> rowsProperty() {
        return rows.getReadOnlyProperty();
    }

    boolean active() {
        return index != null;
    }

    /** The results' index; null when no search is shown. */
    TreeIndex index() {
        return index;
    }

    /** Folders open in the results: all of them when they arrive. */
    Set<String> expanded() {
        return expanded;
    }

    void show(List<FileSystemEntry> found) {
        index = indexOf(found);
        expanded.clear();
        collectFolders("", expanded);
        rows.set(List.copyOf(found));
    }

    void clear() {
        index = null;
        expanded.clear();
        rows.set(null);
    }

    private void collectFolders(String folder, Set<String> out) {
        for (TreeNode n : index.children(folder)) {
            if (n instanceof TreeNode.Folder f) {
                out.add(f.path());
                collectFolders(f.path(), out);
            }
        }
    }

    private static TreeIndex indexOf(List<FileSystemEntry> found) {
        TreeIndex results = new TreeIndex();
        results.putAll(found);
        results.markComplete(true);
        return results;
    }

    /**
     * Brings the results up to date with the session after an edit (a star, a rename, a move, a
     * delete), so that they show what the server now has; true when something changed.
     */
    boolean follow(TreeIndex live) {
        if (index == null) {
            return false;
        }
        List<FileSystemEntry> now = new ArrayList<>();
        boolean changed = false;
        for (FileSystemEntry row : index.rows()) {
            FileSystemEntry current = live.byId(row.id());
            if (current == null && live.isComplete()) {
                changed = true; // gone
            } else if (current != null && !current.equals(row)) {
                now.add(current);
                changed = true;
            } else {
                now.add(row);
            }
        }
        if (changed) {
            Set<String> before = new HashSet<>();
            collectFolders("", before);
            index = indexOf(now);
            // a folder the results show for the first time (renamed, moved) opens on its matches, as
            // every folder did when they arrived; folders the person closed stay closed
            Set<String> after = new HashSet<>();
            collectFolders("", after);
            after.removeAll(before);
            expanded.addAll(after);
            rows.set(List.copyOf(now));
        }
        return changed;
    }
}
