package dev.burrow.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.burrow.client.ExportQuery;
import javafx.scene.image.ImageView;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.Test;

/** Quick look: Space on an insight shows a picture the server rendered; Escape closes; the picture is kept. */
class QuickLookWindowTest extends WindowTestBase {

    @Override
    void seed() {
        create("Reports/Signups", "insight"); // ref "1"
        SeededObjects.insight(server, 1, "Signups");
        create("Reports/Launch flag", "feature_flag");
    }

    private boolean imageShown() {
        return onFx(() -> lookup("#quick-look-image").tryQuery()
                .map(n -> ((ImageView) n).getImage())
                .map(i -> !i.isError() && i.getProgress() >= 1 && i.getWidth() > 100).orElse(false));
    }

    @Test
    void spaceOnAnInsightShowsItsPictureAndEscapeClosesIt() {
        expand("Reports");
        select("Reports/Signups");
        push(KeyCode.SPACE);
        waitFx("the quick look opens", () -> lookup("#quick-look").tryQuery().isPresent());
        waitUntil("the server's picture shows", this::imageShown);
        assertEquals(1, api.exports().list(ExportQuery.all().withLimit(50)).results().size(),
                "made through the exports API");

        push(KeyCode.ESCAPE);
        waitFx("closed", () -> lookup("#quick-look").tryQuery().isEmpty());
        assertTrue(onFx(() -> tree().isFocused()), "focus is back in the tree");

        push(KeyCode.SPACE);
        waitUntil("shown again at once", this::imageShown);
        assertEquals(1, api.exports().list(ExportQuery.all().withLimit(50)).results().size(),
                "the picture is kept for the session, not made again");
        push(KeyCode.SPACE);
        waitFx("Space closes it too", () -> lookup("#quick-look").tryQuery().isEmpty());
    }

    @Test
    void spaceOnAnythingElseOpensNothing() {
        expand("Reports");
        select("Reports/Launch flag");
        push(KeyCode.SPACE);
        sleep(300);
        assertTrue(lookup("#quick-look").tryQuery().isEmpty());
        assertEquals("Reports/Launch flag", onFx(() -> vm.tree().selectedProperty().get().path()),
                "the row stays selected (the tree's own Space took it out of the selection)");
        select("Reports");
        push(KeyCode.SPACE);
        sleep(300);
        assertEquals("Reports", onFx(() -> vm.tree().selectedProperty().get() == null ? "nothing"
                : vm.tree().selectedProperty().get().path()), "a folder stays selected too");
        assertTrue(onFx(() -> vm.statusProperty().get()).contains("has no preview"), onFx(() -> vm.statusProperty().get()));
    }
}
