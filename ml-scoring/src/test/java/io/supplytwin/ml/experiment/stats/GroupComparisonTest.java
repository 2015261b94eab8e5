package io.supplytwin.ml.experiment.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * ANOVA, t-tests and Tukey's HSD on R's data sets whose outputs are reproduced in countless tutorials:
 * {@code PlantGrowth} (Dobson 1983; {@code summary(aov(weight ~ group))}: F = 4.846 on 2 and 27 df, p = 0.01591;
 * {@code TukeyHSD}: trt1-ctrl −0.371 [−1.0622161, 0.3202161] p 0.3908711, trt2-ctrl 0.494 [−0.1972161, 1.1852161]
 * p 0.1979960, trt2-trt1 0.865 [0.1737839, 1.5562161] p 0.0120064) and {@code sleep} (Student 1908;
 * {@code t.test(extra ~ group)}: t = −1.8608, df = 17.776, p = 0.07939, CI [−3.3654832, 0.2054832]; with
 * {@code var.equal = TRUE}: df = 18, p = 0.07919, CI [−3.363874, 0.203874]). The unequal-size case (PlantGrowth with
 * 7, 10 and 8 plants) has its reference from SciPy's {@code tukey_hsd} and {@code f_oneway}, checked by hand with
 * the Tukey–Kramer formula.
 */
class GroupComparisonTest {
    private static final double[] CTRL = {4.17, 5.58, 5.18, 6.11, 4.50, 4.61, 5.17, 4.53, 5.33, 5.14};
    private static final double[] TRT1 = {4.81, 4.17, 4.41, 3.59, 5.87, 3.83, 6.03, 4.89, 4.32, 4.69};
    private static final double[] TRT2 = {6.31, 5.12, 5.54, 5.50, 5.37, 5.29, 4.92, 6.15, 5.80, 5.26};
    private static final double[] SLEEP_1 = {0.7, -1.6, -0.2, -1.2, -0.1, 3.4, 3.7, 0.8, 0.0, 2.0};
    private static final double[] SLEEP_2 = {1.9, 0.8, 1.1, 0.1, -0.1, 4.4, 5.5, 1.6, 4.6, 3.4};
    private static final List<String> NAMES = List.of("ctrl", "trt1", "trt2");

    @Test
    void anova_of_plant_growth() {
        OneWayAnova a = OneWayAnova.of(CTRL, TRT1, TRT2);
        assertThat(a.f()).isCloseTo(4.846088, within(1e-6));
        assertThat(a.dfBetween()).isEqualTo(2);
        assertThat(a.dfWithin()).isEqualTo(27);
        assertThat(a.p()).isCloseTo(0.01591, within(1e-5));
        assertThat(a.meanSquareWithin()).isCloseTo(0.3886, within(1e-4));
        assertThat(a.significant(0.05)).isTrue();
    }

    @Test
    void welch_and_pooled_t_tests_of_sleep() {
        TTest w = TTest.welch(SLEEP_1, SLEEP_2);
        assertThat(w.welch()).isTrue();
        assertThat(w.t()).isCloseTo(-1.860813, within(1e-6));
        assertThat(w.df()).isCloseTo(17.776474, within(1e-6));
        assertThat(w.p()).isCloseTo(0.07939414, within(1e-7));
        assertThat(w.meanDifference()).isCloseTo(-1.58, within(1e-12));
        assertThat(w.lower()).isCloseTo(-3.3654832, within(1e-6));
        assertThat(w.upper()).isCloseTo(0.2054832, within(1e-6));

        TTest p = TTest.pooled(SLEEP_1, SLEEP_2);
        assertThat(p.welch()).isFalse();
        assertThat(p.df()).isEqualTo(18.0);
        assertThat(p.p()).isCloseTo(0.07918671, within(1e-7));
        assertThat(p.lower()).isCloseTo(-3.363874, within(1e-6));
        assertThat(p.upper()).isCloseTo(0.203874, within(1e-6));
        assertThat(p.significant(0.05)).isFalse();
        assertThat(TTest.welch(SLEEP_1, SLEEP_2, 0.99).lower()).isLessThan(w.lower());
    }

