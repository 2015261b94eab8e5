package io.supplytwin.ml.explain;

/** One feature's SHAP value for a prediction, in the prediction's unit. */
public record Contribution(String feature, double value) {
}
