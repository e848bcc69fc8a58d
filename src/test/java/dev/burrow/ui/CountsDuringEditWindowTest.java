package dev.burrow.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;

import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import org.junit.jupiter.api.Test;

/**
 * With the whole tree loaded, the folders' counts follow an edit as soon as the tree shows it:
 * after an organise batch the badges kept their old numbers, and its undo (paced by the rate
 * limit) showed rows back in a folder whose badge said 0 for minutes.
 */
class CountsDuringEditWindowTest extends WindowTestBase {

    @Override
    boolean proxied() {
        return true;
    }

    @Override
    void seed() {
        folder("Inbox");
        folder("Done");
        create("Inbox/one", "insight");
        create("Inbox/two", "insight");
        create("Inbox/three", "insight");
        create("Done/zero", "insight");
    }

    @Test
    void badgesShowAnOrganiseUndoneWhileTheServerIsStillAnswering() {
        waitFx("the index is whole", () -> vm.session().index().isComplete());
        clickOn("#organise");
        waitFx("the dialog shows", () -> lookup("#organise-query").tryQuery().isPresent()
                && lookup("#organise-query").query().getScene().getWindow().isShowing());
        clickOn("#organise-query").write("path:Inbox");
        clickOn("#organise-template").write("Done");
        waitFx("the preview", () -> lookup("#organise-summary").queryAs(javafx.scene.control.Label.class).getText()
                .startsWith("3 moves"));
        clickOn("#organise-apply");
        waitUntil("moved on the server", () -> serverCount("Done") == 4);
        interact(() -> lookup("#organise-query").queryAs(javafx.scene.control.TextField.class).getScene().getWindow()
                .hide());
        expand("Inbox");
        waitFx("the badges show the batch", () -> "0".equals(badge("Inbox")) && "4".equals(badge("Done")));

        proxy.slowNext(10, "file_system/", 3_000); // the undo's requests take a while
        select("Done");
        push(new KeyCodeCombination(KeyCode.Z, KeyCombination.SHORTCUT_DOWN));
        waitFx("the rows show back in Inbox", () -> item("Inbox/one").isPresent());
        waitFx("the badges follow at once", () -> "3".equals(badge("Inbox")) && "1".equals(badge("Done")));
        assertEquals(0, proxy.slowAnswered(), "before the server answered");
        assertEquals("Undo: Organise 3 items into Done…", status(), "the status says what runs, not the batch's 'done'");
        proxy.slowNext(0, "", 0);
        waitUntil("back on the server", () -> serverCount("Inbox") == 3);
        idle();
        assertEquals("3", badge("Inbox"));
        assertEquals("1", badge("Done"));
    }
}
