package io.supplytwin.ml.forecast;

import io.supplytwin.ml.explain.Contribution;
import io.supplytwin.ml.explain.Explanation;
import io.supplytwin.ml.feature.ForecastFeatures;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/** The baseline: every day of the horizon gets the mean demand of the last 7 days. Nothing to train or save. */
public final class MovingAverageForecaster implements Forecaster {
    public static final String NAME = "moving-average-7";
    static final int DAYS = 7;

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public double[][] forecast(List<double[]> windows) {
        double[][] out = new double[windows.size()][];
        for (int i = 0; i < out.length; i++) {
            double[] w = windows.get(i);
            double sum = 0;
            for (int r = ForecastFeatures.WINDOW - DAYS; r < ForecastFeatures.WINDOW; r++) {
                sum += w[r * ForecastFeatures.WIDTH];
            }
            out[i] = new double[ForecastFeatures.HORIZON];
            Arrays.fill(out[i], sum / DAYS);
        }
        return out;
    }

    @Override
    public boolean exactExplanation() {
        return true;
    }

    @Override
    public Explanation explain(double[] window) {
        return new Explanation(forecast(window)[0], List.of(new Contribution("demand", 0)), true);
    }

    @Override
    public void save(Path dir) {
    }
}
