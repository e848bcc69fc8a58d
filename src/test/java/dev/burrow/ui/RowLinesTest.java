package dev.burrow.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.burrow.api.FileSystemEntry;
import dev.burrow.tree.FolderState;
import dev.burrow.tree.TreeNode;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class RowLinesTest {

    private static List<TreeNode> children(int n) {
        List<TreeNode> nodes = new ArrayList<>();
        nodes.add(new TreeNode.Folder("Big/Sub", List.of()));
        for (int i = 1; i < n; i++) {
            nodes.add(new TreeNode.Item(new FileSystemEntry("id" + i, "Big/x" + i, 2, "insight", null, null, null,
                    false, null, null, null, null)));
        }
        return nodes;
    }

    /** The lines as they were always made: a row per child, then the state's placeholder. */
    private static List<Row> madeAtOnce(String folder, List<TreeNode> children, Row last) {
        List<Row> out = new ArrayList<>();
        for (TreeNode n : children) {
            out.add(new Row.Node(n));
        }
        if (last != null) {
            out.add(last);
        }
        return out;
    }

    @Test
    void aLargeFoldersLinesAreItsChildrenThenItsPlaceholder() {
        List<TreeNode> nodes = children(10_000);
        assertEquals(madeAtOnce("Big", nodes, new Row.More("Big")),
                Row.linesOf("Big", nodes, new FolderState.Loaded(nodes.size(), true)));
        assertEquals(madeAtOnce("Big", nodes, null), Row.linesOf("Big", nodes, new FolderState.Loaded(nodes.size(), false)));
        assertEquals(madeAtOnce("Big", nodes, new Row.Failed("Big", "no")),
                Row.linesOf("Big", nodes, new FolderState.Failed("no")));
        List<Row> lines = Row.linesOf("Big", nodes, new FolderState.Loaded(nodes.size(), false));
        assertSame(nodes.get(1234), lines.get(1234).treeNode());
        assertSame(lines.get(1234), lines.get(1234), "a line read twice is the same row (an item's value is its line)");
        assertEquals(madeAtOnce("Big", nodes, null).hashCode(), lines.hashCode());
    }

    @Test
    void aLargeFoldersLinesStayAsTheyWereWhenItsChildrenChangeLater() {
        List<TreeNode> nodes = children(3_000);
        List<Row> lines = Row.linesOf("Big", nodes, new FolderState.Loaded(nodes.size(), false));
        List<Row> before = new ArrayList<>(lines);
        nodes.remove(5);
        nodes.add(new TreeNode.Folder("Big/Other", List.of()));
        assertEquals(before, lines, "items made in the background read the lines of the fill that asked for them");
    }

    @Test
    void openingA10000ChildFolderMakesOnlyTheLinesItReads() throws Exception {
        List<TreeNode> nodes = children(10_000);
        FolderState loaded = new FolderState.Loaded(nodes.size(), false);
        for (int i = 0; i < 20; i++) { // compiled, as in a session that has run a while
            Row.linesOf("Big", nodes, loaded).subList(0, LargeFolderItems.HEAD).forEach(Row::treeNode);
        }
        long from = allocated();
        List<Row> lines = Row.linesOf("Big", nodes, loaded);
        for (Row r : lines.subList(0, LargeFolderItems.HEAD)) { // the head the FX thread shows at once
            r.treeNode();
        }
        long bytes = allocated() - from;
        // a row per child was 16 bytes × 10,000 plus their list's 40 KB; the children's copy and the kept lines' slots are 40 KB each
        assertTrue(bytes < 120_000, "the FX thread made " + bytes + " bytes of lines for a 64-line head");
    }

    private static long allocated() throws Exception {
        Object threads = Class.forName("java.lang.management.ManagementFactory").getMethod("getThreadMXBean")
                .invoke(null);
        return (long) Class.forName("com.sun.management.ThreadMXBean").getMethod("getCurrentThreadAllocatedBytes")
                .invoke(threads);
    }
}
