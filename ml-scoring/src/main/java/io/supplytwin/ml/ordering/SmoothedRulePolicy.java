package io.supplytwin.ml.ordering;

import java.util.Arrays;

/**
 * Seed 000's rule on the plainest forecast: every day of the horizon gets the exponentially smoothed demand of the
 * last 10 days (α = 0.3, the level seeded with today's demand). This is what generates the seed chain's history
 * ({@link io.supplytwin.ml.history.SeedDemandChain}), and so the days the forecasters train on.
 */
public final class SmoothedRulePolicy implements OrderingPolicy {
    public static final String NAME = "rule-smoothing";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Decision decide(LayerView view) {
        double[] recent = view.recentDemand(RecentDemand.DAYS);
        double alpha = view.economics().alpha();
        double level = recent[recent.length - 1];
        for (double d : recent) {
            level = alpha * d + (1 - alpha) * level;
        }
        double[] forecast = new double[7];
        Arrays.fill(forecast, level);
        return new Decision(new OrderRule(view.economics()).decide(forecast, recent, view.inventory()).order(),
                forecast);
    }
}
