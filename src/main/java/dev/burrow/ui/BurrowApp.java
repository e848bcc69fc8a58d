package dev.burrow.ui;

import javafx.application.Application;
import javafx.geometry.Insets;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;

/** The JavaFX application. Until the window issue lands it shows a placeholder. */
public final class BurrowApp extends Application {

    /** Starts the toolkit and blocks until the last window closes. */
    public static void launchWindow(String[] args) {
        Application.launch(BurrowApp.class, args);
    }

    @Override
    public void start(Stage stage) {
        Label label = new Label("Burrow — the project tree window is coming. Run `burrow serve` for the local server.");
        StackPane root = new StackPane(label);
        root.setPadding(new Insets(24));
        stage.setTitle("Burrow");
        stage.setScene(new Scene(root, 900, 600));
        stage.show();
    }
}
