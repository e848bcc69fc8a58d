package dev.burrow.tree;

import dev.burrow.api.EntryPath;
import java.util.ArrayList;
import java.util.List;

/**
 * What to do when a folder is renamed or moved onto the name of a folder already there: merge
 * into it (what the server's {@code move} does), keep both (the moved one becomes "Name (2)"),
 * or cancel (nothing changes).
 */
public enum ClashChoice {
    MERGE, KEEP_BOTH, CANCEL;

    /** The folder steps of a move whose target is another folder that exists already. */
    public static List<MoveOperation.Step> clashes(MoveOperation op, TreeIndex index) {
        List<MoveOperation.Step> out = new ArrayList<>();
        for (MoveOperation.Step s : op.steps()) {
            String target = EntryPath.normalize(s.target());
            if (s.node() instanceof TreeNode.Folder f && !EntryPath.normalize(f.path()).equals(target)
                    && index.hasFolder(target)) {
                out.add(s);
            }
        }
        return out;
    }

    /** "Name (2)", "Name (3)"…: the first name free in {@code parent} (no folder, no row there). */
    public static String freeName(TreeIndex index, String parent, String name) {
        String candidate = name;
        for (int n = 2; index.hasFolder(EntryPath.child(parent, candidate))
                || !index.rowsAt(EntryPath.child(parent, candidate)).isEmpty(); n++) {
            candidate = name + " (" + n + ")";
        }
        return candidate;
    }

    /** The same move, with every clashing folder going to the first free "Name (2)" instead. */
    public static MoveOperation keepingBoth(MoveOperation op, TreeIndex index) {
        List<MoveOperation.Step> steps = new ArrayList<>();
        List<MoveOperation.Step> clashing = clashes(op, index);
        java.util.Set<String> taken = new java.util.HashSet<>();
        for (MoveOperation.Step s : op.steps()) {
            String target = EntryPath.normalize(s.target());
            if (clashing.contains(s)) {
                String parent = EntryPath.parent(target);
                String base = EntryPath.leaf(target);
                String name = freeName(index, parent, base);
                for (int n = 2; taken.contains(EntryPath.child(parent, name)); n++) {
                    name = base + " (" + n + ")";
                }
                target = EntryPath.child(parent, name);
            }
            taken.add(target);
            steps.add(new MoveOperation.Step(s.node(), target));
        }
        String description = op.description();
        if (steps.size() == 1 && description.startsWith("Rename “")) {
            MoveOperation.Step only = steps.get(0);
            description = "Rename “" + only.node().name() + "” to “" + EntryPath.leaf(only.target()) + "”";
        }
        return op.withSteps(steps, description);
    }
}
