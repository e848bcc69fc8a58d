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
public record DeletePlan(List<TreeNode> nodes, String what, List<FileSystemEntry> rowsInside, long totalInside,
        List<FileSystemEntry> linksElsewhere) {

    public DeletePlan {
        nodes = List.copyOf(nodes);
        rowsInside = List.copyOf(rowsInside);
        linksElsewhere = List.copyOf(linksElsewhere);
    }

    /**
     * The link rows outside the selection that point at an object this delete takes: the server
     * deletes an object's every row, so they go too (a delete in Archive took a row out of
     * Leadership, and the confirmation had not said so). Only the links the index knows of.
     */
    static List<FileSystemEntry> linksElsewhere(List<TreeNode> nodes, List<FileSystemEntry> inside, TreeIndex index) {
        java.util.Set<String> going = new java.util.HashSet<>();
        java.util.Set<String> objects = new java.util.HashSet<>();
        List<FileSystemEntry> all = new ArrayList<>(inside);
        for (TreeNode n : nodes) {
            if (n instanceof TreeNode.Item item) {
                all.add(item.row());
            } else if (n instanceof TreeNode.Folder f) {
                f.rows().forEach(r -> going.add(r.id()));
            }
        }
        for (FileSystemEntry r : all) {
            going.add(r.id());
            if (!r.isFolder() && !r.isLink() && r.ref() != null) {
                objects.add(r.type() + "\u0000" + r.ref());
            }
        }
        List<FileSystemEntry> out = new ArrayList<>();
        if (objects.isEmpty()) {
            return out;
        }
        for (FileSystemEntry link : index.shortcutRows()) {
            if (!going.contains(link.id()) && link.ref() != null && objects.contains(link.type() + "\u0000" + link.ref())) {
                out.add(link);
            }
        }
        return out;
    }

    /**
     * The question, naming the selection first: "Delete “Q1 / Q2” and the 48 items inside it?",
     * "Delete “Overview” and “Funnel”?", "Delete “A”, “B” and 3 more and the 12 items inside them?".
     */
    public String question() {
        List<String> names = new ArrayList<>();
        for (TreeNode n : nodes.subList(0, Math.min(nodes.size(), 3))) {
            names.add("“" + String.join(" / ", dev.burrow.api.EntryPath.split(
                    dev.burrow.api.EntryPath.normalize(n.path()))) + "”");
        }
        String list;
        if (nodes.size() > 3) {
            list = String.join(", ", names) + " and " + (nodes.size() - 3) + " more";
        } else if (names.size() > 1) {
            list = String.join(", ", names.subList(0, names.size() - 1)) + " and " + names.get(names.size() - 1);
        } else {
            list = names.isEmpty() ? "nothing" : names.get(0);
        }
        if (totalInside == 0) {
            return "Delete " + list + "?";
        }
        boolean one = nodes.stream().filter(n -> n instanceof TreeNode.Folder).count() == 1;
        return String.format("Delete %s and the %,d item%s inside %s?", list, totalInside, totalInside == 1 ? "" : "s",
                one ? "it" : "them");
    }

    /**
     * The objects this delete takes that undo cannot bring back, known by type before asking:
     * PostHog does not restore surveys, and deletes some types for good. Link rows only lose
     * the link, which undo makes again.
     */
    public List<FileSystemEntry> unrestorable() {
        List<FileSystemEntry> out = new ArrayList<>();
        List<FileSystemEntry> all = new ArrayList<>(rowsInside);
        for (TreeNode n : nodes) {
            if (n instanceof TreeNode.Item item) {
                all.add(item.row());
            }
        }
        for (FileSystemEntry r : all) {
            if (!r.isFolder() && !r.isLink() && dev.burrow.api.ObjectType.of(r.type())
                    .map(t -> !t.restorable()).orElse(false)) {
                out.add(r);
            }
        }
        return out;
    }

    /** Whether the delete reaches beyond what is selected (a folder's contents). */
    public boolean reachesBeyondSelection() {
        return totalInside > 0 || !linksElsewhere.isEmpty();
    }

    /** The safe button is the default whenever the delete reaches further than the selection or can't be fully undone. */
    public boolean cancelByDefault() {
        return reachesBeyondSelection() || !unrestorable().isEmpty();
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
        return new DeletePlan(nodes, what, rows, total, linksElsewhere(nodes, rows, index));
    }

    /**
     * "Deleted 1 dashboard, 3 folders and 4 links. Ctrl+Z restores them.": the server's
     * {@code deleted} list names only objects, so the folders and links this plan takes (known
     * from the selection and the index) are counted here.
     */
    String doneSentence(List<DeletedObject> deleted) {
        int folders = 0;
        int links = 0;
        for (TreeNode n : nodes) {
            if (n instanceof TreeNode.Folder) {
                folders++;
            } else if (n instanceof TreeNode.Item item && item.row().isLink()) {
                links++;
            }
        }
        for (FileSystemEntry r : rowsInside) {
            if (r.isFolder()) {
                folders++;
            } else if (r.isLink()) {
                links++;
            }
        }
        return doneSentence(deleted, folders, links + linksElsewhere.size());
    }

    /** "Deleted 2 dashboards and 1 insight. Ctrl+Z restores them." from the server's {@code deleted} list and the folders and links that went with them. */
    static String doneSentence(List<DeletedObject> deleted, int folders, int links) {
        Map<String, Integer> byType = new LinkedHashMap<>();
        for (DeletedObject d : deleted) {
            byType.merge(Icons.typeLabel(d.type()).toLowerCase(Locale.ROOT), 1, Integer::sum);
        }
        if (folders > 0) {
            byType.merge("folder", folders, Integer::sum);
        }
        if (links > 0) {
            byType.merge("link", links, Integer::sum);
        }
        if (byType.isEmpty()) {
            return "Deleted. Ctrl+Z puts it back.";
        }
        List<String> parts = new ArrayList<>();
        byType.forEach((type, n) -> parts.add(n + " " + type + (n == 1 ? "" : "s")));
        String joined = parts.size() == 1 ? parts.get(0)
                : String.join(", ", parts.subList(0, parts.size() - 1)) + " and " + parts.get(parts.size() - 1);
        int total = byType.values().stream().mapToInt(Integer::intValue).sum();
        long lost = deleted.stream().filter(d -> !d.canUndo()).count();
        String undo = lost == 0 ? (total == 1 ? " Ctrl+Z restores it." : " Ctrl+Z restores them.")
                : lost == total ? " This can't be undone."
                : " Ctrl+Z restores all but " + lost + " that can't be restored.";
        return "Deleted " + joined + "." + undo;
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
