package io.supplytwin.ml.feature;

import java.util.ArrayList;
import java.util.List;

/**
 * Features of a series of indicator snapshots (oldest first): for each indicator its last value, mean, minimum,
 * maximum and least-squares slope over the window — what the tree classifiers read — and the scaled sequence itself,
 * what the LSTM reads. Used for the enterprise risk P (daily, 30-day window) and the equipment fault risk.
 */
public final class RiskFeatures {
    public static final int WINDOW_DAYS = 30;
    static final List<String> STATS = List.of("last", "mean", "min", "max", "slope");

    private RiskFeatures() {
    }

    /** Names of {@link #summary}'s outputs for these indicators. */
    public static List<String> summaryNames(List<String> indicators) {
        List<String> names = new ArrayList<>();
        for (String id : indicators) {
            for (String s : STATS) {
                names.add(id + "_" + s);
            }
        }
        return names;
    }

    /** Raw values of the last {@code window} snapshots, row-major [window][indicators]; null when too short. */
    public static double[] sequence(List<double[]> snapshots, int end, int window) {
        if (end + 1 < window) {
            return null;
        }
        int width = snapshots.get(end).length;
        double[] seq = new double[window * width];
        for (int r = 0; r < window; r++) {
            System.arraycopy(snapshots.get(end - window + 1 + r), 0, seq, r * width, width);
        }
        return seq;
    }

    /** Rolling statistics of a sequence from {@link #sequence}. */
    public static double[] summary(double[] sequence, int width) {
        int window = sequence.length / width;
        double[] out = new double[width * STATS.size()];
        double tMean = (window - 1) / 2.0;
        for (int j = 0; j < width; j++) {
            double sum = 0;
            double lo = Double.POSITIVE_INFINITY;
            double hi = Double.NEGATIVE_INFINITY;
            for (int r = 0; r < window; r++) {
                double v = sequence[r * width + j];
                sum += v;
                lo = Math.min(lo, v);
                hi = Math.max(hi, v);
            }
            double mean = sum / window;
            double cov = 0;
            double var = 0;
            for (int r = 0; r < window; r++) {
                cov += (r - tMean) * (sequence[r * width + j] - mean);
                var += (r - tMean) * (r - tMean);
            }
            int o = j * STATS.size();
            out[o] = sequence[(window - 1) * width + j];
            out[o + 1] = mean;
            out[o + 2] = lo;
            out[o + 3] = hi;
            out[o + 4] = var > 0 ? cov / var : 0;
        }
        return out;
    }

    /** An enterprise's daily snapshots of {@link RiskIndicators#ENTERPRISE} (H from the health field). */
    public static List<double[]> enterpriseSnapshots(EntityHistory history) {
        List<double[]> rows = new ArrayList<>(history.size());
        for (DayObservation d : history.days()) {
            double[] row = new double[RiskIndicators.ENTERPRISE.size()];
            row[0] = d.health();
            for (int j = 1; j < row.length; j++) {
                row[j] = d.indicator(RiskIndicators.ENTERPRISE.get(j));
            }
            rows.add(row);
        }
        return rows;
    }
}
