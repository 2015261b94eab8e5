package io.supplytwin.core.health;

/** How a reading became a score, so consumers can flag or discount it. */
public enum ScoreStatus {
    /** The reading was inside the valid range. */
    IN_RANGE,
    /** The reading was outside the range; the nearest bound was scored instead (catalogue rule clamp). */
    CLAMPED,
    /** The reading was outside the range and dropped (catalogue rule reject); it carries no weight. */
    REJECTED,
    /** No usable reading (absent, NaN or infinite); it carries no weight. */
    MISSING;

    /** Whether a score with this status takes part in a weighted sum. */
    public boolean counts() {
        return this == IN_RANGE || this == CLAMPED;
    }
}
