package dev.burrow.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.Test;

/** Details: the path bar whose segments reveal their folder, and the multi-selection's summary. */
class DetailsWindowTest extends WindowTestBase {

    @Override
    void seed() {
        folder("Marketing");
        folder("Marketing/Campaigns");
        create("Marketing/Campaigns/Launch funnel", "insight");
        create("Marketing/Campaigns/Signups", "insight");
        create("Marketing/Overview", "dashboard");
        folder("Product");
        create("Product/Retention", "insight");
        create("Product/Notes", "notebook");
    }

    private List<String> crumbs() {
        return onFx(() -> lookup("#path-bar .crumb").queryAll().stream()
                .map(n -> ((Button) n).getText()).toList());
    }

    @Test
    void thePathBarShowsTheRowsFoldersAndASegmentRevealsItsFolder() {
        expandAll("Marketing/Campaigns");
        select("Marketing/Campaigns/Launch funnel");
        waitFx("the path shows", () -> crumbs().size() == 4);
        assertEquals(List.of("Project", "Marketing", "Campaigns", "Launch funnel"), crumbs());

        Node marketing = onFx(() -> lookup("#path-bar .crumb").queryAll().stream()
                .filter(n -> "Marketing".equals(((Button) n).getText())).findFirst().orElseThrow());
        clickOn(marketing);

        waitFx("Marketing is selected", () -> vm.tree().selectedProperty().get() != null
                && "Marketing".equals(vm.tree().selectedProperty().get().path()));
        waitFx("and highlighted in the tree", () -> tree().getSelectionModel().getSelectedItem() != null
                && "Marketing".equals(tree().getSelectionModel().getSelectedItem().getValue().treeNode().path()));
        assertEquals(List.of("Project", "Marketing"), crumbs());
    }

    @Test
    void aMultiSelectionIsSummedUp() {
        expand("Marketing");
        select("Marketing/Campaigns");
        press(KeyCode.SHIFT);
        try {
            clickOn(cell("Marketing/Overview").lookup(".entry-name"));
        } finally {
            release(KeyCode.SHIFT);
        }
        waitFx("the summary shows", () -> lookup("#selection-summary").tryQuery().isPresent());
        waitFx("with the count inside", () -> ((Label) lookup("#selection-summary").query()).getText()
                .equals("2 selected — 1 dashboard, 1 folder (2 items inside)"));
    }
}
