package dev.burrow.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.burrow.api.FileSystemEntry;
import dev.burrow.tree.TreeNode;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** What the context menu offers, and why an entry is unavailable. */
class MenuModelTest {

    private static FileSystemEntry row(String id, String path, String type, String href, boolean link) {
        return new FileSystemEntry(id, path, null, type, "7", href, null, link, null, null, null, null);
    }

    private static Map<MenuModel.Action, MenuModel.Entry> entries(List<TreeNode> sel, boolean remote) {
        return entries(sel, remote, n -> false);
    }

    private static Map<MenuModel.Action, MenuModel.Entry> entries(List<TreeNode> sel, boolean remote,
            java.util.function.Predicate<TreeNode> starred) {
        return new MenuModel(sel, remote, starred).groups().stream().flatMap(List::stream)
                .collect(Collectors.toMap(MenuModel.Entry::action, e -> e));
    }

    @Test
    void anInsightOnAPostHogConnectionHasEveryVerb() {
        TreeNode insight = new TreeNode.Item(row("1", "Product/Retention", "insight", "/insights/abc", false));
        Map<MenuModel.Action, MenuModel.Entry> e = entries(List.of(insight), true);
        for (MenuModel.Action a : List.of(MenuModel.Action.OPEN, MenuModel.Action.OPEN_IN_POSTHOG, MenuModel.Action.RENAME,
                MenuModel.Action.MOVE_TO, MenuModel.Action.SHORTCUT_HERE, MenuModel.Action.STAR,
                MenuModel.Action.COPY_LINK, MenuModel.Action.EXPORT, MenuModel.Action.DELETE)) {
            assertNull(e.get(a).unavailable(), a + " is available");
        }
        assertEquals("Star", e.get(MenuModel.Action.STAR).text());
    }

    @Test
    void theLocalWorkspaceHasNoWebPagesAndSaysSo() {
        TreeNode insight = new TreeNode.Item(row("1", "Retention", "insight", "/insights/abc", true));
        Map<MenuModel.Action, MenuModel.Entry> e = entries(List.of(insight), false);
        assertEquals(MenuModel.LOCAL_NO_WEB, e.get(MenuModel.Action.OPEN_IN_POSTHOG).unavailable());
        assertEquals(MenuModel.LOCAL_NO_WEB, e.get(MenuModel.Action.COPY_LINK).unavailable());
        assertEquals("Star", e.get(MenuModel.Action.STAR).text(), "a link row is not a star");
        assertTrue(e.get(MenuModel.Action.SHOW_ORIGINAL).available(), "a link shows its original");
        assertTrue(e.get(MenuModel.Action.SHORTCUT_FLAG).text().startsWith("Make it a real row"));
        assertEquals("Unstar", entries(List.of(insight), false, n -> true).get(MenuModel.Action.STAR).text());
    }

    @Test
    void aMultiSelectionOffersWhatWorksOnManyAndExplainsTheRest() {
        TreeNode a = new TreeNode.Item(row("1", "A", "insight", "/insights/a", false));
        TreeNode b = new TreeNode.Item(row("2", "B", "feature_flag", "/feature_flags/2", false));
        Map<MenuModel.Action, MenuModel.Entry> e = entries(List.of(a, b), true);
        assertEquals("Select one item to rename it.", e.get(MenuModel.Action.RENAME).unavailable());
        assertEquals("Export one dashboard or insight at a time.", e.get(MenuModel.Action.EXPORT).unavailable());
        assertTrue(e.get(MenuModel.Action.MOVE_TO).available());
        assertEquals("Delete 2 items", e.get(MenuModel.Action.DELETE).text());
        assertEquals("Copy paths", e.get(MenuModel.Action.COPY_PATH).text());
        assertTrue(e.get(MenuModel.Action.STAR).available(), "several rows are starred at once");
        assertEquals("Unstar", entries(List.of(a, b), true, n -> n == a || n == b).get(MenuModel.Action.STAR).text());
        assertEquals("Star", entries(List.of(a, b), true, n -> n == a).get(MenuModel.Action.STAR).text(),
                "Star while any of them is not starred");
        assertTrue(e.get(MenuModel.Action.SHORTCUT_FLAG).unavailable().contains("one item at a time"));
        assertTrue(e.get(MenuModel.Action.ORGANISE).unavailable().contains("select one folder"));
    }

    @Test
    void aFolderWithoutARowCanBeMovedButHasNoShortcutOrExport() {
        TreeNode synthetic = new TreeNode.Folder("Unfiled", List.of());
        Map<MenuModel.Action, MenuModel.Entry> e = entries(List.of(synthetic), true);
        assertTrue(e.get(MenuModel.Action.MOVE_TO).available());
        assertTrue(e.get(MenuModel.Action.SHORTCUT_HERE).unavailable().contains("no folder row"));
        assertEquals("Only dashboards and insights can be exported.", e.get(MenuModel.Action.EXPORT).unavailable());
        assertEquals("New folder in “Unfiled”", e.get(MenuModel.Action.NEW_FOLDER).text());
        assertTrue(e.get(MenuModel.Action.ORGANISE).available(), "a folder can be organised");
        assertTrue(e.get(MenuModel.Action.SHORTCUT_FLAG).unavailable().contains("Only rows of an object"));
        assertTrue(e.get(MenuModel.Action.SHOW_ORIGINAL).unavailable().contains("not a link"));
    }

    @Test
    void theEmptyAreaOffersANewFolderAndRefresh() {
        assertEquals(List.of(List.of(MenuModel.Action.NEW_FOLDER, MenuModel.Action.REFRESH)),
                new MenuModel(List.of(), true, n -> false).groups().stream()
                        .map(g -> g.stream().map(MenuModel.Entry::action).toList()).toList());
    }
}
