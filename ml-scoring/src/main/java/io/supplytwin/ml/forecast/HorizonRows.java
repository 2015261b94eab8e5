package io.supplytwin.ml.forecast;

import io.supplytwin.ml.boost.TreeModel;
import io.supplytwin.ml.explain.Contribution;
import io.supplytwin.ml.explain.Explanation;
import io.supplytwin.ml.feature.ForecastFeatures;
import java.util.ArrayList;
import java.util.List;

/**
 * One tree model for all 7 days of the horizon: each input becomes 7 rows, its columns plus the day of the horizon
 * (0..1). Shared by the XGBoost forecaster (columns: the scaled window) and the hybrids (columns: the network's hidden
 * state).
 */
final class HorizonRows {
    static final String HORIZON_FEATURE = "horizon_day";
    private static final int H = ForecastFeatures.HORIZON;

    private HorizonRows() {
    }

    /** {@code inputs} holds {@code n} rows of {@code width} values; the result n·7 rows of width + 1. */
    static float[] expand(float[] inputs, int width) {
        int n = inputs.length / width;
        float[] rows = new float[n * H * (width + 1)];
        for (int i = 0; i < n; i++) {
            for (int k = 0; k < H; k++) {
                int o = (i * H + k) * (width + 1);
                System.arraycopy(inputs, i * width, rows, o, width);
                rows[o + width] = k / (float) (H - 1);
            }
        }
        return rows;
    }

    /** Scaled targets, 7 per window, in the order of {@link #expand}. */
    static float[] labels(List<double[]> targets, WindowScaling scaling) {
        float[] labels = new float[targets.size() * H];
        for (int i = 0; i < targets.size(); i++) {
            for (int k = 0; k < H; k++) {
                labels[i * H + k] = scaling.scaledTarget(targets.get(i)[k]);
            }
        }
        return labels;
    }

    static TreeModel train(float[] inputs, int width, List<double[]> targets, WindowScaling scaling,
                           BoostSettings boost, long seed) {
        return TreeModel.train(expand(inputs, width), width + 1, labels(targets, scaling), false, boost.rounds(),
                boost.depth(), boost.eta(), seed);
    }

    static double[][] predict(TreeModel model, float[] inputs, int width, WindowScaling scaling) {
        float[] flat = model.predict(expand(inputs, width));
        double[][] out = new double[flat.length / H][H];
        for (int i = 0; i < out.length; i++) {
            for (int k = 0; k < H; k++) {
                out[i][k] = Math.max(0, scaling.demand(flat[i * H + k]));
            }
        }
        return out;
    }

    /**
     * TreeSHAP of the mean of the 7 (unclipped) forecasts of one input, in demand units; columns are grouped by
     * {@code group[column]} into {@code names}.
     */
    static Explanation explain(TreeModel model, float[] input, int[] group, List<String> names, WindowScaling scaling) {
        int width = input.length;
        float[][] contrib = model.contributions(expand(input, width));
        double[] phi = new double[names.size() + 1];
        double bias = 0;
        for (float[] row : contrib) {
            for (int j = 0; j < width; j++) {
                phi[group[j]] += row[j];
            }
            phi[names.size()] += row[width];
            bias += row[width + 1];
        }
        double range = scaling.demandRange();
        List<Contribution> out = new ArrayList<>();
        for (int g = 0; g < names.size(); g++) {
            out.add(new Contribution(names.get(g), phi[g] / H * range));
        }
        out.add(new Contribution(HORIZON_FEATURE, phi[names.size()] / H * range));
        return new Explanation(scaling.demand(bias / H), out, true);
    }
}
