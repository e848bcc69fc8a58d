package dev.burrow.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.burrow.client.EntryFields;
import dev.burrow.api.FileSystemEntry;
import java.util.Set;
import javafx.scene.control.Button;
import javafx.scene.control.TreeItem;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import org.testfx.matcher.control.LabeledMatchers;
import org.junit.jupiter.api.Test;

/**
 * Undo of a delete selects what the person deleted, not the link rows in other folders that the
 * server deleted with its objects (those came back too, but selecting them opened their folders).
 */
class UndoDeleteSelectionWindowTest extends WindowTestBase {

    FileSystemEntry retention;

    @Override
    void seed() {
        folder("Marketing");
        create("Marketing/Overview", "dashboard");
        folder("Product");
        retention = create("Product/Retention", "insight");
        api.fileSystem().create(EntryFields.of("Marketing/Retention link", "insight").ref(retention.ref()).shortcut(true));
    }

    @Test
    void undoSelectsTheDeletedFolderAndOpensNothingElse() {
        var before = serverTree();
        select("Product");
        push(KeyCode.DELETE);
        waitFx("the confirmation shows", () -> lookup("#delete-list").tryQuery().isPresent());
        Button delete = lookup(".button").match(LabeledMatchers.hasText("Delete")).queryButton();
        clickOn(delete);
        waitUntil("the link went with the insight", () -> !serverTree().containsKey("Marketing/Retention link"));
        idle();

        push(new KeyCodeCombination(KeyCode.Z, KeyCombination.SHORTCUT_DOWN));
        waitUntil("everything is back on the server", () -> serverTree().keySet().equals(before.keySet()));
        idle();
        assertEquals(Set.of("Product"), highlighted(), "the folder the person deleted, only");
        assertFalse(item("Marketing").map(TreeItem::isExpanded).orElse(false), "Marketing stays closed");
    }

    @Test
    void deletingAnObjectNamesItsLinksElsewhereWhichGoWithItAndComeBackWithUndo() {
        var before = serverTree();
        expand("Product");
        select("Product/Retention");
        push(KeyCode.DELETE);
        waitFx("the confirmation shows", () -> lookup("#delete-links-elsewhere").tryQuery().isPresent());
        javafx.scene.control.ListView<String> links = lookup("#delete-links-elsewhere").queryListView();
        assertEquals(java.util.List.of("Link · Marketing / Retention link"), onFx(() -> java.util.List.copyOf(links.getItems())));
        Button delete = lookup(".button").match(LabeledMatchers.hasText("Delete")).queryButton();
        Button cancel = lookup(".button").match(LabeledMatchers.hasText("Cancel")).queryButton();
        assertTrue(onFx(cancel::isDefaultButton), "it reaches beyond the selection: Cancel is the default");
        assertFalse(onFx(delete::isDefaultButton));
        clickOn(delete);
        waitUntil("the link went with the insight", () -> !serverTree().containsKey("Marketing/Retention link"));
        idle();
        assertTrue(status().contains("1 link"), "the status counts the link that went: " + status());

        push(new KeyCodeCombination(KeyCode.Z, KeyCombination.SHORTCUT_DOWN));
        waitUntil("both are back on the server", () -> serverTree().keySet().equals(before.keySet()));
    }
}
