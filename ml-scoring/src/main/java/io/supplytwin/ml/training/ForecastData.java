package io.supplytwin.ml.training;

import io.supplytwin.ml.feature.DayObservation;
import io.supplytwin.ml.feature.ForecastFeatures;
import io.supplytwin.ml.feature.WindowSet;
import io.supplytwin.ml.history.SeedDemandChain;
import java.util.ArrayList;
import java.util.List;

/**
 * Forecast training data: windows of seed 000's chain (every layer, several runs), split by day into training
 * windows (whose targets end before the split) and held-out windows (starting at the split).
 */
public record ForecastData(WindowSet training, WindowSet heldOut, WindowSet heldOutRetailer) {
    /** Seed 000 trains on 20 % of 1095 days; we keep days from 730 on for evaluation and train on what comes before. */
    public static final long SPLIT_DAY = 730;

    public static ForecastData generated(long seed, int runs, int days) {
        List<List<DayObservation>> series = new ArrayList<>();
        for (int r = 0; r < runs; r++) {
            series.addAll(SeedDemandChain.generate(seed + r, days));
        }
        return of(series, Math.min(SPLIT_DAY, days * 2L / 3), SeedDemandChain.LAYERS);
    }

    /**
     * From histories split at {@code split}; every {@code layers}-th series (the first of each run) also counts for
     * the retailer-only figures.
     */
    public static ForecastData of(List<List<DayObservation>> series, long split, int layers) {
        WindowSet train = new WindowSet(List.of(), List.of(), List.of());
        WindowSet test = train;
        WindowSet retail = train;
        for (int s = 0; s < series.size(); s++) {
            WindowSet all = ForecastFeatures.trainingSet(series.get(s));
            train = train.plus(all.split(split - ForecastFeatures.HORIZON, true));
            WindowSet held = all.split(split, false);
            test = test.plus(held);
            if (s % layers == 0) {
                retail = retail.plus(held);
            }
        }
        return new ForecastData(train, test, retail);
    }

    /** Mean absolute error over every day of the horizon. */
    public static double mae(double[][] forecasts, List<double[]> targets) {
        double sum = 0;
        int n = 0;
        for (int i = 0; i < forecasts.length; i++) {
            for (int k = 0; k < forecasts[i].length; k++) {
                sum += Math.abs(forecasts[i][k] - targets.get(i)[k]);
                n++;
            }
        }
        return n == 0 ? Double.NaN : sum / n;
    }
}
