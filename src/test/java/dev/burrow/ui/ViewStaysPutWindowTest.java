package dev.burrow.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.burrow.api.EntryPath;
import dev.burrow.api.FileSystemEntry;
import java.util.Set;
import java.util.TreeSet;
import javafx.scene.control.TreeItem;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import org.junit.jupiter.api.Test;

/**
 * A view that stays put: open folders, selection and scroll position survive a move, a rename,
 * F5, clearing a search and switching connections and back.
 */
class ViewStaysPutWindowTest extends WindowTestBase {

    FileSystemEntry deep;

    @Override
    void seed() {
        for (int i = 10; i < 50; i++) {
            folder("Area " + i);
        }
        folder("Area 30/Inner");
        deep = create("Area 30/Inner/Deep dashboard", "dashboard");
        create("Area 30/Board", "dashboard");
        create("Area 31/Chart", "insight");
    }

    Set<String> expandedShown() {
        return onFx(() -> {
            Set<String> out = new TreeSet<>();
            collectOpen(tree().getRoot(), out);
            return out;
        });
    }

    private static void collectOpen(TreeItem<Row> item, Set<String> out) {
        for (TreeItem<Row> c : item.getChildren()) {
            if (c.isExpanded() && c.getValue() != null && c.getValue().treeNode() != null) {
                out.add(EntryPath.normalize(c.getValue().treeNode().path()));
                collectOpen(c, out);
            }
        }
    }

    String selected() {
        return onFx(() -> {
            TreeItem<Row> s = tree().getSelectionModel().getSelectedItem();
            return s == null || s.getValue().treeNode() == null ? "" : s.getValue().treeNode().path();
        });
    }

    void openAndScroll() {
        expandAll("Area 30/Inner");
        expand("Area 31");
        select("Area 30/Inner/Deep dashboard");
        interact(() -> tree().scrollTo(tree().getRow(item("Area 20").get())));
        idle();
        assertEquals("Area 20", firstVisible());
    }

    @Test
    void f5KeepsOpenFoldersSelectionAndScroll() {
        openAndScroll();
        Set<String> open = expandedShown();
        push(KeyCode.F5);
        waitUntil("the tree is back as it was", () -> expandedShown().equals(open)
                && selected().equals("Area 30/Inner/Deep dashboard") && firstVisible().equals("Area 20"),
                () -> "open " + expandedShown() + " (was " + open + "), selected " + selected() + ", first " + firstVisible());
        idle();
        assertEquals("Area 20", firstVisible());
        assertEquals("Deep dashboard", onFx(() -> vm.tree().selectedProperty().get().name()));
    }

    @Test
    void aRenamedFolderStaysOpenAndTheViewDoesNotJump() {
        openAndScroll();
        select("Area 30");
        push(KeyCode.F2);
        waitFx("the rename field shows", () -> lookup(".rename-field").tryQuery().isPresent());
        write("Area 30b");
        push(KeyCode.ENTER);
        waitUntil("renamed", () -> serverRow(deep.id()).path().equals("Area 30b/Inner/Deep dashboard"));
        idle();
        assertTrue(expandedShown().containsAll(Set.of("Area 30b", "Area 30b/Inner", "Area 31")), expandedShown().toString());
        assertEquals("Area 30b", selected());
        assertEquals("Area 20", firstVisible(), "the view did not jump");
    }

    @Test
    void aMovedRowStaysSelectedAndItsOldFolderStaysOpen() {
        openAndScroll();
        select("Area 31/Chart");
        push(new KeyCodeCombination(KeyCode.X, KeyCombination.SHORTCUT_DOWN));
        select("Area 30");
        push(new KeyCodeCombination(KeyCode.V, KeyCombination.SHORTCUT_DOWN));
        waitUntil("moved", () -> serverPaths().contains("Area 30/Chart"));
        idle();
        assertTrue(expandedShown().containsAll(Set.of("Area 30", "Area 30/Inner", "Area 31")), expandedShown().toString());
        assertEquals("Area 30/Chart", selected());
        assertEquals("Area 20", firstVisible(), "the view did not jump to the top");
    }

    @Test
    void clearingASearchShowsTheTreeAsItWasWithTheSelectionFromTheResults() {
        openAndScroll();
        Set<String> open = expandedShown();
        clickOn("#search").write("Chart");
        waitUntil("the results show", () -> shownPaths().contains("Area 31/Chart") && shownPaths().size() == 2);
        clickOn(cell("Area 31/Chart").lookup(".entry-name"));
        clickOn("#search");
        push(KeyCode.ESCAPE);
        waitUntil("the tree is back", () -> expandedShown().containsAll(open) && selected().equals("Area 31/Chart"));
        assertEquals("Chart", onFx(() -> vm.tree().selectedProperty().get().name()));
    }

    @Test
    void switchingConnectionsAndBackOpensTheSameFolders() {
        expandAll("Area 30/Inner");
        Set<String> open = expandedShown();
        interact(() -> vm.connect(new MainViewModel.Target("Other", windowUrl(), KEY, 1, false)));
        awaitReady();
        assertEquals(Set.of(), expandedShown(), "another connection has its own open folders");
        expand("Area 12");
        interact(() -> vm.connect(new MainViewModel.Target("Local", windowUrl(), KEY, 1, true)));
        awaitReady();
        waitUntil("the folders open again", () -> expandedShown().equals(open));
    }
}
