package dev.burrow.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.burrow.api.FileSystemEntry;
import java.util.List;
import javafx.css.PseudoClass;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.Test;

/** Search against a server whose answers can be held back. */
class SearchWindowTest extends WindowTestBase {

    FileSystemEntry retention;

    @Override
    void seed() {
        folder("Marketing");
        create("Marketing/Overview", "dashboard");
        folder("Product");
        retention = create("Product/Retention", "insight");
    }

    @Override
    boolean proxied() {
        return true;
    }

    @Test
    void resultsArrivingAfterEscapeDoNotComeBack() {
        List<String> all = shownPaths();
        proxy.slowNext(1, "search=", 700);
        clickOn("#search").write("Retention");
        waitUntil("the search request is on its way", () -> proxy.slowArrived() == 1);
        push(KeyCode.ESCAPE);
        waitUntil("the held answer arrived", () -> proxy.slowAnswered() == 1);
        idle();

        assertEquals("", onFx(() -> window.searchField().getText()));
        assertEquals(all, shownPaths(), "the cleared search stays cleared");
    }

    @Test
    void theStarInSearchResultsShowsTheNewState() {
        clickOn("#search").write("Retention");
        waitUntil("the match shows", () -> shownPaths().equals(List.of("Product", "Product/Retention")));
        clickOn(cell("Product/Retention").lookup(".star-toggle"));

        waitUntil("starred on the server", () -> api.shortcuts().listAll().stream()
                .anyMatch(star -> retention.ref().equals(star.ref())));
        assertFalse(Boolean.TRUE.equals(serverRow(retention.id()).shortcut()), "a star leaves the row's flag alone");
        idle();
        waitFx("the result's star is on", () -> cell("Product/Retention").lookup(".star-toggle")
                .getPseudoClassStates().contains(PseudoClass.getPseudoClass("on")));
        assertTrue(shownPaths().equals(List.of("Product", "Product/Retention")), "still searching: " + shownPaths());
    }

    @Test
    void aFolderRenamedInTheResultsStaysOpenOnItsMatches() {
        clickOn("#search").write("Retention");
        waitUntil("the match shows", () -> shownPaths().equals(List.of("Product", "Product/Retention")));
        renameWithF2("Product", "Product area");

        waitUntil("renamed on the server", () -> serverRow(retention.id()).path().equals("Product area/Retention"));
        idle();
        assertEquals("folder", serverTree().get("Product area"), "the folder row moved with its rows");
        assertFalse(serverTree().containsKey("Product"), "no folder row is left behind: " + serverTree());
        assertEquals(List.of("Product area", "Product area/Retention"), shownPaths(),
                "the renamed folder shows its match, as before the rename");
    }
}
