package io.supplytwin.sim.model;

/**
 * Exponentially weighted moving average with a time constant in hours. Stands in for the rolling windows
 * the catalogue names ("current shift", "last 24 hours", "last 30 days") and works for any step size.
 */
final class Ewma {
    private final double tauHours;
    private double value;

    Ewma(double tauHours, double initial) {
        this.tauHours = tauHours;
        this.value = initial;
    }

    void update(double sample, double dtHours) {
        value += (1 - Math.exp(-dtHours / tauHours)) * (sample - value);
    }

    double value() {
        return value;
    }
}
