package dev.burrow.startprobe;

import javafx.application.Application;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import javafx.stage.WindowEvent;

/**
 * A window with one label, the same size as Burrow's. Prints {@code shown-at-ms: <epoch ms>} when
 * it shows, as Burrow does with {@code -Dburrow.printShownTime=true}; jlink/check-dist.sh
 * compares the two.
 */
public final class MinimalWindow extends Application {

    public static void main(String[] args) {
        launch(args);
    }

    @Override
    public void start(Stage stage) {
        stage.addEventHandler(WindowEvent.WINDOW_SHOWN,
                e -> System.out.println("shown-at-ms: " + System.currentTimeMillis()));
        stage.setTitle("Minimal window");
        stage.setScene(new Scene(new StackPane(new Label("Minimal window")), 1280, 800));
        stage.show();
    }
}
