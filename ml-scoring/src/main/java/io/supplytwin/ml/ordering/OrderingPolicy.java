package io.supplytwin.ml.ordering;

/**
 * How one layer of the chain decides its order each day. {@link SupplyChain} calls {@link #decide} once per layer and
 * day, retailer first, after the day's demand has been served; the order arrives the next morning. One instance
 * serves all layers ({@link LayerView#layer()} says which); a policy that keeps state keeps it per layer.
 */
public interface OrderingPolicy {

    /** Stable name, used in reports. */
    String name();

    /** Today's order of the layer the view shows. */
    Decision decide(LayerView view);

    /**
     * @param order    units ordered from the layer upstream (≥ 0)
     * @param forecast the demand the policy expects on the next days (day 1 first; may be empty), for prediction MAE
     */
    record Decision(double order, double[] forecast) {
    }
}
