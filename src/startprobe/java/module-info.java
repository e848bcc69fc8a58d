/** The yardstick for Burrow's start time: the smallest JavaFX window, built into its own image. */
module dev.burrow.startprobe {
    requires javafx.controls;

    exports dev.burrow.startprobe to javafx.graphics;
}
