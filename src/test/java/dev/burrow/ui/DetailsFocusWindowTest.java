package dev.burrow.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.burrow.api.EntryPath;
import dev.burrow.api.FileSystemEntry;
import dev.burrow.client.EntryFields;
import java.util.Set;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import org.junit.jupiter.api.Test;
import org.testfx.matcher.control.LabeledMatchers;

/**
 * Details draws its controls anew for every selection: the control a person used there keeps the
 * keyboard (or hands it to the tree when it went), never leaving it to the search field, where the
 * Ctrl+Z the flag's confirmation promises did nothing.
 */
class DetailsFocusWindowTest extends WindowTestBase {

    FileSystemEntry retention;

    @Override
    void seed() {
        folder("Marketing");
        objectRow("Marketing/Overview", "dashboard", "11");
        folder("Product");
        retention = objectRow("Product/Retention", "insight", "14");
    }

    FileSystemEntry objectRow(String path, String type, String ref) {
        dev.burrow.server.TestServer.object(server, type, ref, Long.parseLong(ref), EntryPath.leaf(path));
        return api.fileSystem().create(EntryFields.of(path, type).ref(ref));
    }

    private Node focused() {
        return onFx(() -> stage.getScene().getFocusOwner());
    }

    private void confirm(String button) {
        waitFx("the confirmation shows", () -> lookup(".dialog-pane").tryQuery().isPresent());
        Button b = lookup(".dialog-pane .button").match(LabeledMatchers.hasText(button)).queryButton();
        clickOn(b);
    }

    @Test
    void theFlagsToggleKeepsTheKeyboardSoCtrlZUndoesIt() {
        expand("Product");
        select("Product/Retention");
        clickOn("#shortcut-flag");
        confirm("Make it a link");
        waitUntil("flagged on the server", () -> Boolean.TRUE.equals(serverRow(retention.id()).shortcut()));
        idle();
        Node owner = focused();
        assertEquals("shortcut-flag", owner == null ? null : owner.getId(),
                "the toggle drawn anew has the keyboard: " + owner);

        push(new KeyCodeCombination(KeyCode.Z, KeyCombination.SHORTCUT_DOWN));
        waitUntil("Ctrl+Z put the flag back", () -> !Boolean.TRUE.equals(serverRow(retention.id()).shortcut()));
    }

    @Test
    void showOriginalHandsTheKeyboardToTheTreeWhereTheOriginalIs() {
        FileSystemEntry link = api.fileSystem().create(EntryFields.of("Product/Overview link", "dashboard")
                .ref("11").shortcut(true));
        push(KeyCode.F5);
        idle();
        awaitReady();
        expand("Product");
        select("Product/Overview link");
        assertTrue(link.isLink());
        clickOn("#show-original");
        waitUntil("the original is revealed", () -> highlighted().equals(Set.of("Marketing/Overview")));
        idle();
        assertTrue(onFx(() -> tree().isFocused()), "the tree has the keyboard, not " + focused());
        push(KeyCode.UP);
        waitUntil("the arrow moved on from the original", () -> highlighted().equals(Set.of("Marketing")));
    }
}
