package io.supplytwin.ml.history;

import io.supplytwin.ml.feature.DayObservation;
import io.supplytwin.ml.ordering.OrderRule;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Seed 000's experiment as a generator: consumer demand D(t) = 50 + 20·sin(2πt/90) + 5·sin(2πt/7) + N(0, 3), clipped
 * at 0, reaches a retailer; each layer (retailer, distributor, manufacturer) orders from the next one with the
 * seed's order rule on an exponential-smoothing forecast, one-day lead time, 100 units of initial inventory. What
 * one layer orders is the next layer's demand, so the bullwhip effect appears on its own.
 */
public final class SeedDemandChain {
    public static final int LAYERS = 3;
    public static final int DAYS = 1095;

    private SeedDemandChain() {
    }

    /** Consumer demand on day t with the given noise draw. */
    public static double consumerDemand(long t, double noise) {
        return Math.max(0, 50 + 20 * Math.sin(2 * Math.PI * t / 90) + 5 * Math.sin(2 * Math.PI * t / 7) + noise);
    }

    /** Histories of layers 1..3 (index 0 = retailer) for {@code days} days. */
    public static List<List<DayObservation>> generate(long seed, int days) {
        SplittableRandom random = new SplittableRandom(seed);
        List<List<DayObservation>> out = new ArrayList<>();
        double[] inventory = new double[LAYERS + 1];
        double[] arriving = new double[LAYERS + 1];
        double[][] demandSeen = new double[LAYERS + 1][days];
        OrderRule[] rules = new OrderRule[LAYERS + 1];
        for (int l = 1; l <= LAYERS; l++) {
            inventory[l] = 100;
            rules[l] = new OrderRule(OrderRule.Parameters.layer(l));
            out.add(new ArrayList<>(days));
        }
        for (int t = 0; t < days; t++) {
            double demand = consumerDemand(t, 3 * random.nextGaussian());
            for (int l = 1; l <= LAYERS; l++) {
                inventory[l] += arriving[l];
                arriving[l] = 0;
                double sales = Math.min(inventory[l], demand);
                inventory[l] -= sales;
                demandSeen[l][t] = demand;
                double[] recent = Arrays.copyOfRange(demandSeen[l], Math.max(0, t - 9), t + 1);
                double level = recent[recent.length - 1];
                for (double d : recent) {
                    level = 0.3 * d + 0.7 * level;
                }
                double[] forecast = new double[7];
                Arrays.fill(forecast, level);
                double order = rules[l].decide(forecast, recent, inventory[l]).order();
                arriving[l] = order; // the upstream layer ships in full; arrives tomorrow
                out.get(l - 1).add(DayObservation.supply(t, demand, order, inventory[l], sales));
                demand = order;
            }
        }
        return out;
    }
}
