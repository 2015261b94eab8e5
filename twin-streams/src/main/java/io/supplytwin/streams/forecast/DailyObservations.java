package io.supplytwin.streams.forecast;

import io.supplytwin.ml.feature.DayObservation;
import io.supplytwin.ml.feature.RiskIndicators;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * How an enterprise twin's values at day close become one day of seed 000's history ({@link DayObservation}). The
 * catalogue reports stocks and rolling totals, not seed 000's four daily quantities, so they are read as:
 * <ul>
 *   <li>{@code sales} = {@code output_units_day} (good units of the last 24 hours);</li>
 *   <li>{@code demand} = sales × {@code order_intake_cny_month} / {@code revenue_cny_month}: orders received over
 *       revenue booked in the same 30 days, in units of what was sold (the unit price cancels); sales when revenue is
 *       not reported or zero;</li>
 *   <li>{@code inventory} = {@code finished_goods_units};</li>
 *   <li>{@code orders} (placed upstream) = material consumed + change of the raw-material stock, i.e. sales +
 *       {@code raw_material_on_hand_units} − the previous day's, never below 0 (what arrived, our proxy for what was
 *       ordered one lead time earlier);</li>
 *   <li>{@code health} = the day's last H; {@code indicators} = the risk model's indicators' last values.</li>
 * </ul>
 * A quantity whose indicator the enterprise does not report is NaN, so the scorer skips and counts the window.
 */
public final class DailyObservations {

    public static final String OUTPUT = "output_units_day";
    public static final String ORDER_INTAKE = "order_intake_cny_month";
    public static final String REVENUE = "revenue_cny_month";
    public static final String FINISHED_GOODS = "finished_goods_units";
    public static final String RAW_MATERIAL = "raw_material_on_hand_units";

    /** Enterprise indicators the enterprise twin must receive for the daily history (beyond H's 12). */
    public static final Set<String> INDICATORS;

    static {
        Set<String> ids = new LinkedHashSet<>(List.of(OUTPUT, ORDER_INTAKE, REVENUE, FINISHED_GOODS, RAW_MATERIAL));
        RiskIndicators.ENTERPRISE.stream().filter(id -> !id.equals("health")).forEach(ids::add);
        INDICATORS = Set.copyOf(ids);
    }

    private DailyObservations() {
    }

    /**
     * @param day      day counter since the enterprise's first day
     * @param own      the enterprise's own latest values at day close
     * @param health   the day's last H, NaN when none
     * @param previous the day before, null on the first day
     */
    public static DayObservation close(long day, Map<String, Double> own, double health, DayObservation previous) {
        double sales = value(own, OUTPUT);
        double intake = value(own, ORDER_INTAKE);
        double revenue = value(own, REVENUE);
        double demand = Double.isFinite(intake) && Double.isFinite(revenue) && revenue > 0 ? sales * intake / revenue : sales;
        double raw = value(own, RAW_MATERIAL);
        double previousRaw = previous == null ? Double.NaN : previous.indicator(RAW_MATERIAL);
        double orders = Double.isNaN(previousRaw) ? sales : Math.max(0, sales + raw - previousRaw);
        Map<String, Double> indicators = new HashMap<>();
        for (String id : RiskIndicators.ENTERPRISE) {
            Double v = own.get(id);
            if (v != null) {
                indicators.put(id, v);
            }
        }
        if (!Double.isNaN(raw)) {
            indicators.put(RAW_MATERIAL, raw);
        }
        return new DayObservation(day, demand, orders, value(own, FINISHED_GOODS), sales, health, indicators);
    }

    private static double value(Map<String, Double> values, String id) {
        Double v = values.get(id);
        return v == null ? Double.NaN : v;
    }
}
