package dev.burrow.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.burrow.api.FileSystemEntry;
import java.util.List;
import javafx.scene.Node;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.CustomMenuItem;
import javafx.scene.control.MenuItem;
import javafx.scene.control.TabPane;
import javafx.scene.control.TreeItem;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.MouseButton;
import javafx.stage.Window;
import org.junit.jupiter.api.Test;

/** The tree's context menu and Open, against a real local server: each verb changes the server. */
class ContextMenuWindowTest extends WindowTestBase {

    FileSystemEntry retention;
    FileSystemEntry loose;

    @Override
    void seed() {
        folder("Marketing");
        create("Marketing/Overview", "dashboard");
        folder("Product");
        retention = create("Product/Retention", "insight");
        folder("Engineering");
        loose = create("Loose flag", "feature_flag");
    }

    private ContextMenu shownMenu() {
        waitFx("the context menu shows", () -> Window.getWindows().stream()
                .anyMatch(w -> w instanceof ContextMenu m && m.isShowing() && "tree-menu".equals(m.getId())));
        return onFx(() -> (ContextMenu) Window.getWindows().stream()
                .filter(w -> w instanceof ContextMenu m && m.isShowing() && "tree-menu".equals(m.getId()))
                .findFirst().orElseThrow());
    }

    private MenuItem entry(ContextMenu menu, String id) {
        return onFx(() -> menu.getItems().stream().filter(i -> id.equals(i.getId())).findFirst().orElseThrow());
    }

    private void choose(ContextMenu menu, String id) {
        Node label = onFx(() -> ((CustomMenuItem) entry(menu, id)).getContent());
        clickOn(label);
    }

    @Test
    void moveToAFolderPickedInTheMenuMovesOnTheServer() {
        rightClickOn(cell("Loose flag").lookup(".entry-name"));
        ContextMenu menu = shownMenu();
        assertEquals("Loose flag", onFx(() -> vm.tree().selectedProperty().get().name()), "right click selects the row");

        choose(menu, "menu-move-to");
        waitFx("the folder picker shows", () -> lookup("#folder-filter").tryQuery().isPresent());
        clickOn("#folder-filter");
        write("Engin");
        waitFx("the list narrowed to Engineering", () -> "Engineering".equals(lookup("#folder-list").queryListView()
                .getSelectionModel().getSelectedItem()));
        push(KeyCode.ENTER);

        waitUntil("the server moved the flag", () -> serverRow(loose.id()).path().equals("Engineering/Loose flag"));
    }

    @Test
    void moveToNamesWhatMovesAndOffersOnlyFoldersItMayGoTo() {
        folder("Product/Cohorts");
        push(KeyCode.F5);
        idle();
        rightClickOn(cell("Product").lookup(".entry-name"));
        choose(shownMenu(), "menu-move-to");
        waitFx("the folder picker shows", () -> lookup("#folder-filter").tryQuery().isPresent());
        assertEquals("Move “Product” to", onFx(() -> lookup(".dialog-pane").queryAs(javafx.scene.control.DialogPane.class)
                .getHeaderText()));
        java.util.List<String> offered = onFx(() -> java.util.List.copyOf(lookup("#folder-list").queryListView().getItems()))
                .stream().map(String::valueOf).toList();
        assertEquals(java.util.List.of("Engineering", "Marketing"), offered,
                "not the top level it is in, not itself, not its own subfolder");
        push(KeyCode.ESCAPE);
    }

    @Test
    void shiftF10OpensTheMenuOfTheSelectionAndStarReachesTheServer() {
        select("Loose flag");
        push(new KeyCodeCombination(KeyCode.F10, KeyCombination.SHIFT_DOWN));
        ContextMenu menu = shownMenu();
        assertEquals("Star", onFx(() -> ((javafx.scene.control.Label) ((CustomMenuItem) entry(menu, "menu-star"))
                .getContent()).getText()));

        choose(menu, "menu-star");

        waitUntil("the server lists the star", () -> api.shortcuts().listAll().stream()
                .anyMatch(star -> loose.ref() != null && loose.ref().equals(star.ref())));
        assertFalse(serverRow(loose.id()).isLink(), "a star leaves the row's shortcut flag alone");
    }

