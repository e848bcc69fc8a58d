package dev.burrow.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.burrow.api.FileSystemEntry;
import dev.burrow.tree.MoveJournal;
import dev.burrow.tree.NodeKey;
import dev.burrow.tree.TaskRunner;
import dev.burrow.tree.TreeNode;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The tree's view model without a window: commands run at once on the test thread
 * ({@link TaskRunner#sameThread()}) against a real local server, whose state is checked.
 */
class TreeViewModelTest {

    TestWorkspace ws;
    MainViewModel main;
    TreeViewModel tree;
    TreeEdits edits;
    FileSystemEntry overview;
    FileSystemEntry retention;
    FileSystemEntry loose;

    @BeforeEach
    void connect() throws Exception {
        ws = new TestWorkspace("empty");
        ws.create("Marketing", "folder");
        ws.create("Marketing/Campaigns", "folder");
        ws.create("Marketing/Campaigns/Launch funnel", "insight");
        overview = ws.create("Marketing/Overview", "dashboard");
        ws.create("Product", "folder");
        retention = ws.create("Product/Retention", "insight");
        ws.create("Engineering", "folder");
        loose = ws.create("Loose flag", "feature_flag");
        main = new MainViewModel(TaskRunner.sameThread(), MoveJournal.Store.inMemory());
        main.connect(ws.target());
        tree = main.tree();
        edits = tree.edits();
    }

    @AfterEach
    void close() throws Exception {
        main.close();
        ws.close();
    }

    private static NodeKey item(FileSystemEntry row) {
        return new NodeKey.Item(row.id());
    }

    private void selectOnly(NodeKey key) {
        tree.select(List.of(key), key);
    }

    private List<String> selectedPaths() {
        return tree.selectedNodes().stream().map(TreeNode::path).toList();
    }

    @Test
    void theLeadOfASelectionIsWhatDetailsShow() {
        tree.select(List.of(item(loose), NodeKey.folder("Product")), item(loose));
        assertEquals(List.of("Loose flag", "Product"), selectedPaths());
        assertEquals("Loose flag", tree.selectedProperty().get().path());
        assertEquals("", tree.currentFolder(), "new things go beside the first selected item");
        selectOnly(NodeKey.folder("Product"));
        assertEquals("Product", tree.currentFolder());
    }

    @Test
    void movedRowsStaySelectedAtTheirNewPlaceAndTheirFolderOpens() {
        tree.select(List.of(item(loose), NodeKey.folder("Marketing")), NodeKey.folder("Marketing"));
        TreeEdits.MovePlan plan = edits.planMove(tree.selectedNodes(), "Engineering");
        assertFalse(plan.needsConfirmation(), plan.rows() + " rows");

        edits.move(plan);

        assertEquals("Engineering/Loose flag", ws.row(loose.id()).path());
        assertEquals("Engineering/Marketing/Overview", ws.row(overview.id()).path());
        assertEquals(List.of(item(loose), NodeKey.folder("Engineering/Marketing")), List.copyOf(tree.selection()));
        assertEquals(List.of("Engineering/Loose flag", "Engineering/Marketing"), selectedPaths());
        assertEquals("Engineering/Marketing", tree.selectedProperty().get().path());
        assertTrue(tree.isExpanded("Engineering"), "the folder they went into is open");
        assertEquals("Move 2 items to Engineering — done.", main.statusProperty().get());
    }

    @Test
    void afterADeleteTheNextSiblingIsSelectedAndUndoRedoAreNamed() {
        selectOnly(NodeKey.folder("Marketing"));
        Optional<DeletePlan> plan = edits.planDelete();
        assertTrue(plan.isPresent());
        assertEquals("“Marketing”", plan.get().what());
        assertEquals(3, plan.get().totalInside(), "Campaigns, its insight and the dashboard");
        assertEquals(List.of("Marketing/Campaigns", "Marketing/Campaigns/Launch funnel", "Marketing/Overview"),
                plan.get().rowsInside().stream().map(FileSystemEntry::path).sorted().toList());

        edits.delete(plan.get());

        assertTrue(ws.tree().keySet().stream().noneMatch(p -> p.startsWith("Marketing")), ws.tree().toString());
        assertEquals(List.of(NodeKey.folder("Product")), List.copyOf(tree.selection()),
                "the next sibling takes the deleted folder's place");
        assertEquals("Product", tree.selectedProperty().get().path(), "and Details shows it");
        // The rows were made over the API, with no objects behind them: the server lists none as deleted,
        // and the sentence names the folders that went (Marketing and Campaigns).
        assertEquals("Deleted 2 folders. Ctrl+Z restores them.", main.statusProperty().get());
        assertEquals("Undo: Delete “Marketing”", edits.history().undoTextProperty().get());
        assertFalse(edits.history().canRedoProperty().get());

        edits.undo();

        assertTrue(ws.tree().containsKey("Marketing/Overview"), "restored: " + ws.tree());
        assertEquals(List.of(NodeKey.folder("Marketing")), List.copyOf(tree.selection()), "undo selects what it restored");
        assertEquals("Undo", edits.history().undoTextProperty().get());
        assertTrue(edits.history().canRedoProperty().get());
        assertEquals("Redo: Delete “Marketing”", edits.history().redoTextProperty().get());

        edits.redo();

        assertFalse(ws.tree().containsKey("Marketing/Overview"), "deleted again: " + ws.tree());
        assertEquals(List.of(NodeKey.folder("Product")), List.copyOf(tree.selection()), "redo selects the neighbour");
        assertEquals("Undo: Delete “Marketing”", edits.history().undoTextProperty().get(), "labels never nest");
        assertFalse(edits.history().canRedoProperty().get());
    }

    @Test
    void cutThenPasteMovesWhatWasCutIntoTheSelectedFolder() {
        selectOnly(item(loose));
        tree.cut();
        assertEquals("Cut “Loose flag”: paste it into a folder.", main.statusProperty().get());
        assertEquals(1, tree.clipboard().size());

        selectOnly(NodeKey.folder("Product"));
        Optional<TreeEdits.MovePlan> plan = tree.planPaste();
        assertTrue(plan.isPresent());
        edits.move(plan.get());

        assertEquals("Product/Loose flag", ws.row(loose.id()).path());
        assertTrue(tree.clipboard().isEmpty(), "a paste empties the clipboard");
        assertFalse(tree.isCut(item(loose)), "and nothing is cut any more");
        assertEquals(List.of(item(loose)), List.copyOf(tree.selection()));
    }

    @Test
    void escapeCancelsACutOnceAndThePasteThenHasNothing() {
        selectOnly(item(loose));
        int marks = tree.marksVersionProperty().get();
        tree.cut();
        assertTrue(tree.isCut(item(loose)), "the cut row is marked");
        assertFalse(tree.isCut(NodeKey.folder("Product")));
        assertTrue(tree.marksVersionProperty().get() > marks, "views are told to restyle");

        assertTrue(tree.cancelCut());
        assertFalse(tree.isCut(item(loose)));
        assertEquals("Nothing is cut any more.", main.statusProperty().get());
        assertFalse(tree.cancelCut(), "a second Escape has nothing to cancel");
        selectOnly(NodeKey.folder("Product"));
        assertTrue(tree.planPaste().isEmpty());
        assertEquals("Loose flag", ws.row(loose.id()).path());
    }

    @Test
    void aPasteIntoItsOwnSubfolderIsRefusedWithTheReasonAndChangesNothing() {
        var before = ws.tree();
        selectOnly(NodeKey.folder("Marketing"));
        tree.cut();
        selectOnly(NodeKey.folder("Marketing/Campaigns"));

        assertTrue(tree.planPaste().isEmpty());

        assertEquals("Can't paste “Marketing” here: A folder can't be moved into one of its own subfolders.",
                main.statusProperty().get());
        assertEquals(before, ws.tree());
        assertEquals(1, tree.clipboard().size(), "the clipboard keeps what was cut");
        assertFalse(edits.history().canUndoProperty().get());
    }

    @Test
    void theDropDecisionNamesTheRefusedNode() {
        List<TreeNode> marketing = List.of(tree.shownIndex().folder("Marketing"));
        DropDecision intoChild = tree.decideDrop(marketing, "Marketing/Campaigns");
        assertFalse(intoChild.allowed());
        assertEquals("“Marketing”: A folder can't be moved into one of its own subfolders.", intoChild.reason());
        assertFalse(tree.decideDrop(marketing, "").allowed(), "already at the top");
        assertTrue(tree.decideDrop(marketing, "Product").allowed());
        assertEquals("", tree.decideDrop(marketing, "Product").reason());
    }

    @Test
    void searchShowsTheMatchesInTheirFoldersAndClearingKeepsWhatWasOpen() {
        tree.expand("Marketing");

        tree.search("Retention");

        assertTrue(tree.isSearching());
        assertEquals(List.of(retention.id()), tree.searchResultsProperty().get().stream().map(FileSystemEntry::id).toList());
        assertEquals("1 match for “Retention”.", main.statusProperty().get());
        assertEquals(List.of("Product"), paths(tree.rows("")));
        assertTrue(tree.isExpanded("Product"), "the results' folders are open");
        assertFalse(tree.isExpanded("Marketing"));

        tree.search("  ");

        assertFalse(tree.isSearching());
        assertNull(tree.searchResultsProperty().get());
        assertTrue(tree.isExpanded("Marketing"), "the tree's own open folders are back");
        assertFalse(tree.isExpanded("Product"));
        assertEquals(List.of("Engineering", "Marketing", "Product", "Loose flag"), paths(tree.rows("")));
    }

    @Test
    void aStarInTheResultsShowsInTheShortcutsAndLeavesTheRowAlone() {
        tree.search("Retention");
        edits.toggleStar(List.of(tree.shownIndex().node(item(retention))));

        assertFalse(Boolean.TRUE.equals(ws.row(retention.id()).shortcut()), "the star is not the shortcut flag");
        assertFalse(tree.searchResultsProperty().get().get(0).isLink(), "the result row is unchanged");
        assertEquals(List.of(retention.ref()), ws.api.shortcuts().listAll().stream().map(dev.burrow.api.Star::ref)
                .toList(), "the server keeps the star");
        assertEquals(List.of("Retention"), tree.stars().stream().map(dev.burrow.api.Star::path).toList());
    }

    @Test
    void renameSelectsTheRenamedFolderAndUndoPutsTheNameBack() {
        TreeNode product = tree.shownIndex().folder("Product");

        edits.rename(product, "Product area");

        assertEquals("Product area/Retention", ws.row(retention.id()).path());
        assertEquals(List.of(NodeKey.folder("Product area")), List.copyOf(tree.selection()));
        assertEquals("Undo: Rename “Product” to “Product area”", edits.history().undoTextProperty().get());
        edits.undo();
        assertEquals("Product/Retention", ws.row(retention.id()).path());
    }

    @Test
    void aNewFolderGoesIntoTheCurrentFolderAndAsksForItsName() {
        selectOnly(item(overview));

        edits.newFolder();

        assertEquals("folder", ws.tree().get("Marketing/Untitled folder"));
        NodeKey made = NodeKey.folder("Marketing/Untitled folder");
        assertEquals(made, edits.renamingProperty().get());
        assertEquals(List.of(made), List.copyOf(tree.selection()));
        assertTrue(tree.isExpanded("Marketing"));
    }

    private static List<String> paths(List<Row> rows) {
        return rows.stream().map(Row::treeNode).filter(n -> n != null).map(TreeNode::path).toList();
    }
}
