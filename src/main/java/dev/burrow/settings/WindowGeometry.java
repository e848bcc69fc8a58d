package dev.burrow.settings;

/** Where the main window was, in screen coordinates, so it reopens there. */
public record WindowGeometry(double x, double y, double width, double height, boolean maximized) {

    public WindowGeometry {
        if (!(width > 0) || !(height > 0) || !Double.isFinite(width) || !Double.isFinite(height)
                || !Double.isFinite(x) || !Double.isFinite(y)) {
            throw new InvalidSettingException("A window needs a finite position and a positive size");
        }
    }
}
