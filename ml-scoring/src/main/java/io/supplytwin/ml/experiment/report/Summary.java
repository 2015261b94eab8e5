package io.supplytwin.ml.experiment.report;

import io.supplytwin.ml.experiment.PolicyRun;
import java.util.List;
import java.util.Locale;
import java.util.function.ToDoubleFunction;

/** Mean and sample standard deviation of the finite values among some numbers. */
record Summary(double mean, double sd, int n) {

    static Summary of(double[] xs) {
        double sum = 0;
        int n = 0;
        for (double x : xs) {
            if (Double.isFinite(x)) {
                sum += x;
                n++;
            }
        }
        if (n == 0) {
            return new Summary(Double.NaN, Double.NaN, 0);
        }
        double mean = sum / n;
        double ss = 0;
        for (double x : xs) {
            if (Double.isFinite(x)) {
                ss += (x - mean) * (x - mean);
            }
        }
        return new Summary(mean, n > 1 ? Math.sqrt(ss / (n - 1)) : 0, n);
    }

    static Summary of(List<PolicyRun> runs, ToDoubleFunction<PolicyRun> f) {
        return of(runs.stream().mapToDouble(f).toArray());
    }

    /** "mean ± sd" with the given format for both; "—" when nothing was finite; the mean alone for one value. */
    String format(String fmt) {
        if (n == 0) {
            return "—";
        }
        String m = String.format(Locale.ROOT, fmt, mean);
        return n == 1 ? m : m + " ± " + String.format(Locale.ROOT, fmt, sd);
    }
}
