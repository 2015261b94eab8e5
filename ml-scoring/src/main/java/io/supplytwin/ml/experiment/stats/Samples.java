package io.supplytwin.ml.experiment.stats;

/** Mean and unbiased variance of one sample, with the checks every test here makes. */
record Samples(int n, double mean, double variance) {

    static Samples of(double[] values, int minimum, String what) {
        if (values == null || values.length < minimum) {
            throw new IllegalArgumentException(what + " needs at least " + minimum + " values, had "
                    + (values == null ? 0 : values.length));
        }
        double sum = 0;
        for (double v : values) {
            if (!Double.isFinite(v)) {
                throw new IllegalArgumentException(what + " holds a non-finite value: " + v);
            }
            sum += v;
        }
        double mean = sum / values.length;
        double sq = 0;
        for (double v : values) {
            sq += (v - mean) * (v - mean);
        }
        return new Samples(values.length, mean, values.length > 1 ? sq / (values.length - 1) : 0);
    }

    /** Sum of squared deviations from the mean. */
    double sumOfSquares() {
        return variance * (n - 1);
    }
}
