package io.supplytwin.ml.artifact;

import java.util.List;

/**
 * {@code manifest.json} of a model version, written last: a version directory without it is not finished.
 *
 * @param source             what the models were trained on (generated histories and seed, or a CSV file)
 * @param trainingDataSha256 SHA-256 of every number the models were trained and validated on
 * @param servingForecaster  the forecaster the scorer uses (lowest validation MAE)
 * @param forecasters        every forecaster in the version ({@code forecast/<name>/})
 * @param riskModel          the enterprise risk classifier chosen by validation AUC ({@code risk/})
 * @param faultAlertThreshold equipment fault probability from which an alert is raised ({@code equipment/})
 */
public record Manifest(String version, String createdAt, String source, String trainingDataSha256,
                       String servingForecaster, List<String> forecasters, String riskModel,
                       double faultAlertThreshold) {
    public static final String FILE = "manifest.json";
}
