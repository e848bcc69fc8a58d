package dev.burrow.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import javafx.geometry.Orientation;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ScrollBar;
import javafx.scene.input.KeyCode;
import javafx.scene.text.Text;
import org.junit.jupiter.api.Test;

/**
 * Text a person must read is not cut off: the delete confirmation's paths (a deep path must not be
 * cut at the right edge, where the row's own name is, nor push the list into scrolling sideways),
 * the Shortcuts pane's hint when nothing is starred.
 */
class UncutTextWindowTest extends WindowTestBase {

    static final String LEAF = "Customer io webhook";

    @Override
    void seed() {
        folder("Engineering");
        create("Engineering/Data pipelines and warehouses/Outgoing destinations for partners/Quarterly revenue exports/" + LEAF, "hog_function/destination");
        create("Engineering/Overview", "dashboard");
    }

    @Test
    void longPathsFitTheListAndKeepTheirNames() {
        var before = serverTree();
        select("Engineering");
        push(KeyCode.DELETE);
        waitFx("the confirmation shows", () -> lookup("#delete-list").tryQuery().isPresent());
        idle();
        ListView<String> list = lookup("#delete-list").queryListView();

        List<String> shown = onFx(() -> list.lookupAll(".list-cell").stream()
                .map(n -> (ListCell<?>) n)
                .filter(c -> !c.isEmpty() && c.isVisible())
                .map(c -> {
                    assertTrue(c.getWidth() <= list.getWidth(), "a line as wide as the list at most: "
                            + c.getWidth() + " > " + list.getWidth());
                    return ((Text) c.lookup(".text")).getText();
                })
                .toList());
        assertEquals(5, shown.size(), "every line shows: " + shown);
        String deep = shown.stream().filter(t -> t.contains("Destination")).findFirst()
                .orElseThrow(() -> new AssertionError(shown.toString()));
        assertTrue(deep.endsWith(LEAF), "the row's own name stays readable: " + deep);
        assertTrue(deep.startsWith("Destination · Engineering / "), "the type and the top folder too: " + deep);
        assertTrue(deep.contains(" / … / "), "the middle of the path gives way: " + deep);
        assertFalse(onFx(() -> list.lookupAll(".scroll-bar").stream()
                .map(n -> (ScrollBar) n)
                .anyMatch(b -> b.getOrientation() == Orientation.HORIZONTAL && b.isVisible())), "no sideways scrolling");
        assertEquals("Destination · Engineering / Data pipelines and warehouses / Outgoing destinations for partners / Quarterly revenue exports / "
                + LEAF, onFx(() -> list.getItems().stream().filter(t -> t.startsWith("Destination")).findFirst()
                .orElseThrow()), "the whole line is still the item (and its tooltip)");

        push(KeyCode.ESCAPE);
        idle();
        assertEquals(before, serverTree(), "cancelled: nothing deleted");
    }

    @Test
    void theEmptyShortcutsHintWrapsInsteadOfEnding() {
        Label none = lookup("#shortcuts-none").queryAs(Label.class);
        waitFx("the hint shows", none::isVisible);
        String shown = onFx(() -> ((Text) none.lookup(".text")).getText());
        assertEquals("No stars yet.\nStar a row (Ctrl+D) to add it here.", shown, "the whole hint (wrapped, not cut)");
        assertTrue(onFx(() -> none.getWidth() <= lookup("#shortcuts-list").query().getLayoutBounds().getWidth()),
                "inside the pane");
    }

    @Test
    void theFolderPickerShortensDeepFoldersInTheMiddle() {
        String deep = "Engineering/Data pipelines and warehouses/Outgoing destinations for partners/Quarterly revenue exports";
        javafx.application.Platform.runLater(() -> FolderPicker.pick(lookup("#project-tree").query().getScene().getWindow(),
                "Move “Overview” to", "Move", List.of("", "Engineering", deep)));
        waitFx("the picker shows", () -> lookup("#folder-list").tryQuery().isPresent());
        idle();
        ListView<String> list = lookup("#folder-list").queryListView();
        String shown = onFx(() -> list.lookupAll(".list-cell").stream()
                .map(n -> (ListCell<?>) n)
                .filter(c -> deep.equals(c.getItem()))
                .map(c -> {
                    assertTrue(c.getWidth() <= list.getWidth(), "no wider than the list");
                    return ((Text) c.lookup(".text")).getText();
                })
                .findFirst().orElseThrow());
        assertTrue(shown.startsWith("Engineering / ") && shown.endsWith(" / … / Quarterly revenue exports")
                || shown.startsWith("Engineering / … / "), "the top folder and the folder's own name stay: " + shown);
        assertTrue(shown.endsWith("Quarterly revenue exports"), shown);
        push(KeyCode.ESCAPE);
        waitFx("closed", () -> lookup("#folder-list").tryQuery().isEmpty());
    }
}
