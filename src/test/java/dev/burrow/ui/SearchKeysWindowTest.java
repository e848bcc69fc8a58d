package dev.burrow.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import javafx.scene.control.TreeItem;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.Test;

/**
 * Keys from the search field into results that still hold the row chosen before the search: the
 * next arrow key moves from that row, which the results show, never from wherever the whole tree
 * had it.
 */
class SearchKeysWindowTest extends WindowTestBase {

    @Override
    void seed() {
        folder("Alpha");
        create("Alpha/Report a", "insight");
        folder("Beta");
        create("Beta/Report b", "insight");
        folder("Gamma");
        create("Gamma/Other", "insight");
        create("Gamma/Report c", "insight");
        create("Gamma/Report d", "insight");
    }

    private String selectedName() {
        return onFx(() -> {
            TreeItem<Row> item = tree().getSelectionModel().getSelectedItem();
            return item == null || item.getValue().treeNode() == null ? null : item.getValue().treeNode().name();
        });
    }

    @Test
    void downFromTheFieldMovesOnFromTheRowChosenBeforeTheSearch() {
        expand("Gamma");
        select("Gamma/Report c");
        clickOn("#search").write("Report");
        waitUntil("searched", () -> status().startsWith("4 matches"));
        waitUntil("the results show", () -> shownPaths().equals(List.of("Alpha", "Alpha/Report a", "Beta",
                "Beta/Report b", "Gamma", "Gamma/Report c", "Gamma/Report d")));
        push(KeyCode.ESCAPE); // closes a completion list, if one is open
        onFx(() -> {
            window.searchField().requestFocus();
            return null;
        });
        if (!onFx(() -> window.searchField().getText()).equals("Report")) {
            onFx(() -> {
                window.searchField().setText("Report");
                return null;
            });
            waitUntil("searched again", () -> status().startsWith("4 matches"));
        }
        assertEquals("Report c", selectedName(), "the results keep the row chosen before");

        push(KeyCode.DOWN);
        waitFx("the tree has the focus", () -> tree().isFocused());
        assertEquals("Report c", selectedName(), "Down from the field lands on the chosen row");
        assertEquals(onFx(() -> tree().getSelectionModel().getSelectedIndex()),
                onFx(() -> tree().getFocusModel().getFocusedIndex()), "the keys act on the chosen row");

        push(KeyCode.DOWN);
        waitFx("the next row is chosen", () -> "Report d".equals(selectedName()));
        push(KeyCode.UP);
        push(KeyCode.UP);
        waitFx("two rows up", () -> "Gamma".equals(selectedName()));
    }
}
