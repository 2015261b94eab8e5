package io.supplytwin.platform.plot;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.geom.Path2D;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** A small line chart drawn with Java2D: axes with ticks, labels, a legend; NaN values leave gaps. */
public final class LineChart {

    private record Series(String name, double[] ys) {
    }

    private final String title;
    private final String xLabel;
    private final String yLabel;
    private final List<Series> series = new ArrayList<>();
    private boolean legendLeft;

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

    /** Puts the legend in the top left corner (for series that rise to the right). */
    public LineChart legendLeft() {
        legendLeft = true;
        return this;
    }

    public void write(Path png) throws IOException {
        double xMax = 1;
        for (Series s : series) {
            xMax = Math.max(xMax, s.ys.length - 1);
        }
        double[] range = PlotArea.range(series.stream().map(Series::ys).toArray(double[][]::new));
        PlotArea area = new PlotArea(title, xLabel, yLabel, range[0], range[1]);
        for (int i = 0; i <= 5; i++) {
            area.xTick(PlotArea.LEFT + PlotArea.PLOT_W * i / 5.0, String.format(Locale.ROOT, "%.0f", xMax * i / 5));
        }
        area.g.setStroke(new BasicStroke(2f));
        for (int k = 0; k < series.size(); k++) {
            Series s = series.get(k);
            Color colour = PlotArea.PALETTE[k % PlotArea.PALETTE.length];
            area.g.setColor(colour);
            Path2D path = new Path2D.Double();
            boolean pen = false;
            // a dot per value (so isolated values between gaps show) only while dots stay apart
            boolean dots = s.ys.length <= PlotArea.PLOT_W / 3;
            for (int i = 0; i < s.ys.length; i++) {
                if (!Double.isFinite(s.ys[i])) {
                    pen = false;
                    continue;
                }
                double x = PlotArea.LEFT + PlotArea.PLOT_W * i / xMax;
                double y = area.y(s.ys[i]);
                if (dots || !pen) {
                    area.g.fillOval((int) x - 2, (int) y - 2, 5, 5);
                }
                if (pen) {
                    path.lineTo(x, y);
                } else {
                    path.moveTo(x, y);
                    pen = true;
                }
            }
            area.g.draw(path);
            area.legend(k, s.name, legendLeft);
        }
        area.write(png);
    }
}
