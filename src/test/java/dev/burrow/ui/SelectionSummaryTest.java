package dev.burrow.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.burrow.api.FileSystemEntry;
import dev.burrow.tree.TreeNode;
import java.util.List;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

/** The multi-selection's sentence in Details. */
class SelectionSummaryTest {

    private static TreeNode item(String path, String type) {
        return new TreeNode.Item(new FileSystemEntry(path, path, null, type, "1", null, null, false, null, null, null,
                null));
    }

    @Test
    void itemsByTypeThenFoldersWithWhatIsInside() {
        List<TreeNode> sel = List.of(item("A", "insight"), new TreeNode.Folder("Q1", List.of()), item("B", "insight"));
        assertEquals("3 selected — 2 insights, 1 folder (14 items inside)",
                SelectionSummary.of(sel, f -> OptionalLong.of(14)));
    }

    @Test
    void anUnknownCountIsLeftOutRatherThanGuessed() {
        List<TreeNode> sel = List.of(new TreeNode.Folder("Q1", List.of()), new TreeNode.Folder("Q2", List.of()),
                item("F", "feature_flag"));
        assertEquals("3 selected — 1 feature flag, 2 folders", SelectionSummary.of(sel, f -> OptionalLong.empty()));
    }

    @Test
    void oneItemInsideIsSingular() {
        List<TreeNode> sel = List.of(new TreeNode.Folder("Q1", List.of()), item("D", "dashboard"));
        assertEquals("2 selected — 1 dashboard, 1 folder (1 item inside)",
                SelectionSummary.of(sel, f -> OptionalLong.of(1)));
    }
}
