package io.supplytwin.platform.plot;

import java.awt.BasicStroke;
import java.awt.Color;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Box plots drawn with Java2D, one box per group: quartiles (linear interpolation), median line, whiskers to the
 * furthest values within 1.5 × IQR of the box, values beyond them as dots (Tukey's convention). Non-finite values are
 * left out.
 */
public final class BoxChart {

    private record Group(String name, double[] values) {
    }

    private final String title;
    private final String xLabel;
    private final String yLabel;
    private final List<Group> groups = new ArrayList<>();

    public BoxChart(String title, String xLabel, String yLabel) {
        this.title = title;
        this.xLabel = xLabel;
        this.yLabel = yLabel;
    }

    public BoxChart add(String name, double[] values) {
        groups.add(new Group(name, Arrays.stream(values).filter(Double::isFinite).sorted().toArray()));
        return this;
    }

    /** The q-quantile of sorted values, linear between order statistics (R's type 7). */
    static double quantile(double[] sorted, double q) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        double h = (sorted.length - 1) * q;
        int lo = (int) Math.floor(h);
        int hi = Math.min(sorted.length - 1, lo + 1);
        return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
    }

    public void write(Path png) throws IOException {
        double[] range = PlotArea.range(groups.stream().map(Group::values).toArray(double[][]::new));
        PlotArea area = new PlotArea(title, xLabel, yLabel, range[0], range[1]);
        double slot = PlotArea.PLOT_W / (double) Math.max(1, groups.size());
        double half = Math.min(40, slot * 0.3);
        area.g.setStroke(new BasicStroke(1.5f));
        for (int k = 0; k < groups.size(); k++) {
            Group grp = groups.get(k);
            double mid = PlotArea.LEFT + slot * (k + 0.5);
            area.xTick(mid, grp.name);
            double[] v = grp.values;
            if (v.length == 0) {
                continue;
            }
            double q1 = quantile(v, 0.25);
            double q2 = quantile(v, 0.5);
            double q3 = quantile(v, 0.75);
            double fence = 1.5 * (q3 - q1);
            double lowWhisker = q1;
            double highWhisker = q3;
            for (double x : v) {
                if (x >= q1 - fence) {
                    lowWhisker = Math.min(lowWhisker, x);
                }
                if (x <= q3 + fence) {
                    highWhisker = Math.max(highWhisker, x);
                }
            }
            Color colour = PlotArea.PALETTE[k % PlotArea.PALETTE.length];
            int top = (int) area.y(q3);
            int bottom = (int) area.y(q1);
            area.g.setColor(new Color(colour.getRed(), colour.getGreen(), colour.getBlue(), 90));
            area.g.fillRect((int) (mid - half), top, (int) (2 * half), Math.max(1, bottom - top));
            area.g.setColor(colour);
            area.g.drawRect((int) (mid - half), top, (int) (2 * half), Math.max(1, bottom - top));
            area.g.setColor(Color.BLACK);
            int median = (int) area.y(q2);
            area.g.drawLine((int) (mid - half), median, (int) (mid + half), median);
            area.g.drawLine((int) mid, top, (int) mid, (int) area.y(highWhisker));
            area.g.drawLine((int) mid, bottom, (int) mid, (int) area.y(lowWhisker));
            area.g.drawLine((int) (mid - half / 2), (int) area.y(highWhisker), (int) (mid + half / 2),
                    (int) area.y(highWhisker));
            area.g.drawLine((int) (mid - half / 2), (int) area.y(lowWhisker), (int) (mid + half / 2),
                    (int) area.y(lowWhisker));
            area.g.setColor(colour);
            for (double x : v) {
                if (x < lowWhisker || x > highWhisker) {
                    area.g.fillOval((int) mid - 3, (int) area.y(x) - 3, 7, 7);
                }
            }
        }
        area.write(png);
    }
}
