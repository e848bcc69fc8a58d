package dev.burrow.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import javafx.scene.input.KeyCode;
import javafx.stage.Window;
import org.junit.jupiter.api.Test;

/**
 * A confirmation opens over the middle of the window, whole: a long question wraps, and the dialog
 * must be placed by the size it ends with (placed by its unwrapped width, the delete of three deep
 * rows opened 450 px left of the middle, its left edge off the screen).
 */
class DialogPlacementWindowTest extends WindowTestBase {

    static final String DEEP = "Engineering/Data pipelines and warehouses/Outgoing destinations for partners";

    @Override
    void seed() {
        folder("Engineering");
        for (String name : new String[] {"Customer io webhook", "Discord growth channel", "GitHub events source"}) {
            create(DEEP + "/" + name, "hog_function/destination");
        }
    }

    @Test
    void theDeleteQuestionOpensOverTheMiddleOfTheWindow() {
        var before = serverTree();
        expandAll(DEEP);
        select(DEEP + "/Customer io webhook");
        push(KeyCode.SHIFT, KeyCode.DOWN);
        push(KeyCode.SHIFT, KeyCode.DOWN);
        waitFx("three selected", () -> tree().getSelectionModel().getSelectedItems().size() == 3);
        push(KeyCode.DELETE);
        waitFx("the confirmation shows", () -> lookup(".dialog-pane").tryQuery().isPresent());
        idle();
        Window owner = onFx(() -> tree().getScene().getWindow());
        Window dialog = onFx(() -> lookup(".dialog-pane").query().getScene().getWindow());
        double ownerMiddle = onFx(() -> owner.getX() + owner.getWidth() / 2);
        double dialogMiddle = onFx(() -> dialog.getX() + dialog.getWidth() / 2);
        assertTrue(onFx(() -> dialog.getWidth() < owner.getWidth()), "narrower than the window");
        assertEquals(ownerMiddle, dialogMiddle, 2, "centred across the window");
        assertTrue(onFx(() -> dialog.getX() >= owner.getX()), "its left edge inside the window: " + onFx(dialog::getX));
        double ownerCentre = onFx(() -> owner.getY() + owner.getHeight() / 2);
        assertEquals(ownerCentre, onFx(() -> dialog.getY() + dialog.getHeight() / 2), 2, "and down it");

        push(KeyCode.ESCAPE);
        waitFx("closed", () -> lookup(".dialog-pane").tryQuery().isEmpty());
        assertEquals(before, serverTree(), "cancelled: nothing deleted");
    }
}
