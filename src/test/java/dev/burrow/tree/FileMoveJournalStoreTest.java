package dev.burrow.tree;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileMoveJournalStoreTest {

    @TempDir
    Path dir;

    private static MoveJournal.Snapshot snapshot(String id, int done) {
        return new MoveJournal.Snapshot(id, "Move “A” to B", List.of(
                new MoveJournal.Entry("r1", "A", "B/A"),
                new MoveJournal.Entry("r2", "A/x \\/ y", "B/A/x \\/ y"),
                new MoveJournal.Entry("r3", "A/é/日本", "B/A/é/日本")), done);
    }

    @Test
    void eachConnectionKeepsItsOwnJournals() {
        FileMoveJournalStore us = FileMoveJournalStore.forConnection(dir, "https://us.posthog.com#12");
        FileMoveJournalStore eu = FileMoveJournalStore.forConnection(dir, "https://eu.posthog.com#12");
        us.save(snapshot("j1", 1));
        assertEquals(List.of(snapshot("j1", 1)), FileMoveJournalStore.forConnection(dir, "https://us.posthog.com#12")
                .pending());
        assertTrue(eu.pending().isEmpty());
        assertTrue(FileMoveJournalStore.forConnection(dir, "local").pending().isEmpty());
        assertTrue(us.folder().startsWith(dir));
    }

    @Test
    void savedJournalsAreFoundByAnotherStoreOnTheSameFolder() {
        FileMoveJournalStore store = new FileMoveJournalStore(dir.resolve("journals"));
        store.save(snapshot("j1", 0));
        store.save(snapshot("j1", 2));
        store.save(snapshot("j2", 1));
        List<MoveJournal.Snapshot> found = new FileMoveJournalStore(dir.resolve("journals")).pending();
        assertEquals(List.of(snapshot("j1", 2), snapshot("j2", 1)), found);
        store.delete("j1");
        store.delete("j1");
        assertEquals(List.of(snapshot("j2", 1)), store.pending());
    }

    @Test
    void noTemporaryFilesAreLeftAndAMissingFolderHasNothingPending() throws Exception {
        FileMoveJournalStore store = new FileMoveJournalStore(dir.resolve("none"));
        assertTrue(store.pending().isEmpty());
        store.save(snapshot("j1", 1));
        try (var files = Files.list(dir.resolve("none"))) {
            assertEquals(List.of("j1.json"), files.map(p -> p.getFileName().toString()).toList());
        }
    }

    @Test
    void aDamagedJournalIsSetAsideNotDeleted() throws Exception {
        FileMoveJournalStore store = new FileMoveJournalStore(dir);
        store.save(snapshot("good", 1));
        Files.writeString(dir.resolve("bad.json"), "{\"id\": \"bad\", \"entries\": [");
        Files.writeString(dir.resolve("range.json"), "{\"id\":\"range\",\"done\":9,\"entries\":[]}");
        assertEquals(List.of(snapshot("good", 1)), store.pending());
        assertTrue(Files.exists(dir.resolve("bad.json.corrupt")));
        assertTrue(Files.exists(dir.resolve("range.json.corrupt")));
    }

    @Test
    void idsThatAreNotFileNamesAreRefused() {
        FileMoveJournalStore store = new FileMoveJournalStore(dir);
        assertThrows(IllegalArgumentException.class, () -> store.save(snapshot("../escape", 0)));
        assertThrows(IllegalArgumentException.class, () -> store.delete("a/b"));
    }

    @Test
    void aJournalResumedFromDiskFinishesTheMove() {
        RecordingPatches backend = new RecordingPatches();
        FileMoveJournalStore store = new FileMoveJournalStore(dir);
        store.save(snapshot("j", 1));
        MoveJournal.Snapshot s = new FileMoveJournalStore(dir).pending().get(0);
        MoveJournal.resume(store, s).run(backend);
        assertEquals(List.of("r2→B/A/x \\/ y", "r3→B/A/é/日本"), backend.patches);
        assertTrue(store.pending().isEmpty());
    }

    /** Only PATCHes of paths, recorded. */
    private static final class RecordingPatches extends NoBackend {
        final java.util.List<String> patches = new java.util.ArrayList<>();

        @Override
        public dev.burrow.api.FileSystemEntry patchPath(String id, String path) {
            patches.add(id + "→" + path);
            return null;
        }
    }

    /** A backend that answers nothing. */
    private abstract static class NoBackend implements TreeBackend {
        @Override
        public dev.burrow.api.Page<dev.burrow.api.FileSystemEntry> children(String folder, int limit, int offset) {
            throw new UnsupportedOperationException();
        }

        @Override
        public long total() {
            throw new UnsupportedOperationException();
        }

        @Override
        public long everything(int pageSize, java.util.function.Consumer<List<dev.burrow.api.FileSystemEntry>> pages) {
            throw new UnsupportedOperationException();
        }

        @Override
        public List<dev.burrow.api.FileSystemEntry> descendants(String folder) {
            throw new UnsupportedOperationException();
        }

        @Override
        public List<dev.burrow.api.FileSystemEntry> rowsAt(String path) {
            throw new UnsupportedOperationException();
        }

        @Override
        public List<dev.burrow.api.FileSystemEntry> rowsFor(String type, String ref) {
            throw new UnsupportedOperationException();
        }

        @Override
        public List<dev.burrow.api.FileSystemEntry> search(String text, int limit) {
            throw new UnsupportedOperationException();
        }

        @Override
        public dev.burrow.api.FileSystemEntry create(dev.burrow.api.FileSystemEntry template) {
            throw new UnsupportedOperationException();
        }

        @Override
        public dev.burrow.api.FileSystemEntry retrieve(String id) {
            throw new UnsupportedOperationException();
        }

        @Override
        public dev.burrow.api.FileSystemEntry patchShortcut(String id, boolean shortcut) {
            throw new UnsupportedOperationException();
        }

        @Override
        public boolean supportsMove() {
            return false;
        }

        @Override
        public dev.burrow.api.FileSystemEntry move(String id, String newPath) {
            throw new UnsupportedOperationException();
        }

        @Override
        public dev.burrow.api.FileSystemEntry link(String id, String newPath) {
            throw new UnsupportedOperationException();
        }

        @Override
        public List<dev.burrow.api.DeletedObject> delete(String id) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void undoDelete(List<dev.burrow.api.DeletedObject> items) {
            throw new UnsupportedOperationException();
        }

        @Override
        public dev.burrow.api.CountResult count(String folderPath) {
            throw new UnsupportedOperationException();
        }
    }

    @Test
    void aJournalBeingRunIsNotPendingForAnotherStoreUntilItsLockIsReleased() {
        FileMoveJournalStore runner = new FileMoveJournalStore(dir.resolve("journals"));
        FileMoveJournalStore window = new FileMoveJournalStore(dir.resolve("journals"));
        runner.save(snapshot("j1", 1));
        runner.save(snapshot("j2", 0));
        try (JournalFolder.Lock held = runner.running("j1")) {
            assertEquals(List.of(snapshot("j2", 0)), window.pending(), "j1 is being run, not interrupted");
        }
        assertEquals(List.of(snapshot("j1", 1), snapshot("j2", 0)), window.pending(),
                "once its runner stops (or dies) the journal is interrupted");
        runner.delete("j1");
        try (var files = java.nio.file.Files.list(dir.resolve("journals"))) {
            assertEquals(List.of(), files.map(p -> p.getFileName().toString()).filter(n -> n.startsWith("j1"))
                    .toList(), "the lock file goes with its journal");
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
