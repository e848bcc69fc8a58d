package dev.burrow.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.burrow.api.Star;
import java.util.List;
import java.util.Set;
import javafx.scene.control.ListView;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import org.junit.jupiter.api.Test;

/**
 * The Shortcuts pane highlights a star only while the tree shows what it points at: a star left
 * highlighted beside another row in the tree and Details was a second "selection".
 */
class ShortcutsPaneWindowTest extends WindowTestBase {

    @Override
    void seed() {
        folder("Marketing");
        create("Marketing/Overview", "dashboard");
        folder("Product");
        create("Product/Retention", "insight");
    }

    @SuppressWarnings("unchecked")
    private ListView<Star> pane() {
        return lookup("#shortcuts-list").queryAs(ListView.class);
    }

    private String highlightedStar() {
        return onFx(() -> {
            Star s = pane().getSelectionModel().getSelectedItem();
            return s == null ? null : s.path();
        });
    }

    private void star(String path) {
        select(path);
        int before = onFx(() -> pane().getItems().size());
        push(new KeyCodeCombination(KeyCode.D, KeyCombination.SHORTCUT_DOWN));
        waitFx(path + " starred", () -> pane().getItems().size() == before + 1);
    }

    @Test
    void aStarStaysHighlightedOnlyWhileTheTreeShowsItsTarget() {
        expand("Marketing");
        expand("Product");
        star("Product/Retention");
        star("Marketing/Overview");

        clickOn(lookup("#shortcuts-list .list-cell").match(org.testfx.matcher.control.LabeledMatchers
                .hasText("Retention")).<javafx.scene.Node>query());
        waitUntil("the star's target is revealed", () -> highlighted().equals(Set.of("Product/Retention")));
        assertEquals("Retention", highlightedStar(), "the star chosen is highlighted");

        select("Marketing/Overview");
        waitFx("the pane lets go of the star", () -> highlightedStar() == null);
        assertEquals("Overview", detailsSubject());
        assertEquals(List.of("Retention", "Overview"),
                onFx(() -> pane().getItems().stream().map(Star::path).toList()), "both stars stay listed");
    }
}
