package io.supplytwin.ml.experiment;

import java.util.List;
import java.util.Map;

/**
 * Everything an ordering experiment measured.
 *
 * @param runs         per policy (in the order run), one entry per seed
 * @param kinds        per policy: "neural", "neural + trees", "trees" or "classical"
 * @param shapFeatures the features of {@code shap}
 * @param shap         per layer (index 0 = retailer), the XGBoost forecaster's mean |SHAP| per feature, averaged over
 *                     the runs; empty when XGBoost was not run
 * @param seconds      wall-clock time of the whole experiment
 */
public record ExperimentResult(ExperimentSettings settings, Map<String, List<PolicyRun>> runs,
                               Map<String, String> kinds,
                               List<String> shapFeatures, List<double[]> shap, double seconds) {
}
