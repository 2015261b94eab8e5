package io.supplytwin.ml.experiment.stats;

import java.util.List;
import org.apache.commons.math3.distribution.FDistribution;

/**
 * One-way analysis of variance of k groups (R's {@code summary(aov(y ~ group))}).
 *
 * @param f               F = mean square between groups / mean square within
 * @param dfBetween       k − 1
 * @param dfWithin        N − k
 * @param p               P(F(dfBetween, dfWithin) ≥ f)
 * @param meanSquareWithin the residual mean square (the pooled variance Tukey's HSD uses)
 */
public record OneWayAnova(double f, int dfBetween, int dfWithin, double p, double meanSquareWithin) {

    public static OneWayAnova of(double[]... groups) {
        return of(List.of(groups));
    }

    /** Each group needs at least one value, and there must be more values than groups. */
    public static OneWayAnova of(List<double[]> groups) {
        if (groups.size() < 2) {
            throw new IllegalArgumentException("ANOVA needs at least 2 groups, had " + groups.size());
        }
        Samples[] s = new Samples[groups.size()];
        int n = 0;
        double total = 0;
        double within = 0;
        for (int g = 0; g < s.length; g++) {
            s[g] = Samples.of(groups.get(g), 1, "group " + (g + 1));
            n += s[g].n();
            total += s[g].mean() * s[g].n();
            within += s[g].sumOfSquares();
        }
        int dfWithin = n - s.length;
        if (dfWithin < 1) {
            throw new IllegalArgumentException("ANOVA needs more values (" + n + ") than groups (" + s.length + ")");
        }
        double grand = total / n;
        double between = 0;
        for (Samples g : s) {
            between += g.n() * (g.mean() - grand) * (g.mean() - grand);
        }
        int dfBetween = s.length - 1;
        double msWithin = within / dfWithin;
        double msBetween = between / dfBetween;
        if (msWithin == 0) {
            // no spread inside any group: differences between means are certain, equal means say nothing
            return new OneWayAnova(msBetween == 0 ? Double.NaN : Double.POSITIVE_INFINITY, dfBetween, dfWithin,
                    msBetween == 0 ? Double.NaN : 0, 0);
        }
        double f = msBetween / msWithin;
        double p = 1 - new FDistribution(null, dfBetween, dfWithin).cumulativeProbability(f);
        return new OneWayAnova(f, dfBetween, dfWithin, p, msWithin);
    }

    public boolean significant(double alpha) {
        return p < alpha;
    }
}
