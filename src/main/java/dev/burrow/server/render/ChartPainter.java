package dev.burrow.server.render;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.Shape;
import java.awt.geom.Path2D;
import java.awt.geom.RoundRectangle2D;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Paints one insight card in CSS pixels: title, description, then its series as a line chart,
 * a grouped bar chart or a single bold number, with axes and a legend.
 */
final class ChartPainter {

    static final Color TEXT = new Color(0x1D1F27);
    static final Color MUTED = new Color(0x5F6371);
    static final Color GRID = new Color(0xE5E7EB);
    static final Color AXIS = new Color(0x9CA3AF);
    static final Color BORDER = new Color(0xD0D5DD);
    static final Color CARD = Color.WHITE;
    static final Color[] PALETTE = {
        new Color(0x1D4AFF), new Color(0xCD0F74), new Color(0x43827E), new Color(0x621DA6), new Color(0xF04F58),
        new Color(0x7C440E), new Color(0x529A0A), new Color(0x0476FB), new Color(0xFE729E), new Color(0x35416B)
    };

    static final int TITLE_HEIGHT = 64;
    static final int LEGEND_ROW = 22;
    static final String FONT = Font.SANS_SERIF;

    private ChartPainter() {
    }

    /** The height the legend of {@code insight} needs when painted {@code width} wide. */
    static int legendHeight(Graphics2D g, InsightData insight, int width) {
        if (insight.isBoldNumber() || insight.series().isEmpty()) {
            return 0;
        }
        return legendRows(g, insight, width - 32).size() * LEGEND_ROW + 8;
    }

    /** Paints the card of {@code insight} into the rectangle (x, y, w, h). */
    static void paint(Graphics2D g, InsightData insight, int x, int y, int w, int h, boolean border) {
        Shape card = new RoundRectangle2D.Float(x, y, w, h, 12, 12);
        g.setColor(CARD);
        g.fill(card);
        if (border) {
            g.setColor(BORDER);
            g.setStroke(new BasicStroke(1f));
            g.draw(card);
        }
        g.setColor(TEXT);
        g.setFont(new Font(FONT, Font.BOLD, 18));
        g.drawString(fit(g, insight.name().isBlank() ? "Untitled insight" : insight.name(), w - 32), x + 16, y + 30);
        g.setColor(MUTED);
        g.setFont(new Font(FONT, Font.PLAIN, 12));
        String sub = insight.description().isBlank() ? kind(insight) : insight.description();
        g.drawString(fit(g, sub, w - 32), x + 16, y + 50);

        int legend = legendHeight(g, insight, w);
        int top = y + TITLE_HEIGHT;
        int bottom = y + h - 12 - legend;
        if (insight.series().isEmpty() || insight.series().stream().allMatch(s -> s.data().isEmpty())) {
            g.setColor(MUTED);
            g.setFont(new Font(FONT, Font.PLAIN, 14));
            centre(g, "There are no matching results for this query", x + w / 2, (top + bottom) / 2);
            return;
        }
        if (insight.isBoldNumber()) {
            boldNumber(g, insight, x, top, w, bottom - top);
            return;
        }
        boolean bars = "ActionsBar".equals(insight.display()) || "ActionsBarValue".equals(insight.display());
        chart(g, insight, x + 16, top, w - 32, bottom - top, bars);
        paintLegend(g, insight, x + 16, bottom + 4, w - 32);
    }

    private static String kind(InsightData insight) {
        return switch (insight.insightType()) {
            case "FUNNELS" -> "Funnel";
            case "RETENTION" -> "Retention";
            default -> "Trends";
        };
    }

    private static void boldNumber(Graphics2D g, InsightData insight, int x, int y, int w, int h) {
        InsightData.Series s = insight.series().get(0);
        double v = s.value(s.data().size() - 1);
        String text = Double.isNaN(v) ? "–" : full(v);
        int size = 72;
        g.setFont(new Font(FONT, Font.BOLD, size));
        while (size > 20 && g.getFontMetrics().stringWidth(text) > w - 48) {
            size -= 4;
            g.setFont(new Font(FONT, Font.BOLD, size));
        }
        g.setColor(TEXT);
        centre(g, text, x + w / 2, y + h / 2 - 10);
        g.setColor(MUTED);
        g.setFont(new Font(FONT, Font.PLAIN, 14));
        centre(g, fit(g, s.label(), w - 32), x + w / 2, y + h / 2 + size / 2 + 12);
        if (!s.labels().isEmpty()) {
            g.setFont(new Font(FONT, Font.PLAIN, 12));
            centre(g, fit(g, s.labels().get(s.labels().size() - 1), w - 32), x + w / 2, y + h / 2 + size / 2 + 32);
        }
    }

