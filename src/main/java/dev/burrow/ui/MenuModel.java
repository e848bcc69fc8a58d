package dev.burrow.ui;

import dev.burrow.tree.TreeNode;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * What the tree's context menu offers for a selection, in groups, each entry with the reason it
 * can't be used now (null when it can). No nodes: {@link TreeContextMenu} draws it and runs the
 * actions. One method per group, so a new verb goes next to its kin.
 */
final class MenuModel {

    /** The verbs of the menu. */
    enum Action {
        OPEN, OPEN_IN_POSTHOG, RENAME, NEW_FOLDER, MOVE_TO, ORGANISE, SHORTCUT_HERE, SHORTCUT_IN, STAR, SHORTCUT_FLAG,
        SHOW_ORIGINAL, COPY_PATH, COPY_LINK, EXPORT, DELETE, REFRESH
    }

    /** One entry: its words, and why it is unavailable (null: available). */
    record Entry(Action action, String text, String unavailable) {
        boolean available() {
            return unavailable == null;
        }

        /** The id of the entry's node, for tests and styling: "menu-move-to". */
        String id() {
            return "menu-" + action.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
        }
    }

    static final String LOCAL_NO_WEB = "The local workspace has no PostHog web app: connect to PostHog for this.";

    private final List<TreeNode> selection;
    private final boolean remote;
    private final Predicate<TreeNode> starred;

    /**
     * {@code selection}: the selected nodes (empty: the menu of the empty area); {@code remote}: a
     * PostHog connection; {@code starred}: whether a node is among the person's stars.
     */
    MenuModel(List<TreeNode> selection, boolean remote, Predicate<TreeNode> starred) {
        this.selection = List.copyOf(selection);
        this.remote = remote;
        this.starred = starred;
    }

    /** The groups, separated in the menu. */
    List<List<Entry>> groups() {
        List<List<Entry>> out = new ArrayList<>();
        if (selection.isEmpty()) {
            out.add(emptyArea());
            return out;
        }
        out.add(openGroup());
        out.add(editGroup());
        out.add(shortcutGroup());
        out.add(copyGroup());
        out.add(exportGroup());
        out.add(deleteGroup());
        return out;
    }

    private List<Entry> emptyArea() {
        return List.of(new Entry(Action.NEW_FOLDER, "New folder", null), new Entry(Action.REFRESH, "Refresh", null));
    }

    private List<Entry> openGroup() {
        TreeNode one = single();
        String oneOnly = selection.size() > 1 ? "Open one item at a time." : null;
        String web = oneOnly != null ? oneOnly : !remote ? LOCAL_NO_WEB
                : one.row() == null || one.row().href() == null ? "PostHog has no page for this item." : null;
        return List.of(new Entry(Action.OPEN, "Open", oneOnly), new Entry(Action.OPEN_IN_POSTHOG, "Open in PostHog", web));
    }

    private List<Entry> editGroup() {
        String rename = selection.size() > 1 ? "Select one item to rename it." : null;
        String folder = single() instanceof TreeNode.Folder f ? f.name() : null;
        String newFolder = folder != null ? "New folder in “" + folder + "”" : "New folder here";
        String organise = folder == null ? "Organise works on a folder: select one folder." : null;
        return List.of(new Entry(Action.RENAME, "Rename", rename), new Entry(Action.NEW_FOLDER, newFolder, null),
                new Entry(Action.MOVE_TO, "Move to…", null), new Entry(Action.ORGANISE, "Organise…", organise));
    }

    private List<Entry> shortcutGroup() {
        String noRow = null;
        for (TreeNode n : selection) {
            if (n.row() == null) {
                noRow = "“" + n.name() + "” has no folder row on the server, so it can't have a shortcut.";
            }
        }
        boolean allStarred = selection.stream().allMatch(starred);
        TreeNode one = single();
        String flag = one == null ? "Change the shortcut flag of one item at a time."
                : one instanceof TreeNode.Folder || one.row() == null
                ? "Only rows of an object (a dashboard, an insight…) have a shortcut flag." : null;
        boolean link = one != null && one.row() != null && one.row().isLink();
        String original = one == null ? "Select one link to show its original."
                : !link ? "“" + one.name() + "” is not a link: it is the original." : null;
        return List.of(new Entry(Action.SHORTCUT_HERE, "Create shortcut here", noRow),
                new Entry(Action.SHORTCUT_IN, "Create shortcut in…", noRow),
                new Entry(Action.STAR, allStarred ? "Unstar" : "Star", null),
                new Entry(Action.SHORTCUT_FLAG, link ? "Make it a real row (clear the shortcut flag)…"
                        : "Make it a link row (set the shortcut flag)…", flag),
                new Entry(Action.SHOW_ORIGINAL, "Show original", original));
    }

    private List<Entry> copyGroup() {
        String link = !remote ? LOCAL_NO_WEB : null;
        for (TreeNode n : selection) {
            if (link == null && (n.row() == null || n.row().href() == null)) {
                link = "PostHog has no page for “" + n.name() + "”.";
            }
        }
        return List.of(new Entry(Action.COPY_PATH, selection.size() > 1 ? "Copy paths" : "Copy path", null),
                new Entry(Action.COPY_LINK, selection.size() > 1 ? "Copy links" : "Copy link", link));
    }

    private List<Entry> exportGroup() {
        TreeNode one = single();
        String why = selection.size() > 1 ? "Export one dashboard or insight at a time."
                : ExportsViewModel.formatsFor(one.row()).isEmpty() ? "Only dashboards and insights can be exported." : null;
        return List.of(new Entry(Action.EXPORT, "Export…", why));
    }

    private List<Entry> deleteGroup() {
        return List.of(new Entry(Action.DELETE, selection.size() > 1 ? "Delete " + selection.size() + " items" : "Delete",
                null));
    }

    /** The one selected node, or null when there are several. */
    private TreeNode single() {
        return selection.size() == 1 ? selection.get(0) : null;
    }
}
