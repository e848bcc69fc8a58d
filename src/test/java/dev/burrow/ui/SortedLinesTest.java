package dev.burrow.ui;

import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.burrow.api.EntryPath;
import dev.burrow.api.FileSystemEntry;
import dev.burrow.tree.TreeIndex;
import dev.burrow.tree.TreeNode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import javafx.scene.control.TreeItem;
import org.junit.jupiter.api.Test;

/**
 * A line is found by binary search where a folder's lines are its sorted children, and the search
 * never answers a wrong line nor fails where they are not (a search's lines, a folder's head).
 */
class SortedLinesTest {

    private static int ids;

    private static TreeNode node(String path, boolean folder) {
        return folder ? new TreeNode.Folder(path, List.of())
                : new TreeNode.Item(new FileSystemEntry("s-" + (++ids), path, EntryPath.depth(path), "insight", null,
                        null, null, false, null, null, null, null));
    }

    private static List<TreeItem<Row>> lines(List<TreeNode> nodes, boolean more) {
        List<TreeItem<Row>> out = new ArrayList<>();
        for (TreeNode n : nodes) {
            out.add(new TreeItem<>(new Row.Node(n)));
        }
        if (more) {
            out.add(new TreeItem<>(new Row.More("F")));
        }
        return out;
    }

    private static List<TreeNode> folder(Random r, int size) {
        List<TreeNode> nodes = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            nodes.add(node("F/" + (r.nextBoolean() ? "Report " : "report ") + r.nextInt(size) + "-" + i,
                    r.nextInt(10) == 0));
        }
        return TreeIndex.sort(nodes);
    }

    @Test
    void everyLineOfASortedFolderIsFoundLookingAtAFew() {
        List<TreeNode> nodes = folder(new Random(1), 10_000);
        List<TreeItem<Row>> lines = lines(nodes, true);
        for (int i = 0; i < nodes.size(); i += 7) {
            int[] looked = {0};
            assertSame(lines.get(i), SortedLines.find(lines, nodes.get(i), () -> looked[0]++));
            assertTrue(looked[0] <= 14, "looked at " + looked[0] + " of 10,000 lines");
        }
        assertNull(SortedLines.find(lines, node("F/report 5-x", false), () -> { }), "a node not among the lines");
    }

    @Test
    void linesOutOfOrderOrCutShortAnswerTheRightLineOrNone() {
        Random r = new Random(2);
        for (int round = 0; round < 200; round++) {
            List<TreeNode> nodes = folder(r, 1 + r.nextInt(40));
            List<TreeNode> shown = new ArrayList<>(nodes);
            switch (round % 4) {
                case 0 -> Collections.shuffle(shown, r); // not the index's order
                case 1 -> shown = shown.subList(0, r.nextInt(shown.size() + 1)); // a head only
                case 2 -> shown.remove(r.nextInt(shown.size())); // a line not there yet
                default -> Collections.reverse(shown);
            }
            List<TreeItem<Row>> lines = lines(shown, r.nextBoolean());
            if (r.nextInt(3) == 0 && !lines.isEmpty()) {
                lines.add(r.nextInt(lines.size()), new TreeItem<>(new Row.Loading("F"))); // a placeholder among them
            }
            for (TreeNode n : nodes) {
                TreeItem<Row> hit = SortedLines.find(lines, n, () -> { });
                if (hit != null) {
                    assertSame(n, ((Row.Node) hit.getValue()).node(), "round " + round + ": the line of the node");
                }
            }
        }
    }
}
