package dev.burrow.ui;

import static org.junit.jupiter.api.Assertions.assertTrue;

import javafx.scene.Node;
import javafx.scene.control.SplitPane;
import javafx.scene.control.ToolBar;
import org.junit.jupiter.api.Test;

/** At 800×500 the side panes fold away (toggles bring them back) and the toolbar keeps its buttons. */
class SmallWindowTest extends WindowTestBase {

    @Override
    void seed() {
        folder("Marketing");
        create("Marketing/Overview", "dashboard");
    }

    private SplitPane split() {
        // the panes' split, under the undo note that lies over it
        return onFx(() -> (SplitPane) ((org.controlsfx.control.NotificationPane) window.getCenter()).getContent());
    }

    @Test
    void sidePanesFoldAwayInASmallWindowAndComeBackWithTheirToggles() {
        interact(() -> {
            stage.setWidth(800);
            stage.setHeight(500);
        });
        waitFx("only the tree is left", () -> split().getItems().size() == 1);
        assertTrue(onFx(() -> !lookup("#connection-label").query().isVisible()), "the connection's name hides");
        double treeWidth = onFx(() -> window.tree().getWidth());
        assertTrue(treeWidth > 700, "the tree has the window's width: " + treeWidth);

        ToolBar bar = onFx(() -> (ToolBar) lookup(".tool-bar").query());
        for (String id : new String[] {"#toggle-shortcuts", "#toggle-details", "#new-folder", "#delete", "#undo",
                "#refresh", "#search", "#connections", "#about"}) {
            Node n = lookup(id).query();
            assertTrue(onFx(() -> isShownIn(n, bar)),
                    id + " stays in the toolbar, not in its overflow menu");
        }

        clickOn("#toggle-details");
        waitFx("details come back", () -> split().getItems().size() == 2);
        waitFx("next to a tree that keeps most of the room", () -> window.tree().getWidth() >= 400);
        clickOn("#toggle-details");
        waitFx("and go again", () -> split().getItems().size() == 1);

        interact(() -> stage.setWidth(1280));
        waitFx("a wide window shows all three", () -> split().getItems().size() == 3);
        assertTrue(onFx(() -> lookup("#connection-label").query().isVisible()), "the connection's name is back");
    }

    /** True when the node is laid out inside the toolbar's visible box. */
    private boolean isShownIn(Node n, ToolBar bar) {
        javafx.geometry.Bounds b = n.localToScene(n.getBoundsInLocal());
        javafx.geometry.Bounds t = bar.localToScene(bar.getBoundsInLocal());
        return n.isVisible() && b.getMaxX() <= t.getMaxX() + 1 && b.getMinX() >= t.getMinX() - 1
                && n.getScene() == bar.getScene();
    }
}