    @Test
    void tukey_hsd_of_plant_growth_matches_r() {
        TukeyHsd h = TukeyHsd.of(NAMES, List.of(CTRL, TRT1, TRT2));
        assertThat(h.comparisons()).extracting(TukeyHsd.Comparison::label)
                .containsExactly("trt1-ctrl", "trt2-ctrl", "trt2-trt1");
        check(h.comparisons().get(0), -0.371, -1.0622161, 0.3202161, 0.3908711, false);
        check(h.comparisons().get(1), 0.494, -0.1972161, 1.1852161, 0.1979960, false);
        check(h.comparisons().get(2), 0.865, 0.1737839, 1.5562161, 0.0120064, true);
        assertThat(h.between("trt1", "trt2")).isSameAs(h.comparisons().get(2));
        assertThat(h.confidence()).isEqualTo(0.95);
    }

    @Test
    void tukey_kramer_with_unequal_groups() {
        double[] ctrl = Arrays.copyOf(CTRL, 7);
        double[] trt2 = Arrays.copyOf(TRT2, 8);
        TukeyHsd h = TukeyHsd.of(NAMES, List.of(ctrl, TRT1, trt2));
        assertThat(h.anova().f()).isCloseTo(3.6522921, within(1e-6));
        assertThat(h.anova().p()).isCloseTo(0.0426931577, within(1e-8));
        check(h.comparisons().get(0), -0.3847142857, -1.2190309532, 0.4496023817, 0.4896971520, false);
        check(h.comparisons().get(1), 0.4792857143, -0.3969220456, 1.3554934742, 0.3712244798, false);
        check(h.comparisons().get(2), 0.8640000000, 0.0609423231, 1.6670576769, 0.0334377632, true);
    }

    @Test
    void a_stricter_alpha_widens_the_intervals_and_keeps_the_p_values() {
        TukeyHsd five = TukeyHsd.of(NAMES, List.of(CTRL, TRT1, TRT2), 0.05);
        TukeyHsd one = TukeyHsd.of(NAMES, List.of(CTRL, TRT1, TRT2), 0.01);
        TukeyHsd.Comparison a = five.comparisons().get(2);
        TukeyHsd.Comparison b = one.comparisons().get(2);
        assertThat(b.pAdjusted()).isEqualTo(a.pAdjusted());
        assertThat(b.lower()).isLessThan(a.lower());
        assertThat(b.reject()).isFalse(); // p 0.012 is not below 0.01
    }

    @Test
    void constant_samples_and_bad_input() {
        double[] same = {2, 2, 2};
        double[] other = {3, 3, 3};
        assertThat(OneWayAnova.of(same, other).p()).isZero();
        assertThat(OneWayAnova.of(same, same).p()).isNaN();
        assertThat(TTest.welch(same, other).p()).isZero();
        assertThat(TTest.pooled(same, same).p()).isEqualTo(1.0);
        assertThat(TukeyHsd.of(List.of("a", "b"), List.of(same, other)).comparisons().get(0).reject()).isTrue();

        assertThatThrownBy(() -> TTest.welch(new double[] {1}, other)).hasMessageContaining("at least 2 values");
        assertThatThrownBy(() -> OneWayAnova.of(same)).hasMessageContaining("at least 2 groups");
        assertThatThrownBy(() -> OneWayAnova.of(new double[] {1}, new double[] {2}))
                .hasMessageContaining("more values");
        assertThatThrownBy(() -> OneWayAnova.of(same, new double[] {1, Double.NaN}))
                .hasMessageContaining("non-finite");
        assertThatThrownBy(() -> TukeyHsd.of(List.of("a"), List.of(same, other))).hasMessageContaining("names");
    }

    private static void check(TukeyHsd.Comparison c, double diff, double lower, double upper, double p, boolean reject) {
        assertThat(c.difference()).as(c.label()).isCloseTo(diff, within(1e-9));
        assertThat(c.lower()).as(c.label()).isCloseTo(lower, within(1e-6));
        assertThat(c.upper()).as(c.label()).isCloseTo(upper, within(1e-6));
        assertThat(c.pAdjusted()).as(c.label()).isCloseTo(p, within(1e-6));
        assertThat(c.reject()).as(c.label()).isEqualTo(reject);
    }
}
