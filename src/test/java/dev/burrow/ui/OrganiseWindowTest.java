package dev.burrow.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.burrow.api.FileSystemEntry;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeView;
import javafx.scene.input.KeyCode;
import javafx.stage.Window;
import org.junit.jupiter.api.Test;

/** The Organise dialog in the real window: preview while typing, apply, one Ctrl+Z, cancel. */
class OrganiseWindowTest extends WindowTestBase {

    final List<String> inbox = new ArrayList<>();

    @Override
    void seed() {
        folder("Inbox");
        folder("Archive");
        for (int i = 1; i <= 6; i++) {
            inbox.add(create("Inbox/insight " + i, "insight").id());
        }
        create("Elsewhere/Other", "insight");
    }

    @Override
    boolean proxied() {
        return true;
    }

    Map<String, String> serverIds() {
        Map<String, String> out = new TreeMap<>();
        for (FileSystemEntry e : api.fileSystem().listAll(dev.burrow.client.FileSystemQuery.all().withLimit(1000))) {
            out.put(e.id(), e.path());
        }
        return out;
    }

    long movedToArchive() {
        return inbox.stream().filter(id -> serverRow(id).path().startsWith("Archive/")).count();
    }

    /** Opens the dialog from the toolbar and types a query and a template; waits for the preview. */
    void organise(String query, String template) {
        clickOn("#organise");
        waitFx("the dialog shows", () -> lookup("#organise-query").tryQuery().isPresent()
                && lookup("#organise-query").query().getScene().getWindow().isShowing());
        clickOn("#organise-query").write(query);
        clickOn("#organise-template").write(template);
    }

    String summary() {
        return onFx(() -> lookup("#organise-summary").queryAs(Label.class).getText());
    }

    @Test
    void typingShowsThePreviewApplyMovesEveryRowAndOneCtrlZPutsThemBack() {
        Map<String, String> before = serverIds();
        organise("path:Inbox", "Archive/Sorted");

        waitFx("the preview", () -> summary().startsWith("6 moves into 1 folder, 1 new folder: 7 requests"));
        @SuppressWarnings("unchecked")
        TreeView<OrganisePreview.Entry> preview = lookup("#organise-preview").queryAs(TreeView.class);
        List<String> lines = onFx(() -> {
            List<String> out = new ArrayList<>();
            for (TreeItem<OrganisePreview.Entry> a : preview.getRoot().getChildren()) {
                out.add(a.getValue().text());
                a.getChildren().forEach(b -> {
                    out.add(b.getValue().text());
                    b.getChildren().forEach(c -> out.add(c.getValue().text()));
                });
            }
            return out;
        });
        assertEquals("Archive", lines.get(0));
        assertEquals("Sorted  (new folder)", lines.get(1));
        assertEquals("→ insight 1  from Inbox/insight 1", lines.get(2));
        assertEquals(8, lines.size(), lines.toString());
        assertEquals(before, serverIds(), "a preview changes nothing");

        Button apply = lookup("#organise-apply").queryButton();
        assertFalse(apply.isDefaultButton(), "Enter does not move anything");
        assertEquals("Move 6 items", apply.getText());
        clickOn(apply);

        waitUntil("moved on the server", () -> serverCount("Archive/Sorted") == 6);
        waitFx("the outcome", () -> lookup("#organise-outcome").queryAs(Label.class).getText()
                .equals("Moved 6 items. Ctrl+Z puts every one back."));
        idle();
        Window dialog = lookup("#organise-query").query().getScene().getWindow();
        press(KeyCode.ESCAPE).release(KeyCode.ESCAPE);
        waitFx("Escape closed the dialog", () -> !dialog.isShowing());
        expandAll("Archive/Sorted");
        for (int i = 1; i <= 6; i++) {
            assertTrue(item("Archive/Sorted/insight " + i).isPresent(), shownPaths().toString());
        }
        assertFalse(item("Inbox/insight 1").isPresent());

        clickOn(cell("Archive/Sorted").lookup(".entry-name"));
        press(KeyCode.CONTROL, KeyCode.Z).release(KeyCode.Z, KeyCode.CONTROL);

        waitUntil("every row back on the server", () -> serverIds().equals(before));
        idle();
        assertFalse(item("Archive/Sorted").isPresent(), "the folder it made is gone");
    }

    @Test
    void aMistakeInTheTemplateIsSaidInlineAndApplyStaysOff() {
        organise("path:Inbox", "Archive/{nope");
        waitFx("the error shows", () -> lookup("#organise-error").queryAs(Label.class).isVisible());
        String error = onFx(() -> lookup("#organise-error").queryAs(Label.class).getText());
        assertTrue(error.contains("{"), error);
        assertTrue(lookup("#organise-apply").queryButton().isDisabled());

        clickOn("#organise-template").eraseText(5).write("Sorted");
        waitFx("the preview", () -> summary().startsWith("6 moves"));
        assertFalse(lookup("#organise-error").queryAs(Label.class).isVisible());
        assertFalse(lookup("#organise-apply").queryButton().isDisabled());
    }

