package dev.burrow.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.burrow.api.FileSystemEntry;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import javafx.scene.control.Label;
import javafx.scene.input.MouseButton;
import org.junit.jupiter.api.Test;

/** A 429 on the way: the client waits it out, the status bar counts down, the edit lands. */
class RateLimitWindowTest extends WindowTestBase {

    FileSystemEntry flag;

    @Override
    void seed() {
        folder("Engineering");
        folder("Product");
        flag = create("Loose flag", "feature_flag");
    }

    @Override
    boolean proxied() {
        return true;
    }

    @Test
    void aMoveThrottledTwiceWaitsWithACountdownAndLands() {
        List<String> shown = new CopyOnWriteArrayList<>();
        Label wait = lookup("#rate-limit").query();
        interact(() -> wait.textProperty().addListener((o, a, t) -> shown.add(t)));
        proxy.throttleNext(2);

        drag(cell("Loose flag"), MouseButton.PRIMARY).dropTo(cell("Engineering"));

        waitUntil("the move reached the server", () -> serverRow(flag.id()).path().equals("Engineering/Loose flag"));
        idle();
        assertEquals(2, proxy.throttled().size(), proxy.throttled().toString());
        assertTrue(shown.contains("Rate limited: next request in 1 s"), "the countdown showed: " + shown);
        waitFx("the countdown is over", () -> wait.getText().isEmpty());
        waitUntil("the status says it is done", () -> status().endsWith("— done."));
        assertTrue(item("Engineering/Loose flag").isPresent());
    }
}
