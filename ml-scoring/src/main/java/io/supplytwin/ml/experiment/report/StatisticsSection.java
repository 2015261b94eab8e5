package io.supplytwin.ml.experiment.report;

import io.supplytwin.ml.experiment.stats.OneWayAnova;
import io.supplytwin.ml.experiment.stats.TTest;
import io.supplytwin.ml.experiment.stats.TukeyHsd;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The report's statistics on the runs' composite scores, per weight scheme: one-way ANOVA over the policies, pairwise
 * two-sample t-tests (pooled variance, as SciPy's {@code ttest_ind} does by default, which seed 000's Python most
 * likely used; Welch's p-values beside them) and Tukey's HSD.
 */
final class StatisticsSection {
    static final double ALPHA = 0.05;

    private StatisticsSection() {
    }

    static void write(StringBuilder md, Map<String, Map<String, double[]>> schemes) {
        List<String> names = new ArrayList<>(schemes.values().iterator().next().keySet());
        int runs = schemes.values().iterator().next().values().iterator().next().length;
        if (runs < 2 || names.size() < 2) {
            md.append("Statistics need at least two runs and two policies (this report has ").append(runs)
                    .append(" run(s)).\n\n");
            return;
        }
        for (Map.Entry<String, Map<String, double[]>> scheme : schemes.entrySet()) {
            List<double[]> groups = names.stream().map(scheme.getValue()::get).toList();
            OneWayAnova anova = OneWayAnova.of(groups);
            md.append(String.format(Locale.ROOT, "**%s weights.** One-way ANOVA over %d policies × %d runs: "
                            + "F(%d, %d) = %.2f, p %s.%n%n", scheme.getKey(), names.size(), runs, anova.dfBetween(),
                    anova.dfWithin(), anova.f(), p(anova.p()).startsWith("<") ? "< 0.0001" : "= " + p(anova.p())));
            md.append("Pairwise t-tests, p-values (pooled / Welch), row − column:\n\n| |");
            for (int j = 1; j < names.size(); j++) {
                md.append(' ').append(names.get(j)).append(" |");
            }
            md.append("\n| --- |").append(" --- |".repeat(names.size() - 1)).append('\n');
            for (int i = 0; i < names.size() - 1; i++) {
                md.append("| ").append(names.get(i)).append(" |");
                for (int j = 1; j < names.size(); j++) {
                    if (j <= i) {
                        md.append(" |");
                        continue;
                    }
                    double[] a = groups.get(i);
                    double[] b = groups.get(j);
                    md.append(' ').append(p(TTest.pooled(a, b).p())).append(" / ").append(p(TTest.welch(a, b).p()))
                            .append(" |");
                }
                md.append('\n');
            }
            md.append('\n');
            TukeyHsd tukey = TukeyHsd.of(names, groups, ALPHA);
            List<TukeyHsd.Comparison> significant = tukey.comparisons().stream().filter(TukeyHsd.Comparison::reject)
                    .toList();
            md.append(String.format(Locale.ROOT, "Tukey HSD (family-wise α = %.2f): %d of %d pairs differ",
                    ALPHA, significant.size(), tukey.comparisons().size()));
            if (significant.isEmpty()) {
                md.append(".\n\n");
                continue;
            }
            md.append(":\n\n| pair | difference | 95 % interval | p adjusted |\n| --- | --- | --- | --- |\n");
            for (TukeyHsd.Comparison c : significant) {
                md.append(String.format(Locale.ROOT, "| %s | %+.4f | [%.4f, %.4f] | %s |%n", c.label(), c.difference(),
                        c.lower(), c.upper(), p(c.pAdjusted())));
            }
            md.append('\n');
        }
    }

    private static String p(double p) {
        return Double.isNaN(p) ? "—" : p < 1e-4 ? "<0.0001" : String.format(Locale.ROOT, "%.4f", p);
    }
}
