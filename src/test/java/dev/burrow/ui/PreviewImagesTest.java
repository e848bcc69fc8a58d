package dev.burrow.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javafx.scene.image.Image;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A preview is read no larger than its box, with its picture intact; what is not a picture is said. */
class PreviewImagesTest {

    @TempDir
    Path dir;

    @Test
    void aDashboardSizedPngIsReadSmallWithItsColoursInPlace() throws Exception {
        // a tall dashboard: red top half, blue bottom half
        BufferedImage big = new BufferedImage(3840, 10_000, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = big.createGraphics();
        g.setColor(Color.RED);
        g.fillRect(0, 0, 3840, 5000);
        g.setColor(Color.BLUE);
        g.fillRect(0, 5000, 3840, 5000);
        g.dispose();
        Path png = dir.resolve("dashboard.png");
        ImageIO.write(big, "png", png.toFile());
        big = null;

        Image read = PreviewImages.read(png, 1440, 840);

        assertTrue(read.getWidth() <= 1440 && read.getHeight() <= 840, read.getWidth() + "×" + read.getHeight());
        assertEquals(3840 / 12, (int) read.getWidth()); // every 12th pixel of every 12th row
        assertEquals(0xFFFF0000, read.getPixelReader().getArgb(10, 10));
        assertEquals(0xFF0000FF, read.getPixelReader().getArgb(10, (int) read.getHeight() - 10));
    }

    @Test
    void aSmallPictureIsReadAsItIs() throws Exception {
        BufferedImage small = new BufferedImage(300, 200, BufferedImage.TYPE_INT_RGB);
        Path png = dir.resolve("insight.png");
        ImageIO.write(small, "png", png.toFile());

        Image read = PreviewImages.read(png, 1440, 840);

        assertEquals(300, (int) read.getWidth());
        assertEquals(200, (int) read.getHeight());
    }

    @Test
    void stepsFitTheLongerSide() {
        assertEquals(1, PreviewImages.step(1440, 840, 1440, 840));
        assertEquals(2, PreviewImages.step(1441, 100, 1440, 840));
        assertEquals(12, PreviewImages.step(3840, 10_000, 1440, 840));
    }

    @Test
    void somethingElseIsAClearError() throws Exception {
        Path text = Files.writeString(dir.resolve("not.png"), "not a picture");
        IOException e = assertThrows(IOException.class, () -> PreviewImages.read(text, 100, 100));
        assertEquals("The preview is not a picture Burrow can read.", e.getMessage());
    }
}
