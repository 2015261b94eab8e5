package io.supplytwin.ml.ordering;

import io.supplytwin.ml.feature.DayObservation;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Seed 000's serial chain: consumers → retailer (layer 1) → distributor (2) → manufacturer (3). Each day, retailer
 * first, a layer receives what it ordered yesterday (lead time one day), serves the day's demand from stock (unmet
 * demand is lost), then orders; its order is the next layer's demand that same day. As in the seed, every order is
 * delivered in full: the layers are coupled through orders only, and an upstream shortage costs the upstream layer
 * its shortage cost without starving the one below.
 *
 * <p>Accounting per layer and day: revenue = price × sales, purchase = unit cost × order, holding on the stock left at
 * the end of the day, shortage on the demand not served ({@link OrderRule.Parameters#holdingCost},
 * {@link OrderRule.Parameters#shortageCost}); profit = revenue − purchase − holding − shortage.
 */
public final class SupplyChain {
    public static final int LAYERS = 3;
    public static final double INITIAL_INVENTORY = 100;

    private SupplyChain() {
    }

    /** Every day under one policy. */
    public static ChainTrace run(double[] consumerDemand, int days, OrderingPolicy policy) {
        return run(consumerDemand, days, policy, days, policy);
    }

    /**
     * Days {@code 0..switchDay−1} under {@code before}, days {@code switchDay..days−1} under {@code after}: the
     * experiment runs every policy on the same history, from the same state.
     */
    public static ChainTrace run(double[] consumerDemand, int days, OrderingPolicy before, int switchDay,
                                 OrderingPolicy after) {
        if (consumerDemand.length < days) {
            throw new IllegalArgumentException("consumer demand has " + consumerDemand.length + " days, not " + days);
        }
        ChainTrace trace = new ChainTrace(days);
        OrderRule.Parameters[] economics = new OrderRule.Parameters[LAYERS + 1];
        double[] inventory = new double[LAYERS + 1];
        double[] arriving = new double[LAYERS + 1];
        List<List<DayObservation>> histories = new ArrayList<>();
        List<List<DayObservation>> views = new ArrayList<>();
        for (int l = 1; l <= LAYERS; l++) {
            economics[l] = OrderRule.Parameters.layer(l);
            inventory[l] = INITIAL_INVENTORY;
            List<DayObservation> h = new ArrayList<>(days);
            histories.add(h);
            views.add(Collections.unmodifiableList(h));
        }
        for (int t = 0; t < days; t++) {
            OrderingPolicy policy = t < switchDay ? before : after;
            double demand = consumerDemand[t];
            for (int l = 1; l <= LAYERS; l++) {
                OrderRule.Parameters e = economics[l];
                inventory[l] += arriving[l];
                double sales = Math.min(inventory[l], demand);
                inventory[l] -= sales;
                List<DayObservation> h = histories.get(l - 1);
                h.add(DayObservation.supply(t, demand, Double.NaN, inventory[l], sales));
                OrderingPolicy.Decision d = policy.decide(new LayerView(l, views.get(l - 1), inventory[l], e));
                double order = Math.max(0, d.order());
                h.set(t, DayObservation.supply(t, demand, order, inventory[l], sales));
                arriving[l] = order;
                trace.record(l, t, demand, sales, order, inventory[l], e.price() * sales, e.unitCost() * order,
                        e.holdingCost(inventory[l]), e.shortageCost(demand - sales), demand * (e.price() - e.unitCost()),
                        d.forecast());
                demand = order;
            }
        }
        trace.histories(histories);
        return trace;
    }
}
