package io.supplytwin.ml.ordering;

import io.supplytwin.ml.feature.ForecastFeatures;
import io.supplytwin.ml.forecast.Forecaster;

/**
 * Seed 000's rule driven by a forecaster: the 7-day forecast of the layer's latest feature window goes into
 * {@link OrderRule} with the given safety-stock base. Until a layer has a full window (15 days) it orders like
 * {@link SmoothedRulePolicy}.
 */
public final class ForecastRulePolicy implements OrderingPolicy {
    private final String name;
    private final Forecaster forecaster;
    private final double safetyStockBase;
    private final SmoothedRulePolicy warmUp = new SmoothedRulePolicy();

    public ForecastRulePolicy(String name, Forecaster forecaster, double safetyStockBase) {
        this.name = name;
        this.forecaster = forecaster;
        this.safetyStockBase = safetyStockBase;
    }

    @Override
    public String name() {
        return name;
    }

    public Forecaster forecaster() {
        return forecaster;
    }

    @Override
    public Decision decide(LayerView view) {
        if (view.history().size() < ForecastFeatures.MIN_HISTORY_DAYS) {
            return warmUp.decide(view);
        }
        double[] forecast = forecaster.forecast(ForecastFeatures.window(view.history(), view.history().size() - 1));
        OrderRule rule = new OrderRule(view.economics().withSafetyStockBase(safetyStockBase));
        return new Decision(rule.decide(forecast, view.recentDemand(RecentDemand.DAYS), view.inventory()).order(),
                forecast);
    }
}
