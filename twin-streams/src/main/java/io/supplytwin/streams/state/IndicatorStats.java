package io.supplytwin.streams.state;

/**
 * One indicator of one twin: the latest value and when it was measured, an exponentially weighted mean and standard
 * deviation over about the last N readings, how many readings were seen, and the value last published on the state
 * topic (NaN before the first publication), against which the deadband is measured.
 */
public final class IndicatorStats {

    double value;
    long updatedAt;
    double mean;
    double variance;
    long count;
    double published = Double.NaN;

    IndicatorStats() {
    }

    IndicatorStats(double value, long updatedAt, double mean, double variance, long count, double published) {
        this.value = value;
        this.updatedAt = updatedAt;
        this.mean = mean;
        this.variance = variance;
        this.count = count;
        this.published = published;
    }

    /** Adds a reading to the mean and variance: EWMA with weight alpha (West's incremental form). */
    void accumulate(double x, double alpha) {
        if (count == 0) {
            mean = x;
            variance = 0;
        } else {
            double diff = x - mean;
            double increment = alpha * diff;
            mean += increment;
            variance = (1 - alpha) * (variance + diff * increment);
        }
        count++;
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
