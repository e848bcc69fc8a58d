package dev.burrow.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import javafx.scene.control.Hyperlink;
import org.junit.jupiter.api.Test;
import org.testfx.matcher.control.LabeledMatchers;

/** A folder that fails to load shows an error line with "Retry"; retrying loads it. */
class FailedLoadWindowTest extends WindowTestBase {

    @Override
    void seed() {
        folder("Engineering");
        create("Loose flag", "feature_flag");
    }

    @Override
    boolean proxied() {
        return true;
    }

    @Override
    void beforeConnect() throws Exception {
        super.beforeConnect();
        // the tree's first load, not the export panel's list that is sent at the same time
        proxy.failNext(1, "/file_system/");
    }

    @Override
    void awaitReady() {
        idle();
    }

    @Test
    void aFailedLoadShowsAnErrorLineAndRetryLoadsIt() {
        waitFx("the error line shows", () -> lookup(".placeholder-error").tryQuery().isPresent());
        assertTrue(status().contains("A server error occurred."), status());
        Hyperlink retry = lookup(".hyperlink").match(LabeledMatchers.hasText("Retry")).query();
        assertTrue(onFx(() -> tree().localToScreen(tree().getBoundsInLocal())
                .contains(retry.localToScreen(retry.getBoundsInLocal()))), "Retry lies inside the tree's view");
        clickOn(retry);

        waitUntil("the tree loaded", () -> shownPaths().equals(List.of("Engineering", "Loose flag")));
        idle();
        assertTrue(lookup(".placeholder-error").tryQuery().isEmpty(), "the error line is gone");
        assertEquals(List.of("Engineering", "Loose flag"), shownPaths());
    }
}
