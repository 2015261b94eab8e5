package io.supplytwin.streams.state;

/**
 * One indicator of one twin, as the twin's queries show it: the latest value and when it was measured, an
 * exponentially weighted mean and standard deviation over about the last N readings, how many readings were seen, and
 * the value last published on the state topic (NaN before the first publication), against which the deadband is
 * measured. A snapshot: {@link EntityTwin} keeps its indicators in arrays.
 */
public final class IndicatorStats {

    private final double value;
    private final long updatedAt;
    private final double mean;
    private final double variance;
    private final long count;
    private final double published;

    IndicatorStats(double value, long updatedAt, double mean, double variance, long count, double published) {
        this.value = value;
        this.updatedAt = updatedAt;
        this.mean = mean;
        this.variance = variance;
        this.count = count;
        this.published = published;
    }

    public double value() {
        return value;
    }

    public long updatedAt() {
        return updatedAt;
    }

    public double mean() {
        return mean;
    }

    public double std() {
        return std(variance);
    }

    /** The standard deviation of a variance that rounding may have left just below 0. */
    static double std(double variance) {
        return Math.sqrt(Math.max(0, variance));
    }

    public long count() {
        return count;
    }

    /** The value on the state topic, NaN if this indicator was never published. */
    public double published() {
        return published;
    }
}
