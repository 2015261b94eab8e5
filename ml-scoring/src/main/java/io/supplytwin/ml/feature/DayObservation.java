package io.supplytwin.ml.feature;

import java.util.Map;

/**
 * What a twin knows about one entity on one day: seed 000's quantities (demand seen, order placed upstream,
 * closing inventory, units sold) and, for enterprises, the health index H and the risk indicators by catalogue id.
 *
 * @param day        day counter (days since the history's origin; seasonality is read from it)
 * @param health     H in [0, 1], NaN when unknown
 * @param indicators catalogue id → value (see {@link RiskIndicators}); may be empty
 */
public record DayObservation(long day, double demand, double orders, double inventory, double sales, double health,
                             Map<String, Double> indicators) {

    public DayObservation {
        indicators = indicators == null ? Map.of() : Map.copyOf(indicators);
    }

    /** A supply-only observation (no health or indicators). */
    public static DayObservation supply(long day, double demand, double orders, double inventory, double sales) {
        return new DayObservation(day, demand, orders, inventory, sales, Double.NaN, Map.of());
    }

    /** The indicator's value, NaN when absent. */
    public double indicator(String id) {
        Double v = indicators.get(id);
        return v == null ? Double.NaN : v;
    }
}
