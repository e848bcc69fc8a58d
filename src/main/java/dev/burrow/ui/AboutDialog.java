package dev.burrow.ui;

import javafx.scene.control.Alert;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

/** Version, and the licenses of the libraries bundled with Burrow. */
final class AboutDialog {

    /** Burrow's NOTICE, as built into the jar: every bundled component and its licence. */
    static final String LICENSES = bundledNotice();

    private AboutDialog() {
    }

    private static String bundledNotice() {
        try (java.io.InputStream in = AboutDialog.class.getResourceAsStream("/dev/burrow/NOTICE")) {
            if (in != null) {
                return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            }
        } catch (java.io.IOException e) {
            // fall through to the pointer below
        }
        return "Burrow is licensed under the Apache License 2.0. The bundled libraries and their licences"
                + " are listed in the NOTICE file of Burrow's package.";
    }

    static void show(Window owner, String version) {
        Alert a = new Alert(Alert.AlertType.INFORMATION, "", ButtonType.CLOSE);
        if (owner != null) {
            a.initOwner(owner);
        }
        a.setTitle("About Burrow");
        a.setHeaderText("Burrow " + version);
        Label what = new Label("A desktop file browser for PostHog's project tree, with a local workspace."
                + " Licensed under the Apache License 2.0. Bundled libraries and their licenses:");
        what.setWrapText(true);
        TextArea licenses = new TextArea(LICENSES);
        licenses.setId("licenses");
        licenses.setEditable(false);
        licenses.setWrapText(false); // the notice is laid out in 78 columns
        licenses.setPrefRowCount(14);
        a.getDialogPane().setContent(new VBox(10, what, licenses));
        a.getDialogPane().setPrefWidth(720);
        a.show();
    }
}
