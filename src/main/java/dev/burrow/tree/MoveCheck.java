package dev.burrow.tree;

import dev.burrow.api.EntryPath;

/**
 * Whether a node may be dropped into a folder — a value, not an exception, so a drag can show
 * "no drop" while hovering.
 */
public enum MoveCheck {
    /** The move changes the node's path. */
    OK,
    /** The node already lives in that folder: nothing to send. */
    UNCHANGED,
    /** A folder dropped onto itself. */
    INTO_ITSELF,
    /** A folder dropped into one of its own descendants (PostHog does not refuse it: we must). */
    INTO_DESCENDANT;

    public boolean allowed() {
        return this == OK;
    }

    /** The path a node gets when dropped into {@code targetFolder} ("" is the root). */
    public static String targetPath(TreeNode node, String targetFolder) {
        return EntryPath.child(targetFolder, node.name());
    }

    public static MoveCheck of(TreeNode node, String targetFolder) {
        String source = EntryPath.normalize(node.path());
        String target = EntryPath.normalize(targetFolder);
        if (node instanceof TreeNode.Folder) {
            if (source.equals(target)) {
                return INTO_ITSELF;
            }
            if (target.startsWith(source + "/")) {
                return INTO_DESCENDANT;
            }
        }
        if (EntryPath.parent(source).equals(target)) {
            return UNCHANGED;
        }
        return OK;
    }

    /** A sentence for a person: why the drop is refused. */
    public String explanation() {
        return switch (this) {
            case OK -> "";
            case UNCHANGED -> "It is already in that folder.";
            case INTO_ITSELF -> "A folder can't be moved into itself.";
            case INTO_DESCENDANT -> "A folder can't be moved into one of its own subfolders.";
        };
    }
}
