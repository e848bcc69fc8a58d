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
        folder("Product/Quarterly reviews of the growth experiments");
        folder("Product/Quarterly reviews of the growth experiments/Onboarding funnel for new teams");
        create("Product/Quarterly reviews of the growth experiments/Onboarding funnel for new teams/Week one activation",
                "insight");
    }

    private List<String> crumbs() {
        return onFx(() -> lookup("#path-bar .crumb").queryAll().stream()
                .map(n -> ((Button) n).getText()).toList());
    }

    @Test
    void theDetailsAreStyledBeforeTheFirstSelectionAndStillShowNothingSelected() {
        DetailsPane details = onFx(() -> (DetailsPane) lookup("#details-pane").query());
        assertEquals(true, onFx(details::styledAhead), "the path bar's skin was made once the window showed");
        assertEquals(null, vm.tree().selectedProperty().get());
        assertEquals(true, onFx(() -> lookup("#details-pane .label").queryAll().stream()
                .anyMatch(n -> ((Label) n).getText().startsWith("Select a row"))), "the empty pane is back");
        assertEquals(List.of(), crumbs(), "no sample path is left on screen");
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
    void aPathTooLongForDetailsShowsItsEndTheRowItself() {
        String deep = "Product/Quarterly reviews of the growth experiments/Onboarding funnel for new teams";
        expandAll(deep);
        select(deep + "/Week one activation");
        waitFx("the path shows", () -> crumbs().size() == 5);
        Node bar = onFx(() -> lookup("#path-bar").query());
        Node last = onFx(() -> lookup("#path-bar .crumb").queryAll().stream()
                .filter(n -> "Week one activation".equals(((Button) n).getText())).findFirst().orElseThrow());
        double width = onFx(() -> bar.getLayoutBounds().getWidth());
        double sum = onFx(() -> lookup("#path-bar .crumb").queryAll().stream()
                .mapToDouble(n -> n.getLayoutBounds().getWidth()).sum());
        org.junit.jupiter.api.Assertions.assertTrue(sum > width, "the path is longer than its room: " + sum + " > " + width);
        waitFx("the row's own crumb is whole inside the bar", () -> {
            javafx.geometry.Bounds b = last.getBoundsInParent();
            return b.getMinX() >= 0 && b.getMaxX() <= width + 0.5;
        });
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
