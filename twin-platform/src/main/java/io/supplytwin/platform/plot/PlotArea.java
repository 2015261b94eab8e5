package io.supplytwin.platform.plot;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;
import javax.imageio.ImageIO;

/**
 * The frame every chart here shares: a white 900 × 500 image, a title, a y axis with five gridlines and the axis
 * labels. The y range always includes 0 and gets 5 % headroom.
 */
final class PlotArea {
    static final Color[] PALETTE = {new Color(0xC0392B), new Color(0x2471A3), new Color(0x229954), new Color(0x7D3C98),
            new Color(0xD68910), new Color(0x17A589), new Color(0x5D6D7E), new Color(0xA93226)};
    static final int WIDTH = 900;
    static final int HEIGHT = 500;
    static final int LEFT = 95;
    static final int RIGHT = 30;
    static final int TOP = 50;
    static final int BOTTOM = 60;
    static final int PLOT_W = WIDTH - LEFT - RIGHT;
    static final int PLOT_H = HEIGHT - TOP - BOTTOM;

    final BufferedImage image = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
    final Graphics2D g = image.createGraphics();
    final double yMin;
    final double yMax;

    /** @param lo,hi the finite data range (NaN or infinite when there is none) */
    PlotArea(String title, String xLabel, String yLabel, double lo, double hi) {
        if (!Double.isFinite(lo) || !Double.isFinite(hi)) {
            lo = 0;
            hi = 1;
        }
        double min = Math.min(0, lo);
        double max = Math.max(0, hi);
        if (max - min < 1e-9) {
            max = min + 1;
        }
        double pad = (max - min) * 0.05;
        this.yMin = min < 0 ? min - pad : min;
        this.yMax = max + pad;
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, WIDTH, HEIGHT);
        g.setColor(Color.BLACK);
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 16));
        g.drawString(title, LEFT, 30);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
        g.drawLine(LEFT, TOP + PLOT_H, LEFT + PLOT_W, TOP + PLOT_H);
        g.drawLine(LEFT, TOP, LEFT, TOP + PLOT_H);
        for (int i = 0; i <= 5; i++) {
            double yv = yMin + (yMax - yMin) * i / 5;
            int y = TOP + PLOT_H - (int) (PLOT_H * i / 5.0);
            g.setColor(new Color(0xE5E5E5));
            g.drawLine(LEFT + 1, y, LEFT + PLOT_W, y);
            g.setColor(Color.BLACK);
            g.drawString(String.format(Locale.ROOT, "%.3g", yv), 34, y + 4);
        }
        if (yMin < 0) {
            int zero = (int) y(0);
            g.setColor(Color.GRAY);
            g.drawLine(LEFT, zero, LEFT + PLOT_W, zero);
            g.setColor(Color.BLACK);
        }
        g.drawString(xLabel, LEFT + PLOT_W / 2 - 40, HEIGHT - 15);
        Graphics2D rotated = (Graphics2D) g.create();
        rotated.rotate(-Math.PI / 2);
        rotated.drawString(yLabel, -(TOP + PLOT_H / 2 + 60), 18);
        rotated.dispose();
    }

    /** Pixel row of a value. */
    double y(double value) {
        return TOP + PLOT_H - PLOT_H * (value - yMin) / (yMax - yMin);
    }

    /** A legend entry (colour swatch and name) on a white ground, in the top right or top left corner. */
    void legend(int k, String name, boolean left) {
        int ly = TOP + 10 + 18 * k;
        int x = left ? LEFT + 15 : LEFT + PLOT_W - 170;
        g.setColor(Color.WHITE);
        g.fillRect(x - 4, ly - 9, 170, 18);
        g.setColor(PALETTE[k % PALETTE.length]);
        g.fillRect(x, ly - 5, 25, 10);
        g.setColor(Color.BLACK);
        g.drawString(name, x + 30, ly + 4);
    }

    /** A label centred under the x axis at pixel column x. */
    void xTick(double x, String label) {
        g.setColor(Color.BLACK);
        g.drawLine((int) x, TOP + PLOT_H, (int) x, TOP + PLOT_H + 5);
        int w = g.getFontMetrics().stringWidth(label);
        g.drawString(label, (int) x - w / 2, TOP + PLOT_H + 20);
    }

    void write(Path png) throws IOException {
        g.dispose();
        ImageIO.write(image, "png", png.toFile());
    }

    /** The finite minimum and maximum of the values, {NaN, NaN} when none is finite. */
    static double[] range(double[]... values) {
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (double[] vs : values) {
            for (double v : vs) {
                if (Double.isFinite(v)) {
                    lo = Math.min(lo, v);
                    hi = Math.max(hi, v);
                }
            }
        }
        return Double.isFinite(lo) ? new double[] {lo, hi} : new double[] {Double.NaN, Double.NaN};
    }
}
