package io.supplytwin.core.health;

/**
 * One key indicator's part in a health index.
 *
 * @param value           the key indicator value that was scored (0 when missing)
 * @param weight          AHP weight
 * @param effectiveWeight weight after renormalising over the indicators that counted (0 if it did not)
 */
public record KeyIndicatorScore(String id, double value, Score score, double weight, double effectiveWeight) {
    /** effectiveWeight × score: how many points of H this indicator supplies. */
    public double contribution() {
        return effectiveWeight * score.value();
    }
}
