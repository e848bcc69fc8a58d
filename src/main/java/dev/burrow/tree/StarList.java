package dev.burrow.tree;

import dev.burrow.api.EntryPath;
import dev.burrow.api.FileSystemEntry;
import dev.burrow.api.Star;
import java.util.ArrayList;
import java.util.List;

/**
 * The person's stars ({@code file_system_shortcut}), in the server's order: a personal bookmark
 * list, separate from the tree's {@code shortcut} flag. A folder's star points at the folder's
 * path ({@code type} "folder", {@code ref} the path); any other star at its object (type and ref).
 */
public final class StarList {

    private final List<Star> stars = new ArrayList<>();

    /** Every star, in the server's order. */
    public List<Star> all() {
        return List.copyOf(stars);
    }

    void setAll(List<Star> now) {
        stars.clear();
        stars.addAll(now);
    }

    void add(Star star) {
        stars.removeIf(s -> s.id() != null && s.id().equals(star.id()));
        stars.add(star);
    }

    void remove(Star star) {
        stars.removeIf(s -> s == star || s.id() != null && s.id().equals(star.id()));
    }

    /** The star of this node, or null. */
    public Star of(TreeNode node) {
        for (Star s : stars) {
            if (matches(s, node)) {
                return s;
            }
        }
        return null;
    }

    public boolean isStarred(TreeNode node) {
        return of(node) != null;
    }

    /** Whether the star points at this node (a folder star at its folder, an item star at its object). */
    public static boolean matches(Star s, TreeNode node) {
        if (node instanceof TreeNode.Folder f) {
            return isFolderStar(s) && EntryPath.normalize(s.ref()).equals(EntryPath.normalize(f.path()));
        }
        FileSystemEntry row = node.row();
        return row != null && !isFolderStar(s) && row.type().equals(s.type()) && row.ref() != null
                && row.ref().equals(s.ref());
    }

    public static boolean isFolderStar(Star s) {
        return "folder".equals(s.type()) && s.ref() != null;
    }

    /** The star the web app makes for a node: a folder by path, anything else by type and ref. */
    static Star template(TreeNode node, Integer order) {
        String leaf = EntryPath.escape(node.name());
        if (node instanceof TreeNode.Folder f) {
            return new Star(null, leaf, "folder", EntryPath.normalize(f.path()), null, order, null, null);
        }
        FileSystemEntry row = node.row();
        return new Star(null, leaf, row.type(), row.ref(), row.href(), order, null, null);
    }

    /** The node a star points at in this index: a folder by path, an object by its home row (not a link). */
    public static NodeKey target(Star s, TreeIndex index) {
        if (isFolderStar(s)) {
            return NodeKey.folder(s.ref());
        }
        FileSystemEntry link = null;
        for (FileSystemEntry e : index.rows()) {
            if (!e.isFolder() && e.type().equals(s.type()) && e.ref() != null && e.ref().equals(s.ref())) {
                if (!e.isLink()) {
                    return NodeKey.of(e);
                }
                link = e;
            }
        }
        return link == null ? null : NodeKey.of(link);
    }
}
