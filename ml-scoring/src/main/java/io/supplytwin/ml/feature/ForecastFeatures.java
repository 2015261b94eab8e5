package io.supplytwin.ml.feature;

import java.util.ArrayList;
import java.util.List;

/**
 * Seed 000's 10-dimensional feature vector per entity and day, and the 10-day windows the forecasters read. Training
 * ({@link #trainingSet}) and scoring ({@link #latestWindow}) both go through {@link #vector}, so a model sees the
 * same numbers in the stream as it saw in training.
 *
 * <p>On day t: demand(t), orders(t−1), orders(t−2), inventory(t−1), inventory(t−2), sales(t−1), the standard
 * deviation of orders over t−5..t−1 and of demand over t−4..t, sin(2πt/90), t/1095. Orders of day t are what is being
 * decided, so they are not a feature.
 */
public final class ForecastFeatures {
    public static final List<String> NAMES = List.of("demand", "orders_t-1", "orders_t-2", "inventory_t-1",
            "inventory_t-2", "sales_t-1", "orders_std5", "demand_std5", "season_sin90", "time_norm");
    public static final int WIDTH = NAMES.size();
    public static final int WINDOW = 10;
    public static final int HORIZON = 7;
    /** Days of lag the first vector needs (two lags plus the 5-day spread of orders up to t−1). */
    static final int LAG_DAYS = 5;
    public static final int MIN_HISTORY_DAYS = WINDOW + LAG_DAYS;
    static final double SEASON_DAYS = 90;
    static final double TIME_SCALE_DAYS = 1095;

    private ForecastFeatures() {
    }

    /** The raw (unscaled) vector of day index {@code i} of {@code days}; needs {@code i ≥ 5}. */
    public static double[] vector(List<DayObservation> days, int i) {
        DayObservation today = days.get(i);
        double[] v = new double[WIDTH];
        v[0] = today.demand();
        v[1] = days.get(i - 1).orders();
        v[2] = days.get(i - 2).orders();
        v[3] = days.get(i - 1).inventory();
        v[4] = days.get(i - 2).inventory();
        v[5] = days.get(i - 1).sales();
        v[6] = std(days, i - 5, i - 1, true);
        v[7] = std(days, i - 4, i, false);
        v[8] = Math.sin(2 * Math.PI * today.day() / SEASON_DAYS);
        v[9] = today.day() / TIME_SCALE_DAYS;
        return v;
    }

    /** The window ending on day index {@code end}: WINDOW rows of WIDTH raw features, row-major. */
    public static double[] window(List<DayObservation> days, int end) {
        double[] w = new double[WINDOW * WIDTH];
        for (int r = 0; r < WINDOW; r++) {
            System.arraycopy(vector(days, end - WINDOW + 1 + r), 0, w, r * WIDTH, WIDTH);
        }
        return w;
    }

    /** The window the stream scores: the one ending on the history's last day; null when the history is too short. */
    public static double[] latestWindow(EntityHistory history) {
        if (history.size() < MIN_HISTORY_DAYS) {
            return null;
        }
        return window(history.days(), history.size() - 1);
    }

    /** Demand of the HORIZON days after day index {@code i}. */
    public static double[] target(List<DayObservation> days, int i) {
        double[] y = new double[HORIZON];
        for (int k = 0; k < HORIZON; k++) {
            y[k] = days.get(i + 1 + k).demand();
        }
        return y;
    }

    /** Every window with a full target in {@code days}; windows with a non-finite value are left out. */
    public static WindowSet trainingSet(List<DayObservation> days) {
        List<double[]> x = new ArrayList<>();
        List<double[]> y = new ArrayList<>();
        List<Long> endDays = new ArrayList<>();
        for (int i = MIN_HISTORY_DAYS - 1; i + HORIZON < days.size(); i++) {
            double[] w = window(days, i);
            double[] t = target(days, i);
            if (allFinite(w) && allFinite(t)) {
                x.add(w);
                y.add(t);
                endDays.add(days.get(i).day());
            }
        }
        return new WindowSet(x, y, endDays);
    }

    public static boolean allFinite(double[] values) {
        for (double v : values) {
            if (!Double.isFinite(v)) {
                return false;
            }
        }
        return true;
    }

    private static double std(List<DayObservation> days, int from, int to, boolean orders) {
        int n = to - from + 1;
        double sum = 0;
        double sq = 0;
        for (int j = from; j <= to; j++) {
            double v = orders ? days.get(j).orders() : days.get(j).demand();
            sum += v;
            sq += v * v;
        }
        double mean = sum / n;
        return Math.sqrt(Math.max(0, sq / n - mean * mean));
    }
}
