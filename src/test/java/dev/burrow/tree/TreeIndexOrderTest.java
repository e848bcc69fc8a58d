package dev.burrow.tree;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.burrow.api.EntryPath;
import dev.burrow.api.FileSystemEntry;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The kept order of a folder's children: sorted once, forgotten on change, sortable off the owner's thread. */
class TreeIndexOrderTest {

    private static int ids;

    private static FileSystemEntry row(String path, String type) {
        return new FileSystemEntry("o-" + (++ids), path, EntryPath.depth(path), type, null, null, null, false, null,
                null, null, null);
    }

    private static List<String> names(List<TreeNode> nodes) {
        return nodes.stream().map(TreeNode::name).toList();
    }

    /** A folder of mixed names (case, digits, escaped slashes) and subfolders, put in a random order. */
    private static List<FileSystemEntry> mixedFolder(String folder, int n, long seed) {
        Random r = new Random(seed);
        List<FileSystemEntry> rows = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            String name = switch (i % 5) {
                case 0 -> "Item " + r.nextInt(1000);
                case 1 -> "item " + r.nextInt(1000);
                case 2 -> "Q" + r.nextInt(9) + " \\/ plan";
                case 3 -> "ä" + r.nextInt(100);
                default -> "Z" + i;
            };
            rows.add(row(folder + "/" + name, i % 7 == 0 ? "folder" : "insight"));
        }
        Collections.shuffle(rows, r);
        return rows;
    }

    @Test
    void aSortMadeElsewhereEqualsTheOwnersSort() {
        TreeIndex background = new TreeIndex();
        TreeIndex owner = new TreeIndex();
        List<FileSystemEntry> rows = mixedFolder("Big", 3_000, 7);
        background.putAll(rows);
        owner.putAll(rows);

        List<TreeIndex.Unsorted> taken = background.unsortedFolders(2_000);
        assertEquals(1, taken.size(), "only the folder with at least 2,000 children");
        assertEquals("Big", taken.get(0).folder());
        List<TreeNode> sorted = TreeIndex.sort(new ArrayList<>(taken.get(0).nodes()));
        assertTrue(background.offerSorted(taken.get(0), sorted));

        assertEquals(owner.children("Big"), background.children("Big"));
        assertEquals(names(owner.children("Big")), names(background.children("Big")));
        assertTrue(background.unsortedFolders(2_000).isEmpty(), "nothing left to sort");
    }

    @Test
    void aSortTakenBeforeAChangeIsNotKept() {
        TreeIndex index = new TreeIndex();
        index.putAll(mixedFolder("Big", 2_500, 11));
        TreeIndex.Unsorted taken = index.unsortedFolders(2_000).get(0);
        int before = taken.nodes().size();
        FileSystemEntry late = row("Big/aaa arrived late", "insight");
        index.put(late);

        assertFalse(index.offerSorted(taken, TreeIndex.sort(new ArrayList<>(taken.nodes()))));
        List<TreeNode> children = index.children("Big");
        assertEquals(before + 1, children.size());
        assertTrue(children.stream().anyMatch(n -> n.row() == late), "the row that came after the snapshot shows");
    }

    @Test
    void theKeptOrderIsReusedUntilTheFolderChanges() {
        TreeIndex index = new TreeIndex();
        FileSystemEntry b = row("F/b", "insight");
        index.putAll(List.of(row("F/c", "insight"), b, row("Other/x", "insight")));
        List<TreeNode> first = index.children("F");
        assertSame(first, index.children("F"), "asked again: the same list");
        assertThrows(UnsupportedOperationException.class, () -> first.add(first.get(0)));

        index.put(row("Other/y", "insight"));
        assertSame(first, index.children("F"), "another folder's change keeps F's order");

        index.put(row("F/a", "insight"));
        assertEquals(List.of("a", "b", "c"), names(index.children("F")));

        index.remove(b.id());
        assertEquals(List.of("a", "c"), names(index.children("F")));

        index.put(b.withPath("F/d"));
        assertEquals(List.of("a", "c", "d"), names(index.children("F")));
        assertEquals(3, index.childCount("F"));
    }

    @Test
    void aFolderRowArrivingReplacesTheSyntheticNodeInItsParentsOrder() {
        TreeIndex index = new TreeIndex();
        index.put(row("P/Sub/item", "insight"));
        TreeNode.Folder synthetic = (TreeNode.Folder) index.children("P").get(0);
        assertTrue(synthetic.isSynthetic());

        index.put(row("P/Sub", "folder"));
        TreeNode.Folder real = (TreeNode.Folder) index.children("P").get(0);
        assertFalse(real.isSynthetic(), "the parent's kept order was forgotten when the folder row came");
        assertEquals(1, index.childCount("P"));
        assertEquals(0, index.childCount("Nowhere"));
    }
}
