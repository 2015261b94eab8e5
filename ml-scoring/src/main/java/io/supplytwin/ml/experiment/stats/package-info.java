/**
 * The statistics of seed 000's model comparison: one-way ANOVA, pairwise t-tests and Tukey's HSD, with the
 * studentized range distribution they need. All plain static calls on {@code double[]} samples, no state:
 * <pre>{@code
 * OneWayAnova a = OneWayAnova.of(scoresLnn, scoresXgb, scoresRl);   // a.f(), a.dfBetween(), a.dfWithin(), a.p()
 * TTest w = TTest.welch(scoresLnn, scoresRl);                        // t, df, p, meanDifference, lower, upper
 * TTest s = TTest.pooled(scoresLnn, scoresRl);                       // Student's test, df = n1 + n2 - 2
 * TukeyHsd h = TukeyHsd.of(List.of("LNN", "XGB", "RL"), List.of(scoresLnn, scoresXgb, scoresRl));
 * for (TukeyHsd.Comparison c : h.comparisons()) {                    // "XGB-LNN", "RL-LNN", "RL-XGB"
 *     c.label(); c.difference(); c.lower(); c.upper(); c.pAdjusted(); c.reject();
 * }
 * double q = StudentizedRange.qtukey(0.95, 3, 12);                   // 3.7729
 * double p = 1 - StudentizedRange.ptukey(q, 3, 12);                  // 0.05
 * }</pre>
 * Conventions follow R ({@code aov}, {@code t.test}, {@code TukeyHSD}): two-sided p-values, 95 % intervals by
 * default, Tukey differences as later group minus earlier group. Bad input (fewer values than a test needs, NaN or
 * infinite values, mismatched names) is an {@link java.lang.IllegalArgumentException} naming the problem.
 * Samples without any spread give p = 0 when the means differ and NaN (ANOVA) or 1 (t, Tukey) when they do not.
 */
package io.supplytwin.ml.experiment.stats;
