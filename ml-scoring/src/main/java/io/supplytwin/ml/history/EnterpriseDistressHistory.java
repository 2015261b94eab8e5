package io.supplytwin.ml.history;

import io.supplytwin.ml.feature.DayObservation;
import io.supplytwin.ml.feature.EntityHistory;
import io.supplytwin.ml.feature.RiskIndicators;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Generated enterprise histories with financial distress. Each firm has a latent operating strength (an AR(1)
 * process around its own mean, hit by occasional shocks) and a cash buffer that strength feeds or drains; distress
 * (default) is the day the buffer goes below zero, and the firm's history ends there. Health and the risk indicators
 * are noisy readings of strength and buffer, so trouble shows in them weeks before the default.
 */
public final class EnterpriseDistressHistory {

    /** One firm's daily history and the day it defaulted (-1 when it did not). */
    public record Firm(EntityHistory history, long defaultDay) {
        /** True when the firm defaults within {@code horizon} days after day index {@code i}. */
        public boolean defaultsWithin(int i, int horizon) {
            long day = history.days().get(i).day();
            return defaultDay >= 0 && defaultDay > day && defaultDay <= day + horizon;
        }
    }

    private EnterpriseDistressHistory() {
    }

    public static List<Firm> generate(long seed, int firms, int days) {
        SplittableRandom random = new SplittableRandom(seed);
        List<Firm> out = new ArrayList<>(firms);
        for (int f = 0; f < firms; f++) {
            out.add(firm(random.split(), "e-" + f, days));
        }
        return out;
    }

    private static Firm firm(SplittableRandom r, String id, int days) {
        double mean = 0.5 + 0.15 * r.nextGaussian();
        double strength = mean;
        double buffer = 0.6 + 0.3 * r.nextDouble();
        List<DayObservation> obs = new ArrayList<>(days);
        long defaultDay = -1;
        for (int t = 0; t < days; t++) {
            strength += 0.05 * (mean - strength) + 0.02 * r.nextGaussian();
            if (r.nextDouble() < 1.0 / 250) {
                strength -= 0.2 + 0.15 * r.nextDouble(); // lost customer, recall, supplier failure
            }
            buffer = Math.min(2, buffer + 0.04 * (strength - 0.45) + 0.015 * r.nextGaussian());
            if (buffer < 0) {
                defaultDay = t;
                break;
            }
            obs.add(observe(r, t, strength, buffer));
        }
        return new Firm(new EntityHistory(id, id, obs), defaultDay);
    }

    private static DayObservation observe(SplittableRandom r, long t, double s, double c) {
        Map<String, Double> v = new HashMap<>();
        double health = clamp(0.3 + 0.45 * s + 0.12 * c + 0.06 * r.nextGaussian(), 0, 1);
        v.put(RiskIndicators.ENTERPRISE.get(1), clamp(0.6 + 1.2 * c + 0.5 * s + 0.4 * r.nextGaussian(), 0, 6));
        v.put(RiskIndicators.ENTERPRISE.get(2), clamp(75 - 35 * s - 10 * c + 8 * r.nextGaussian(), 0, 100));
        v.put(RiskIndicators.ENTERPRISE.get(3), clamp(25 * (s - 0.45) + 1.5 * r.nextGaussian(), -30, 30));
        double overdue = clamp(40 * Math.exp(-4 * c) + 8 * r.nextGaussian(), 0, 100);
        v.put(RiskIndicators.ENTERPRISE.get(4), overdue);
        v.put(RiskIndicators.ENTERPRISE.get(5), clamp(100 - 1.2 * overdue + 2 * r.nextGaussian(), 0, 100));
        v.put(RiskIndicators.ENTERPRISE.get(6), clamp(85 - 45 * c + 15 * r.nextGaussian(), 0, 100));
        return new DayObservation(t, Double.NaN, Double.NaN, Double.NaN, Double.NaN, health, v);
    }

    static double clamp(double v, double lo, double hi) {
        return Math.max(lo, Math.min(hi, v));
    }
}
