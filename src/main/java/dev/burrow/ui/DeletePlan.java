package dev.burrow.ui;

import dev.burrow.api.DeletedObject;
import dev.burrow.api.FileSystemEntry;
import dev.burrow.tree.FolderCounts;
import dev.burrow.tree.TreeIndex;
import dev.burrow.tree.TreeNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What a delete of the selection would take, for the confirmation: the selected nodes, their
 * names for people ("“Q1”" or "3 items"), the rows inside the folders the index knows, and how
 * many rows are inside in all (from the index when complete, else the folder counts).
 */
public record DeletePlan(List<TreeNode> nodes, String what, List<FileSystemEntry> rowsInside, long totalInside) {

    public DeletePlan {
        nodes = List.copyOf(nodes);
        rowsInside = List.copyOf(rowsInside);
    }

    static DeletePlan of(List<TreeNode> nodes, TreeIndex index, FolderCounts counts) {
        List<FileSystemEntry> rows = new ArrayList<>();
        long total = 0;
        for (TreeNode n : nodes) {
            if (n instanceof TreeNode.Folder f) {
                List<FileSystemEntry> sub = index.subtree(f.path());
                sub.removeAll(f.rows());
                rows.addAll(sub);
                total += index.isComplete() || counts == null ? index.countBelow(f.path())
                        : counts.get(f.path()).orElse(sub.size());
            }
        }
        String what = nodes.size() == 1 ? "“" + nodes.get(0).name() + "”" : nodes.size() + " items";
        return new DeletePlan(nodes, what, rows, total);
    }

    /** "Deleted 2 dashboards and 1 insight. Ctrl+Z restores them." from the server's {@code deleted} list. */
    static String doneSentence(List<DeletedObject> deleted) {
        if (deleted.isEmpty()) {
            return "Deleted. Ctrl+Z puts it back.";
        }
        Map<String, Integer> byType = new LinkedHashMap<>();
        for (DeletedObject d : deleted) {
            byType.merge(Icons.typeLabel(d.type()).toLowerCase(Locale.ROOT), 1, Integer::sum);
        }
        List<String> parts = new ArrayList<>();
        byType.forEach((type, n) -> parts.add(n + " " + type + (n == 1 ? "" : "s")));
        String joined = parts.size() == 1 ? parts.get(0)
                : String.join(", ", parts.subList(0, parts.size() - 1)) + " and " + parts.get(parts.size() - 1);
        boolean undoable = deleted.stream().anyMatch(DeletedObject::canUndo);
        return "Deleted " + joined + "." + (undoable ? " Ctrl+Z restores them." : " This can't be undone.");
    }

    /** "Not restored: “Launch survey” (survey: PostHog does not restore surveys)." after an undo. */
    static String lostSentence(List<FileSystemEntry> lost) {
        List<String> names = new ArrayList<>();
        for (FileSystemEntry r : lost.subList(0, Math.min(lost.size(), 10))) {
            names.add("“" + r.name() + "” (" + Icons.typeLabel(r.type()).toLowerCase(Locale.ROOT) + ")");
        }
        String more = lost.size() > 10 ? " and " + (lost.size() - 10) + " more" : "";
        return "Not restored, deleted for good: " + String.join(", ", names) + more
                + ". PostHog does not restore these types (surveys, early access features).";
    }
}
