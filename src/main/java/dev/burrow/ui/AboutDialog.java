package dev.burrow.ui;

import javafx.scene.control.Alert;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

/** Version, and the licenses of the libraries bundled with Burrow. */
final class AboutDialog {

    static final String LICENSES = """
            OpenJDK runtime — GPL 2.0 with the Classpath Exception
            OpenJFX (JavaFX) 21 — GPL 2.0 with the Classpath Exception
            Jackson (core, annotations, databind) 2.23 — Apache License 2.0
            SQLite JDBC (xerial) 3.54 — Apache License 2.0; SQLite itself is in the public domain
            Ikonli 12.3 with the Material Design 2 and Feather icon packs — Apache License 2.0
              (Material Design icons — Apache License 2.0; Feather icons — MIT License)
            AtlantaFX 2.0 — MIT License
            """;

    private AboutDialog() {
    }

    static void show(Window owner, String version) {
        Alert a = new Alert(Alert.AlertType.INFORMATION, "", ButtonType.CLOSE);
        if (owner != null) {
            a.initOwner(owner);
        }
        a.setTitle("About Burrow");
        a.setHeaderText("Burrow " + version);
        Label what = new Label("A desktop file browser for PostHog's project tree, with a local workspace.");
        what.setWrapText(true);
        TextArea licenses = new TextArea(LICENSES);
        licenses.setId("licenses");
        licenses.setEditable(false);
        licenses.setWrapText(true);
        licenses.setPrefRowCount(8);
        a.getDialogPane().setContent(new VBox(10, what, new Label("Bundled libraries and their licenses:"),
                licenses));
        a.getDialogPane().setPrefWidth(560);
        a.show();
    }
}