    @Test
    void ctrlZOfABatchShowsItsProgressInBackgroundWorkWithNoCancel() {
        Map<String, String> before = serverIds();
        organise("path:Inbox", "Archive/Sorted");
        waitFx("the preview", () -> summary().startsWith("6 moves into 1 folder, 1 new folder: 7 requests"));
        clickOn("#organise-apply");
        waitUntil("moved on the server", () -> serverCount("Archive/Sorted") == 6);
        waitFx("the outcome", () -> lookup("#organise-outcome").queryAs(Label.class).getText().startsWith("Moved 6"));
        interact(() -> lookup("#organise-query").queryAs(TextField.class).getScene().getWindow().hide());
        idle();

        proxy.slowNext(100, "file_system/", 400); // each put-back takes a moment, as past the rate limit's burst
        clickOn(cell("Inbox").lookup(".entry-name"));
        press(KeyCode.CONTROL, KeyCode.Z).release(KeyCode.Z, KeyCode.CONTROL);
        javafx.scene.control.ToggleButton toggle = lookup("#background-toggle").query();
        waitFx("the toggle counts the undo", () -> toggle.isVisible() && toggle.getText().equals("1 running"));
        clickOn(toggle);
        waitFx("the line says how far it got", () -> lookup("#background-work .label").queryAll().stream()
                .anyMatch(n -> ((Label) n).getText().matches("\\d+ of 7 requests sent \\(this can't be stopped part-way\\)")));
        assertTrue(onFx(() -> lookup("#background-work .task-cancel-button").queryAll().stream()
                .noneMatch(javafx.scene.Node::isVisible)), "no Cancel beside a line that cannot stop");
        proxy.slowNext(0, "", 0);
        waitUntil("every row back on the server", () -> serverIds().equals(before));
        waitFx("the line is gone", () -> !toggle.isVisible());
    }

    @Test
    void cancellingMidBatchKeepsWhatWasDoneAndCtrlZPutsJustThatBack() {
        Map<String, String> before = serverIds();
        organise("path:Inbox", "Archive");
        waitFx("the preview", () -> summary().startsWith("6 moves into 1 folder: 6 requests"));
        idle();
        proxy.slowNext(100, "file_system/", 400);

        clickOn("#organise-apply");
        waitFx("the progress shows", () -> lookup("#organise-progress").query().isVisible()
                && lookup("#organise-cancel").query().isVisible());
        waitUntil("two moves answered", () -> proxy.slowAnswered() >= 2);
        clickOn("#organise-cancel");

        waitFx("the batch stopped", () -> !vm.organise().applyingProperty().get());
        proxy.slowNext(0, "", 0);
        long moved = movedToArchive();
        assertTrue(moved >= 2 && moved < 6, "moved " + moved);
        String outcome = onFx(() -> lookup("#organise-outcome").queryAs(Label.class).getText());
        assertTrue(outcome.startsWith("Cancelled after " + moved + " of 6 moves"), outcome);
        idle();
        assertEquals(moved, onFx(() -> vm.session().index().children("Archive").size()).longValue(),
                "the tree shows what moved, and only that");

        interact(() -> lookup("#organise-query").queryAs(TextField.class).getScene().getWindow().hide());
        clickOn(cell("Inbox").lookup(".entry-name"));
        press(KeyCode.CONTROL, KeyCode.Z).release(KeyCode.Z, KeyCode.CONTROL);
        waitUntil("every row back on the server", () -> serverIds().equals(before));
    }

    @Test
    void aBatchCutShortIsOfferedAfterTheTreeShowsAndFinishItCompletesIt() {
        dev.burrow.tree.organise.BatchJournal.Store store = dev.burrow.tree.organise.BatchJournal.Store.inMemory();
        CutShortBatch.make(server.baseUrl(), KEY, store, "path:Inbox", "Archive", 2);
        assertEquals(2, movedToArchive());
        interact(() -> {
            vm.organise().setJournalStores(t -> store);
            vm.connect(new MainViewModel.Target("Local", windowUrl(), KEY, 1, true));
        });
        awaitReady();

        waitFx("the offer shows", () -> lookup("#organise-interrupted").query().isVisible());
        String text = onFx(() -> ((Label) lookup("#organise-interrupted").lookup(".label").query()).getText());
        assertTrue(text.startsWith("An organise batch was cut short: Organise 6 items into Archive"), text);
        assertTrue(item("Inbox").isPresent(), "the tree shows meanwhile");

        clickOn("#organise-resume");
        waitUntil("every row moved on the server", () -> movedToArchive() == 6);
        waitFx("the offer is gone", () -> !lookup("#organise-interrupted").query().isVisible());
        assertTrue(store.interrupted().isEmpty());
    }
}
