package dev.burrow.bench;

import java.lang.instrument.Instrumentation;
import javafx.application.Platform;
import javafx.collections.ListChangeListener;
import javafx.stage.Window;
import javafx.stage.WindowEvent;

/**
 * A Java agent for #7: waits for the JavaFX toolkit of the program it rides on, prints
 * {@code BENCH-SHOWN} when the first window is shown, and ends the process at once.
 */
public final class StartProbe {

    private StartProbe() {
    }

    public static void premain(String args, Instrumentation inst) {
        Thread t = new Thread(StartProbe::await, "bench-start-probe");
        t.setDaemon(true);
        t.start();
    }

    private static void await() {
        while (true) {
            try {
                Platform.runLater(StartProbe::hook);
                return;
            } catch (IllegalStateException notYet) {
                try {
                    Thread.sleep(2);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }
    }

    private static void hook() {
        for (Window w : Window.getWindows()) {
            watch(w);
        }
        Window.getWindows().addListener((ListChangeListener<Window>) c -> {
            while (c.next()) {
                for (Window w : c.getAddedSubList()) {
                    watch(w);
                }
            }
        });
    }

    private static void watch(Window w) {
        if (w.isShowing()) {
            shown();
        } else {
            w.addEventHandler(WindowEvent.WINDOW_SHOWN, e -> shown());
        }
    }

    private static void shown() {
        System.out.println("BENCH-SHOWN");
        System.out.flush();
        Runtime.getRuntime().halt(0);
    }
}
