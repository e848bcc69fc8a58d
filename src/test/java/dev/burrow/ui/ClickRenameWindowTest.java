package dev.burrow.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.Set;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.Test;

/**
 * A plain click on one of several selected rows selects it alone, as in a file manager: it does
 * not start renaming it (the tree's click handling renamed a row clicked while it was one of
 * several selected). F2 still renames the row after such a click.
 */
class ClickRenameWindowTest extends WindowTestBase {

    @Override
    void seed() {
        folder("Flags");
        create("Flags/alpha", "feature_flag");
        create("Flags/beta", "feature_flag");
        create("Flags/gamma", "feature_flag");
    }

    private boolean renaming() {
        return onFx(() -> lookup(".rename-field").tryQuery().isPresent());
    }

    @Test
    void clickingOneOfSeveralSelectedRowsSelectsItAloneWithoutRenaming() {
        expand("Flags");
        select("Flags/alpha");
        press(KeyCode.SHIFT);
        clickOn(cell("Flags/gamma").lookup(".entry-name"));
        release(KeyCode.SHIFT);
        waitFx("three selected", () -> highlighted().size() == 3);

        clickOn(cell("Flags/beta").lookup(".entry-name"));
        idle();
        assertEquals(Set.of("Flags/beta"), highlighted(), "the clicked row alone");
        assertFalse(renaming(), "no rename started");
        assertNull(onFx(() -> tree().getEditingItem()), "the tree edits nothing");
        assertEquals("beta", detailsSubject());

        push(KeyCode.F2);
        waitFx("F2 renames the row after such a click", this::renaming);
        push(KeyCode.ESCAPE);
        idle();
        assertFalse(renaming());

        select("Flags/alpha");
        push(KeyCode.SHIFT, KeyCode.DOWN);
        waitFx("two selected", () -> highlighted().size() == 2);
        clickOn(cell("Flags/alpha").lookup(".entry-name"));
        idle();
        assertEquals(Set.of("Flags/alpha"), highlighted());
        assertFalse(renaming(), "no rename started on the first of the selection either");
        push(KeyCode.F2);
        waitFx("F2 renames it", this::renaming);
        push(KeyCode.ESCAPE);
        idle();
    }
}
