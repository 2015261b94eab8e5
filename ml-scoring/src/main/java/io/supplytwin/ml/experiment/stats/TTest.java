package io.supplytwin.ml.experiment.stats;

import org.apache.commons.math3.distribution.TDistribution;

/**
 * A two-sample t-test of mean(a) − mean(b), two-sided.
 *
 * @param t              the t statistic
 * @param df             degrees of freedom (Welch–Satterthwaite for Welch's test, n_a + n_b − 2 pooled)
 * @param p              two-sided p-value
 * @param meanDifference mean(a) − mean(b)
 * @param lower          lower end of the confidence interval of the difference
 * @param upper          upper end of it
 * @param confidence     the interval's confidence level (0.95 by default)
 * @param welch          true for Welch's unequal-variance test, false for the pooled-variance (Student) test
 */
public record TTest(double t, double df, double p, double meanDifference, double lower, double upper,
                    double confidence, boolean welch) {
    public static final double DEFAULT_CONFIDENCE = 0.95;

    /** Welch's test (R's {@code t.test(a, b)}), 95 % interval. */
    public static TTest welch(double[] a, double[] b) {
        return welch(a, b, DEFAULT_CONFIDENCE);
    }

    public static TTest welch(double[] a, double[] b, double confidence) {
        Samples x = Samples.of(a, 2, "the first sample");
        Samples y = Samples.of(b, 2, "the second sample");
        double va = x.variance() / x.n();
        double vb = y.variance() / y.n();
        double se = Math.sqrt(va + vb);
        double df = (va + vb) * (va + vb) / (va * va / (x.n() - 1) + vb * vb / (y.n() - 1));
        return of(x.mean() - y.mean(), se, df, confidence, true);
    }

    /** The pooled-variance test (R's {@code t.test(a, b, var.equal = TRUE)}), 95 % interval. */
    public static TTest pooled(double[] a, double[] b) {
        return pooled(a, b, DEFAULT_CONFIDENCE);
    }

    public static TTest pooled(double[] a, double[] b, double confidence) {
        Samples x = Samples.of(a, 2, "the first sample");
        Samples y = Samples.of(b, 2, "the second sample");
        double df = x.n() + y.n() - 2;
        double pooledVariance = (x.sumOfSquares() + y.sumOfSquares()) / df;
        double se = Math.sqrt(pooledVariance * (1.0 / x.n() + 1.0 / y.n()));
        return of(x.mean() - y.mean(), se, df, confidence, false);
    }

    /** True when the difference is significant at level {@code alpha} (two-sided). */
    public boolean significant(double alpha) {
        return p < alpha;
    }

    private static TTest of(double diff, double se, double df, double confidence, boolean welch) {
        if (!(confidence > 0 && confidence < 1)) {
            throw new IllegalArgumentException("confidence must be in (0, 1), was " + confidence);
        }
        if (se == 0 || !Double.isFinite(df)) {
            // both samples constant: no spread to judge the difference against
            double p = diff == 0 ? 1 : 0;
            double t = diff == 0 ? Double.NaN : Math.copySign(Double.POSITIVE_INFINITY, diff);
            return new TTest(t, Double.isFinite(df) ? df : Double.NaN, p, diff, diff, diff, confidence, welch);
        }
        TDistribution dist = new TDistribution(null, df);
        double t = diff / se;
        double p = 2 * dist.cumulativeProbability(-Math.abs(t));
        double half = dist.inverseCumulativeProbability(0.5 + confidence / 2) * se;
        return new TTest(t, df, p, diff, diff - half, diff + half, confidence, welch);
    }
}
