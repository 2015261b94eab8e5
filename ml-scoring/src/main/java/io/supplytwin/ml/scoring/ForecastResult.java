package io.supplytwin.ml.scoring;

import io.supplytwin.ml.explain.Contribution;
import java.util.List;

/**
 * What the scorer says about one entity on one day.
 *
 * @param values           demand forecast for the next 7 days
 * @param recommendedOrder seed 000's profit-driven order for today (a multiple of 16)
 * @param p                probability of financial distress or default within 30 days; NaN when the history holds no
 *                         (finite) risk indicators for the last 30 days
 * @param topContributors  the largest SHAP contributions to the mean 7-day forecast (empty when not computed)
 * @param model            the forecaster's name
 * @param version          the model version directory the result came from
 * @param riskModel        the risk classifier's name ("" when p is NaN)
 */
public record ForecastResult(double[] values, double recommendedOrder, double p, List<Contribution> topContributors,
                             String model, String version, String riskModel) {
}
