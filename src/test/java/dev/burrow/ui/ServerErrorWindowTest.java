package dev.burrow.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.burrow.api.FileSystemEntry;
import javafx.scene.control.Button;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.Test;
import org.testfx.matcher.control.LabeledMatchers;

/** A refused edit: the tree goes back to what the server has, and the server's words show. */
class ServerErrorWindowTest extends WindowTestBase {

    static final String REFUSAL = "Cannot delete resources with type 'doc-file'.";

    FileSystemEntry doc;

    @Override
    void seed() {
        folder("Docs");
        doc = create("Docs/Handbook", "doc-file");
        create("Docs/Roadmap", "notebook");
    }

    @Test
    void aRefusedDeleteRollsTheTreeBackAndShowsTheServerMessage() {
        expand("Docs");
        var before = serverTree();
        select("Docs/Handbook");
        push(KeyCode.DELETE);
        waitFx("the confirmation shows",
                () -> lookup(".button").match(LabeledMatchers.hasText("Delete")).tryQuery().isPresent());
        Button delete = lookup(".button").match(LabeledMatchers.hasText("Delete")).queryButton();
        clickOn(delete);

        waitUntil("the server's refusal shows in the status bar as the server worded it", () -> status().equals(REFUSAL));
        idle();
        assertTrue(item("Docs/Handbook").isPresent(), "the row is back in the tree: " + shownPaths());
        assertTrue(item("Docs/Roadmap").isPresent());
        assertEquals(before, serverTree(), "nothing changed on the server");
        assertEquals("Docs/Handbook", serverRow(doc.id()).path());
        assertFalse(onFx(() -> vm.tree().edits().history().canUndoProperty().get()), "a failed edit is not in the undo history");
        assertFalse(status().contains("Exception"), status());
    }
}
