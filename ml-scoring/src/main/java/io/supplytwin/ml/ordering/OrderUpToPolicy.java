package io.supplytwin.ml.ordering;

import java.util.Arrays;
import org.apache.commons.math3.distribution.NormalDistribution;

/**
 * The classical baselines seed 000 leaves out, on the same demand estimate as its rule (exponential smoothing of the
 * last 10 days, α = 0.3, and their standard deviation σ):
 * <ul>
 *   <li><b>order-up-to (base-stock)</b>: order up to S = D̂ + z·σ, z the newsvendor quantile of the critical ratio
 *       (margin + shortage cost) / (margin + shortage cost + holding cost). Demand not served is lost, so a unit short
 *       costs its margin as well as the shortage cost; a unit over costs a day's holding. An order arrives before the
 *       next day's demand, so S covers one day.</li>
 *   <li><b>proportional order-up-to</b> (POUT; Disney and Towill, <i>On the bullwhip and inventory variance produced by
 *       an ordering policy</i>, Omega 2003): order D̂ + (z·σ − inventory) / Ti, so the gap to the target stock closes
 *       over Ti days instead of at once. Ti = 1 is the order-up-to policy; larger Ti damps the orders' variance.</li>
 * </ul>
 * Orders are rounded to the seed's batch of 16 like every policy's.
 */
public final class OrderUpToPolicy implements OrderingPolicy {
    public static final String BASE_STOCK = "base-stock";
    public static final String POUT = "pout";
    /** Disney and Towill's recommendation for a short lead time: close the gap over about 4 periods. */
    public static final double DEFAULT_TI = 4;
    private static final NormalDistribution STANDARD_NORMAL = new NormalDistribution(null, 0, 1);

    private final String name;
    private final double ti;

    private OrderUpToPolicy(String name, double ti) {
        if (!(ti >= 1)) {
            throw new IllegalArgumentException("Ti must be at least 1, not " + ti);
        }
        this.name = name;
        this.ti = ti;
    }

    public static OrderUpToPolicy baseStock() {
        return new OrderUpToPolicy(BASE_STOCK, 1);
    }

    public static OrderUpToPolicy proportional(double ti) {
        return new OrderUpToPolicy(POUT, ti);
    }

    @Override
    public String name() {
        return name;
    }

    /** The newsvendor critical ratio of the layer's costs, under lost sales. */
    public static double criticalRatio(OrderRule.Parameters e) {
        double under = e.price() - e.unitCost() + e.shortageCost(1);
        return under / (under + e.holdingCost(1));
    }

    /** The safety factor z = Φ⁻¹(critical ratio). */
    public static double safetyFactor(OrderRule.Parameters e) {
        return STANDARD_NORMAL.inverseCumulativeProbability(criticalRatio(e));
    }

    @Override
    public Decision decide(LayerView view) {
        OrderRule.Parameters e = view.economics();
        RecentDemand recent = RecentDemand.of(view.recentDemand(RecentDemand.DAYS), e.alpha());
        double safety = safetyFactor(e) * recent.sigma();
        double order = recent.smoothed() + (safety - view.inventory()) / ti;
        double[] forecast = new double[7];
        Arrays.fill(forecast, recent.smoothed());
        return new Decision(e.roundToBatch(order), forecast);
    }
}
