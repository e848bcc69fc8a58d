package dev.burrow.ui;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.burrow.api.FileSystemEntry;
import dev.burrow.client.EntryFields;
import dev.burrow.tree.MoveJournal;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import javafx.scene.Node;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;

/** A folder move cut short in an earlier run is offered at the next connect: finish or roll back. */
@ExtendWith(ApplicationExtension.class)
class InterruptedMoveWindowTest extends WindowTestBase {

    private final MoveJournal.Store store = MoveJournal.Store.inMemory();
    private final List<String> ids = new ArrayList<>();
    private final List<String> before = new ArrayList<>();
    private final List<String> after = new ArrayList<>();

    @Override
    void seed() {
        List<MoveJournal.Entry> entries = new ArrayList<>();
        FileSystemEntry f = folder("Old");
        entries.add(new MoveJournal.Entry(f.id(), "Old", "New"));
        for (int i = 0; i < 8; i++) {
            FileSystemEntry r = create("Old/item " + i, "insight");
            entries.add(new MoveJournal.Entry(r.id(), r.path(), "New/item " + i));
        }
        entries.forEach(e -> {
            ids.add(e.id());
            before.add(e.from());
            after.add(e.to());
        });
        // The earlier run moved the first four rows, then died.
        for (int i = 0; i < 4; i++) {
            api.fileSystem().patch(entries.get(i).id(), new EntryFields().path(entries.get(i).to()));
        }
        store.save(new MoveJournal.Snapshot(UUID.randomUUID().toString(), "Move “Old” to New", entries, 4));
    }

    private void reconnectWithTheJournal() {
        interact(() -> {
            vm.setJournalStores(t -> store);
            vm.connect(new MainViewModel.Target("Local", windowUrl(), KEY, 1, true));
        });
        awaitReady();
        waitFx("the interrupted move is offered", () -> lookup("#interrupted-move").query().isVisible());
    }

    private List<String> serverPathsOfTheMovedRows() {
        List<String> out = new ArrayList<>();
        for (String id : ids) {
            out.add(serverRow(id).path());
        }
        return out;
    }

    @Test
    void finishingAnInterruptedMovePutsEveryRowAtTheNewPath() {
        reconnectWithTheJournal();
        clickOn("#finish-move");
        waitUntil("every row is at its new path", () -> serverPathsOfTheMovedRows().equals(after));
        waitUntil("the journal is gone", () -> store.pending().isEmpty());
        Node banner = lookup("#interrupted-move").query();
        waitFx("the offer is gone", () -> !banner.isVisible());
        waitFx("the tree shows New", () -> item("New").isPresent() && item("Old").isEmpty());
    }

    @Test
    void rollingBackAnInterruptedMovePutsEveryRowBack() {
        reconnectWithTheJournal();
        clickOn("#roll-back-move");
        waitUntil("every row is back at its old path", () -> serverPathsOfTheMovedRows().equals(before));
        waitUntil("the journal is gone", () -> store.pending().isEmpty());
        assertTrue(serverPaths().stream().noneMatch(p -> p.equals("New") || p.startsWith("New/")),
                "nothing is left under New: " + serverPaths());
        Node banner = lookup("#interrupted-move").query();
        waitFx("the offer is gone", () -> !banner.isVisible());
        waitFx("the tree shows Old again", () -> item("Old").isPresent() && item("New").isEmpty());
    }
}
