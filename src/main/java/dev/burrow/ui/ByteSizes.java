package dev.burrow.ui;

import java.util.Locale;

/**
 * A size as a file manager says it: "940 bytes", "9.5 KB", "168 KB", "512 MB", "1.2 GB" (units of
 * 1,024; one decimal below ten, none above). The exact byte count stays in the saved file and the
 * command line's JSON.
 */
final class ByteSizes {

    private static final String[] UNITS = {"KB", "MB", "GB", "TB"};

    private ByteSizes() {
    }

    static String human(long bytes) {
        if (bytes < 1024) {
            return bytes == 1 ? "1 byte" : String.format(Locale.ROOT, "%,d bytes", bytes);
        }
        double value = bytes;
        int unit = -1;
        while (value >= 1024 && unit < UNITS.length - 1) {
            value /= 1024;
            unit++;
        }
        // 1023.7 KB would round to "1024 KB": say the next unit instead
        if (Math.round(value) >= 1024 && unit < UNITS.length - 1) {
            value /= 1024;
            unit++;
        }
        return String.format(Locale.ROOT, value < 9.95 ? "%.1f %s" : "%.0f %s", value, UNITS[unit]);
    }
}
