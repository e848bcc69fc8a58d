package dev.burrow.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.burrow.api.FileSystemEntry;
import dev.burrow.api.EntryPath;
import java.util.List;
import java.util.stream.Collectors;
import javafx.css.PseudoClass;
import javafx.scene.control.Button;
import javafx.scene.control.ListView;
import javafx.scene.control.TreeCell;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.MouseButton;
import org.junit.jupiter.api.Test;
import org.testfx.matcher.control.LabeledMatchers;

/** The window's tree against a real local server: what shows, and what each gesture does there. */
class TreeWindowTest extends WindowTestBase {

    FileSystemEntry launch;
    FileSystemEntry overview;
    FileSystemEntry retention;
    FileSystemEntry notes;
    FileSystemEntry loose;

    @Override
    void seed() {
        folder("Marketing");
        folder("Marketing/Campaigns");
        launch = create("Marketing/Campaigns/Launch funnel", "insight");
        overview = create("Marketing/Overview", "dashboard");
        folder("Product");
        retention = create("Product/Retention", "insight");
        notes = create("Product/Notes", "notebook");
        folder("Engineering");
        loose = create("Loose flag", "feature_flag");
    }

    @Test
    void expandingAFolderShowsItsChildrenAndCounts() {
        assertEquals(List.of("Engineering", "Marketing", "Product", "Loose flag"), shownPaths());
        waitUntil("root counts shown", () -> !badge("Marketing").isEmpty());
        assertEquals("3", badge("Marketing"));
        assertEquals("2", badge("Product"));
        assertEquals("0", badge("Engineering"));

        expand("Marketing");

        assertEquals(List.of("Engineering", "Marketing", "Marketing/Campaigns", "Marketing/Overview", "Product",
                "Loose flag"), shownPaths());
        assertEquals("1", badge("Marketing/Campaigns"));
        assertTrue(item("Marketing/Campaigns").isPresent());
        assertFalse(item("Marketing/Campaigns/Launch funnel").isPresent(), "a closed folder shows nothing inside");
    }

    @Test
    void emptyLinesBelowTheLastRowShowNoArrow() {
        expand("Marketing");
        expand("Marketing/Campaigns");
        interact(() -> item("Marketing").get().setExpanded(false));
        idle();
        assertEquals(List.of("Engineering", "Marketing", "Product", "Loose flag"), shownPaths());
        long arrows = onFx(() -> lookup(".tree-cell").queryAll().stream()
                .map(n -> (javafx.scene.control.TreeCell<?>) n)
                .filter(c -> c.isEmpty() && c.getDisclosureNode() != null && c.getDisclosureNode().isVisible()
                        && c.isVisible())
                .count());
        assertEquals(0, arrows, "an empty line shows no folder arrow (cells that held folders kept theirs)");
    }

    @Test
    void draggingAnItemOntoAFolderMovesItOnTheServer() {
        drag(cell("Loose flag"), MouseButton.PRIMARY).dropTo(cell("Engineering"));

        waitUntil("the server moved the flag", () -> serverRow(loose.id()).path().equals("Engineering/Loose flag"));
        idle();
        assertTrue(item("Engineering/Loose flag").isPresent(), "the moved row shows in its new folder");
        assertFalse(item("Loose flag").isPresent(), "and no longer at the top");
        assertEquals("Engineering/Loose flag", onFx(() -> selectedPath()), "the moved row stays selected");
    }

    @Test
    void draggingAFolderMovesEverythingBelowItOnTheServer() {
        drag(cell("Marketing"), MouseButton.PRIMARY).dropTo(cell("Product"));

        waitUntil("the server moved the folder", () -> serverPaths().contains("Product/Marketing"));
        idle();
        assertEquals("Product/Marketing/Campaigns/Launch funnel", serverRow(launch.id()).path());
        assertEquals("Product/Marketing/Overview", serverRow(overview.id()).path());
        assertTrue(serverPaths().contains("Product/Marketing/Campaigns"));
        assertTrue(serverPaths().stream().noneMatch(p -> p.startsWith("Marketing")), serverPaths().toString());
        assertTrue(item("Product/Marketing").isPresent());
    }

    @Test
    void draggingAMultiSelectionMovesEveryRow() {
        expand("Marketing");
        clickOn(cell("Loose flag").lookup(".entry-name"));
        press(KeyCode.CONTROL);
        clickOn(cell("Marketing/Overview").lookup(".entry-name"));
        release(KeyCode.CONTROL);
        assertEquals(2, onFx(() -> tree().getSelectionModel().getSelectedItems().size()));

        drag(cell("Loose flag"), MouseButton.PRIMARY).dropTo(cell("Product"));

        waitUntil("the server moved both rows", () -> serverRow(loose.id()).path().equals("Product/Loose flag")
                && serverRow(overview.id()).path().equals("Product/Overview"));
        idle();
        assertTrue(item("Product/Loose flag").isPresent());
        assertTrue(item("Product/Overview").isPresent());
    }

