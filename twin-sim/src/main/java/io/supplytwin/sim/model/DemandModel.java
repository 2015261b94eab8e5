package io.supplytwin.sim.model;

import java.util.SplittableRandom;

/**
 * Market demand of seed 000: D(t) = 50 + 20·sin(2πt/90) + 5·sin(2πt/7) + N(0, 3) units per day, t in days,
 * never negative. The noise is drawn once per simulated day, so the value does not depend on the step size.
 */
public final class DemandModel {
    public static final double BASE = 50;
    public static final double SEASONAL_AMPLITUDE = 20;
    public static final double SEASONAL_PERIOD_DAYS = 90;
    public static final double WEEKLY_AMPLITUDE = 5;
    public static final double WEEKLY_PERIOD_DAYS = 7;
    public static final double NOISE_SD = 3;

    private final SplittableRandom random;
    private final double phaseDays;
    private long noiseDay = Long.MIN_VALUE;
    private double noise;

    /** @param phaseDays shifts the cycles, so independent markets do not peak together */
    public DemandModel(SplittableRandom random, double phaseDays) {
        this.random = random;
        this.phaseDays = phaseDays;
    }

    /** Units per day at simulated day {@code t}; call with non-decreasing t. */
    public double unitsPerDay(double tDays) {
        long day = (long) Math.floor(tDays);
        if (day != noiseDay) {
            noiseDay = day;
            noise = NOISE_SD * random.nextGaussian();
        }
        return Math.max(0, expected(tDays + phaseDays) + noise);
    }

    /** The deterministic part, without noise. */
    public static double expected(double tDays) {
        return BASE + SEASONAL_AMPLITUDE * Math.sin(2 * Math.PI * tDays / SEASONAL_PERIOD_DAYS)
                + WEEKLY_AMPLITUDE * Math.sin(2 * Math.PI * tDays / WEEKLY_PERIOD_DAYS);
    }
}
