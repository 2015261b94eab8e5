package io.supplytwin.ml.experiment.rl;

import io.supplytwin.ml.feature.DayObservation;
import java.util.List;

/**
 * The agent's view of a layer, scaled by a typical daily demand: stock after today's sales, demand of the last
 * {@value #DEMAND_DAYS} days (today last), the orders of the last {@value #ORDER_DAYS} days, and the weekly and
 * 90-day seasonal phase of today (sine and cosine). Short histories repeat their oldest day.
 */
final class OrderState {
    static final int DEMAND_DAYS = 5;
    static final int ORDER_DAYS = 2;
    static final int WIDTH = 1 + DEMAND_DAYS + ORDER_DAYS + 4;

    private OrderState() {
    }

    static float[] of(List<DayObservation> history, double inventory, double scale) {
        float[] s = new float[WIDTH];
        int last = history.size() - 1;
        s[0] = (float) (inventory / scale);
        for (int k = 0; k < DEMAND_DAYS; k++) {
            s[1 + k] = (float) (history.get(Math.max(0, last - DEMAND_DAYS + 1 + k)).demand() / scale);
        }
        for (int k = 0; k < ORDER_DAYS; k++) {
            int i = last - ORDER_DAYS + k; // yesterday and the day before: today's order is being decided
            double order = i < 0 ? Double.NaN : history.get(i).orders();
            s[1 + DEMAND_DAYS + k] = (float) (Double.isFinite(order) ? order / scale : 0);
        }
        long day = history.get(last).day();
        int o = 1 + DEMAND_DAYS + ORDER_DAYS;
        s[o] = (float) Math.sin(2 * Math.PI * day / 7);
        s[o + 1] = (float) Math.cos(2 * Math.PI * day / 7);
        s[o + 2] = (float) Math.sin(2 * Math.PI * day / 90);
        s[o + 3] = (float) Math.cos(2 * Math.PI * day / 90);
        return s;
    }
}
