package dev.burrow.tree;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.burrow.api.FileSystemEntry;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** Loading folder by folder, paging, the whole index, synthetic folders — against the local server. */
class TreeSessionLoadTest extends SessionSupport {

    private static List<String> names(List<TreeNode> nodes) {
        return nodes.stream().map(TreeNode::name).toList();
    }

    @Test
    void theWholeIndexNotesItsNewestRowForLiveRefreshWithoutACopyOfItsRows() {
        openEmpty(true);
        for (int i = 0; i < 5; i++) {
            create("Folder " + i + "/row", "doc-file");
        }
        assertEquals(null, session.indexNewestCreated(), "not before the index is whole");
        loadIndex();
        String newest = LiveMerge.newest(index().rows(), null);
        assertTrue(newest != null, "the rows have their created_at");
        assertEquals(newest, session.indexNewestCreated());
        session.refresh();
        assertEquals(null, session.indexNewestCreated(), "F5 forgets it until the index is whole again");
    }

    @Test
    void theIndexLimitFollowsTheHeapSoALargeTreeStaysLazyRatherThanRunOutOfMemory() {
        long mb = 1L << 20;
        long launcher = TreeSession.indexLimit(192 * mb);
        assertTrue(launcher >= 111_134 && launcher < 150_000, "the launcher's heap indexes the 111k bench tree, not 300k: " + launcher);
        assertEquals(TreeSession.INDEX_LIMIT, TreeSession.indexLimit(1024 * mb));
        assertEquals(TreeSession.INDEX_LIMIT, TreeSession.indexLimit(Long.MAX_VALUE));
        assertEquals(0, TreeSession.indexLimit(32 * mb));
        assertTrue(TreeSession.indexLimit(256 * mb) > launcher);
    }

    @Test
    void aTreeTooLargeToIndexIsAskedItsSizeOnceUntilF5() {
        openEmpty(true);
        create("Marketing/Launch plan", "doc-file");
        backend.reportTotal(TreeSession.INDEX_LIMIT + 1);
        assertTrue(session.indexWanted());

        session.loadIndex();
        session.loadIndex();

        assertEquals(1, backend.calls().stream().filter("total"::equals).count(), "one count, not one per ask");
        assertFalse(session.index().isComplete());
        assertFalse(session.indexWanted(), "the tree stays lazy");
        session.refresh();
        assertTrue(session.indexWanted(), "F5 asks the server again");
    }

    @Test
    void loadFolderShowsTheRootAndAFolderLikeTheServer() {
        openEmpty(true);
        create("Marketing/Launch plan", "doc-file");
        create("Marketing/Campaigns/Spring", "doc-file");
        create("alpha", "doc-file");
        create("Beta", "folder");
        session.loadFolder("");
        assertEquals(new FolderState.Loaded(3, false), session.state(""));
        assertEquals(List.of("Beta", "Marketing", "alpha"), names(index().children("")));
        assertEquals(FolderState.NOT_LOADED, session.state("Marketing"));
        session.loadFolder("Marketing");
        assertEquals(List.of("Campaigns", "Launch plan"), names(index().children("Marketing")));
        assertEquals(new FolderState.Loaded(2, false), session.state("Marketing"));
        // what is loaded is what the server has
        for (String f : List.of("", "Marketing")) {
            List<String> server = new ArrayList<>(serverChildren(f).stream().map(FileSystemEntry::id).toList());
            List<String> local = new ArrayList<>(index().children(f).stream().map(n -> n.row().id()).toList());
            server.sort(null);
            local.sort(null);
            assertEquals(server, local, f);
        }
        backend.clear();
        session.loadFolder("Marketing");
        assertEquals(List.of(), backend.calls(), "a loaded folder is not fetched again");
    }

    @Test
    void aFolderWithMoreThanAPageLoadsMore() {
        openEmpty(true);
        create("Big", "folder");
        List<String> paths = IntStream.range(0, 2650).mapToObj(i -> String.format("Big/item %04d", i)).toList();
        server.rows(paths, "doc-file");
        session.loadFolder("Big");
        assertEquals(new FolderState.Loaded(100, true), session.state("Big"));
        assertEquals(100, index().children("Big").size());
        // pages grow with what is loaded (100, 100, 200, 400, 800), then 1,000 at a time
        int[] after = {200, 400, 800, 1600, 2600};
        for (int loaded : after) {
            session.loadMore("Big");
            assertEquals(new FolderState.Loaded(loaded, true), session.state("Big"));
        }
        session.loadMore("Big");
        assertEquals(new FolderState.Loaded(2650, false), session.state("Big"));
        backend.clear();
        session.loadMore("Big");
        assertEquals(List.of(), backend.calls(), "nothing more to load");
        assertEquals(paths, index().children("Big").stream().map(TreeNode::path).toList());
    }

    @Test
    void loadIndexCompletesAndEveryCountIsTheServers() {
        openEmpty(true);
        create("A/B/C/one", "doc-file");
        create("A/B/two", "doc-file");
        create("A/three", "doc-file");
        create("Empty", "folder");
        row("Synthetic/Deep/four", "doc-file");
        row("Synthetic/five", "doc-file");
        create("Slash \\/ name/six", "doc-file");
        server.rows(IntStream.range(0, 1500).mapToObj(i -> "Many/r" + i).toList(), "doc-file");
        loadIndex();
        assertEquals(serverRows().size(), index().size());
        assertEquals(0, index().countBelow("Empty"));
        assertEquals(1500, index().countBelow("Many"));
        assertAgree();
        // every folder state is "loaded" once the index is complete
        assertEquals(new FolderState.Loaded(1, false), session.state("A/B/C"));
    }

    @Test
    void demoProjectIndexAgreesWithTheServer() {
        startServer("demo");
        open(true);
        loadIndex();
        assertTrue(index().size() > 100, "the demo has a real tree");
        assertAgree();
    }

    @Test
    void syntheticFoldersShowWithoutFolderRows() {
        openEmpty(true);
        row("Ghost/Inner/report", "doc-file");
        row("Ghost/note", "doc-file");
        loadIndex();
        TreeNode ghost = index().children("").get(0);
        TreeNode.Folder g = assertInstanceOf(TreeNode.Folder.class, ghost);
        assertTrue(g.isSynthetic());
        assertEquals(List.of("Inner", "note"), names(index().children("Ghost")));
        assertTrue(folder("Ghost/Inner").isSynthetic());
        assertEquals(2, index().countBelow("Ghost"));
        assertEquals(2, serverCount("Ghost"));
        assertAgree();
    }

    @Test
    void searchPutsResultsIntoTheIndex() {
        openEmpty(true);
        create("Team/Revenue report", "doc-file");
        create("Team/Churn", "doc-file");
        List<FileSystemEntry> found = new ArrayList<>();
        session.search("revenue", found::addAll);
        assertEquals(List.of("Team/Revenue report"), found.stream().map(FileSystemEntry::path).toList());
        assertFalse(index().rowsAt("Team/Revenue report").isEmpty());
    }
}
