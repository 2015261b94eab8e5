package io.supplytwin.core.health;

/**
 * A reading normalised to [0, 1], 1 being best. When the status does not {@linkplain ScoreStatus#counts()
 * count}, {@code value} is 0 and must not be used.
 */
public record Score(double value, ScoreStatus status) {
    static final Score MISSING = new Score(0, ScoreStatus.MISSING);
    static final Score REJECTED = new Score(0, ScoreStatus.REJECTED);

    public Score {
        if (!(value >= 0 && value <= 1)) {
            throw new IllegalArgumentException("score must be in [0, 1] but was " + value);
        }
    }

    public boolean counts() {
        return status.counts();
    }
}
