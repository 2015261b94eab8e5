package io.supplytwin.sim.plot;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Path2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.imageio.ImageIO;

/** A small line chart drawn with Java2D: axes with ticks, labels, a legend; NaN values leave gaps. */
public final class LineChart {
    private static final Color[] PALETTE = {new Color(0xC0392B), new Color(0x2471A3), new Color(0x229954), new Color(0x7D3C98)};
    private static final int WIDTH = 900;
    private static final int HEIGHT = 500;
    private static final int LEFT = 95;
    private static final int RIGHT = 30;
    private static final int TOP = 50;
    private static final int BOTTOM = 60;

    private record Series(String name, double[] ys) {
    }

    private final String title;
    private final String xLabel;
    private final String yLabel;
    private final List<Series> series = new ArrayList<>();

    public LineChart(String title, String xLabel, String yLabel) {
        this.title = title;
        this.xLabel = xLabel;
        this.yLabel = yLabel;
    }

    /** A series with one value per x = 0, 1, 2, …. */
    public LineChart add(String name, double[] ys) {
        series.add(new Series(name, ys.clone()));
        return this;
    }

    public void write(Path png) throws IOException {
        BufferedImage image = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, WIDTH, HEIGHT);
        double xMax = 1;
        double yMin = Double.POSITIVE_INFINITY;
        double yMax = Double.NEGATIVE_INFINITY;
        for (Series s : series) {
            xMax = Math.max(xMax, s.ys.length - 1);
            for (double y : s.ys) {
                if (Double.isFinite(y)) {
                    yMin = Math.min(yMin, y);
                    yMax = Math.max(yMax, y);
                }
            }
        }
        if (!Double.isFinite(yMin)) {
            yMin = 0;
            yMax = 1;
        }
        yMin = Math.min(0, yMin);
        if (yMax - yMin < 1e-9) {
            yMax = yMin + 1;
        }
        yMax += (yMax - yMin) * 0.05;
        int plotW = WIDTH - LEFT - RIGHT;
        int plotH = HEIGHT - TOP - BOTTOM;
        g.setColor(Color.BLACK);
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 16));
        g.drawString(title, LEFT, 30);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
        g.drawLine(LEFT, TOP + plotH, LEFT + plotW, TOP + plotH);
        g.drawLine(LEFT, TOP, LEFT, TOP + plotH);
        for (int i = 0; i <= 5; i++) {
            double yv = yMin + (yMax - yMin) * i / 5;
            int y = TOP + plotH - (int) (plotH * i / 5.0);
            g.setColor(new Color(0xE5E5E5));
            g.drawLine(LEFT + 1, y, LEFT + plotW, y);
            g.setColor(Color.BLACK);
            g.drawString(String.format(Locale.ROOT, "%.3g", yv), 34, y + 4);
            double xv = xMax * i / 5;
            int x = LEFT + (int) (plotW * i / 5.0);
            g.drawLine(x, TOP + plotH, x, TOP + plotH + 5);
            g.drawString(String.format(Locale.ROOT, "%.0f", xv), x - 8, TOP + plotH + 20);
        }
        g.drawString(xLabel, LEFT + plotW / 2 - 40, HEIGHT - 15);
        Graphics2D rotated = (Graphics2D) g.create();
        rotated.rotate(-Math.PI / 2);
        rotated.drawString(yLabel, -(TOP + plotH / 2 + 60), 18);
        rotated.dispose();
        g.setStroke(new BasicStroke(2f));
        for (int k = 0; k < series.size(); k++) {
            Series s = series.get(k);
            g.setColor(PALETTE[k % PALETTE.length]);
            Path2D path = new Path2D.Double();
            boolean pen = false;
            for (int i = 0; i < s.ys.length; i++) {
                if (!Double.isFinite(s.ys[i])) {
                    pen = false;
                    continue;
                }
                double x = LEFT + plotW * i / xMax;
                double y = TOP + plotH - plotH * (s.ys[i] - yMin) / (yMax - yMin);
                // a dot per value, so days with a single decision between gaps still show
                g.fillOval((int) x - 2, (int) y - 2, 5, 5);
                if (pen) {
                    path.lineTo(x, y);
                } else {
                    path.moveTo(x, y);
                    pen = true;
                }
            }
            g.draw(path);
            int ly = TOP + 10 + 18 * k;
            g.drawLine(LEFT + plotW - 170, ly, LEFT + plotW - 145, ly);
            g.setColor(Color.BLACK);
            g.drawString(s.name, LEFT + plotW - 140, ly + 4);
        }
        g.dispose();
        ImageIO.write(image, "png", png.toFile());
    }
}
