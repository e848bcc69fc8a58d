package dev.burrow.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.burrow.settings.Connections;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/** "Add a connection…" opens on an empty form, and Connect on a filled-in form saves it and connects. */
class ConnectionDialogWindowTest extends FxRobot {

    @TempDir
    Path config;
    Stage stage;
    FxTaskRunner runner;
    Connections connections;
    final List<ConnectionDialog.Choice> chosen = new CopyOnWriteArrayList<>();

    @BeforeEach
    void open() throws Exception {
        stage = FxToolkit.registerPrimaryStage();
        runner = new FxTaskRunner(1);
        connections = Connections.open(config);
        interact(() -> {
            // as the app shows it: its theme and its style sheet, which the dialog takes from its owner
            javafx.application.Application.setUserAgentStylesheet(new atlantafx.base.theme.PrimerLight()
                    .getUserAgentStylesheet());
            javafx.scene.Scene owner = new javafx.scene.Scene(new javafx.scene.layout.Pane(), 200, 100);
            owner.getStylesheets().add(java.util.Objects.requireNonNull(BurrowApp.class.getResource("burrow.css"))
                    .toExternalForm());
            stage.setScene(owner);
            new ConnectionDialog(stage, connections, runner, chosen::add).showNew();
        });
        WaitForAsyncUtils.waitForFxEvents();
    }

    @AfterEach
    void close() throws Exception {
        FxToolkit.cleanupStages();
        interact(() -> javafx.stage.Window.getWindows().stream().filter(w -> w instanceof Stage && w != stage)
                .map(w -> (Stage) w).toList().forEach(Stage::close));
        runner.close();
    }

    @Test
    void addAConnectionOpensOnAnEmptyFormReadyToType() {
        TextField name = lookup("#profile-name").queryAs(TextField.class);
        assertTrue(name.isFocused(), "the name field has the focus");
        assertFalse(name.isDisabled());
        assertEquals("", name.getText());
        assertNull(lookup("#profiles").queryListView().getSelectionModel().getSelectedItem(),
                "no saved connection is being edited");
    }

    @Test
    void connectOnAFilledInFormSavesItAndConnects() throws Exception {
        write("Team EU");
        clickOn("#profile-environment").write("4242");
        clickOn("#profile-key").write("phx_test_key_not_real");
        clickOn("#connect");

        WaitForAsyncUtils.waitFor(10, java.util.concurrent.TimeUnit.SECONDS, () -> !chosen.isEmpty());
        assertEquals("Team EU", chosen.get(0).profile().name());
        assertEquals(4242, chosen.get(0).profile().environmentId());
        assertEquals("phx_test_key_not_real", chosen.get(0).apiKey());
        assertTrue(connections.profiles().profiles().stream().anyMatch(p -> p.name().equals("Team EU")), "saved");
        assertEquals(2, connections.profiles().profiles().size(), "the local workspace and the new one");
        assertTrue(lookup("#profiles").tryQuery().isEmpty(), "the dialog closed on connecting");
        Path profiles = config.resolve(dev.burrow.settings.ProfileStore.FILE_NAME);
        assertTrue(Files.exists(profiles));
        assertFalse(Files.readString(profiles).contains("phx_test_key_not_real"), "the key is not kept with the profile");
    }

    @Test
    void connectWithoutAKeySaysWhatIsMissingAndSavesNothing() {
        write("No key");
        clickOn("#profile-environment").write("7");
        clickOn("#connect");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("Enter the personal API key.", lookup("#probe-result").queryLabeled().getText());
        assertTrue(chosen.isEmpty());
        assertEquals(1, connections.profiles().profiles().size(), "only the local workspace");
    }

    @Test
    void aLongFailureWrapsBesideTheListInsteadOfCoveringIt() throws Exception {
        write("Office server");
        interact(() -> lookup("#profile-kind").<javafx.scene.control.ComboBox<dev.burrow.settings.ProfileKind>>query()
                .setValue(dev.burrow.settings.ProfileKind.SELF_HOSTED));
        clickOn("#profile-url").eraseText(40).write("http://127.0.0.1:9");
        interact(() -> lookup(".check-box").queryAs(javafx.scene.control.CheckBox.class).setSelected(true));
        clickOn("#profile-environment").write("7");
        clickOn("#profile-key").write("phx_test_key_not_real");
        javafx.scene.control.ListView<?> profiles = lookup("#profiles").queryListView();
        double listWidth = profiles.getWidth();
        clickOn("#test-connection");

        javafx.scene.control.Label result = lookup("#probe-result").queryAs(javafx.scene.control.Label.class);
        WaitForAsyncUtils.waitFor(15, java.util.concurrent.TimeUnit.SECONDS,
                () -> result.getText().startsWith("Can't reach"));
        WaitForAsyncUtils.waitForFxEvents();
        javafx.geometry.Bounds list = profiles.localToScene(profiles.getLayoutBounds());
        javafx.geometry.Bounds name = lookup("#profile-name").query().localToScene(
                lookup("#profile-name").query().getLayoutBounds());
        javafx.geometry.Bounds said = result.localToScene(result.getLayoutBounds());
        assertEquals(listWidth, profiles.getWidth(), 0.5, "the list keeps its width");
        assertTrue(name.getMinX() >= list.getMaxX() && said.getMinX() >= list.getMaxX(),
                "the form and the message stay right of the list: " + list + " / " + name + " / " + said);
        assertTrue(said.getMaxX() <= result.getScene().getWidth(), "the message fits the window: " + said);
    }

