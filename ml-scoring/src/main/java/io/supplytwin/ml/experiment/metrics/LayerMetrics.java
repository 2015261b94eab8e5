package io.supplytwin.ml.experiment.metrics;

import io.supplytwin.ml.ordering.ChainTrace;

/**
 * Seed 000's measures of one layer over days {@code from..to−1} of a run.
 *
 * @param profit          cumulative profit (revenue − purchase − holding − shortage)
 * @param bullwhip        Var(orders) / Var(demand) of the layer: its own orders over the demand it saw
 * @param amplification   Var(orders) / Var(consumer demand): the bullwhip accumulated up to this layer
 * @param serviceLevel    units sold / units demanded (fill rate; 1 when nothing was demanded)
 * @param turnover        units sold / average end-of-day stock (the stock floored at one unit)
 * @param holdingCost     total holding cost
 * @param shortageCost    total shortage cost
 * @param orderVolatility standard deviation of the daily orders
 * @param mae             mean absolute error of the policy's forecasts (every day of each horizon that falls inside
 *                        the days), NaN when the policy gave none
 * @param efficiency      profit / theoretical profit, summed over the days
 * @param efficiencyMa7   the mean of seed 000's 7-day moving average of the daily efficiency (days whose theoretical
 *                        profit is 0 are left out of an average)
 */
public record LayerMetrics(double profit, double bullwhip, double amplification, double serviceLevel, double turnover,
                           double holdingCost, double shortageCost, double orderVolatility, double mae,
                           double efficiency, double efficiencyMa7) {

    public double totalCost() {
        return holdingCost + shortageCost;
    }

    public static LayerMetrics of(ChainTrace trace, int layer, int from, int to) {
        int n = to - from;
        double[] orders = new double[n];
        double[] demand = new double[n];
        double[] consumer = new double[n];
        double[] daily = new double[n];
        double profit = 0;
        double theoretical = 0;
        double sold = 0;
        double demanded = 0;
        double stock = 0;
        double holding = 0;
        double shortage = 0;
        double absError = 0;
        int errors = 0;
        for (int t = from; t < to; t++) {
            int i = t - from;
            orders[i] = trace.order(layer, t);
            demand[i] = trace.demand(layer, t);
            consumer[i] = trace.demand(1, t);
            double p = trace.profit(layer, t);
            double tp = trace.theoreticalProfit(layer, t);
            daily[i] = tp > 0 ? p / tp : Double.NaN;
            profit += p;
            theoretical += tp;
            sold += trace.sales(layer, t);
            demanded += demand[i];
            stock += trace.inventory(layer, t);
            holding += trace.holdingCost(layer, t);
            shortage += trace.shortageCost(layer, t);
            double[] f = trace.forecast(layer, t);
            for (int k = 0; k < f.length && t + 1 + k < to; k++) {
                absError += Math.abs(f[k] - trace.demand(layer, t + 1 + k));
                errors++;
            }
        }
        double averageStock = Math.max(1, stock / n);
        return new LayerMetrics(profit, ratio(variance(orders), variance(demand)),
                ratio(variance(orders), variance(consumer)), demanded > 0 ? sold / demanded : 1, sold / averageStock,
                holding, shortage, Math.sqrt(variance(orders)), errors == 0 ? Double.NaN : absError / errors,
                theoretical > 0 ? profit / theoretical : Double.NaN, movingAverageMean(daily, 7));
    }

    /** Population variance. */
    public static double variance(double[] xs) {
        double mean = 0;
        for (double x : xs) {
            mean += x;
        }
        mean /= xs.length;
        double ss = 0;
        for (double x : xs) {
            ss += (x - mean) * (x - mean);
        }
        return ss / xs.length;
    }

    /** Var(orders) / Var(demand); NaN when demand did not vary. */
    public static double bullwhip(double[] orders, double[] demand) {
        return ratio(variance(orders), variance(demand));
    }

    private static double ratio(double a, double b) {
        return b > 0 ? a / b : Double.NaN;
    }

    /**
     * Mean over t ≥ window−1 of the average of the defined values among days t−window+1..t (seed 000's
     * Efficiency^MA for t ≥ 7).
     */
    static double movingAverageMean(double[] values, int window) {
        double total = 0;
        int count = 0;
        for (int t = window - 1; t < values.length; t++) {
            double s = 0;
            int m = 0;
            for (int k = t - window + 1; k <= t; k++) {
                if (Double.isFinite(values[k])) {
                    s += values[k];
                    m++;
                }
            }
            if (m > 0) {
                total += s / m;
                count++;
            }
        }
        return count == 0 ? Double.NaN : total / count;
    }
}
