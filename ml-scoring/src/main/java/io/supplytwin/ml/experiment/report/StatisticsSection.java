package io.supplytwin.ml.experiment.report;

import java.util.Map;

/** The report's statistics on the composite scores: one-way ANOVA, pairwise t-tests, Tukey HSD. */
final class StatisticsSection {
    private StatisticsSection() {
    }

    static void write(StringBuilder md, Map<String, double[]> defaultScores, Map<String, double[]> customScores) {
        md.append("Statistics: pending (the stats package is not merged yet).\n\n");
    }
}