    @Test
    void aBadAddressIsSaidWholeAndTheKeysNoteStaysWhole() throws Exception {
        write("Office server");
        interact(() -> lookup("#profile-kind").<javafx.scene.control.ComboBox<dev.burrow.settings.ProfileKind>>query()
                .setValue(dev.burrow.settings.ProfileKind.SELF_HOSTED));
        clickOn("#profile-url").eraseText(40).write("https://posthog.example.com/not a url");
        clickOn("#profile-environment").write("7");
        clickOn("#profile-key").write("phx_test_key_not_real");
        clickOn("#test-connection");

        javafx.scene.control.Label result = lookup("#probe-result").queryAs(javafx.scene.control.Label.class);
        WaitForAsyncUtils.waitFor(15, java.util.concurrent.TimeUnit.SECONDS,
                () -> result.getText().startsWith("The server address is not a valid URL"));
        WaitForAsyncUtils.waitForFxEvents();
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(result.getText(), shownText(result), "what is wrong is said to its end");
        javafx.scene.control.Label note = lookup(n -> n instanceof javafx.scene.control.Label l && l.getText() != null
                && l.getText().startsWith("Kept in ")).queryAs(javafx.scene.control.Label.class);
        assertEquals(note.getText(), shownText(note), "where the key is kept, to its end");
        assertFalse(result.getText().contains("phx_test_key_not_real"), "the key is never shown");
        javafx.scene.Node connect = lookup("#connect").query();
        // the window grows to hold the message: the buttons stay in it, below the message
        WaitForAsyncUtils.waitFor(5, java.util.concurrent.TimeUnit.SECONDS,
                () -> connect.localToScene(connect.getLayoutBounds()).getMaxY() <= connect.getScene().getHeight());
        WaitForAsyncUtils.waitForFxEvents();
        javafx.geometry.Bounds said = result.localToScene(result.getLayoutBounds());
        javafx.geometry.Bounds button = connect.localToScene(connect.getLayoutBounds());
        assertTrue(said.getMaxY() <= button.getMinY(), "the message stays above the buttons: " + said + " / " + button);
    }

    @Test
    void selfHostedStartsOnAnEmptyAddressNotOnPostHogs() {
        TextField url = lookup("#profile-url").queryAs(TextField.class);
        assertEquals("https://us.posthog.com", url.getText(), "a new connection starts on PostHog US");
        interact(() -> lookup("#profile-kind").<javafx.scene.control.ComboBox<dev.burrow.settings.ProfileKind>>query()
                .setValue(dev.burrow.settings.ProfileKind.SELF_HOSTED));
        assertEquals("", url.getText(), "the address is the person's own to type");
        assertEquals("https://posthog.example.com", url.getPromptText());
        clickOn("#profile-url").write("https://posthog.mycompany.com");
        assertEquals("https://posthog.mycompany.com", url.getText());

        interact(() -> lookup("#profile-kind").<javafx.scene.control.ComboBox<dev.burrow.settings.ProfileKind>>query()
                .setValue(dev.burrow.settings.ProfileKind.POSTHOG_EU));
        assertEquals("https://eu.posthog.com", url.getText());
        interact(() -> lookup("#profile-kind").<javafx.scene.control.ComboBox<dev.burrow.settings.ProfileKind>>query()
                .setValue(dev.burrow.settings.ProfileKind.SELF_HOSTED));
        assertEquals("", url.getText());
    }

    /** The text a label draws: its text, or what is left of it after cutting ("…"). */
    private static String shownText(javafx.scene.control.Labeled label) {
        return ((javafx.scene.text.Text) label.lookup(".text")).getText();
    }

    @Test
    void theLocalWorkspaceSaysWhereItIsNotPostHogUs() {
        interact(() -> lookup("#profiles").queryListView().getSelectionModel().select(0));
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("Local workspace", kindShown());
        TextField url = lookup("#profile-url").queryAs(TextField.class);
        assertEquals("", url.getText(), "no PostHog address for the local workspace");
        assertTrue(url.isDisabled());

        clickOn("New");
        assertEquals("PostHog US", kindShown(), "a new connection starts on PostHog US");
        assertEquals("https://us.posthog.com", url.getText());
    }

    /** What the "Where" box shows. */
    private String kindShown() {
        javafx.scene.control.ComboBox<?> kind = lookup("#profile-kind").query();
        return kind.getChildrenUnmodifiable().stream().filter(javafx.scene.control.ListCell.class::isInstance)
                .map(c -> ((javafx.scene.control.ListCell<?>) c).getText()).findFirst().orElse(null);
    }
}
