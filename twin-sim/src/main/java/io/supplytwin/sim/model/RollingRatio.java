package io.supplytwin.sim.model;

/** A ratio of two decaying sums (events weighted by how recent they are), e.g. on-time lines over all lines. */
final class RollingRatio {
    private final double tauHours;
    private final double prior;
    private double numerator;
    private double denominator;

    RollingRatio(double tauHours, double prior) {
        this.tauHours = tauHours;
        this.prior = prior;
        // a small pseudo-count of the prior keeps the ratio defined before the first events
        this.numerator = prior;
        this.denominator = 1;
    }

    void decay(double dtHours) {
        double f = Math.exp(-dtHours / tauHours);
        numerator *= f;
        denominator *= f;
    }

    void add(double part, double whole) {
        numerator += part;
        denominator += whole;
    }

    double value() {
        return denominator > 1e-9 ? numerator / denominator : prior;
    }
}
