package dev.burrow.ui;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Iterator;
import javafx.scene.image.Image;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

/**
 * Reads a preview picture no larger than it is shown. A dashboard's PNG can be 3,840 × 10,000
 * pixels (150 MB decoded) for a box of 720 × 420: decoded whole it needed that much heap, next to
 * the index. Here the rows are read one by one and only every n-th pixel of every n-th row is
 * kept, so the memory used is that of the small picture. Blocking: call it off the FX thread.
 */
final class PreviewImages {

    private PreviewImages() {
    }

    /** The picture in {@code png}, subsampled to fit in {@code maxWidth} × {@code maxHeight} pixels. */
    static Image read(Path png, int maxWidth, int maxHeight) throws IOException {
        try (ImageInputStream in = ImageIO.createImageInputStream(png.toFile())) {
            Iterator<ImageReader> readers = in == null ? null : ImageIO.getImageReaders(in);
            if (readers == null || !readers.hasNext()) {
                throw new IOException("The preview is not a picture Burrow can read.");
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(in, true, true);
                int step = step(reader.getWidth(0), reader.getHeight(0), maxWidth, maxHeight);
                ImageReadParam param = reader.getDefaultReadParam();
                param.setSourceSubsampling(step, step, 0, 0);
                return toFx(reader.read(0, param));
            } finally {
                reader.dispose();
            }
        }
    }

    /** The smallest whole step that brings {@code width} × {@code height} inside the bounds. */
    static int step(int width, int height, int maxWidth, int maxHeight) {
        int across = (width + maxWidth - 1) / Math.max(1, maxWidth);
        int down = (height + maxHeight - 1) / Math.max(1, maxHeight);
        return Math.max(1, Math.max(across, down));
    }

    private static Image toFx(BufferedImage picture) {
        int w = picture.getWidth();
        int h = picture.getHeight();
        int[] argb = picture.getRGB(0, 0, w, h, null, 0, w);
        WritableImage out = new WritableImage(w, h);
        out.getPixelWriter().setPixels(0, 0, w, h, PixelFormat.getIntArgbInstance(), argb, 0, w);
        return out;
    }
}
