package dev.burrow.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import javafx.scene.control.Button;
import javafx.scene.input.MouseButton;
import org.junit.jupiter.api.Test;
import org.testfx.matcher.control.LabeledMatchers;

/** Moving more than 50 rows asks first; confirming moves them all. */
class LargeMoveWindowTest extends WindowTestBase {

    @Override
    void seed() {
        folder("Archive");
        folder("Big");
        for (int i = 1; i <= 55; i++) {
            create("Big/Insight " + i, "insight");
        }
    }

    @Test
    void movingMoreThanFiftyRowsAsksThenMovesThemAll() {
        drag(cell("Big"), MouseButton.PRIMARY).dropTo(cell("Archive"));

        waitFx("the move confirmation shows",
                () -> lookup(".button").match(LabeledMatchers.hasText("Move")).tryQuery().isPresent());
        assertEquals(55, serverCount("Big"), "nothing moved before the answer");
        Button move = lookup(".button").match(LabeledMatchers.hasText("Move")).queryButton();
        clickOn(move);

        waitUntil("moved on the server", () -> serverCount("Archive/Big") == 55);
        idle();
        assertTrue(serverPaths().stream().noneMatch(p -> p.startsWith("Big")), serverPaths().toString());
        assertTrue(item("Archive/Big").isPresent());
    }
}
