package io.supplytwin.ml.training;

import java.util.Map;

/**
 * {@code metrics.json} of a model version: what was trained on what, and how well it did on held-out data.
 *
 * @param forecastMae        validation MAE (units/day, every day of the 7-day horizon) per forecaster, every layer
 * @param forecastMaeRetailer the same on the retailer layer only (seed 000's consumer demand)
 * @param riskAuc            validation AUC of each enterprise risk classifier
 * @param trainSeconds       wall time per model
 */
public record TrainingReport(String source, int trainingWindows, int validationWindows,
                             Map<String, Double> forecastMae, Map<String, Double> forecastMaeRetailer,
                             String servingForecaster, int riskTrainingWindows, double riskPositiveShare,
                             Map<String, Double> riskAuc, String riskModel, double equipmentAuc,
                             double equipmentPositiveShare, Map<String, Double> trainSeconds) {
    public static final String FILE = "metrics.json";
}
