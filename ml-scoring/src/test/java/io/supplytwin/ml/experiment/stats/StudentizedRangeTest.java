package io.supplytwin.ml.experiment.stats;

import static io.supplytwin.ml.experiment.stats.StudentizedRange.ptukey;
import static io.supplytwin.ml.experiment.stats.StudentizedRange.qtukey;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.apache.commons.math3.distribution.NormalDistribution;
import org.apache.commons.math3.distribution.TDistribution;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Against published values. Table quantiles: Harter (1960) / Pearson &amp; Hartley's Biometrika tables, to the digits
 * R's {@code qtukey} and SciPy's {@code studentized_range.ppf} (an independent implementation) both give. Where a
 * commonly quoted 4-decimal figure (q(0.99; 5, 30) = 5.0490, q(0.95; 10, 60) = 4.6454) disagrees with both and with
 * the 2-decimal tables (5.05, 4.65), the computed value is used.
 */
class StudentizedRangeTest {
    private static final double INF = Double.POSITIVE_INFINITY;

    @ParameterizedTest(name = "q({0}; {1}, {2}) = {3}")
    @CsvSource({
        "0.95, 3, 12, 3.772929",
        "0.95, 4, 20, 3.958294",
        "0.95, 2, 10, 3.151064",
        "0.99, 5, 30, 5.047605",
        "0.95, 10, 60, 4.646324",
        "0.90, 3, 5, 3.717111",
        "0.99, 2, 2, 14.035848",
        "0.95, 50, 120, 5.802224",
        "0.999, 4, 8, 8.977468",
        "0.95, 2, Infinity, 2.771808",
        "0.95, 3, Infinity, 3.314493",
        "0.99, 10, Infinity, 5.156635",
        "0.95, 20, Infinity, 5.011689",
    })
    void quantiles_match_the_tables(double p, int k, double df, double expected) {
        assertThat(qtukey(p, k, df)).isCloseTo(expected, within(2e-6));
    }

    @ParameterizedTest(name = "P(Q <= {0}; {1}, {2}) = {3}")
    @CsvSource({
        "3.5, 3, 12, 0.9300045147",
        "1.0, 5, 10, 0.0498260033",
        "6.0, 4, 3, 0.9300889102",
        "2.0, 10, 1000, 0.0771137131",
        "4.0, 3, Infinity, 0.9870123386",
    })
    void cdf_values_match(double q, int k, double df, double expected) {
        assertThat(ptukey(q, k, df)).isCloseTo(expected, within(1e-8));
    }

    /** The range of two normals is √2·|Z|, so with k = 2 the studentized range is √2·|t_df|. */
    @Test
    void two_means_reduce_to_the_t_distribution() {
        for (double df : new double[] {1, 2, 5, 12, 40, 300, 5000}) {
            TDistribution t = new TDistribution(null, df);
            for (double q = 0.1; q < 12; q += 0.7) {
                double exact = 2 * t.cumulativeProbability(q / Math.sqrt(2)) - 1;
                assertThat(ptukey(q, 2, df)).as("q=%s df=%s", q, df).isCloseTo(exact, within(1e-8));
            }
        }
        NormalDistribution z = new NormalDistribution(null, 0, 1);
        for (double q = 0.1; q < 8; q += 0.5) {
            assertThat(ptukey(q, 2, INF)).isCloseTo(2 * z.cumulativeProbability(q / Math.sqrt(2)) - 1, within(1e-10));
        }
    }

    @Test
    void quantile_and_cdf_invert_each_other() {
        for (int k : new int[] {2, 3, 5, 8, 15}) {
            for (double df : new double[] {2, 7, 30, 200, INF}) {
                for (double p : new double[] {0.01, 0.25, 0.5, 0.9, 0.95, 0.99}) {
                    assertThat(ptukey(qtukey(p, k, df), k, df)).as("k=%d df=%s p=%s", k, df, p)
                            .isCloseTo(p, within(1e-9));
                }
            }
        }
    }

    @Test
    void the_cdf_rises_from_0_to_1_and_large_df_approach_a_known_variance() {
        double previous = 0;
        for (double q = 0; q <= 10; q += 0.25) {
            double p = ptukey(q, 4, 9);
            assertThat(p).isGreaterThanOrEqualTo(previous).isBetween(0.0, 1.0);
            previous = p;
        }
        assertThat(ptukey(0, 4, 9)).isZero();
        assertThat(ptukey(INF, 4, 9)).isEqualTo(1.0);
        assertThat(qtukey(0.95, 6, 1e6)).isCloseTo(qtukey(0.95, 6, INF), within(1e-4));
        // more means spread further: the critical value grows with k and shrinks with df
        assertThat(qtukey(0.95, 5, 20)).isGreaterThan(qtukey(0.95, 4, 20)).isGreaterThan(qtukey(0.95, 4, 60));
    }

    @Test
    void bad_arguments_are_rejected_with_a_reason() {
        assertThatThrownBy(() -> ptukey(3, 1, 10)).hasMessageContaining("at least 2 means");
        assertThatThrownBy(() -> ptukey(3, 3, 0.5)).hasMessageContaining("degrees of freedom");
        assertThatThrownBy(() -> qtukey(1.0, 3, 10)).hasMessageContaining("(0, 1)");
        assertThatThrownBy(() -> qtukey(Double.NaN, 3, 10)).hasMessageContaining("(0, 1)");
        assertThat(ptukey(Double.NaN, 3, 10)).isNaN();
    }
}
