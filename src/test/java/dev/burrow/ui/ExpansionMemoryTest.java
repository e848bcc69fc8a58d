package dev.burrow.ui;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.burrow.settings.ExpandedFoldersStore;
import dev.burrow.tree.MoveJournal;
import dev.burrow.tree.TaskRunner;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The open folders of a connection come back after the app restarts (a new view model, the same file). */
class ExpansionMemoryTest {

    @TempDir
    Path config;

    @Test
    void openFoldersSurviveARestart() throws Exception {
        try (TestWorkspace ws = new TestWorkspace("empty")) {
            ws.create("Marketing/Campaigns/Launch", "insight");
            ws.create("Product/Retention", "insight");
            MainViewModel first = open(config, ws);
            first.tree().expandTo("Marketing/Campaigns");
            first.close();

            MainViewModel second = open(config, ws);
            assertTrue(second.tree().isExpanded("Marketing"));
            assertTrue(second.tree().isExpanded("Marketing/Campaigns"));
            assertFalse(second.tree().isExpanded("Product"));
            second.close();
        }
    }

    private static MainViewModel open(Path config, TestWorkspace ws) {
        MainViewModel vm = new MainViewModel(TaskRunner.sameThread(), MoveJournal.Store.inMemory());
        vm.setExpansionMemory(new ExpansionMemory(TaskRunner.sameThread(), new ExpandedFoldersStore(config)));
        vm.connect(ws.target());
        return vm;
    }
}
