package io.supplytwin.ml.experiment.stats;

import java.util.ArrayList;
import java.util.List;

/**
 * Tukey's honestly significant difference: every pair of k groups, with intervals and p-values that hold
 * simultaneously for the whole family (R's {@code TukeyHSD(aov(y ~ group))}). Unequal group sizes use the
 * Tukey–Kramer standard error √(MSW/2 · (1/n_i + 1/n_j)).
 *
 * @param comparisons all k(k−1)/2 pairs, in R's order: (2−1), (3−1), …, (k−1), (3−2), …
 * @param confidence  family-wise confidence level of the intervals (1 − alpha)
 * @param anova       the one-way ANOVA the comparisons rest on (its residual mean square and df)
 */
public record TukeyHsd(List<Comparison> comparisons, double confidence, OneWayAnova anova) {
    public static final double DEFAULT_ALPHA = 0.05;

    /**
     * One pair.
     *
     * @param group      the later group's name
     * @param versus     the earlier group's name
     * @param difference mean(group) − mean(versus)
     * @param lower      lower end of the simultaneous interval
     * @param upper      upper end
     * @param pAdjusted  family-wise p-value, 1 − ptukey(|difference| / se, k, N − k)
     * @param reject     true when pAdjusted &lt; alpha (the interval excludes 0)
     */
    public record Comparison(String group, String versus, double difference, double lower, double upper,
                             double pAdjusted, boolean reject) {
        /** "group-versus", as R labels the row. */
        public String label() {
            return group + "-" + versus;
        }
    }

    /** At alpha = 0.05. */
    public static TukeyHsd of(List<String> names, List<double[]> groups) {
        return of(names, groups, DEFAULT_ALPHA);
    }

    public static TukeyHsd of(List<String> names, List<double[]> groups, double alpha) {
        if (names.size() != groups.size()) {
            throw new IllegalArgumentException(names.size() + " names for " + groups.size() + " groups");
        }
        if (!(alpha > 0 && alpha < 1)) {
            throw new IllegalArgumentException("alpha must be in (0, 1), was " + alpha);
        }
        OneWayAnova anova = OneWayAnova.of(groups);
        int k = groups.size();
        Samples[] s = new Samples[k];
        for (int g = 0; g < k; g++) {
            s[g] = Samples.of(groups.get(g), 1, names.get(g));
        }
        double critical = StudentizedRange.qtukey(1 - alpha, k, anova.dfWithin());
        List<Comparison> out = new ArrayList<>();
        for (int i = 0; i < k; i++) {
            for (int j = i + 1; j < k; j++) {
                double diff = s[j].mean() - s[i].mean();
                double se = Math.sqrt(anova.meanSquareWithin() / 2 * (1.0 / s[i].n() + 1.0 / s[j].n()));
                double p;
                if (se == 0) {
                    p = diff == 0 ? 1 : 0;
                } else {
                    p = 1 - StudentizedRange.ptukey(Math.abs(diff) / se, k, anova.dfWithin());
                }
                out.add(new Comparison(names.get(j), names.get(i), diff, diff - critical * se, diff + critical * se,
                        p, p < alpha));
            }
        }
        return new TukeyHsd(List.copyOf(out), 1 - alpha, anova);
    }

    /** The comparison of two named groups, in either order (the difference is as stored). */
    public Comparison between(String a, String b) {
        for (Comparison c : comparisons) {
            if ((c.group().equals(a) && c.versus().equals(b)) || (c.group().equals(b) && c.versus().equals(a))) {
                return c;
            }
        }
        throw new IllegalArgumentException("no comparison of " + a + " and " + b);
    }
}
