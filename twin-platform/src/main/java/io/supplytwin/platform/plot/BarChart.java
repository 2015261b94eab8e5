package io.supplytwin.platform.plot;

import java.awt.Color;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Grouped bars drawn with Java2D: one group per category (x axis), one bar per series in each group, optional error
 * bars (± one value per bar). NaN values draw no bar.
 */
public final class BarChart {

    private record Series(String name, double[] values, double[] errors) {
    }

    private final String title;
    private final String xLabel;
    private final String yLabel;
    private final List<String> categories;
    private final List<Series> series = new ArrayList<>();

    public BarChart(String title, String xLabel, String yLabel, List<String> categories) {
        this.title = title;
        this.xLabel = xLabel;
        this.yLabel = yLabel;
        this.categories = List.copyOf(categories);
    }

    /** One value per category. */
    public BarChart add(String name, double[] values) {
        return add(name, values, null);
    }

    /** One value and one error half-width per category (errors may be null). */
    public BarChart add(String name, double[] values, double[] errors) {
        if (values.length != categories.size() || errors != null && errors.length != values.length) {
            throw new IllegalArgumentException("series " + name + " needs one value per category (" + categories.size()
                    + ")");
        }
        series.add(new Series(name, values.clone(), errors == null ? null : errors.clone()));
        return this;
    }

    public void write(Path png) throws IOException {
        List<double[]> extents = new ArrayList<>();
        for (Series s : series) {
            double[] hi = new double[s.values.length];
            double[] lo = new double[s.values.length];
            for (int i = 0; i < hi.length; i++) {
                double e = s.errors == null || !Double.isFinite(s.errors[i]) ? 0 : Math.abs(s.errors[i]);
                hi[i] = s.values[i] + e;
                lo[i] = s.values[i] - e;
            }
            extents.add(hi);
            extents.add(lo);
        }
        double[] range = PlotArea.range(extents.toArray(double[][]::new));
        PlotArea area = new PlotArea(title, xLabel, yLabel, range[0], range[1]);
        double group = PlotArea.PLOT_W / (double) Math.max(1, categories.size());
        double bar = group * 0.8 / Math.max(1, series.size());
        for (int c = 0; c < categories.size(); c++) {
            area.xTick(PlotArea.LEFT + group * (c + 0.5), categories.get(c));
        }
        double zero = area.y(0);
        for (int k = 0; k < series.size(); k++) {
            Series s = series.get(k);
            for (int c = 0; c < categories.size(); c++) {
                double v = s.values[c];
                if (!Double.isFinite(v)) {
                    continue;
                }
                double x = PlotArea.LEFT + group * c + group * 0.1 + bar * k;
                double y = area.y(v);
                area.g.setColor(PlotArea.PALETTE[k % PlotArea.PALETTE.length]);
                area.g.fillRect((int) x, (int) Math.min(y, zero), Math.max(1, (int) bar - 1),
                        Math.max(1, (int) Math.abs(zero - y)));
                if (s.errors != null && Double.isFinite(s.errors[c]) && s.errors[c] != 0) {
                    int mid = (int) (x + bar / 2);
                    area.g.setColor(Color.BLACK);
                    int top = (int) area.y(v + Math.abs(s.errors[c]));
                    int bottom = (int) area.y(v - Math.abs(s.errors[c]));
                    area.g.drawLine(mid, top, mid, bottom);
                    area.g.drawLine(mid - 3, top, mid + 3, top);
                    area.g.drawLine(mid - 3, bottom, mid + 3, bottom);
                }
            }
            area.legend(k, s.name, false);
        }
        area.write(png);
    }
}
