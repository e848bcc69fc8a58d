package dev.burrow.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.burrow.api.EntryPath;
import dev.burrow.api.FileSystemEntry;
import dev.burrow.client.EntryFields;
import java.util.List;
import javafx.css.PseudoClass;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.TreeCell;
import javafx.scene.control.TreeItem;
import javafx.scene.input.MouseButton;
import org.junit.jupiter.api.Test;

/**
 * Live refresh in the real window: a second client (the test's own API client) changes the
 * server, the window merges what changed without collapsing, losing the selection or scrolling;
 * a selection deleted elsewhere goes with a message; a move of a row deleted elsewhere says so.
 */
class LiveWindowTest extends WindowTestBase {

    private FileSystemEntry overview;
    private FileSystemEntry notes;
    private FileSystemEntry loose;
    private FileSystemEntry chart45;

    @Override
    void seed() {
        folder("Marketing");
        folder("Marketing/Campaigns");
        create("Marketing/Campaigns/Launch funnel", "insight");
        overview = create("Marketing/Overview", "dashboard");
        folder("Product");
        for (int i = 10; i < 70; i++) {
            FileSystemEntry e = create("Product/Chart " + i, "insight");
            if (i == 45) {
                chart45 = e;
            }
        }
        notes = create("Product/Notes", "notebook");
        folder("Engineering");
        folder("Archive");
        create("Archive/Old", "dashboard");
        loose = create("Loose flag", "feature_flag");
    }

    /** The window's first check (a second after connecting) is over: the next is a cycle away. */
    @Override
    void awaitReady() {
        super.awaitReady();
        waitFx("the first check", () -> vm.live().live().lastChecked() >= 0);
    }

    private void checkNow() {
        waitFx("a check started", () -> vm.live().checkNow());
    }

    /** The cell showing this path among the cells on screen now, without scrolling; null if none. */
    private TreeCell<?> onScreen(String path) {
        return onFx(() -> {
            for (Node n : tree().lookupAll(".tree-cell")) {
                if (n instanceof TreeCell<?> c && c.isVisible() && !c.isEmpty() && c.getTreeItem() != null
                        && c.getTreeItem().getValue() instanceof Row.Node r
                        && EntryPath.normalize(r.node().path()).equals(path)
                        && tree().getLayoutBounds().contains(tree().sceneToLocal(c.localToScene(0, 1)))) {
                    return c;
                }
            }
            return null;
        });
    }

    private String selectedPath() {
        return onFx(() -> {
            TreeItem<Row> s = tree().getSelectionModel().getSelectedItem();
            return s == null || s.getValue().treeNode() == null ? null : s.getValue().treeNode().path();
        });
    }

    @Test
    void changesBySecondClientAppearAndTheMergeKeepsExpansionSelectionAndScroll() {
        expand("Marketing");
        expand("Marketing/Campaigns");
        expand("Product");
        select("Product/Chart 40");
        double scrolledTo = onFx(() -> onScreen("Product/Chart 40").localToScene(0, 0).getY());

        api.fileSystem().create(EntryFields.of("Product/Chart 41b", "insight").ref("900"));
        api.fileSystem().patch(notes.id(), new EntryFields().path("Product/Notes (theirs)"));
        api.fileSystem().delete(overview.id()); // Marketing is open but scrolled off screen: not watched
        api.fileSystem().delete(chart45.id());
        api.fileSystem().create(EntryFields.of("Archive/Hidden new", "dashboard").ref("901"));
        checkNow();

        waitUntil("the changes show", () -> shownPaths().contains("Product/Chart 41b")
                && shownPaths().contains("Product/Notes (theirs)") && !shownPaths().contains("Product/Chart 45"));
        assertFalse(shownPaths().contains("Product/Notes"), "the old name is gone");
        assertFalse(shownPaths().contains("Archive/Hidden new"), "the collapsed folder stays collapsed");
        assertTrue(item("Marketing").map(TreeItem::isExpanded).orElse(false), "Marketing stays open");
        assertTrue(item("Marketing/Campaigns").map(TreeItem::isExpanded).orElse(false), "Campaigns stays open");
        assertTrue(item("Product").map(TreeItem::isExpanded).orElse(false), "Product stays open");
        assertEquals("Product/Chart 40", selectedPath(), "the selection stays");
        TreeCell<?> still = onScreen("Product/Chart 40");
        assertTrue(still != null, "the selected row is still on screen");
        double y = onFx(() -> still.localToScene(0, 0).getY());
        assertEquals(scrolledTo, y, 0.5, "the view did not scroll: changes below it and beside it moved nothing");
        waitFx("the new row is marked", () -> {
            TreeCell<?> c = onScreen("Product/Chart 41b");
            return c != null && c.getPseudoClassStates().contains(PseudoClass.getPseudoClass("changed-elsewhere"));
        });
        assertEquals("2", badge("Archive").replaceAll("\\D", ""), "the collapsed folder's count follows");
        String checked = onFx(() -> ((Label) lookup("#live-checked").query()).getText());
        assertTrue(checked.startsWith("Checked"), checked);
    }

    @Test
    void aSelectedRowDeletedElsewhereLeavesTheSelectionWithAMessage() {
        expand("Product");
        select("Product/Notes");
        api.fileSystem().delete(notes.id());
        checkNow();

        waitUntil("the deletion is told", () -> status().contains("“Notes” was deleted elsewhere"));
        waitUntil("the row is gone", () -> !shownPaths().contains("Product/Notes"));
        assertTrue(onFx(() -> vm.tree().selection().isEmpty()), "nothing stays selected");
    }

    @Test
    void movingARowDeletedElsewhereSaysWhatHappenedAndRefreshesThatPart() {
        api.fileSystem().delete(loose.id());

        drag(cell("Loose flag"), MouseButton.PRIMARY).dropTo(cell("Engineering"));

        waitFx("the conflict is told", () -> String.valueOf(vm.lastErrorProperty().get())
                .contains("deleted or moved elsewhere"));
        String told = onFx(() -> vm.lastErrorProperty().get());
        assertTrue(told.contains("“Loose flag”") && told.contains("was not done"), told);
        waitUntil("the tree there is checked again", () -> !shownPaths().contains("Loose flag"));
        assertTrue(serverRowAt("Engineering/Loose flag").isEmpty(), "nothing was moved or resurrected");
        assertFalse(onFx(() -> vm.tree().edits().history().canUndoProperty().get()), "nothing to undo");
        List<String> shown = shownPaths();
        assertTrue(shown.contains("Engineering"), shown::toString);
    }

    @Test
    void aLongStatusSentenceLeavesTheLastCheckedTimeWhole() {
        checkNow();
        waitFx("checked once", () -> ((Label) lookup("#live-checked").query()).getText().startsWith("Checked"));
        onFx(() -> {
            vm.statusMessage("Undo: Delete 2 items: Not restored, deleted for good: " + "“A long name” (early access feature), ".repeat(12));
            return null;
        });
        waitFx("laid out", () -> {
            Label checked = (Label) lookup("#live-checked").query();
            return checked.getWidth() > 0;
        });
        Label checked = (Label) lookup("#live-checked").query();
        double width = onFx(checked::getWidth);
        double wanted = onFx(() -> checked.prefWidth(-1));
        assertTrue(width >= wanted - 0.5, "“" + onFx(checked::getText) + "” is " + width + " px wide, needs " + wanted);
    }
}
