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
        int n = Math.min(10, recentDemand.length);
        double smoothed = recentDemand.length == 0 ? weighted : recentDemand[recentDemand.length - n];
        double sum = 0;
        double sq = 0;
        for (int i = recentDemand.length - n; i < recentDemand.length; i++) {
            smoothed = p.alpha() * recentDemand[i] + (1 - p.alpha()) * smoothed;
            sum += recentDemand[i];
            sq += recentDemand[i] * recentDemand[i];
        }
        double mean = n == 0 ? weighted : sum / n;
        double sigma = n == 0 ? 0 : Math.sqrt(Math.max(0, sq / n - mean * mean));
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
        double rounded = Math.max(0, p.batch() * Math.rint(best / p.batch()));
        return new Decision(rounded, expected, safety, candidates, bestProfit);
    }

    private double profit(double q, double inventory, double toServe) {
        double available = Math.max(0, inventory) + q;
        double sold = Math.min(available, toServe);
        double left = available - sold;
        double unmet = Math.max(0, toServe - available);
        return p.price() * sold - p.unitCost() * q - p.holdingRate() * p.unitCost() * left
                - p.shortageRate() * p.price() * unmet;
    }
}
