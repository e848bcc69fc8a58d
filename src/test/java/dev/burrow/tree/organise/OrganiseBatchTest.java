package dev.burrow.tree.organise;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.burrow.client.EntryFields;
import dev.burrow.tree.MoveJournal;
import dev.burrow.tree.Operation;
import dev.burrow.tree.TaskRunner;
import dev.burrow.tree.TreeIndex;
import dev.burrow.tree.TreeSession;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Applying and undoing batches against a real local server: exact paths, request counts, cancel, failure. */
class OrganiseBatchTest extends OrganiseSupport {

    final BatchJournal.Store store = BatchJournal.Store.inMemory();

    /** Inbox with ten insights by two creators, one stored under a path that is not canonical. */
    List<String> arrange() {
        start("empty");
        server.user(7, "Ada", "Lovelace", "ada@example.com");
        server.user(8, "Bob", "Stone", "bob@example.com");
        folder("Inbox");
        folder("People");
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 9; i++) {
            ids.add(item("Inbox/insight " + i, "insight", "s" + i, null, "{\"created_by\":" + (7 + i % 2) + "}"));
        }
        ids.add(item("Inbox//odd \\x", "insight", "s9", null, "{\"created_by\":7}"));
        return ids;
    }

    /** Runs an operation as the owner would: locally, then sent, then reconciled (or reverted on failure). */
    static void run(Operation op, TreeIndex index, dev.burrow.tree.TreeBackend backend) {
        OrganiseBatch.runHere(op, index, backend);
    }

    /** The paths of the rows the index has, by id (the index must agree with the server). */
    static Map<String, String> indexPaths(TreeIndex index) {
        Map<String, String> out = new TreeMap<>();
        index.rows().forEach(r -> out.put(r.id(), r.path()));
        return out;
    }

    @Test
    void applyCostsOneRequestPerMoveAndNewFolderAndUndoRestoresTheExactPaths() {
        List<String> ids = arrange();
        Map<String, String> before = paths();
        Plan plan = plan("path:Inbox", "People/{creator}");
        assertEquals(10, plan.moves().size());
        assertEquals(List.of("People/Ada Lovelace", "People/Bob Stone"), plan.newFolders());
        TreeIndex index = index();
        OrganiseBatch batch = OrganiseBatch.of(plan, store);
        calls.clear();
        run(batch, index, backend);
        assertEquals(plan.requests(), calls.size(), "nothing but the writes: " + calls);
        assertEquals(List.of("create", "create"), writes().subList(0, 2));
        assertEquals(Collections.nCopies(10, "patchPath"), writes().subList(2, 12));
        assertEquals(OrganiseBatch.Outcome.COMPLETE, batch.outcome());
        assertEquals("People/Ada Lovelace/odd \\\\x", pathOf(ids.get(9)));
        assertEquals("People/Bob Stone/insight 1", pathOf(ids.get(1)));
        assertEquals(paths(), indexPaths(index), "the index follows the server");
        assertEquals(BatchJournal.State.APPLIED, store.lastUndoable().state());

        Operation undo = batch.inverse();
        run(undo, index, backend);
        assertEquals(before, paths(), "every row at its exact old path, the new folders gone");
        assertEquals("Inbox//odd \\x", pathOf(ids.get(9)), "the odd stored path byte for byte");
        assertEquals(paths(), indexPaths(index));
        assertTrue(store.all().isEmpty(), "an undone batch leaves no journal");
        assertEquals(List.of("People/Bob Stone", "People/Ada Lovelace"), ((OrganiseUndo) undo).removedFolders());
    }

    @Test
    void undoLeavesAloneAndNamesRowsChangedSince() {
        List<String> ids = arrange();
        Plan plan = plan("path:Inbox", "People/{creator}");
        TreeIndex index = index();
        OrganiseBatch batch = OrganiseBatch.of(plan, store);
        run(batch, index, backend);
        // someone else, meanwhile: a move, a rename, a delete, and a new row in a new folder
        client.fileSystem().patch(ids.get(0), new EntryFields().path("Elsewhere/insight 0"));
        client.fileSystem().patch(ids.get(2), new EntryFields().path("People/Ada Lovelace/renamed"));
        server.sql("DELETE FROM file_system WHERE id = ?", ids.get(4));
        String newcomer = item("People/Bob Stone/someone else's", "insight", "x", null, null);

        OrganiseUndo undo = (OrganiseUndo) batch.inverse();
        run(undo, index, backend);
        Map<String, String> left = new TreeMap<>();
        undo.leftAlone().forEach(l -> left.put(l.id(), l.now()));
        Map<String, String> expected = new TreeMap<>();
        expected.put(ids.get(0), "Elsewhere/insight 0");
        expected.put(ids.get(2), "People/Ada Lovelace/renamed");
        expected.put(ids.get(4), null);
        assertEquals(expected, left);
        assertEquals("People/Ada Lovelace/insight 0 — now at Elsewhere/insight 0",
                undo.leftAlone().stream().filter(l -> l.id().equals(ids.get(0))).findFirst().orElseThrow().sentence());
        assertEquals("Elsewhere/insight 0", pathOf(ids.get(0)));
        assertEquals("People/Ada Lovelace/renamed", pathOf(ids.get(2)));
        assertEquals("Inbox/insight 1", pathOf(ids.get(1)), "unchanged rows go back");
        assertEquals("Inbox//odd \\x", pathOf(ids.get(9)));
        assertEquals(List.of("People/Bob Stone", "People/Ada Lovelace"), undo.keptFolders(), "both still hold something");
        assertEquals("People/Bob Stone/someone else's", pathOf(newcomer));
        assertTrue(undo.description().endsWith("— 5 changed since, left alone"), undo.description());
        assertEquals(paths().keySet().stream().filter(id -> index.byId(id) != null).count(), paths().size() - 1,
                "the index knows every row but the newcomer it never loaded");
    }

    @Test
    void aCancelledBatchKeepsWhatWasDoneSaysSoAndUndoesJustThat() {
        List<String> ids = arrange();
        Map<String, String> before = paths();
        Plan plan = plan("path:Inbox", "People/{creator}");
        TreeIndex index = index();
        OrganiseBatch batch = OrganiseBatch.of(plan, store);
        List<String> progress = new ArrayList<>();
        batch.onProgress((sent, total) -> {
            progress.add(sent + "/" + total);
            if (sent == 5) {
                batch.cancel(); // two folders and three moves
            }
        });
        run(batch, index, backend);
        assertEquals(List.of("1/12", "2/12", "3/12", "4/12", "5/12"), progress);
        assertEquals(OrganiseBatch.Outcome.CANCELLED, batch.outcome());
        assertEquals(3, batch.done());
        assertEquals("Organise 10 items into People/{creator} — cancelled after 3 of 10", batch.description());
        long moved = ids.stream().filter(id -> pathOf(id).startsWith("People/")).count();
        assertEquals(3, moved);
        assertEquals(paths(), indexPaths(index), "the index shows what happened, not what was planned");
        BatchJournal journal = store.lastUndoable();
        assertEquals(BatchJournal.State.CANCELLED, journal.state());
        assertEquals(3, journal.done());

        run(batch.inverse(), index, backend);
        assertEquals(before, paths());
    }

    private TreeSession loadedSession() {
        TreeSession session = new TreeSession(backend, TaskRunner.sameThread(), MoveJournal.Store.inMemory());
        session.loadIndex();
        return session;
    }

    private Plan inboxByCreator(TreeSession session) {
        return Planner.plan(session.index(), lookup.search("path:Inbox"), Template.parse("People/{creator}"),
                DashboardTiles.NONE);
    }

    @Test
    void aBatchIsOneEntryInTheSessionsHistory() {
        List<String> ids = arrange();
        Map<String, String> before = paths();
        TreeSession session = loadedSession();
        Plan plan = inboxByCreator(session);
        List<String> answers = new ArrayList<>();
        session.execute(OrganiseBatch.of(plan, store), answers::add);
        assertEquals(Collections.singletonList(null), answers);
        assertEquals("Organise 10 items into People/{creator}", session.undoDescription());
        assertEquals("People/Bob Stone/insight 3", pathOf(ids.get(3)));

        session.undo(answers::add);
        assertNull(answers.get(1));
        assertEquals(before, paths(), "one undo puts every row back");
        assertTrue(session.canRedo());

        session.redo(answers::add);
        assertNull(answers.get(2));
        assertEquals("People/Bob Stone/insight 3", pathOf(ids.get(3)), "redo moves them again");
        assertEquals(2, server.column("SELECT id FROM file_system WHERE type = 'folder' AND path LIKE 'People/%'").size(),
                "and makes the folders anew");
        session.undo(answers::add);
        assertEquals(before, paths());
    }

    @Test
    void aBatchRunByTheSessionReportsItsRequestsAndTheLinesCancelStopsIt() {
        List<String> ids = arrange();
        Map<String, String> before = paths();
        TreeSession session = loadedSession();
        List<String> reports = new ArrayList<>();
        java.util.concurrent.atomic.AtomicReference<dev.burrow.tree.Progress> line = new java.util.concurrent.atomic.AtomicReference<>();
        session.addListener(new TreeSession.Listener() {
            @Override
            public void foldersChanged(java.util.Set<String> folderPaths) {
            }

            @Override
            public void working(dev.burrow.tree.Progress work) {
                line.set(work);
                reports.add(work.message() + (work.isEnded() ? " (ended)" : ""));
            }
        });
        AtomicInteger patches = new AtomicInteger();
        beforeCall = name -> {
            if (name.equals("patchPath") && patches.incrementAndGet() == 4) {
                assertTrue(line.get().cancel(), "the background-work line's cancel reaches the batch");
            }
        };
        Plan plan = inboxByCreator(session);
        List<String> answers = new ArrayList<>();
        session.execute(OrganiseBatch.of(plan, store), answers::add);

        assertTrue(reports.contains("3 of 12 requests sent"), reports.toString());
        assertTrue(reports.get(reports.size() - 1).endsWith("(ended)"), reports.toString());
        assertEquals(4, ids.stream().filter(id -> pathOf(id).startsWith("People/")).count(),
                "it stopped before the request after the cancel");
        assertEquals("Organise 10 items into People/{creator} — cancelled after 4 of 10", session.undoDescription(),
                "what moved is one step of the history");
        session.undo(answers::add);
        assertEquals(before, paths());
    }

    @Test
    void itsUndoShowsHowFarItGotAndOffersNoCancel() {
        arrange();
        Map<String, String> before = paths();
        TreeSession session = loadedSession();
        Plan plan = inboxByCreator(session);
        List<String> answers = new ArrayList<>();
        session.execute(OrganiseBatch.of(plan, store), answers::add);
        List<String> reports = new ArrayList<>();
        List<Boolean> cancellable = new ArrayList<>();
        session.addListener(new TreeSession.Listener() {
            @Override
            public void foldersChanged(java.util.Set<String> folderPaths) {
            }

            @Override
            public void working(dev.burrow.tree.Progress work) {
                reports.add(work.title() + ": " + work.message() + (work.isEnded() ? " (ended)" : ""));
                cancellable.add(work.isCancellable());
            }
        });

        session.undo(answers::add);
        assertEquals(before, paths());
        String title = "Undoing: Organise 10 items into People/{creator}";
        // 10 rows put back, then the 2 folders the batch made
        assertTrue(reports.contains(title + ": 5 of 12 requests sent"), reports.toString());
        assertTrue(reports.contains(title + ": 12 of 12 requests sent (ended)"), reports.toString());
        assertEquals(List.of(false), cancellable.stream().distinct().toList(),
                "stopping half-way would leave the batch half undone: no Cancel");
    }

    @Test
    void aFailureStopsTheBatchAndItsJournalResumesOrRevertsIt() {
        List<String> ids = arrange();
        Map<String, String> before = paths();
        Plan plan = plan("path:Inbox", "People/{creator}");
        AtomicInteger patches = new AtomicInteger();
        beforeCall = name -> {
            if (name.equals("patchPath") && patches.incrementAndGet() == 4) {
                throw new IllegalStateException("the network went away");
            }
        };
        TreeIndex index = index();
        OrganiseBatch batch = OrganiseBatch.of(plan, store);
        assertThrows(IllegalStateException.class, () -> run(batch, index, backend));
        beforeCall = name -> { };
        assertEquals(OrganiseBatch.Outcome.FAILED, batch.outcome());
        assertNull(batch.inverse(), "a failed batch is no history entry: its journal offers resume and undo");
        assertEquals(paths(), indexPaths(index));
        List<BatchJournal> cut = store.interrupted();
        assertEquals(1, cut.size());
        assertEquals(3, cut.get(0).done());

        OrganiseBatch resumed = OrganiseBatch.resume(cut.get(0), store);
        run(resumed, index, backend);
        assertEquals(OrganiseBatch.Outcome.COMPLETE, resumed.outcome());
        assertTrue(ids.stream().allMatch(id -> pathOf(id).startsWith("People/")), paths().toString());
        assertTrue(store.interrupted().isEmpty());
        assertEquals(1, server.column("SELECT id FROM file_system WHERE path = 'People/Ada Lovelace'").size(),
                "resume makes no second folder");

        run(OrganiseUndo.of(store.lastUndoable(), store), index, backend);
        assertEquals(before, paths());
    }

    @Test
    void aRowDeletedBeforeItsTurnIsPassedOverAndNamed() {
        List<String> ids = arrange();
        Plan plan = plan("path:Inbox", "People/{creator}");
        server.sql("DELETE FROM file_system WHERE id = ?", ids.get(6));
        TreeIndex index = index();
        OrganiseBatch batch = OrganiseBatch.of(plan, store);
        run(batch, index, backend);
        assertEquals(OrganiseBatch.Outcome.COMPLETE, batch.outcome());
        assertEquals(java.util.Set.of(ids.get(6)), batch.vanished());
        assertEquals(9, ids.stream().filter(id -> pathOf(id) != null && pathOf(id).startsWith("People/")).count());
    }

    @Test
    void aFolderNamedByTheQueryMovesWithItsContentsAndComesBack() {
        start("empty");
        folder("Projects");
        String q1 = folder("Projects/Q1");
        String inside = item("Projects/Q1/deep/report", "insight", "s1", null, null);
        Map<String, String> before = paths();
        Plan plan = plan("type:folder path:Projects", "Archive/{created:yyyy}");
        assertEquals(1, plan.moves().size(), plan.toString());
        TreeIndex index = index();
        OrganiseBatch batch = OrganiseBatch.of(plan, store);
        calls.clear();
        run(batch, index, backend);
        String year = String.valueOf(java.time.Year.now(java.time.ZoneOffset.UTC).getValue());
        assertEquals("Archive/" + year + "/Q1/deep/report", pathOf(inside));
        assertEquals(List.of("create", "create", "move"), writes());
        assertEquals(paths().get(q1), index.byId(q1).path());
        assertEquals(pathOf(inside), index.byId(inside).path(), "the contents follow in the index too");
        run(batch.inverse(), index, backend);
        assertEquals(before, paths());
        assertNotNull(index.byId(inside));
        assertEquals("Projects/Q1/deep/report", index.byId(inside).path());
    }
}
