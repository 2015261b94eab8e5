package io.supplytwin.ml.history;

import io.supplytwin.ml.feature.DayObservation;
import io.supplytwin.ml.ordering.SmoothedRulePolicy;
import io.supplytwin.ml.ordering.SupplyChain;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Seed 000's experiment as a generator: consumer demand D(t) = 50 + 20·sin(2πt/90) + 5·sin(2πt/7) + N(0, 3), clipped
 * at 0, reaches a retailer; each layer (retailer, distributor, manufacturer) orders from the next one with the
 * seed's order rule on an exponential-smoothing forecast, one-day lead time, 100 units of initial inventory. What
 * one layer orders is the next layer's demand, so the bullwhip effect appears on its own.
 */
public final class SeedDemandChain {
    public static final int LAYERS = SupplyChain.LAYERS;
    public static final int DAYS = 1095;

    private SeedDemandChain() {
    }

    /** Consumer demand on day t with the given noise draw. */
    public static double consumerDemand(long t, double noise) {
        return Math.max(0, 50 + 20 * Math.sin(2 * Math.PI * t / 90) + 5 * Math.sin(2 * Math.PI * t / 7) + noise);
    }

    /** Consumer demand of days 0..days−1, one N(0, 3) draw per day from {@code seed}. */
    public static double[] consumerDemand(long seed, int days) {
        SplittableRandom random = new SplittableRandom(seed);
        double[] out = new double[days];
        for (int t = 0; t < days; t++) {
            out[t] = consumerDemand(t, 3 * random.nextGaussian());
        }
        return out;
    }

    /** Histories of layers 1..3 (index 0 = retailer) for {@code days} days. */
    public static List<List<DayObservation>> generate(long seed, int days) {
        return SupplyChain.run(consumerDemand(seed, days), days, new SmoothedRulePolicy()).histories();
    }
}
