package dev.burrow.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.burrow.api.EntryPath;
import dev.burrow.api.FileSystemEntry;
import dev.burrow.api.Star;
import dev.burrow.client.EntryFields;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckBox;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import org.junit.jupiter.api.Test;
import org.testfx.matcher.control.LabeledMatchers;

/**
 * Organising you can trust, one test per point of issue 11, through the real window against a
 * real local server: one selection, a delete dialog you can read, one history, star ≠ flag, no
 * silent merge.
 */
class TrustWindowTest extends WindowTestBase {

    static final KeyCodeCombination UNDO = new KeyCodeCombination(KeyCode.Z, KeyCombination.SHORTCUT_DOWN);
    static final KeyCodeCombination REDO = new KeyCodeCombination(KeyCode.Z, KeyCombination.SHORTCUT_DOWN,
            KeyCombination.SHIFT_DOWN);

    FileSystemEntry overview;
    FileSystemEntry funnel;
    FileSystemEntry retention;
    FileSystemEntry survey;
    FileSystemEntry loose;

    @Override
    void seed() {
        folder("Marketing");
        overview = objectRow("Marketing/Overview", "dashboard", "11");
        funnel = objectRow("Marketing/Funnel", "insight", "12");
        survey = objectRow("Marketing/Launch survey", "survey", "13");
        folder("Product");
        retention = objectRow("Product/Retention", "insight", "14");
        folder("Engineering");
        loose = objectRow("Loose flag", "feature_flag", "15");
    }

    /** A row with a real object behind it (so the server deletes and restores the object). */
    FileSystemEntry objectRow(String path, String type, String ref) {
        dev.burrow.server.TestServer.object(server, type, ref, Long.parseLong(ref), EntryPath.leaf(path));
        return api.fileSystem().create(EntryFields.of(path, type).ref(ref));
    }

    // ---- looking ---------------------------------------------------------------------------


    /** What the next Delete would act on. */
    Set<String> wouldDelete() {
        return onFx(() -> {
            Set<String> out = new TreeSet<>();
            vm.tree().edits().planDelete().ifPresent(p -> p.nodes().forEach(n -> out.add(EntryPath.normalize(n.path()))));
            return out;
        });
    }

    /** Details' subject: its title, or "" when it shows nothing. */
    /** Highlighted = the view model's selection = what Delete would list; Details shows the lead. */
    void assertOneSelection(Set<String> want, String lead) {
        waitUntil("the tree highlights " + want, () -> highlighted().equals(want));
        assertEquals(want, wouldDelete(), "the next Delete acts on what is highlighted");
        Set<String> model = onFx(() -> {
            Set<String> out = new TreeSet<>();
            vm.tree().selectedNodes().forEach(n -> out.add(EntryPath.normalize(n.path())));
            return out;
        });
        assertEquals(want, model, "the view model's selection");
        assertSubject(want.size(), lead == null ? null : EntryPath.leaf(lead), detailsSubject());
    }

    void ctrlClick(String path) {
        press(KeyCode.CONTROL);
        clickOn(cell(path).lookup(".entry-name"));
        release(KeyCode.CONTROL);
    }

    DialogPane dialog() {
        waitFx("a dialog shows", () -> lookup(".dialog-pane").tryQuery().isPresent());
        return lookup(".dialog-pane").query();
    }

    void clickButton(String text) {
        Button b = lookup(".dialog-pane .button").match(LabeledMatchers.hasText(text)).queryButton();
        clickOn(b);
    }

    String tooltip(String id) {
        return onFx(() -> ((Button) lookup(id).query()).getTooltip().getText());
    }

    // ---- 1. one selection ------------------------------------------------------------------

    @Test
    void oneSelectionThroughDeleteUndoAndRedo() {
        expand("Marketing");
        select("Marketing/Funnel");
        ctrlClick("Marketing/Launch survey");
        assertOneSelection(Set.of("Marketing/Funnel", "Marketing/Launch survey"), "Marketing/Launch survey");

        push(KeyCode.DELETE);
        DialogPane d = dialog();
        assertEquals("Delete “Marketing / Funnel” and “Marketing / Launch survey”?", onFx(d::getHeaderText));
        clickButton("Delete");
        waitUntil("deleted on the server", () -> !serverPaths().contains("Marketing/Funnel"));
        idle();
        // Marketing: Funnel, Launch survey, Overview (by name): Overview takes their place
        assertOneSelection(Set.of("Marketing/Overview"), "Marketing/Overview");

        push(UNDO);
        waitUntil("the funnel is back", () -> serverPaths().contains("Marketing/Funnel"));
        dialog(); // the survey could not come back: undo says so
        clickButton("OK");
        idle();
        assertOneSelection(Set.of("Marketing/Funnel"), "Marketing/Funnel");

        push(REDO);
        waitUntil("deleted again", () -> !serverPaths().contains("Marketing/Funnel"));
        idle();
        assertOneSelection(Set.of("Marketing/Overview"), "Marketing/Overview");
    }

