package dev.burrow.tree;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.burrow.api.EntryPath;
import dev.burrow.api.FileSystemEntry;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * A folder's kept order is patched, not sorted again, when a few of its children change (a move
 * out of a 10,000-child folder re-sorted all 10,000 on the FX thread), and the index says which
 * folders an edit touched.
 */
class TreeIndexPatchTest {

    private static int ids;

    private static FileSystemEntry row(String path, String type) {
        return new FileSystemEntry("p-" + (++ids), path, EntryPath.depth(path), type, null, null, null, false, null,
                null, null, null);
    }

    private static FileSystemEntry at(FileSystemEntry r, String path) {
        return new FileSystemEntry(r.id(), path, EntryPath.depth(path), r.type(), null, null, null, false, null,
                null, null, null);
    }

    /** The same rows put into a new index: the order a whole sort gives. */
    private static List<TreeNode> fresh(TreeIndex index, String folder) {
        TreeIndex other = new TreeIndex();
        other.putAll(new ArrayList<>(index.rows()));
        return other.children(folder);
    }

    @Test
    void aMoveOutOfALargeFolderAndBackPatchesItsOrderWithoutASort() {
        TreeIndex index = new TreeIndex();
        List<FileSystemEntry> rows = new ArrayList<>();
        for (int i = 0; i < 10_000; i++) {
            rows.add(row("Big/Item " + i, "insight"));
        }
        rows.add(row("Big/Sub", "folder"));
        rows.add(row("Other/x", "insight"));
        index.putAll(rows);
        index.children("Big");
        index.children("Other");

        long sorts = TreeIndex.SORTS.get();
        FileSystemEntry moved = rows.get(4321);
        index.put(at(moved, "Other/Item 4321"));
        List<TreeNode> after = index.children("Big");
        List<TreeNode> other = index.children("Other");
        assertEquals(sorts, TreeIndex.SORTS.get(), "no folder was sorted again");
        assertEquals(10_000, after.size());
        assertEquals(fresh(index, "Big"), after);
        assertEquals(fresh(index, "Other"), other);

        sorts = TreeIndex.SORTS.get();
        index.put(moved); // undo
        index.children("Big");
        assertEquals(sorts, TreeIndex.SORTS.get());
        assertEquals(10_001, index.children("Big").size());
        assertEquals(fresh(index, "Big"), index.children("Big"));
        assertEquals(List.of("x"), index.children("Other").stream().map(TreeNode::name).toList());
    }

    @Test
    void randomEditsKeepTheSameOrderAsAWholeSort() {
        Random r = new Random(11);
        TreeIndex index = new TreeIndex();
        List<FileSystemEntry> live = new ArrayList<>();
        String[] folders = {"A", "A/B", "C", "c", "A/b"};
        for (int i = 0; i < 400; i++) {
            FileSystemEntry e = row(folders[r.nextInt(folders.length)] + "/" + name(r), r.nextInt(6) == 0 ? "folder"
                    : "insight");
            live.add(e);
        }
        index.putAll(live);
        for (int step = 0; step < 300; step++) {
            for (String f : List.of("", "A", "A/B", "C", "c", "A/b")) {
                index.children(f);
            }
            int op = r.nextInt(4);
            if (op == 0 || live.isEmpty()) {
                FileSystemEntry e = row(folders[r.nextInt(folders.length)] + "/" + name(r), r.nextInt(5) == 0
                        ? "folder" : "insight");
                live.add(e);
                index.put(e);
            } else if (op == 1) {
                FileSystemEntry e = live.remove(r.nextInt(live.size()));
                index.remove(e.id());
            } else {
                int k = r.nextInt(live.size());
                FileSystemEntry e = at(live.get(k), folders[r.nextInt(folders.length)] + "/" + name(r));
                live.set(k, e);
                index.put(e);
            }
            for (String f : List.of("", "A", "A/B", "C", "c", "A/b")) {
                assertEquals(fresh(index, f), index.children(f), "step " + step + ", folder " + f);
            }
        }
    }