    @Test
    void theMenuKeyOffersCreateShortcutHere() {
        select("Product");
        expand("Product");
        select("Product/Retention");
        push(KeyCode.CONTEXT_MENU);
        ContextMenu menu = shownMenu();

        choose(menu, "menu-shortcut-here");

        waitUntil("a second row for the insight in Product", () -> serverTree().get("Product/Retention") != null
                && api.fileSystem().listAll(dev.burrow.client.FileSystemQuery.all().withLimit(1000)).stream()
                        .filter(e -> "insight".equals(e.type()) && e.path().startsWith("Product/")).count() == 2);
    }

    @Test
    void unavailableEntriesSayWhyAndDoNothing() {
        rightClickOn(cell("Loose flag").lookup(".entry-name"));
        ContextMenu menu = shownMenu();
        MenuItem web = entry(menu, "menu-open-in-posthog");
        assertTrue(web.getStyleClass().contains("unavailable"));
        String why = onFx(() -> {
            var tip = (javafx.scene.control.Tooltip) ((CustomMenuItem) web).getContent().getProperties().get("javafx.scene.control.Tooltip");
            return tip == null ? null : tip.getText();
        });
        assertEquals(MenuModel.LOCAL_NO_WEB, why);
        MenuItem export = entry(menu, "menu-export");
        assertTrue(export.getStyleClass().contains("unavailable"), "a feature flag can't be exported");

        choose(menu, "menu-export");
        assertEquals("Details", onFx(() -> lookup(".tab-pane").queryAs(TabPane.class).getSelectionModel()
                .getSelectedItem().getText()), "an unavailable entry does nothing");
    }

    @Test
    void copyPathPutsThePathOnTheClipboard() {
        select("Product");
        expand("Product");
        select("Product/Retention");
        push(KeyCode.CONTEXT_MENU);
        choose(shownMenu(), "menu-copy-path");

        assertEquals("Product/Retention", onFx(() -> javafx.scene.input.Clipboard.getSystemClipboard().getString()));
    }

    @Test
    void theEmptyAreaOffersANewFolderAtTheTop() {
        select("Product");
        Node tree = tree();
        javafx.geometry.Bounds b = onFx(() -> tree.localToScreen(tree.getBoundsInLocal()));
        moveTo(new javafx.geometry.Point2D(b.getMinX() + 60, b.getMaxY() - 20));
        clickOn(MouseButton.SECONDARY);
        ContextMenu menu = shownMenu();
        assertTrue(onFx(() -> vm.tree().selection().isEmpty()), "the empty area leaves nothing selected");
        assertEquals(List.of("menu-new-folder", "menu-refresh"), onFx(() -> menu.getItems().stream()
                .map(MenuItem::getId).toList()));

        choose(menu, "menu-new-folder");
        waitFx("its name is being edited", () -> lookup(".rename-field").tryQuery().isPresent());
        write("Reports");
        push(KeyCode.ENTER);

        waitUntil("made at the top on the server", () -> "folder".equals(serverTree().get("Reports")));
    }

    @Test
    void renameFromTheMenuRenamesOnTheServer() {
        rightClickOn(cell("Loose flag").lookup(".entry-name"));
        choose(shownMenu(), "menu-rename");
        waitFx("the rename field shows", () -> lookup(".rename-field").tryQuery().isPresent());
        assertRenameFieldStandsOut();
        write("Tidy flag");
        push(KeyCode.ENTER);

        waitUntil("renamed on the server", () -> serverRow(loose.id()).path().equals("Tidy flag"));
    }