    // ---- 2. a delete you can read -------------------------------------------------------------

    @Test
    void theDeleteDialogNamesTheSelectionWarnsAndDefaultsToCancel() {
        var before = serverTree();
        select("Marketing");
        push(KeyCode.DELETE);
        DialogPane d = dialog();
        assertEquals("Delete “Marketing” and the 3 items inside it?", onFx(d::getHeaderText));
        ListView<String> lost = lookup("#delete-unrestorable").queryListView();
        assertEquals(List.of("Survey · Marketing / Launch survey"), onFx(() -> List.copyOf(lost.getItems())));
        assertTrue(onFx(() -> ((Button) d.lookupButton(ButtonType.CANCEL)).isDefaultButton()), "Cancel is the default");
        push(KeyCode.ENTER);
        waitFx("the dialog closed", () -> lookup(".dialog-pane").tryQuery().isEmpty());
        idle();
        assertEquals(before, serverTree(), "Enter cancelled: nothing was deleted");

        push(KeyCode.DELETE);
        dialog();
        clickButton("Delete");
        waitUntil("deleted", () -> serverPaths().stream().noneMatch(p -> p.startsWith("Marketing")));
        idle();
        waitUntil("the status names the folder that went with the objects",
                () -> status().startsWith("Deleted ") && status().contains(" and 1 folder."));
        push(UNDO);
        waitFx("undo names what it could not restore",
                () -> lookup("#notice-text").tryQuery().isPresent());
        String notice = onFx(() -> ((Label) lookup("#notice-text").query()).getText());
        assertTrue(notice.contains("“Launch survey” (survey)"), notice);
        assertTrue(status().contains("Launch survey"), "the status bar says it too: " + status());
        assertFalse(status().contains("done"), status());
        clickButton("OK");
        assertTrue(serverPaths().contains("Marketing/Overview"));
        assertFalse(serverPaths().contains("Marketing/Launch survey"));
    }

    @Test
    void aLongNoticeWrapsInsideTheWindowInsteadOfSpreadingOffScreen() {
        String many = String.join(", ", java.util.Collections.nCopies(40, "“Scheduled exports” (early access feature)"));
        javafx.application.Platform.runLater(() -> Dialogs.notice(stage, "Undo could not restore everything", many));
        waitFx("the notice shows", () -> lookup("#notice-text").tryQuery().isPresent());
        javafx.stage.Window notice = onFx(() -> lookup("#notice-text").query().getScene().getWindow());
        double[] box = onFx(() -> new double[] {notice.getX(), notice.getWidth(), stage.getX(), stage.getWidth()});
        assertTrue(box[1] <= 640, "a readable width: " + box[1]);
        assertTrue(box[0] >= box[2] && box[0] + box[1] <= box[2] + box[3],
                "over its window: " + java.util.Arrays.toString(box));
        clickButton("OK");
    }

    @Test
    void aSingleItemWithNothingInsideKeepsDeleteAsTheDefault() {
        select("Loose flag");
        push(KeyCode.DELETE);
        DialogPane d = dialog();
        assertEquals("Delete “Loose flag”?", onFx(d::getHeaderText));
        assertFalse(onFx(() -> ((Button) d.lookupButton(ButtonType.CANCEL)).isDefaultButton()));
        clickButton("Cancel");
    }

    // ---- 3. one history ---------------------------------------------------------------------

    @Test
    void redoReappliesAndTheLabelsNeverNest() {
        select("Loose flag");
        push(new KeyCodeCombination(KeyCode.X, KeyCombination.SHORTCUT_DOWN));
        select("Engineering");
        push(new KeyCodeCombination(KeyCode.V, KeyCombination.SHORTCUT_DOWN));
        waitUntil("moved", () -> serverRow(loose.id()).path().equals("Engineering/Loose flag"));
        idle();
        assertEquals("Undo: Move “Loose flag” to Engineering (Ctrl+Z)", tooltip("#undo"));
        for (int i = 0; i < 3; i++) {
            push(UNDO);
            waitUntil("undone", () -> serverRow(loose.id()).path().equals("Loose flag"));
            idle();
            assertEquals("Redo: Move “Loose flag” to Engineering (Ctrl+Shift+Z)", tooltip("#redo"));
            assertEquals(Set.of("Loose flag"), highlighted());
            push(REDO);
            waitUntil("redone", () -> serverRow(loose.id()).path().equals("Engineering/Loose flag"));
            idle();
            assertEquals("Undo: Move “Loose flag” to Engineering (Ctrl+Z)", tooltip("#undo"));
            assertEquals(Set.of("Engineering/Loose flag"), highlighted());
            assertTrue(status().startsWith("Redo: Move “Loose flag”"), status());
        }
        assertTrue(onFx(() -> lookup("#redo").query().isDisabled()), "nothing left to redo");
    }