    @Test
    void droppingAFolderIntoItsOwnSubfolderIsRefusedAndSendsNothing() {
        expand("Marketing");
        var before = serverTree();
        TreeCell<Row> campaigns = cell("Marketing/Campaigns");

        drag(cell("Marketing"), MouseButton.PRIMARY).moveTo(campaigns);
        waitFx("the target shows the refusal",
                () -> campaigns.getPseudoClassStates().contains(PseudoClass.getPseudoClass("drop-refused")));
        drop();
        idle();

        assertEquals(before, serverTree());
        assertFalse(onFx(() -> vm.tree().edits().history().canUndoProperty().get()), "nothing was done, nothing to undo");
        assertTrue(item("Marketing/Campaigns").isPresent());
    }

    @Test
    void undoAndRedoRestoreTheServer() {
        drag(cell("Loose flag"), MouseButton.PRIMARY).dropTo(cell("Engineering"));
        waitUntil("moved", () -> serverRow(loose.id()).path().equals("Engineering/Loose flag"));
        idle();

        push(new KeyCodeCombination(KeyCode.Z, KeyCombination.SHORTCUT_DOWN));
        waitUntil("undone on the server", () -> serverRow(loose.id()).path().equals("Loose flag"));
        idle();
        assertTrue(item("Loose flag").isPresent());

        push(new KeyCodeCombination(KeyCode.Z, KeyCombination.SHORTCUT_DOWN, KeyCombination.SHIFT_DOWN));
        waitUntil("redone on the server", () -> serverRow(loose.id()).path().equals("Engineering/Loose flag"));
        idle();
        assertTrue(item("Engineering/Loose flag").isPresent());
    }

    @Test
    void renamingWithF2MovesTheFolderOnTheServer() {
        renameWithF2("Product", "Product area");

        waitUntil("renamed on the server", () -> serverRow(retention.id()).path().equals("Product area/Retention"));
        idle();
        assertEquals("Product area/Notes", serverRow(notes.id()).path());
        assertTrue(serverPaths().contains("Product area"));
        assertFalse(serverPaths().contains("Product"));
        assertTrue(item("Product area").isPresent());
        assertTrue(lookup(".rename-field").tryQuery().isEmpty(), "the editor is gone");
    }

    @Test
    void newFolderIsUntitledThenUntitled2() {
        KeyCodeCombination newFolder = new KeyCodeCombination(KeyCode.N, KeyCombination.SHORTCUT_DOWN,
                KeyCombination.SHIFT_DOWN);
        push(newFolder);
        waitUntil("created on the server", () -> "folder".equals(serverTree().get("Untitled folder")));
        waitFx("its name is being edited", () -> lookup(".rename-field").tryQuery().isPresent());
        push(KeyCode.ESCAPE);
        idle();

        select("Loose flag");
        push(newFolder);
        waitUntil("the second one on the server", () -> "folder".equals(serverTree().get("Untitled folder 2")));
        waitFx("its name is being edited", () -> lookup(".rename-field").tryQuery().isPresent());
        push(KeyCode.ENTER);
        idle();
        assertTrue(item("Untitled folder").isPresent());
        assertTrue(item("Untitled folder 2").isPresent());
        assertEquals("folder", serverTree().get("Untitled folder"), "one row at each path");
    }

    @Test
    void deleteAsksWithTheRowsThenUndoRestoresThem() {
        var before = serverTree();
        select("Marketing");
        push(KeyCode.DELETE);

        waitFx("the confirmation shows", () -> lookup("#delete-list").tryQuery().isPresent());
        ListView<String> list = lookup("#delete-list").queryListView();
        List<String> listed = onFx(() -> List.copyOf(list.getItems()));
        assertEquals(3, listed.size(), listed.toString());
        assertTrue(listed.stream().anyMatch(t -> t.endsWith("Marketing / Campaigns / Launch funnel")), listed.toString());
        assertTrue(listed.stream().anyMatch(t -> t.endsWith("Marketing / Overview")), listed.toString());
        Button delete = lookup(".button").match(LabeledMatchers.hasText("Delete")).queryButton();
        clickOn(delete);

        waitUntil("deleted on the server", () -> serverPaths().stream().noneMatch(p -> p.startsWith("Marketing")));
        idle();
        assertFalse(item("Marketing").isPresent());

        push(new KeyCodeCombination(KeyCode.Z, KeyCombination.SHORTCUT_DOWN));
        waitUntil("restored on the server", () -> serverTree().equals(before));
        idle();
        assertTrue(item("Marketing").isPresent());
    }