    @Test
    void deleteFromTheMenuAsksThenDeletesOnTheServer() {
        rightClickOn(cell("Loose flag").lookup(".entry-name"));
        choose(shownMenu(), "menu-delete");
        waitFx("the confirmation shows", () -> lookup(".button").match(
                org.testfx.matcher.control.LabeledMatchers.hasText("Delete")).tryQuery().isPresent());
        clickOn(lookup(".button").match(org.testfx.matcher.control.LabeledMatchers.hasText("Delete")).queryButton());

        waitUntil("gone from the server", () -> !serverTree().containsKey("Loose flag"));
    }

    @Test
    void doubleClickOpensAnItemAndEnterOpensAFolder() {
        doubleClickOn(cell("Loose flag").lookup(".entry-name"));
        idle();
        assertTrue(onFx(() -> tree().getEditingItem() == null), "a double click does not rename");
        assertEquals("Details", onFx(() -> lookup(".tab-pane").queryAs(TabPane.class).getSelectionModel()
                .getSelectedItem().getText()));
        assertEquals("Loose flag", onFx(() -> vm.tree().selectedProperty().get().name()));

        clickOn(cell("Loose flag").lookup(".entry-name"));
        sleep(400);
        assertTrue(onFx(() -> tree().getEditingItem() == null), "a click on the selected row does not rename");

        select("Product");
        push(KeyCode.ENTER);
        waitUntil("Enter opened the folder", () -> item("Product").map(TreeItem::isExpanded).orElse(false));
        assertTrue(item("Product/Retention").isPresent());
        assertFalse(onFx(() -> tree().getEditingItem() != null), "Enter does not rename");

        doubleClickOn(cell("Marketing").lookup(".entry-name"));
        waitUntil("a double click opened the folder", () -> item("Marketing").map(TreeItem::isExpanded).orElse(false));
    }

    /**
     * The field being typed into looks like one: a border in a colour of its own around it, its
     * selected name highlighted in a colour far from the field's, the row's icon kept as it was
     * (the theme's cell editor had no border and a highlight close to the row's own colour).
     */
    private void assertRenameFieldStandsOut() {
        javafx.scene.control.TextField field = lookup(".rename-field").query();
        onFx(() -> {
            field.applyCss();
            return null;
        });
        List<javafx.scene.layout.BackgroundFill> fills = onFx(() -> field.getBackground() == null ? List.of()
                : field.getBackground().getFills());
        assertTrue(fills.size() >= 2, "a border and a face: " + fills);
        javafx.scene.paint.Color border = (javafx.scene.paint.Color) fills.get(0).getFill();
        javafx.scene.paint.Color face = (javafx.scene.paint.Color) fills.get(fills.size() - 1).getFill();
        assertTrue(border.getOpacity() > 0.9 && distance(border, face) > 0.3, border + " around " + face);
        javafx.scene.paint.Color highlight = (javafx.scene.paint.Color) onFx(() -> field.getCssMetaData().stream()
                .filter(m -> m.getProperty().equals("-fx-highlight-fill")).findFirst()
                .map(m -> highlightOf(m, field)).orElseThrow());
        assertTrue(distance(highlight, face) > 0.3, "highlight " + highlight + " on " + face);
        assertEquals(Boolean.TRUE, onFx(() -> field.getParent().getChildrenUnmodifiable().get(0)
                .getStyleClass().contains("type-icon")), "the row's icon, styled as the row's");
    }

    @SuppressWarnings("unchecked")
    private static Object highlightOf(javafx.css.CssMetaData<? extends javafx.css.Styleable, ?> m,
            javafx.scene.control.TextField field) {
        return ((javafx.css.CssMetaData<javafx.css.Styleable, ?>) m).getStyleableProperty(field).getValue();
    }

    private static double distance(javafx.scene.paint.Color a, javafx.scene.paint.Color b) {
        return Math.abs(a.getRed() - b.getRed()) + Math.abs(a.getGreen() - b.getGreen())
                + Math.abs(a.getBlue() - b.getBlue());
    }
}
