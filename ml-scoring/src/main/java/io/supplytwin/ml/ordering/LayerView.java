package io.supplytwin.ml.ordering;

import io.supplytwin.ml.feature.DayObservation;
import java.util.List;

/**
 * What a layer knows when it orders on day t: its history up to and including today (today's {@code orders} is NaN:
 * it is being decided), its inventory after today's sales, and its prices and costs.
 *
 * @param layer     1 = retailer, 2 = distributor, 3 = manufacturer
 * @param history   the layer's days, oldest first; the last one is today
 * @param economics prices, costs and the order rule's settings of the layer
 */
public record LayerView(int layer, List<DayObservation> history, double inventory, OrderRule.Parameters economics) {

    public DayObservation today() {
        return history.get(history.size() - 1);
    }

    /** Demand of the last {@code n} days up to today (fewer at the start), oldest first. */
    public double[] recentDemand(int n) {
        int from = Math.max(0, history.size() - n);
        double[] out = new double[history.size() - from];
        for (int i = from; i < history.size(); i++) {
            out[i - from] = history.get(i).demand();
        }
        return out;
    }
}
