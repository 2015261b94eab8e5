package io.supplytwin.ml.forecast;

import io.supplytwin.ml.explain.Explanation;
import io.supplytwin.ml.explain.SamplingShap;
import io.supplytwin.ml.feature.ForecastFeatures;

/** Sampling SHAP of a neural forecaster's mean 7-day forecast, players = the 10 features over the whole window. */
final class NeuralExplainer {
    static final int PERMUTATIONS = 32;
    private static final SamplingShap SHAP = SamplingShap.forWindow(ForecastFeatures.NAMES, ForecastFeatures.WINDOW);

    private NeuralExplainer() {
    }

    static Explanation explain(Forecaster forecaster, double[] window, WindowScaling scaling) {
        return SHAP.explain(batch -> Forecaster.means(forecaster.forecast(batch)), window, scaling.background(),
                PERMUTATIONS, 17);
    }
}
