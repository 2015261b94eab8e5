package io.supplytwin.ml.forecast;

/** The XGBoost regressor's size: boosting rounds (trees), maximum depth and learning rate η. */
public record BoostSettings(int rounds, int depth, double eta) {
    /** What the served forecasters use. */
    public static final BoostSettings DEFAULT = new BoostSettings(150, 5, 0.1);
}
