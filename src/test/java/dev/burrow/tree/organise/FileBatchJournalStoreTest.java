package dev.burrow.tree.organise;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Batch journals on disk: what survives, what a torn write or a broken file does, who may claim one. */
class FileBatchJournalStoreTest {

    @TempDir
    Path dir;

    private static BatchJournal plan(String id) {
        return new BatchJournal(id, "Organise 2 items into A/{type}", "path:Inbox", "A/{type}", List.of("A", "A/Insights"),
                List.of(new BatchJournal.Entry("r1", "Inbox//odd \\x", "A/Insights/odd \\\\x", false),
                        new BatchJournal.Entry("r2", "Inbox/Q1", "A/Insights/Q1", true)));
    }

    @Test
    void thePlanAndItsEventsComeBackAfterARestart() {
        FileBatchJournalStore store = new FileBatchJournalStore(dir);
        String id = BatchJournal.newId(Instant.parse("2026-01-02T03:04:05Z"));
        store.create(plan(id));
        store.append(id, BatchJournal.Event.creating("A"));
        store.append(id, BatchJournal.Event.created("A", "f1"));
        store.append(id, BatchJournal.Event.creating("A/Insights"));
        store.append(id, BatchJournal.Event.done(1));
        store.append(id, BatchJournal.Event.vanished("r2"));

        BatchJournal read = new FileBatchJournalStore(dir).all().get(0);
        assertEquals(id, read.id());
        assertTrue(id.startsWith("20260102T030405.000Z-"), id);
        assertEquals(plan(id).entries(), read.entries());
        assertEquals(List.of("A", "A/Insights"), read.folders());
        assertEquals(Map.of("A", "f1"), read.createdFolders());
        assertEquals(java.util.Set.of("A/Insights"), read.creating());
        assertEquals(java.util.Set.of("r2"), read.vanished());
        assertEquals(1, read.done());
        assertEquals(BatchJournal.State.APPLYING, read.state());
        assertEquals(2, read.maybeDone(), "a batch cut short may have gone further than it recorded");
    }

    @Test
    void aTornLastLineIsIgnoredAndABrokenPlanIsSetAside() throws Exception {
        FileBatchJournalStore store = new FileBatchJournalStore(dir);
        store.create(plan("a-1"));
        store.append("a-1", BatchJournal.Event.done(1));
        Files.writeString(dir.resolve("a-1.jsonl"), "{\"event\":\"state\",\"sta", StandardCharsets.UTF_8,
                StandardOpenOption.APPEND);
        Files.writeString(dir.resolve("b-2.jsonl"), "{\"version\":1,\"id\":\"b-2\",\"mov", StandardCharsets.UTF_8);

        List<BatchJournal> all = store.all();
        assertEquals(1, all.size());
        assertEquals(1, all.get(0).done());
        assertEquals(BatchJournal.State.APPLYING, all.get(0).state());
        assertTrue(Files.exists(dir.resolve("b-2.jsonl.corrupt")), "kept for a person to look at");
    }

    @Test
    void oneClaimAtATimeAndInterruptedListsOnlyUnclaimedBatches() {
        FileBatchJournalStore store = new FileBatchJournalStore(dir);
        store.create(plan("a-1"));
        store.create(plan("b-2"));
        store.append("b-2", BatchJournal.Event.state(BatchJournal.State.APPLIED));
        BatchJournal.Claim claim = store.claim("a-1");
        assertNotNull(claim);
        assertNull(store.claim("a-1"), "held");
        assertTrue(store.interrupted().isEmpty(), "a batch being applied is not interrupted");
        claim.close();
        assertEquals(List.of("a-1"), store.interrupted().stream().map(BatchJournal::id).toList());
        assertEquals("b-2", store.lastUndoable().id());
        store.delete("b-2");
        assertEquals("a-1", store.lastUndoable().id());
    }

    @Test
    void onlyTheNewestFinishedBatchesAreKept() {
        FileBatchJournalStore store = new FileBatchJournalStore(dir);
        for (int i = 0; i < FileBatchJournalStore.KEEP + 3; i++) {
            String id = String.format("%03d", i);
            store.create(plan(id));
            store.append(id, BatchJournal.Event.state(BatchJournal.State.APPLIED));
        }
        List<BatchJournal> all = store.all();
        assertEquals(FileBatchJournalStore.KEEP + 1, all.size(), "the newest is counted once it has finished");
        assertEquals("002", all.get(0).id(), "the two oldest went");
    }

    @Test
    void journalsOfDifferentConnectionsLiveApart() {
        FileBatchJournalStore a = FileBatchJournalStore.forConnection(dir, "https://us.posthog.com#1");
        FileBatchJournalStore b = FileBatchJournalStore.forConnection(dir, "https://eu.posthog.com#1");
        a.create(plan("a-1"));
        assertEquals(1, a.all().size());
        assertTrue(b.all().isEmpty());
    }
}