    // ---- 4. star ≠ shortcut flag ----------------------------------------------------------------

    @Test
    void ctrlDStarsAFolderWithoutChangingAnyRowAndTheFlagSaysItsConsequence() {
        select("Product");
        push(new KeyCodeCombination(KeyCode.D, KeyCombination.SHORTCUT_DOWN));
        waitUntil("starred on the server", () -> api.shortcuts().listAll().size() == 1);
        Star star = api.shortcuts().listAll().get(0);
        assertEquals("folder", star.type());
        assertEquals("Product", star.ref());
        ListView<?> stars = lookup("#shortcuts-list").queryListView();
        waitFx("the pane lists it", () -> stars.getItems().size() == 1);
        assertTrue(api.fileSystem().listAll(dev.burrow.client.FileSystemQuery.all()).stream()
                .noneMatch(r -> Boolean.TRUE.equals(r.shortcut())), "no row became a link");

        push(UNDO);
        waitUntil("unstarred by undo", () -> api.shortcuts().listAll().isEmpty());

        // the flag: its own toggle in Details, consequence first
        expand("Product");
        select("Product/Retention");
        clickOn("#shortcut-flag");
        DialogPane d = dialog();
        String consequence = onFx(() -> ((Label) lookup("#flag-consequence").query()).getText());
        assertTrue(consequence.contains("no home") && consequence.contains("Unfiled"), consequence);
        clickButton("Cancel");
        idle();
        assertFalse(Boolean.TRUE.equals(serverRow(retention.id()).shortcut()), "Cancel changed nothing");
        assertFalse(onFx(() -> ((CheckBox) lookup("#shortcut-flag").query()).isSelected()));
        clickOn("#shortcut-flag");
        dialog();
        clickButton("Make it a link");
        waitUntil("flagged on the server", () -> Boolean.TRUE.equals(serverRow(retention.id()).shortcut()));
        idle();
        assertTrue(api.shortcuts().listAll().isEmpty(), "the flag is not a star");
    }

    @Test
    void aLinkShowsItsOriginal() {
        FileSystemEntry link = api.fileSystem().create(EntryFields.of("Product/Overview link", "dashboard")
                .ref(overview.ref()).shortcut(true));
        push(KeyCode.F5);
        idle();
        awaitReady();
        expandAll("Product");
        select("Product/Overview link");
        assertTrue(onFx(() -> ((CheckBox) lookup("#shortcut-flag").query()).isSelected()));
        clickOn("#show-original");
        waitUntil("the original is revealed", () -> highlighted().equals(Set.of("Marketing/Overview")));
        assertEquals("Overview", detailsSubject());
        assertTrue(link.isLink());
    }

    // ---- 5. no silent merge ---------------------------------------------------------------------

    @Test
    void renamingAFolderOntoASiblingAsksAndCancelChangesNothing() {
        var before = serverTree();
        select("Product");
        push(KeyCode.F2);
        waitFx("the rename field shows", () -> lookup(".rename-field").tryQuery().isPresent());
        write("Marketing");
        push(KeyCode.ENTER);
        DialogPane d = dialog();
        assertEquals("“Marketing” already exists here.", onFx(d::getHeaderText));
        clickButton("Cancel");
        idle();
        assertEquals(before, serverTree(), "nothing changed");

        select("Product");
        push(KeyCode.F2);
        waitFx("the rename field shows", () -> lookup(".rename-field").tryQuery().isPresent());
        write("Marketing");
        push(KeyCode.ENTER);
        dialog();
        clickButton("Keep both");
        waitUntil("renamed to Marketing (2)", () -> serverRow(retention.id()).path().equals("Marketing (2)/Retention"));
        idle();
        assertEquals("Marketing/Overview", serverRow(overview.id()).path(), "the sibling is untouched");
        assertEquals(Set.of("Marketing (2)"), highlighted());

        push(UNDO);
        waitUntil("undone", () -> serverRow(retention.id()).path().equals("Product/Retention"));
    }

    @Test
    void movingAFolderOntoASiblingsNameCanMerge() {
        folder("Engineering/Product");
        push(KeyCode.F5);
        idle();
        awaitReady();
        select("Product");
        push(new KeyCodeCombination(KeyCode.X, KeyCombination.SHORTCUT_DOWN));
        select("Engineering");
        push(new KeyCodeCombination(KeyCode.V, KeyCombination.SHORTCUT_DOWN));
        dialog();
        clickButton("Merge");
        waitUntil("merged on the server", () -> serverRow(retention.id()).path().equals("Engineering/Product/Retention"));
        idle();
        assertFalse(serverPaths().contains("Product"), "nothing left at the old place");
        assertEquals(1, shownPaths().stream().filter("Engineering/Product"::equals).count(), "one folder shows");
    }
}