    @Test
    void pagesOfAThousandRowsAreMergedIntoALargeFolderInTheOrderOfAWholeSort() {
        Random r = new Random(7);
        TreeIndex index = new TreeIndex();
        List<FileSystemEntry> live = new ArrayList<>();
        for (int i = 0; i < 10_000; i++) {
            live.add(row("Big/" + name(r) + " " + i, r.nextInt(50) == 0 ? "folder" : "insight"));
        }
        index.putAll(live);
        assertEquals(fresh(index, "Big"), index.children("Big"));
        for (int page = 0; page < 8; page++) {
            List<FileSystemEntry> rows = new ArrayList<>();
            for (int i = 0; i < 1_000; i++) { // new rows, in the server's order or any order
                rows.add(row("Big/" + name(r) + " p" + page + "-" + i, r.nextInt(40) == 0 ? "folder" : "insight"));
            }
            if (page % 2 == 0) {
                rows.sort(java.util.Comparator.comparing(FileSystemEntry::path));
            }
            for (int i = 0; i < 30; i++) { // rows already there that change place, leave or come back
                int k = r.nextInt(live.size());
                FileSystemEntry e = live.get(k);
                String to = switch (r.nextInt(3)) {
                    case 0 -> "Big/" + name(r) + " moved " + page + "-" + i;
                    case 1 -> "Elsewhere/" + e.name();
                    default -> "Big/" + e.name();
                };
                FileSystemEntry moved = at(e, to);
                live.set(k, moved);
                rows.add(moved);
            }
            live.addAll(rows.subList(0, 1_000));
            long sorts = TreeIndex.SORTS.get();
            index.putAll(rows);
            List<TreeNode> merged = index.children("Big");
            assertEquals(sorts, TreeIndex.SORTS.get(), "page " + page + ": merged, not sorted whole");
            assertEquals(fresh(index, "Big"), merged, "page " + page);
        }
    }

    @Test
    void aMergeGivesTheOrderOfASortForAnyTwoSortedLists() {
        Random r = new Random(3);
        for (int round = 0; round < 500; round++) {
            List<TreeNode> all = new ArrayList<>();
            int size = r.nextInt(r.nextBoolean() ? 8 : 300);
            for (int i = 0; i < size; i++) {
                String path = "F/" + name(r) + " " + i;
                all.add(r.nextInt(5) == 0 ? new TreeNode.Folder(path, List.of())
                        : new TreeNode.Item(row(path, "insight")));
            }
            List<TreeNode> kept = new ArrayList<>();
            List<TreeNode> added = new ArrayList<>();
            int bias = r.nextInt(4); // some rounds add mostly at the end, some at the start, some anywhere
            for (TreeNode n : TreeIndex.sort(all)) {
                boolean add = switch (bias) {
                    case 0 -> r.nextInt(10) == 0;
                    case 1 -> r.nextInt(10) != 0;
                    default -> r.nextBoolean();
                };
                (add ? added : kept).add(n);
            }
            assertEquals(TreeIndex.sort(all), TreeIndex.merge(kept, added), "round " + round);
        }
    }

    private static String name(Random r) {
        return switch (r.nextInt(4)) {
            case 0 -> "Item " + r.nextInt(50);
            case 1 -> "item " + r.nextInt(50);
            case 2 -> "Z" + r.nextInt(20);
            default -> "ä" + r.nextInt(10);
        };
    }

    @Test
    void anEditRecordsOnlyTheFoldersItTouched() {
        TreeIndex index = new TreeIndex();
        FileSystemEntry item = row("Product/Q2/Report", "insight");
        index.putAll(List.of(item, row("Product/Roadmap", "insight"), row("Marketing/Plan", "insight"),
                row("Sales/x", "insight")));

        index.recordTouched();
        index.put(at(item, "Marketing/Report"));
        assertEquals(Set.of("Product/Q2", "Marketing", "Product"), index.touchedSinceRecord(),
                "the folder left (and Product, whose emptied Q2 went), the folder entered; not Sales nor the root");

        index.recordTouched();
        index.clear();
        assertNull(index.touchedSinceRecord(), "a cleared index may have changed anywhere");

        index.put(row("Sales/y", "insight"));
        assertEquals(Set.of(), index.touchedSinceRecord(), "nothing is recorded unless asked");
    }
}