    private static void chart(Graphics2D g, InsightData insight, int x, int y, int w, int h, boolean bars) {
        List<InsightData.Series> series = insight.series();
        int points = series.stream().mapToInt(s -> s.data().size()).max().orElse(0);
        double max = 0;
        double min = 0;
        for (InsightData.Series s : series) {
            for (int i = 0; i < s.data().size(); i++) {
                double v = s.value(i);
                if (!Double.isNaN(v)) {
                    max = Math.max(max, v);
                    min = Math.min(min, v);
                }
            }
        }
        double step = niceStep((max - min) / 5);
        double top = Math.max(step, Math.ceil(max / step) * step);
        double bottomValue = Math.floor(min / step) * step;

        g.setFont(new Font(FONT, Font.PLAIN, 11));
        FontMetrics fm = g.getFontMetrics();
        int axisWidth = 0;
        for (double t = bottomValue; t <= top + step / 2; t += step) {
            axisWidth = Math.max(axisWidth, fm.stringWidth(compact(t)));
        }
        int left = x + axisWidth + 8;
        int plotW = w - (left - x);
        int plotTop = y + 6;
        int plotBottom = y + h - 22;
        int plotH = plotBottom - plotTop;

        for (double t = bottomValue; t <= top + step / 2; t += step) {
            int ty = plotBottom - (int) Math.round((t - bottomValue) / (top - bottomValue) * plotH);
            g.setColor(GRID);
            g.setStroke(new BasicStroke(1f));
            g.drawLine(left, ty, left + plotW, ty);
            g.setColor(MUTED);
            String label = compact(t);
            g.drawString(label, left - 6 - fm.stringWidth(label), ty + fm.getAscent() / 2 - 1);
        }
        g.setColor(AXIS);
        g.drawLine(left, plotBottom, left + plotW, plotBottom);

        List<String> labels = series.stream().filter(s -> s.data().size() == points).findFirst()
                .map(InsightData.Series::labels).orElse(List.of());
        double slot = points == 0 ? plotW : (double) plotW / points;
        int every = Math.max(1, (int) Math.ceil(points / Math.max(1.0, plotW / 90.0)));
        g.setColor(MUTED);
        for (int i = 0; i < points && i < labels.size(); i += every) {
            String label = fit(g, shortLabel(labels.get(i)), (int) Math.max(40, slot * every - 6));
            int cx = left + (int) Math.round(slot * i + slot / 2);
            centre(g, label, cx, plotBottom + 15);
        }

        java.util.function.DoubleUnaryOperator toY = v -> plotBottom - (v - bottomValue) / (top - bottomValue) * plotH;
        if (bars) {
            int n = series.size();
            double group = slot * 0.8;
            double barW = Math.max(1, group / n);
            for (int si = 0; si < n; si++) {
                InsightData.Series s = series.get(si);
                g.setColor(PALETTE[si % PALETTE.length]);
                for (int i = 0; i < s.data().size(); i++) {
                    double v = s.value(i);
                    if (Double.isNaN(v)) {
                        continue;
                    }
                    double bx = left + slot * i + (slot - group) / 2 + barW * si;
                    double y0 = toY.applyAsDouble(Math.max(0, bottomValue));
                    double y1 = toY.applyAsDouble(v);
                    g.fill(new java.awt.geom.Rectangle2D.Double(bx, Math.min(y0, y1), Math.max(1, barW - 1),
                            Math.max(1, Math.abs(y0 - y1))));
                }
            }
        } else {
            g.setStroke(new BasicStroke(2.5f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
            for (int si = 0; si < series.size(); si++) {
                InsightData.Series s = series.get(si);
                g.setColor(PALETTE[si % PALETTE.length]);
                Path2D.Double path = new Path2D.Double();
                boolean started = false;
                for (int i = 0; i < s.data().size(); i++) {
                    double v = s.value(i);
                    if (Double.isNaN(v)) {
                        started = false;
                        continue;
                    }
                    double px = left + slot * i + slot / 2;
                    double py = toY.applyAsDouble(v);
                    if (started) {
                        path.lineTo(px, py);
                    } else {
                        path.moveTo(px, py);
                        started = true;
                    }
                }
                g.draw(path);
                if (s.data().size() == 1) {
                    double py = toY.applyAsDouble(s.value(0));
                    g.fill(new java.awt.geom.Ellipse2D.Double(left + slot / 2 - 4, py - 4, 8, 8));
                }
            }
        }
    }

    private static List<List<Integer>> legendRows(Graphics2D g, InsightData insight, int width) {
        g.setFont(new Font(FONT, Font.PLAIN, 12));
        FontMetrics fm = g.getFontMetrics();
        List<List<Integer>> rows = new ArrayList<>();
        List<Integer> row = new ArrayList<>();
        int used = 0;
        for (int i = 0; i < insight.series().size(); i++) {
            int item = 12 + 6 + Math.min(fm.stringWidth(insight.series().get(i).label()), width - 24) + 18;
            if (!row.isEmpty() && used + item > width) {
                rows.add(row);
                row = new ArrayList<>();
                used = 0;
            }
            row.add(i);
            used += item;
        }
        if (!row.isEmpty()) {
            rows.add(row);
        }
        return rows;
    }

    private static void paintLegend(Graphics2D g, InsightData insight, int x, int y, int width) {
        List<List<Integer>> rows = legendRows(g, insight, width);
        FontMetrics fm = g.getFontMetrics();
        int ry = y;
        for (List<Integer> row : rows) {
            int rx = x;
            for (int i : row) {
                g.setColor(PALETTE[i % PALETTE.length]);
                g.fillRoundRect(rx, ry + 5, 12, 12, 4, 4);
                g.setColor(TEXT);
                String label = fit(g, insight.series().get(i).label(), width - 24);
                g.drawString(label, rx + 18, ry + 15);
                rx += 18 + fm.stringWidth(label) + 18;
            }
            ry += LEGEND_ROW;
        }
    }

    static void centre(Graphics2D g, String text, int cx, int baseline) {
        g.drawString(text, cx - g.getFontMetrics().stringWidth(text) / 2, baseline);
    }

    /** {@code text} cut with an ellipsis to fit {@code width}. */
    static String fit(Graphics2D g, String text, int width) {
        FontMetrics fm = g.getFontMetrics();
        if (fm.stringWidth(text) <= width) {
            return text;
        }
        String t = text;
        while (!t.isEmpty() && fm.stringWidth(t + "…") > width) {
            t = t.substring(0, t.length() - 1);
        }
        return t + "…";
    }

    /** "3-Mar-2024" → "3-Mar": the year only crowds an axis. */
    private static String shortLabel(String label) {
        return label.matches("\\d{1,2}-[A-Za-z]{3}-\\d{4}") ? label.substring(0, label.lastIndexOf('-')) : label;
    }

    static double niceStep(double raw) {
        if (!(raw > 0)) {
            return 1;
        }
        double magnitude = Math.pow(10, Math.floor(Math.log10(raw)));
        double f = raw / magnitude;
        double nice = f <= 1 ? 1 : f <= 2 ? 2 : f <= 2.5 ? 2.5 : f <= 5 ? 5 : 10;
        return Math.max(nice * magnitude, raw < 1 ? 0.1 : 1);
    }

    /** 1200 → 1.2K, 3500000 → 3.5M. */
    static String compact(double v) {
        double a = Math.abs(v);
        DecimalFormat one = new DecimalFormat("0.#", DecimalFormatSymbols.getInstance(Locale.ENGLISH));
        if (a >= 1e9) {
            return one.format(v / 1e9) + "B";
        }
        if (a >= 1e6) {
            return one.format(v / 1e6) + "M";
        }
        if (a >= 1e3) {
            return one.format(v / 1e3) + "K";
        }
        return one.format(v);
    }

    /** 1234567 → 1,234,567. */
    static String full(double v) {
        return new DecimalFormat("#,##0.##", DecimalFormatSymbols.getInstance(Locale.ENGLISH)).format(v);
    }
}
