package io.supplytwin.ml.forecast;

import io.supplytwin.ml.explain.Explanation;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * A 7-day demand forecaster over seed 000's 10-day feature windows ({@link io.supplytwin.ml.feature.ForecastFeatures}).
 * Inputs are raw (unscaled) windows; a forecaster scales them with the scaler saved beside it. Implementations are
 * safe to call from several threads.
 */
public interface Forecaster extends AutoCloseable {

    /** Stable name, used in artifacts and in the {@code model} field of forecast records. */
    String name();

    /** The forecasts of several windows at once. */
    double[][] forecast(List<double[]> windows);

    default double[] forecast(double[] window) {
        return forecast(List.of(window))[0];
    }

    /**
     * SHAP values of the mean of the 7-day forecast, per feature (summed over the window's days): exact TreeSHAP for
     * tree models, a sampling estimate for the others.
     */
    Explanation explain(double[] window);

    /** True when {@link #explain} is exact and cheap (TreeSHAP), so every forecast can carry its contributors. */
    default boolean exactExplanation() {
        return false;
    }

    /** Writes everything needed to {@link ForecasterKind#load} this forecaster into {@code dir}. */
    void save(Path dir) throws IOException;

    @Override
    default void close() {
    }

    /** Mean of each forecast, the scalar that explanations decompose. */
    static double[] means(double[][] forecasts) {
        double[] out = new double[forecasts.length];
        for (int i = 0; i < forecasts.length; i++) {
            double s = 0;
            for (double v : forecasts[i]) {
                s += v;
            }
            out[i] = s / forecasts[i].length;
        }
        return out;
    }
}
