package dev.burrow.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import javafx.scene.Node;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import org.junit.jupiter.api.Test;

/** The window by keyboard: type-to-jump, the Tab order through the panes, F1's shortcut sheet. */
class KeyboardWindowTest extends WindowTestBase {

    @Override
    void seed() {
        folder("Engineering");
        folder("Marketing");
        folder("Product");
        folder("Pricing");
        create("Product/Retention", "insight");
        create("Loose flag", "feature_flag");
    }

    private String lead() {
        return onFx(() -> vm.tree().selectedProperty().get() == null ? null : vm.tree().selectedProperty().get().path());
    }

    @Test
    void typingAPrefixJumpsToTheRow() {
        select("Engineering");
        write("p");
        waitFx("jumped to Pricing", () -> "Pricing".equals(lead()));
        write("p");
        waitFx("the same letter again: Product", () -> "Product".equals(lead()));
        sleep(1200);
        write("lo");
        waitFx("jumped to Loose flag", () -> "Loose flag".equals(lead()));
        assertTrue(onFx(() -> tree().isFocused()), "focus stays in the tree");
    }

    /** Which pane holds the focus owner now. */
    private String pane() {
        return onFx(() -> {
            Node n = stage.getScene().getFocusOwner();
            if (n instanceof javafx.scene.control.TabPane side) {
                // a pane with no control of its own: focus rests on its tab
                return side.getSelectionModel().getSelectedItem().getText().equals("Details") ? "details-pane"
                        : "export-panel";
            }
            for (Node p = n; p != null; p = p.getParent()) {
                String id = p.getId();
                if ("search".equals(id) || "shortcuts-pane".equals(id) || "project-tree".equals(id)
                        || "details-pane".equals(id) || "export-panel".equals(id)) {
                    return id;
                }
            }
            return String.valueOf(n);
        });
    }

    @Test
    void tabVisitsSearchShortcutsTreeDetailsAndExportsInOrder() {
        select("Product");
        clickOn("#search");
        List<String> seen = new ArrayList<>();
        seen.add(pane());
        for (int i = 0; i < 3; i++) {
            push(KeyCode.TAB);
            seen.add(pane());
        }
        assertEquals(List.of("search", "shortcuts-pane", "project-tree", "details-pane"), seen.subList(0, 4));
        for (int i = 0; i < 10 && !"export-panel".equals(pane()); i++) {
            push(KeyCode.TAB);
        }
        assertEquals("export-panel", pane(), "exports come after details");
        for (int i = 0; i < 10 && !"search".equals(pane()); i++) {
            push(KeyCode.TAB);
        }
        assertEquals("search", pane(), "and round to the search");

        push(new KeyCodeCombination(KeyCode.TAB, KeyCombination.SHIFT_DOWN));
        for (int i = 0; i < 10 && !"details-pane".equals(pane()); i++) {
            push(new KeyCodeCombination(KeyCode.TAB, KeyCombination.SHIFT_DOWN));
        }
        assertEquals("details-pane", pane(), "Shift+Tab goes back through exports to details");
        push(new KeyCodeCombination(KeyCode.TAB, KeyCombination.SHIFT_DOWN));
        assertEquals("project-tree", pane());
    }

    @Test
    void f1ShowsTheKeyboardShortcutsWithAboutOneClickAway() {
        push(KeyCode.F1);
        waitFx("the sheet shows", () -> lookup("#shortcut-sheet").tryQuery().isPresent());
        assertTrue(lookup(".label").match(org.testfx.matcher.control.LabeledMatchers.hasText("Shift+F10, Menu key"))
                .tryQuery().isPresent());
        clickOn("About Burrow…");
        waitFx("the About box shows", () -> lookup("#licenses").tryQuery().isPresent());
    }

    @Test
    void theSheetNamesTheStarKeyAndEnterClosesIt() {
        push(KeyCode.F1);
        waitFx("the sheet shows", () -> lookup("#shortcut-sheet").tryQuery().isPresent());
        assertTrue(lookup("#shortcut-sheet .label").match(org.testfx.matcher.control.LabeledMatchers.hasText("Ctrl+D"))
                .tryQuery().isPresent(), "Ctrl+D, the star, is listed");
        push(KeyCode.ENTER);
        waitFx("Enter closed the sheet", () -> lookup("#shortcut-sheet").tryQuery().isEmpty());
        assertTrue(lookup("#licenses").tryQuery().isEmpty(), "and did not open the About box");
    }
}