    @Test
    void theStarAddsToTheShortcutsListAndLeavesTheRowAlone() {
        expand("Product");
        clickOn(cell("Product/Retention").lookup(".star-toggle"));

        waitUntil("starred on the server", () -> api.shortcuts().listAll().stream()
                .anyMatch(s -> retention.ref().equals(s.ref())));
        assertFalse(Boolean.TRUE.equals(serverRow(retention.id()).shortcut()), "the row's shortcut flag is untouched");
        ListView<?> shortcuts = lookup("#shortcuts-list").queryListView();
        waitFx("the shortcuts list shows it", () -> shortcuts.getItems().stream()
                .map(e -> ((dev.burrow.api.Star) e).path()).toList().equals(List.of("Retention")));

        idle();
        clickOn(cell("Product/Retention").lookup(".star-toggle"));
        waitUntil("unstarred on the server", () -> api.shortcuts().listAll().isEmpty());
        waitFx("the shortcuts list is empty", () -> shortcuts.getItems().isEmpty());
        assertFalse(Boolean.TRUE.equals(serverRow(retention.id()).shortcut()));
    }

    @Test
    void searchNarrowsTheTreeAndEscapeRestoresIt() {
        List<String> all = shownPaths();
        clickOn("#search").write("Retention");

        waitUntil("only the match and its folders show",
                () -> shownPaths().equals(List.of("Product", "Product/Retention")));
        push(KeyCode.ESCAPE);
        waitUntil("the whole tree is back", () -> shownPaths().equals(all));
        assertEquals("", onFx(() -> window.searchField().getText()));
    }

    @Test
    void countsFollowAMove() {
        expand("Marketing");
        drag(cell("Marketing/Overview"), MouseButton.PRIMARY).dropTo(cell("Product"));
        waitUntil("moved", () -> serverRow(overview.id()).path().equals("Product/Overview"));
        idle();

        assertEquals(2, serverCount("Marketing"));
        assertEquals(3, serverCount("Product"));
        waitUntil("the badges equal the server's counts",
                () -> badge("Marketing").equals(Long.toString(serverCount("Marketing")))
                        && badge("Product").equals(Long.toString(serverCount("Product")))
                        && badge("Marketing/Campaigns").equals(Long.toString(serverCount("Marketing/Campaigns"))));
    }

    @Test
    void droppingOnTheEmptyAreaMovesToTheTopLevel() {
        expand("Marketing");
        var flow = lookup("#project-tree .virtual-flow").query();
        var bounds = onFx(() -> flow.localToScreen(flow.getBoundsInLocal()));
        drag(cell("Marketing/Overview"), MouseButton.PRIMARY)
                .dropTo(new javafx.geometry.Point2D(bounds.getCenterX(), bounds.getMaxY() - 40));

        waitUntil("moved to the top on the server", () -> serverRow(overview.id()).path().equals("Overview"));
        idle();
        assertTrue(item("Overview").isPresent());
    }

    @Test
    void movedRowsStaySelected() {
        expand("Marketing");
        clickOn(cell("Loose flag").lookup(".entry-name"));
        press(KeyCode.CONTROL);
        clickOn(cell("Marketing/Overview").lookup(".entry-name"));
        release(KeyCode.CONTROL);

        drag(cell("Marketing/Overview"), MouseButton.PRIMARY).dropTo(cell("Engineering"));
        waitUntil("moved", () -> serverRow(overview.id()).path().equals("Engineering/Overview")
                && serverRow(loose.id()).path().equals("Engineering/Loose flag"));
        idle();
        waitFx("both moved rows are selected", () -> tree().getSelectionModel().getSelectedItems().stream()
                .map(i -> i.getValue().treeNode().path()).sorted().toList()
                .equals(List.of("Engineering/Loose flag", "Engineering/Overview")));
    }

    @Test
    void cutAndPasteMoveWithoutAMouse() {
        select("Loose flag");
        push(new KeyCodeCombination(KeyCode.X, KeyCombination.SHORTCUT_DOWN));
        select("Product");
        waitFx("the cut row shows it is cut while another is selected", () -> cutRows().equals(List.of("Loose flag")));
        push(new KeyCodeCombination(KeyCode.V, KeyCombination.SHORTCUT_DOWN));

        waitUntil("moved on the server", () -> serverRow(loose.id()).path().equals("Product/Loose flag"));
        idle();
        assertTrue(item("Product/Loose flag").isPresent());
        waitFx("nothing shows as cut after the paste", () -> cutRows().isEmpty());
    }

