package dev.burrow.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import javafx.scene.control.ListView;
import javafx.scene.input.KeyCode;
import javafx.stage.PopupWindow;
import javafx.stage.Window;
import org.junit.jupiter.api.Test;

/** The search field: completion of the search language, Down into the results, words that stay true. */
class SearchFieldWindowTest extends WindowTestBase {

    @Override
    void seed() {
        folder("Marketing");
        folder("Marketing/Campaigns");
        create("Marketing/Campaigns/Launch funnel", "insight");
        folder("Product");
        create("Product/Retention", "insight");
        create("Product/Overview", "dashboard");
    }

    private String text() {
        return onFx(() -> window.searchField().getText());
    }

    @SuppressWarnings("unchecked")
    private List<String> completions() {
        return onFx(() -> Window.getWindows().stream().filter(w -> w instanceof PopupWindow && w.isShowing())
                .flatMap(w -> w.getScene().getRoot().lookupAll(".list-view").stream())
                .flatMap(n -> ((ListView<String>) n).getItems().stream()).toList());
    }

    @Test
    void typeAndPathValuesAreCompletedFromPostHogsTypesAndTheIndex() {
        clickOn("#search").write("type:ins");
        waitUntil("the completion shows", () -> completions().contains("type:insight"));
        push(KeyCode.DOWN);
        push(KeyCode.ENTER);
        waitUntil("the word is completed", () -> text().equals("type:insight"));
        waitUntil("and searched", () -> status().equals("2 matches for “type:insight”."));

        clickOn("#search");
        push(KeyCode.END);
        write(" path:camp");
        waitUntil("folders from the index", () -> completions().contains("type:insight path:Marketing/Campaigns"));
    }

    @Test
    void anUnknownTypeIsSaidInsteadOfZeroMatchesAndTheSentenceGoesWithTheSearch() {
        clickOn("#search").write("type:insights");
        waitUntil("the mistake is said", () -> status().startsWith("There is no type “insights”."));
        assertEquals(List.of("Marketing", "Product"), shownPaths(), "nothing was searched");

        onFx(() -> {
            window.searchField().setText("zzz");
            return null;
        });
        waitUntil("no matches", () -> status().equals("No matches for “zzz”."));
        waitUntil("and the empty tree says so", () -> onFx(() -> lookup("#no-matches").query().isVisible()));
        onFx(() -> {
            window.searchField().clear();
            return null;
        });
        waitUntil("the sentence is gone with the search", () -> status().isEmpty());
        waitUntil("and the tree's note", () -> onFx(() -> !lookup("#no-matches").query().isVisible()));
    }

    @Test
    void theFieldsSearchRunsAgainOnANewConnection() {
        clickOn("#search").write("Retention");
        waitUntil("searched", () -> status().startsWith("1 match"));
        dev.burrow.tree.TreeSession before = vm.session();
        onFx(() -> {
            vm.connect(vm.targetProperty().get());
            return null;
        });
        waitUntil("connected again", () -> vm.session() != before);
        waitUntil("the tree still shows what the field asks for", () -> onFx(
                () -> vm.tree().searchResultsProperty().get() != null
                        && vm.tree().searchResultsProperty().get().size() == 1));
        assertEquals("Retention", text());
    }

    @Test
    void downMovesFromTheFieldIntoTheResultsOntoTheFirstMatch() {
        // the match is under two folders shown only as its context: Down lands on the match itself
        clickOn("#search").write("Launch");
        waitUntil("searched", () -> status().startsWith("1 match"));
        push(KeyCode.ESCAPE); // closes a completion list, if one is open
        onFx(() -> {
            window.searchField().requestFocus();
            return null;
        });
        if (!text().equals("Launch")) {
            onFx(() -> {
                window.searchField().setText("Launch");
                return null;
            });
            waitUntil("searched again", () -> status().startsWith("1 match"));
        }
        assertEquals(List.of("Marketing", "Marketing/Campaigns", "Marketing/Campaigns/Launch funnel"), shownPaths());
        push(KeyCode.DOWN);
        waitFx("the tree has the focus", () -> tree().isFocused());
        assertEquals("Launch funnel", onFx(() -> {
            var item = tree().getSelectionModel().getSelectedItem();
            return item == null ? null : item.getValue().treeNode().name();
        }), "the match is selected, not the folders above it");

        // Escape there clears the search as it does in the field: the whole tree, the match still chosen
        push(KeyCode.ESCAPE);
        waitUntil("the whole tree is back", () -> shownPaths().contains("Product"));
        assertEquals("", text());
        waitFx("the match stays selected", () -> {
            var item = tree().getSelectionModel().getSelectedItem();
            return item != null && item.getValue().treeNode() != null
                    && item.getValue().treeNode().name().equals("Launch funnel");
        });
    }
}
