package io.supplytwin.ml.experiment;

import io.supplytwin.ml.feature.DayObservation;
import io.supplytwin.ml.feature.ForecastFeatures;
import io.supplytwin.ml.feature.WindowSet;
import io.supplytwin.ml.ordering.ChainTrace;
import io.supplytwin.ml.ordering.OrderingPolicy;
import io.supplytwin.ml.ordering.SmoothedRulePolicy;
import io.supplytwin.ml.ordering.SupplyChain;
import java.util.List;

/**
 * One run's data, shared by every policy: the consumer demand of all days, the training days' chain under seed 000's
 * smoothing rule, and the forecasters' training windows (for the search: windows whose targets end before the
 * validation days; for the final model: all training days).
 */
public final class RunContext {
    private final ExperimentSettings settings;
    private final long seed;
    private final double[] consumerDemand;
    private final List<List<DayObservation>> trainingHistories;
    private final WindowSet searchWindows;
    private final WindowSet trainingWindows;
    private final OrderingPolicy warmUp = new SmoothedRulePolicy();

    RunContext(ExperimentSettings settings, long seed, double[] consumerDemand) {
        this.settings = settings;
        this.seed = seed;
        this.consumerDemand = consumerDemand.clone();
        this.trainingHistories = SupplyChain.run(consumerDemand, settings.trainingDays(), warmUp).histories();
        this.searchWindows = windows(trainingHistories, settings.validationFrom());
        this.trainingWindows = windows(trainingHistories, settings.trainingDays());
    }

    private static WindowSet windows(List<List<DayObservation>> histories, int days) {
        WindowSet all = null;
        for (List<DayObservation> h : histories) {
            WindowSet w = ForecastFeatures.trainingSet(h.subList(0, days));
            all = all == null ? w : all.plus(w);
        }
        return all;
    }

    public ExperimentSettings settings() {
        return settings;
    }

    public long seed() {
        return seed;
    }

    public double[] consumerDemand() {
        return consumerDemand.clone();
    }

    /** The layers' histories of the training days (index 0 = retailer). */
    public List<List<DayObservation>> trainingHistories() {
        return trainingHistories;
    }

    public WindowSet searchWindows() {
        return searchWindows;
    }

    public WindowSet trainingWindows() {
        return trainingWindows;
    }

    /** The policy of the training days. */
    public OrderingPolicy warmUp() {
        return warmUp;
    }

    /**
     * The search's objective: the manufacturer's profit on the validation days when {@code policy} orders from the
     * first of them on (seed 000 tunes on the manufacturer's cumulative profit).
     */
    public double validationProfit(OrderingPolicy policy) {
        ChainTrace trace = SupplyChain.run(consumerDemand, settings.trainingDays(), warmUp, settings.validationFrom(),
                policy);
        double profit = 0;
        for (int t = settings.validationFrom(); t < settings.trainingDays(); t++) {
            profit += trace.profit(SupplyChain.LAYERS, t);
        }
        return profit;
    }

    /** All days with {@code policy} ordering from the first measured day on, on the given consumer demand. */
    public ChainTrace measure(OrderingPolicy policy, double[] demand) {
        return SupplyChain.run(demand, settings.days(), warmUp, settings.trainingDays(), policy);
    }
}
