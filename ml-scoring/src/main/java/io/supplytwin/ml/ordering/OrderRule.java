package io.supplytwin.ml.ordering;

/**
 * Seed 000's profit-driven order rule. From a 7-day forecast and the last 10 days of demand:
 * <ol>
 *   <li>the forecast days are weighted linearly from 1.0 (tomorrow) to 0.5 (day 7) into one daily figure F;</li>
 *   <li>F is blended with the exponentially smoothed recent demand S (α = 0.3): D̂ = α·F + (1 − α)·S;</li>
 *   <li>safety stock SS = base + k·σ(demand of the last 10 days), k = 1.0;</li>
 *   <li>candidates run from D̂ to 1.5 × the 10-day mean demand − inventory in steps of 80 (only D̂ when that bound
 *       is below D̂);</li>
 *   <li>each candidate q is valued for the coming day as revenue − purchase − holding − shortage, serving D̂ + SS
 *       from inventory + q; the best one is rounded to the nearest multiple of 16 (never below 0).</li>
 * </ol>
 */
public final class OrderRule {

    /** Prices and costs per unit; rates per unit and day. Defaults: the seed's layer 1 (retailer). */
    public record Parameters(double alpha, double safetyStockBase, double safetyFactor, double step, int batch,
                             double price, double unitCost, double holdingRate, double shortageRate) {
        public static Parameters retailer() {
            return new Parameters(0.3, 10, 1.0, 80, 16, 70, 30, 0.03, 0.03);
        }

        /** The seed's layers 1..3 (retailer, distributor, manufacturer). */
        public static Parameters layer(int layer) {
            double[] cost = {0, 30, 45, 60};
            double[] price = {0, 70, 100, 130};
            return new Parameters(0.3, 10, 1.0, 80, 16, price[layer], cost[layer], 0.03, 0.03);
        }

        /** The same layer with another safety-stock base (the experiment's hyperparameter search tunes it). */
        public Parameters withSafetyStockBase(double base) {
            return new Parameters(alpha, base, safetyFactor, step, batch, price, unitCost, holdingRate, shortageRate);
        }

        /**
         * Cost of holding {@code units} for a day. The seed's "0.03 per unit per day" is read as a rate on the unit's
         * value: 3 % of the unit cost for stock held, 3 % of the price for each unit short.
         */
        public double holdingCost(double units) {
            return holdingRate * unitCost * units;
        }

        /** Cost of {@code units} of demand left unserved on a day (see {@link #holdingCost}). */
        public double shortageCost(double units) {
            return shortageRate * price * units;
        }

        /** An order quantity rounded to the nearest batch, never below 0. */
        public double roundToBatch(double quantity) {
            return Math.max(0, batch * Math.rint(quantity / batch));
        }
    }

    /** The decision and how it was reached. */
    public record Decision(double order, double smoothedDemand, double safetyStock, int candidates, double profit) {
    }

    private final Parameters p;

    public OrderRule(Parameters parameters) {
        this.p = parameters;
    }

    public Parameters parameters() {
        return p;
    }

    /**
     * @param forecast     the next days' demand (7 in the stream)
     * @param recentDemand demand of the last days, oldest first (10 used)
     * @param inventory    inventory on hand now
     */
    public Decision decide(double[] forecast, double[] recentDemand, double inventory) {
        double weighted = 0;
        double weights = 0;
        for (int k = 0; k < forecast.length; k++) {
            double w = forecast.length == 1 ? 1 : 1.0 - 0.5 * k / (forecast.length - 1);
            weighted += w * forecast[k];
            weights += w;
        }
        weighted /= weights;
        RecentDemand recent = RecentDemand.of(recentDemand, p.alpha());
        double smoothed = recent == null ? weighted : recent.smoothed();
        double mean = recent == null ? weighted : recent.mean();
        double sigma = recent == null ? 0 : recent.sigma();
        double expected = Math.max(0, p.alpha() * weighted + (1 - p.alpha()) * smoothed);
        double safety = p.safetyStockBase() + p.safetyFactor() * sigma;
        double upper = 1.5 * mean - inventory;
        double best = expected;
        double bestProfit = profit(expected, inventory, expected + safety);
        int candidates = 1;
        for (double q = expected + p.step(); q <= upper; q += p.step()) {
            candidates++;
            double profit = profit(q, inventory, expected + safety);
            if (profit > bestProfit) {
                bestProfit = profit;
                best = q;
            }
        }
        double rounded = p.roundToBatch(best);
        return new Decision(rounded, expected, safety, candidates, bestProfit);
    }

    private double profit(double q, double inventory, double toServe) {
        double available = Math.max(0, inventory) + q;
        double sold = Math.min(available, toServe);
        double left = available - sold;
        double unmet = Math.max(0, toServe - available);
        return p.price() * sold - p.unitCost() * q - p.holdingCost(left) - p.shortageCost(unmet);
    }
}
