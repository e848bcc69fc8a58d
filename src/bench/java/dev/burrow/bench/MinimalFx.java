package dev.burrow.bench;

import javafx.application.Application;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;

/** #7's baseline: the smallest JavaFX window, launched like Burrow's own {@code Main}. */
public final class MinimalFx {

    private MinimalFx() {
    }

    public static void main(String[] args) {
        Application.launch(App.class, args);
    }

    /** The window. */
    public static final class App extends Application {
        @Override
        public void start(Stage stage) {
            stage.setTitle("Minimal");
            stage.setScene(new Scene(new StackPane(new Label("Hello")), 1280, 800));
            stage.show();
        }
    }
}
