package dev.burrow.server.render;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import javax.imageio.ImageIO;

/**
 * PNG images of insights and dashboards at PostHog's export scale: layouts in CSS pixels
 * drawn at a device scale factor of 2. An insight is 800 CSS px wide (a bold number 600), a
 * dashboard 1920; nothing is taller than 5000 CSS px.
 */
public final class PngRenderer {

    public static final int SCALE = 2;
    public static final int INSIGHT_WIDTH = 800;
    public static final int NUMBER_WIDTH = 600;
    public static final int DASHBOARD_WIDTH = 1920;
    public static final int MAX_HEIGHT = 5000;
    static final int CHART_HEIGHT = 400;
    static final int TILE_HEIGHT = 420;
    static final int GAP = 16;
    static final int HEADER = 80;
    static final Color PAGE = new Color(0xF3F4F0);

    private PngRenderer() {
    }

    /** The CSS size of an insight's image: its card height follows the legend. */
    public static java.awt.Dimension insightSize(InsightData insight) {
        int width = insight.isBoldNumber() ? NUMBER_WIDTH : INSIGHT_WIDTH;
        int height;
        Graphics2D probe = new BufferedImage(1, 1, BufferedImage.TYPE_INT_RGB).createGraphics();
        try {
            int legend = ChartPainter.legendHeight(probe, insight, width - 2 * GAP);
            height = insight.isBoldNumber() ? 320 : ChartPainter.TITLE_HEIGHT + CHART_HEIGHT + legend + 12 + 2 * GAP;
        } finally {
            probe.dispose();
        }
        return new java.awt.Dimension(width, Math.min(MAX_HEIGHT, height));
    }

    public static byte[] insight(InsightData insight) {
        java.awt.Dimension size = insightSize(insight);
        BufferedImage image = canvas(size.width, size.height);
        Graphics2D g = graphics(image);
        try {
            g.setColor(PAGE);
            g.fillRect(0, 0, size.width, size.height);
            ChartPainter.paint(g, insight, GAP, GAP, size.width - 2 * GAP, size.height - 2 * GAP, true);
        } finally {
            g.dispose();
        }
        return encode(image);
    }

    /** The CSS height of a dashboard of {@code tiles} insights, two tiles a row. */
    public static int dashboardHeight(int tiles) {
        int rows = (tiles + 1) / 2;
        int height = HEADER + Math.max(1, rows) * (TILE_HEIGHT + GAP) + GAP;
        return Math.min(MAX_HEIGHT, height);
    }

    public static byte[] dashboard(String name, String description, List<InsightData> tiles) {
        int width = DASHBOARD_WIDTH;
        int height = dashboardHeight(tiles.size());
        BufferedImage image = canvas(width, height);
        Graphics2D g = graphics(image);
        try {
            g.setColor(PAGE);
            g.fillRect(0, 0, width, height);
            g.setColor(ChartPainter.TEXT);
            g.setFont(new Font(ChartPainter.FONT, Font.BOLD, 28));
            g.drawString(ChartPainter.fit(g, name == null || name.isBlank() ? "Untitled dashboard" : name,
                    width - 2 * GAP), GAP + 8, 44);
            if (description != null && !description.isBlank()) {
                g.setColor(ChartPainter.MUTED);
                g.setFont(new Font(ChartPainter.FONT, Font.PLAIN, 14));
                g.drawString(ChartPainter.fit(g, description, width - 2 * GAP), GAP + 8, 68);
            }
            if (tiles.isEmpty()) {
                g.setColor(ChartPainter.MUTED);
                g.setFont(new Font(ChartPainter.FONT, Font.PLAIN, 16));
                ChartPainter.centre(g, "This dashboard has no insights.", width / 2, HEADER + TILE_HEIGHT / 2);
            }
            int tileW = (width - 3 * GAP) / 2;
            for (int i = 0; i < tiles.size(); i++) {
                int tx = GAP + (i % 2) * (tileW + GAP);
                int ty = HEADER + (i / 2) * (TILE_HEIGHT + GAP);
                if (ty + TILE_HEIGHT > height) {
                    break;
                }
                ChartPainter.paint(g, tiles.get(i), tx, ty, tileW, TILE_HEIGHT, true);
            }
        } finally {
            g.dispose();
        }
        return encode(image);
    }

    private static BufferedImage canvas(int cssWidth, int cssHeight) {
        return new BufferedImage(cssWidth * SCALE, cssHeight * SCALE, BufferedImage.TYPE_INT_RGB);
    }

    private static Graphics2D graphics(BufferedImage image) {
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
        g.scale(SCALE, SCALE);
        return g;
    }

    private static byte[] encode(BufferedImage image) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
