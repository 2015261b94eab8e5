package io.supplytwin.core.health;

import io.supplytwin.core.catalogue.Indicator;
import io.supplytwin.core.catalogue.OutOfRangeRule;

/**
 * Maps an indicator reading to a score in [0, 1] using the catalogue's range and direction.
 * <ul>
 *   <li>higher_better: (x − min) / (max − min)</li>
 *   <li>lower_better: (max − x) / (max − min)</li>
 *   <li>target: 1 within target ± tolerance, falling linearly to 0 at min (below) or max (above)</li>
 * </ul>
 * Readings outside [min, max] are clamped and flagged, or rejected, as the catalogue row says.
 * NaN and infinite readings count as missing. The result is never NaN.
 */
public final class Normaliser {
    private Normaliser() {
    }

    public static Score score(Indicator indicator, double reading) {
        if (!Double.isFinite(reading)) {
            return Score.MISSING;
        }
        ScoreStatus status = ScoreStatus.IN_RANGE;
        double x = reading;
        if (!indicator.inRange(reading)) {
            if (indicator.outOfRange() == OutOfRangeRule.REJECT) {
                return Score.REJECTED;
            }
            x = indicator.clamp(reading);
            status = ScoreStatus.CLAMPED;
        }
        return new Score(inRangeScore(indicator, x), status);
    }

    /** Score of a value already known to lie in [min, max]. */
    static double inRangeScore(Indicator indicator, double x) {
        double min = indicator.min();
        double max = indicator.max();
        double s = switch (indicator.direction()) {
            case HIGHER_BETTER -> (x - min) / (max - min);
            case LOWER_BETTER -> (max - x) / (max - min);
            case TARGET -> targetScore(x, min, max, indicator.target(), indicator.tolerance());
        };
        // guards against rounding just outside [0, 1]
        return Math.max(0, Math.min(1, s));
    }

    private static double targetScore(double x, double min, double max, double target, double tolerance) {
        double low = target - tolerance;
        double high = target + tolerance;
        if (x < low) {
            return (x - min) / (low - min); // low > min here because min <= x < low
        }
        if (x > high) {
            return (max - x) / (max - high);
        }
        return 1;
    }
}
