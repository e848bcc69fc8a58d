package dev.burrow.ui;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import javafx.scene.image.Image;

/** The app icon in the sizes window managers pick from; the build copies them from assets/png. */
final class WindowIcons {

    private static final int[] SIZES = {16, 24, 32, 48, 64, 128, 256};

    private WindowIcons() {
    }

    static List<Image> load() {
        List<Image> icons = new ArrayList<>(SIZES.length);
        for (int size : SIZES) {
            try (InputStream in = WindowIcons.class.getResourceAsStream("icon/burrow-" + size + ".png")) {
                if (in != null) {
                    icons.add(new Image(in));
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return icons;
    }
}
