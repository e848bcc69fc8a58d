package dev.burrow.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.burrow.api.FileSystemEntry;
import dev.burrow.client.FileSystemQuery;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ToggleButton;
import javafx.scene.input.MouseButton;
import org.controlsfx.control.TaskProgressView;
import org.junit.jupiter.api.Test;
import org.testfx.matcher.control.LabeledMatchers;

/**
 * A folder moving row by row shows in the background-work view with its progress, and its cancel
 * stops it: the server holds what it held before, and there is nothing to undo.
 */
class MoveWorkWindowTest extends WindowTestBase {

    private static final int ROWS = 40;
    private static final Pattern PROGRESS = Pattern.compile("(\\d+) of (\\d+) rows moved");

    @Override
    boolean proxied() {
        return true;
    }

    @Override
    void seed() {
        folder("Archive");
        folder("Archive/Big");
        create("Archive/Big/Already there", "insight");
        folder("Big");
        for (int i = 1; i <= ROWS; i++) {
            create("Big/Insight " + i, "insight");
        }
    }

    /** Every row's path on the server, by id. */
    private Map<String, String> serverById() {
        Map<String, String> out = new TreeMap<>();
        for (FileSystemEntry e : api.fileSystem().listAll(FileSystemQuery.all().withLimit(1000))) {
            out.put(e.id(), e.path());
        }
        return out;
    }

    private String lineText(Pattern pattern) {
        return onFx(() -> lookup("#background-work .label").queryAll().stream()
                .map(n -> n instanceof Label l ? l.getText() : null)
                .filter(t -> t != null && pattern.matcher(t).find()).findFirst().orElse(null));
    }

    @Test
    void aLongFolderMoveShowsItsProgressAndItsCancelPutsEverythingBack() {
        Map<String, String> before = serverById();
        proxy.slowNext(10_000, "file_system", 120); // each request takes a moment: the move takes seconds

        drag(cell("Big"), MouseButton.PRIMARY).dropTo(cell("Archive"));
        waitFx("the clash is asked", () -> lookup(".button").match(LabeledMatchers.hasText("Merge")).tryQuery().isPresent());
        clickOn(lookup(".button").match(LabeledMatchers.hasText("Merge")).queryButton()); // merge: row by row

        ToggleButton toggle = lookup("#background-toggle").query();
        waitFx("the toggle counts the move", () -> toggle.isVisible() && toggle.getText().equals("1 running"));
        clickOn(toggle);
        waitFx("the view shows the move", () -> lookup("#background-work").query().isVisible()
                && lineText(Pattern.compile("^Moving “Big” to Archive$")) != null);
        waitFx("with rows counted", () -> {
            String t = lineText(PROGRESS);
            return t != null && Integer.parseInt(progress(t, 1)) >= 3;
        });
        assertEquals(String.valueOf(ROWS + 1), progress(lineText(PROGRESS), 2), "the folder row and every item");
        TaskProgressView<?> view = lookup("#background-work").query();
        double fraction = onFx(() -> view.getTasks().get(0).getProgress());
        assertTrue(fraction > 0 && fraction < 1, "the bar shows how far: " + fraction);

        Node cancel = onFx(() -> lookup("#background-work .button").queryAll().stream().findFirst().orElseThrow());
        clickOn(cancel);
        waitFx("it says it is putting rows back", () -> lineText(Pattern.compile("^Stopping")) != null
                || view.getTasks().isEmpty());

        waitFx("the line goes when everything is back", () -> view.getTasks().isEmpty() && !toggle.isVisible());
        idle();
        assertEquals(before, serverById(), "every row is where it was");
        assertFalse(onFx(() -> vm.session().canUndo()), "nothing to undo: nothing happened");
        assertTrue(vm.session().journals().pending().isEmpty(), "no journal is left behind");
        String status = onFx(() -> vm.statusProperty().get());
        assertTrue(status.equals("Move “Big” to Archive — cancelled; nothing changed."), status);
        assertTrue(item("Big").isPresent(), "the tree shows the folder back");
        assertTrue(onFx(() -> vm.session().index().rowsAt("Big/Insight 1").size() == 1
                && vm.session().index().rowsAt("Archive/Big/Insight 1").isEmpty()), "and its rows");
    }

    private static String progress(String text, int group) {
        Matcher m = PROGRESS.matcher(text);
        assertTrue(m.find(), text);
        return m.group(group);
    }
}
