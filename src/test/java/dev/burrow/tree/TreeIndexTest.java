package dev.burrow.tree;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.burrow.api.EntryPath;
import dev.burrow.api.FileSystemEntry;
import java.util.List;
import org.junit.jupiter.api.Test;

class TreeIndexTest {

    static int ids;

    static FileSystemEntry row(String path, String type) {
        return new FileSystemEntry("id-" + (++ids), path, EntryPath.depth(path), type, null, null, null, false, null,
                null, null, null);
    }

    private static List<String> names(List<TreeNode> nodes) {
        return nodes.stream().map(TreeNode::name).toList();
    }

    @Test
    void childrenAreFoldersFirstThenCaseInsensitiveNames() {
        TreeIndex index = new TreeIndex();
        index.putAll(List.of(row("beta", "folder"), row("alpha", "folder"), row("bFile.txt", "doc"),
                row("Afile.txt", "doc")));
        assertEquals(List.of("alpha", "beta", "Afile.txt", "bFile.txt"), names(index.children("")));
    }

    @Test
    void rowsWithoutFolderRowsSitInSyntheticFolders() {
        TreeIndex index = new TreeIndex();
        index.put(row("A/B/item", "dashboard"));
        TreeNode.Folder a = (TreeNode.Folder) index.children("").get(0);
        assertEquals("A", a.name());
        assertTrue(a.isSynthetic());
        TreeNode.Folder b = (TreeNode.Folder) index.children("A").get(0);
        assertTrue(b.isSynthetic());
        assertEquals(List.of("item"), names(index.children("A/B")));
    }

    @Test
    void namesShowUnescapedAndSlashesInNamesDoNotNest() {
        TreeIndex index = new TreeIndex();
        index.put(row("Marketing/Q1 \\/ Q2", "insight"));
        assertEquals(List.of("Q1 / Q2"), names(index.children("Marketing")));
        assertFalse(index.hasFolder("Marketing/Q1"));
    }

    @Test
    void countsFollowRowsAsTheyComeMoveAndGo() {
        TreeIndex index = new TreeIndex();
        FileSystemEntry folder = row("F", "folder");
        FileSystemEntry sub = row("F/S", "folder");
        FileSystemEntry a = row("F/S/a", "insight");
        FileSystemEntry b = row("F/b", "insight");
        index.putAll(List.of(folder, sub, a, b));
        assertEquals(3, index.countBelow("F"));
        assertEquals(1, index.countBelow("F/S"));
        assertEquals(4, index.countBelow(""));
        index.put(a.withPath("G/a"));
        assertEquals(2, index.countBelow("F"));
        assertEquals(0, index.countBelow("F/S"));
        assertEquals(1, index.countBelow("G"));
        index.remove(b.id());
        assertEquals(1, index.countBelow("F"));
    }

    @Test
    void emptySyntheticFoldersDisappearWhenTheirLastRowLeaves() {
        TreeIndex index = new TreeIndex();
        FileSystemEntry r = row("X/Y/z", "insight");
        index.put(r);
        index.remove(r.id());
        assertTrue(index.children("").isEmpty());
        assertFalse(index.hasFolder("X"));
    }

    @Test
    void duplicateFolderRowsShowAsOneFolder() {
        TreeIndex index = new TreeIndex();
        index.putAll(List.of(row("Dup", "folder"), row("Dup", "folder")));
        assertEquals(1, index.children("").size());
        assertEquals(2, ((TreeNode.Folder) index.children("").get(0)).rows().size());
        assertEquals(2, index.countBelow(""));
    }

    @Test
    void subtreeListsAFolderAndEverythingBelowIt() {
        TreeIndex index = new TreeIndex();
        index.putAll(List.of(row("F", "folder"), row("F/a", "insight"), row("F/S/b", "insight"), row("Other", "x")));
        assertEquals(List.of("F", "F/a", "F/S/b"), index.subtree("F").stream().map(FileSystemEntry::path).toList());
    }

    @Test
    void moveChecksRefuseWhatPostHogWouldAccept() {
        TreeNode folder = new TreeNode.Folder("A/B", List.of());
        assertEquals(MoveCheck.INTO_ITSELF, MoveCheck.of(folder, "A/B"));
        assertEquals(MoveCheck.INTO_DESCENDANT, MoveCheck.of(folder, "A/B/C"));
        assertEquals(MoveCheck.UNCHANGED, MoveCheck.of(folder, "A"));
        assertEquals(MoveCheck.OK, MoveCheck.of(folder, ""));
        assertEquals(MoveCheck.OK, MoveCheck.of(folder, "A/Bee"));
        TreeNode item = new TreeNode.Item(row("A/x", "insight"));
        assertEquals(MoveCheck.UNCHANGED, MoveCheck.of(item, "A"));
        assertEquals(MoveCheck.OK, MoveCheck.of(item, "A/B"));
    }

    @Test
    void topLevelKeepsTopLevelItemsAndDropsWhatAFolderCarries() {
        TreeNode folder = new TreeNode.Folder("F", List.of());
        TreeNode inside = new TreeNode.Item(row("F/x", "insight"));
        TreeNode top = new TreeNode.Item(row("y", "insight"));
        assertEquals(List.of(folder, top), MoveOperation.topLevel(List.of(folder, inside, top)));
    }

    @Test
    void newFolderNamesCountUpLikePostHog() {
        TreeIndex index = new TreeIndex();
        assertEquals("Untitled folder", NewFolderOperation.freeName(index, "P", "Untitled folder"));
        index.put(row("P/Untitled folder", "folder"));
        index.put(row("P/Untitled folder 2", "folder"));
        assertEquals("Untitled folder 3", NewFolderOperation.freeName(index, "P", "Untitled folder"));
    }
}
