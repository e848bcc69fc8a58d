package dev.burrow.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.burrow.exports.ExportState;
import java.nio.file.Files;
import javafx.scene.Node;
import javafx.scene.control.ToggleButton;
import org.junit.jupiter.api.Test;

/** Background work in one place: an export shows in the task view with its progress, and its cancel stops it. */
class BackgroundWorkWindowTest extends WindowTestBase {

    @Override
    boolean proxied() {
        return true;
    }

    @Override
    void seed() {
        create("Reports/Signups", "insight");
        SeededObjects.insight(server, 1, "Signups");
    }

    @Test
    void anExportShowsWithItsProgressAndItsCancelStopsIt() throws Exception {
        java.nio.file.Path downloads = Files.createTempDirectory(dir, "downloads");
        proxy.slowNext(1, "exports", 4000);
        interact(() -> {
            vm.exports().useFolder(downloads);
            vm.exports().export(vm.session().index().rowsAt("Reports/Signups").get(0), ExportsViewModel.Format.CSV);
        });
        ToggleButton toggle = lookup("#background-toggle").query();
        waitFx("the toggle counts it", () -> toggle.isVisible() && toggle.getText().equals("1 running"));
        clickOn(toggle);
        waitFx("the view shows the export", () -> lookup("#background-work").query().isVisible()
                && lookup("#background-work .label").queryAll().stream()
                        .anyMatch(n -> n instanceof javafx.scene.control.Label l && l.getText() != null
                                && l.getText().startsWith("Export “Signups")));

        Node cancel = onFx(() -> lookup("#background-work .button").queryAll().stream().findFirst().orElseThrow());
        clickOn(cancel);

        waitFx("the export is cancelled", () -> vm.exports().lines().get(0).stateProperty().get()
                instanceof ExportState.Cancelled);
        waitFx("and leaves the view", () -> !toggle.isVisible());
        assertTrue(Files.list(downloads).findAny().isEmpty(), "nothing was saved");
        assertEquals(0, onFx(() -> ((org.controlsfx.control.TaskProgressView<?>) lookup("#background-work").query())
                .getTasks().size()));
    }
}
