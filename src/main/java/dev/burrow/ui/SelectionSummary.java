package dev.burrow.ui;

import dev.burrow.tree.TreeNode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalLong;
import java.util.function.Function;

/** Details' sentence for a multi-selection: "3 selected — 2 insights, 1 folder (14 items inside)". */
final class SelectionSummary {

    private SelectionSummary() {
    }

    /** {@code countBelow}: the items inside a folder, when known. */
    static String of(List<TreeNode> nodes, Function<String, OptionalLong> countBelow) {
        Map<String, Integer> byType = new LinkedHashMap<>();
        int folders = 0;
        long inside = 0;
        boolean allKnown = true;
        for (TreeNode n : nodes) {
            if (n instanceof TreeNode.Folder f) {
                folders++;
                OptionalLong c = countBelow.apply(f.path());
                if (c.isPresent()) {
                    inside += c.getAsLong();
                } else {
                    allKnown = false;
                }
            } else {
                String type = n.row() == null ? null : n.row().type();
                byType.merge(Icons.typeLabel(type).toLowerCase(Locale.ROOT), 1, Integer::sum);
            }
        }
        StringBuilder out = new StringBuilder(String.format("%,d selected", nodes.size()));
        String sep = " — ";
        for (Map.Entry<String, Integer> e : byType.entrySet()) {
            out.append(sep).append(counted(e.getValue(), e.getKey()));
            sep = ", ";
        }
        if (folders > 0) {
            out.append(sep).append(counted(folders, "folder"));
            if (allKnown) {
                out.append(" (").append(counted(inside, "item")).append(" inside)");
            }
        }
        return out.toString();
    }

    /** "1 insight", "2 insights", "1,204 items". */
    static String counted(long n, String noun) {
        return String.format("%,d %s", n, n == 1 ? noun : noun + "s");
    }
}
