package io.supplytwin.ml.feature;

import java.util.Arrays;
import java.util.List;

/**
 * Per-column min-max scaling to [0, 1], fitted on training rows and saved beside the model. A constant column maps
 * to 0. Rows may be flattened windows: column j of a row is feature {@code j % width}.
 */
public record MinMaxScaler(double[] min, double[] max) {

    public static MinMaxScaler fit(List<double[]> rows, int width) {
        double[] lo = new double[width];
        double[] hi = new double[width];
        Arrays.fill(lo, Double.POSITIVE_INFINITY);
        Arrays.fill(hi, Double.NEGATIVE_INFINITY);
        for (double[] row : rows) {
            for (int j = 0; j < row.length; j++) {
                lo[j % width] = Math.min(lo[j % width], row[j]);
                hi[j % width] = Math.max(hi[j % width], row[j]);
            }
        }
        return new MinMaxScaler(lo, hi);
    }

    public int width() {
        return min.length;
    }

    public double scale(int column, double value) {
        double range = max[column] - min[column];
        return range > 0 ? (value - min[column]) / range : 0;
    }

    public double unscale(int column, double scaled) {
        return min[column] + scaled * (max[column] - min[column]);
    }

    public float[] transform(double[] row) {
        float[] out = new float[row.length];
        for (int j = 0; j < row.length; j++) {
            out[j] = (float) scale(j % width(), row[j]);
        }
        return out;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof MinMaxScaler s && Arrays.equals(min, s.min) && Arrays.equals(max, s.max);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(min) + Arrays.hashCode(max);
    }

    @Override
    public String toString() {
        return "MinMaxScaler" + Arrays.toString(min) + ".." + Arrays.toString(max);
    }
}