    @Test
    void escapeCancelsACutAndAPasteThenDoesNothing() {
        select("Loose flag");
        push(new KeyCodeCombination(KeyCode.X, KeyCombination.SHORTCUT_DOWN));
        waitFx("marked as cut", () -> cutRows().equals(List.of("Loose flag")));
        push(KeyCode.ESCAPE);
        waitFx("no longer cut", () -> cutRows().isEmpty());
        assertEquals("Nothing is cut any more.", status());

        select("Product");
        push(new KeyCodeCombination(KeyCode.V, KeyCombination.SHORTCUT_DOWN));
        idle();
        assertEquals("Loose flag", serverRow(loose.id()).path(), "the paste moved nothing");
    }

    /** The names of the rows shown as cut (faded until the paste). */
    private List<String> cutRows() {
        return onFx(() -> tree().lookupAll(".entry-cell").stream()
                .filter(n -> n.getPseudoClassStates().contains(EntryCell.CUT) && n.isVisible())
                .map(n -> ((javafx.scene.control.TreeCell<?>) n).getTreeItem())
                .filter(java.util.Objects::nonNull)
                .map(i -> ((Row) i.getValue()).treeNode().name()).sorted().toList());
    }

    @Test
    void clickingAShortcutRevealsItsRowInTheTree() {
        expand("Marketing");
        expand("Marketing/Campaigns");
        clickOn(cell("Marketing/Campaigns/Launch funnel").lookup(".star-toggle"));
        waitUntil("starred", () -> api.shortcuts().listAll().size() == 1);
        idle();
        interact(() -> {
            item("Marketing").get().setExpanded(false);
            tree().getSelectionModel().clearSelection();
        });

        ListView<?> shortcuts = lookup("#shortcuts-list").queryListView();
        waitFx("listed", () -> shortcuts.getItems().size() == 1);
        clickOn(lookup("#shortcuts-list .list-cell").match(LabeledMatchers.hasText("Launch funnel")).queryLabeled());

        waitFx("revealed and selected", () -> "Marketing/Campaigns/Launch funnel".equals(selectedPath()));
    }

    @Test
    void aNewFolderIsNamedInPlace() {
        push(new KeyCodeCombination(KeyCode.N, KeyCombination.SHORTCUT_DOWN, KeyCombination.SHIFT_DOWN));
        waitFx("its name is being edited", () -> lookup(".rename-field").tryQuery().isPresent());
        write("Reports");
        push(KeyCode.ENTER);

        waitUntil("named on the server", () -> "folder".equals(serverTree().get("Reports"))
                && !serverTree().containsKey("Untitled folder"));
        idle();
        assertTrue(item("Reports").isPresent(), shownPaths().toString());
        assertFalse(item("Untitled folder").isPresent(), shownPaths().toString());
    }

    @Test
    void aSlashInANewNameIsEscapedInThePath() {
        select("Loose flag");
        push(KeyCode.F2);
        waitFx("the rename field shows", () -> lookup(".rename-field").tryQuery().isPresent());
        write("iOS/Android flag");
        push(KeyCode.ENTER);

        waitUntil("renamed on the server", () -> serverRow(loose.id()).path().equals("iOS\\/Android flag"));
        idle();
        assertEquals("iOS/Android flag", onFx(() -> ((javafx.scene.control.Label) cell("iOS\\/Android flag")
                .lookup(".entry-name")).getText()));
    }

    @Test
    void undoingARenamePutsTheOldNameBack() {
        select("Loose flag");
        push(KeyCode.F2);
        waitFx("the rename field shows", () -> lookup(".rename-field").tryQuery().isPresent());
        write("Tidy flag");
        push(KeyCode.ENTER);
        waitUntil("renamed", () -> serverRow(loose.id()).path().equals("Tidy flag"));
        idle();

        push(new KeyCodeCombination(KeyCode.Z, KeyCombination.SHORTCUT_DOWN));
        waitUntil("the old name is back on the server", () -> serverRow(loose.id()).path().equals("Loose flag"));
        idle();
        assertTrue(item("Loose flag").isPresent());
        assertFalse(item("Tidy flag").isPresent());
    }

    private String selectedPath() {
        var s = tree().getSelectionModel().getSelectedItem();
        return s == null || s.getValue().treeNode() == null ? null : EntryPath.normalize(s.getValue().treeNode().path());
    }
}
