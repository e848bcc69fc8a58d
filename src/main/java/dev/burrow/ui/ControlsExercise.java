package dev.burrow.ui;

import javafx.animation.PauseTransition;
import javafx.application.Platform;
import javafx.util.Duration;

/**
 * For the packaging check (jlink/check-dist.sh): with {@code -Dburrow.exerciseControls=true} the
 * window drives each ControlsFX control it uses (the path bar, the clearable search field and
 * its completion popup, the undo note), prints {@code controls-exercised: …} and quits. An
 * image missing a module export fails here with an IllegalAccessError on stderr.
 */
final class ControlsExercise {

    static final String PROPERTY = "burrow.exerciseControls";

    private ControlsExercise() {
    }

    static boolean wanted() {
        return Boolean.getBoolean(PROPERTY);
    }

    static void run(MainWindow window) {
        PauseTransition later = new PauseTransition(Duration.seconds(3));
        later.setOnFinished(e -> {
            PathBar bar = new PathBar(path -> { });
            bar.show("Marketing/Campaigns/Launch");
            window.getChildren().add(bar);
            window.searchField().requestFocus();
            window.searchField().setText("type:ins");
            org.controlsfx.control.Notifications.create().text("Exercising the note").owner(window.getScene().getWindow())
                    .hideAfter(Duration.seconds(1)).show();
            PauseTransition quit = new PauseTransition(Duration.seconds(2));
            quit.setOnFinished(q -> {
                boolean popup = javafx.stage.Window.getWindows().stream().anyMatch(w -> w.isShowing()
                        && w.getScene() != null && w.getScene().getRoot().lookup(".auto-complete-popup") != null
                        || w.isShowing() && w.getClass().getSimpleName().contains("AutoComplete"));
                System.out.println("controls-exercised: breadcrumb, clearable field, auto-completion"
                        + (popup ? " (popup shown)" : " (no popup)") + ", notifications");
                System.out.flush();
                Platform.exit();
            });
            quit.play();
        });
        later.play();
    }
}
