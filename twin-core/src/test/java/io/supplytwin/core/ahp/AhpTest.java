package io.supplytwin.core.ahp;

import org.junit.jupiter.api.Test;

import java.io.StringReader;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class AhpTest {

    /** The common textbook 3x3 example: weights 0.637 / 0.258 / 0.105, λmax 3.039, CR 0.033. */
    @Test
    void textbookThreeCriteriaExample() {
        PairwiseMatrix matrix = PairwiseMatrix.of(List.of("a", "b", "c"), new double[][] {
                {1, 3, 5}, {1 / 3.0, 1, 3}, {1 / 5.0, 1 / 3.0, 1}});
        AhpResult result = Ahp.weigh(matrix);
        assertThat(result.weights().get(0)).isCloseTo(0.637, within(0.0005));
        assertThat(result.weights().get(1)).isCloseTo(0.258, within(0.0005));
        assertThat(result.weights().get(2)).isCloseTo(0.105, within(0.0005));
        assertThat(result.lambdaMax()).isCloseTo(3.0385, within(0.0001));
        assertThat(result.consistencyIndex()).isCloseTo(0.0193, within(0.0001));
        assertThat(result.consistencyRatio()).isCloseTo(0.033, within(0.0005));
    }

    /**
     * Saaty's "wealth of nations" example (The Analytic Hierarchy Process, 1980): US, USSR, China,
     * France, UK, Japan, West Germany; published eigenvector .427 .230 .021 .052 .052 .123 .094,
     * λmax = 7.61, CI = 0.10, CR = 0.08.
     */
    @Test
    void saatyWealthOfNationsExample() {
        String text = """
                criterion,us,ussr,china,france,uk,japan,w_germany
                us,1,4,9,6,6,5,5
                ussr,1/4,1,7,5,5,3,4
                china,1/9,1/7,1,1/5,1/5,1/7,1/5
                france,1/6,1/5,5,1,1,1/3,1/3
                uk,1/6,1/5,5,1,1,1/3,1/3
                japan,1/5,1/3,7,3,3,1,2
                w_germany,1/5,1/4,5,3,3,1/2,1
                """;
        AhpResult result = Ahp.load(new StringReader(text), "wealth.csv");
        double[] published = {0.427, 0.230, 0.021, 0.052, 0.052, 0.123, 0.094};
        for (int i = 0; i < published.length; i++) {
            assertThat(result.weights().get(i)).as(result.criteria().get(i)).isCloseTo(published[i], within(0.0006));
        }
        assertThat(result.lambdaMax()).isCloseTo(7.61, within(0.005));
        assertThat(result.consistencyIndex()).isCloseTo(0.10, within(0.005));
        assertThat(result.consistencyRatio()).isCloseTo(0.08, within(0.005));
        assertThat(result.randomIndex()).isEqualTo(1.32);
        assertThat(result.weight("japan")).isEqualTo(result.weights().get(5));
    }

    @Test
    void perfectlyConsistentMatrixGivesExactRatiosAndZeroInconsistency() {
        AhpResult result = Ahp.weigh(PairwiseMatrix.of(List.of("x", "y", "z"), new double[][] {
                {1, 2, 4}, {0.5, 1, 2}, {0.25, 0.5, 1}}));
        assertThat(result.weights()).satisfiesExactly(
                w -> assertThat(w).isCloseTo(4 / 7.0, within(1e-12)),
                w -> assertThat(w).isCloseTo(2 / 7.0, within(1e-12)),
                w -> assertThat(w).isCloseTo(1 / 7.0, within(1e-12)));
        assertThat(result.lambdaMax()).isCloseTo(3, within(1e-9));
        assertThat(result.consistencyRatio()).isCloseTo(0, within(1e-9));
    }

    @Test
    void twoCriteriaAreAlwaysConsistent() {
        AhpResult result = Ahp.weigh(PairwiseMatrix.of(List.of("p", "q"), new double[][] {{1, 3}, {1 / 3.0, 1}}));
        assertThat(result.weights().get(0)).isCloseTo(0.75, within(1e-12));
        assertThat(result.consistencyRatio()).isZero();
    }

    @Test
    void inconsistentMatrixIsRejectedWithItsConsistencyRatio() {
        // a beats b, b beats c, c beats a: circular judgements
        String text = """
                criterion,a,b,c
                a,1,5,1/5
                b,1/5,1,5
                c,5,1/5,1
                """;
        assertThatThrownBy(() -> Ahp.load(new StringReader(text), "circular.csv"))
                .isInstanceOf(AhpException.class)
                .hasMessageStartingWith("circular.csv: pairwise matrix is too inconsistent: CR = ")
                .hasMessageContaining("must be < 0.1");
        AhpResult evaluated = Ahp.evaluate(PairwiseMatrix.load(new StringReader(text), "circular.csv"));
        assertThat(evaluated.consistencyRatio()).isGreaterThan(0.1);
        assertThat(evaluated.acceptable()).isFalse();
    }

    @Test
    void matrixJustOverTheThresholdIsRejectedAndJustUnderIsAccepted() {
        // 3x3 with a_13 varied: CR grows as a_13 departs from a_12 * a_23 = 6
        assertThat(Ahp.evaluate(three(2, 3, 6)).consistencyRatio()).isCloseTo(0, within(1e-9));
        double crMild = Ahp.evaluate(three(2, 3, 3)).consistencyRatio();
        double crHarsh = Ahp.evaluate(three(2, 3, 1 / 2.0)).consistencyRatio();
        assertThat(crMild).isLessThan(0.1);
        assertThat(crHarsh).isGreaterThanOrEqualTo(0.1);
        assertThat(Ahp.weigh(three(2, 3, 3)).acceptable()).isTrue();
        assertThatThrownBy(() -> Ahp.weigh(three(2, 3, 1 / 2.0))).isInstanceOf(AhpException.class)
                .hasMessageContaining(String.format(java.util.Locale.ROOT, "CR = %.4f", crHarsh));
    }

    private static PairwiseMatrix three(double ab, double bc, double ac) {
        return PairwiseMatrix.of(List.of("a", "b", "c"), new double[][] {
                {1, ab, ac}, {1 / ab, 1, bc}, {1 / ac, 1 / bc, 1}});
    }

    @Test
    void nonReciprocalNonPositiveAndMalformedMatricesAreRejected() {
        assertThatThrownBy(() -> PairwiseMatrix.of(List.of("a", "b"), new double[][] {{1, 3}, {3, 1}}))
                .isInstanceOf(AhpException.class).hasMessageContaining("not reciprocal: (a, b) = 3.0 but (b, a) = 3.0");
        assertThatThrownBy(() -> PairwiseMatrix.of(List.of("a", "b"), new double[][] {{1, -2}, {-0.5, 1}}))
                .isInstanceOf(AhpException.class).hasMessageContaining("(a, b) = -2.0 must be a positive finite number");
        assertThatThrownBy(() -> PairwiseMatrix.of(List.of("a", "b"), new double[][] {{1, 0}, {0, 1}}))
                .isInstanceOf(AhpException.class).hasMessageContaining("positive");
        assertThatThrownBy(() -> PairwiseMatrix.of(List.of("a", "b"), new double[][] {{2, 1}, {1, 1}}))
                .isInstanceOf(AhpException.class).hasMessageContaining("diagonal");
        assertThatThrownBy(() -> PairwiseMatrix.of(List.of("a", "b"), new double[][] {{1, 1, 1}, {1, 1}}))
                .isInstanceOf(AhpException.class).hasMessageContaining("row a has 3 entries; expected 2");
        assertThatThrownBy(() -> PairwiseMatrix.of(List.of("a", "a"), new double[][] {{1, 1}, {1, 1}}))
                .isInstanceOf(AhpException.class).hasMessageContaining("not unique");
        assertThatThrownBy(() -> PairwiseMatrix.of(List.of(), new double[0][]))
                .isInstanceOf(AhpException.class).hasMessageContaining("no criteria");
    }

    @Test
    void threeDecimalReciprocalsAreAcceptedButTypingErrorsAreNot() {
        PairwiseMatrix ok = PairwiseMatrix.load(new StringReader("criterion,a,b\na,1,3\nb,0.333,1\n"), "m.csv");
        assertThat(ok.entry(1, 0)).isEqualTo(0.333);
        assertThatThrownBy(() -> PairwiseMatrix.load(new StringReader("criterion,a,b\na,1,3\nb,0.3,1\n"), "m.csv"))
                .isInstanceOf(AhpException.class).hasMessageStartingWith("m.csv: pairwise matrix is not reciprocal");
        assertThatThrownBy(() -> PairwiseMatrix.load(new StringReader("criterion,a,b\na,1,three\nb,1/3,1\n"), "m.csv"))
                .isInstanceOf(AhpException.class).hasMessage("m.csv line 2: entry 'three' is not a number or fraction");
        assertThatThrownBy(() -> PairwiseMatrix.load(new StringReader("criterion,a,b\nb,1,3\na,1/3,1\n"), "m.csv"))
                .isInstanceOf(AhpException.class).hasMessageContaining("row 'b' must be 'a'");
        assertThatThrownBy(() -> PairwiseMatrix.load(new StringReader("criterion,a,b\na,1,3\n"), "m.csv"))
                .isInstanceOf(AhpException.class).hasMessageContaining("2 criteria in the header but 1 matrix rows");
    }

    @Test
    void randomIndexFollowsSaatysTable() {
        assertThat(RandomIndex.of(3)).isEqualTo(0.58);
        assertThat(RandomIndex.of(4)).isEqualTo(0.90);
        assertThat(RandomIndex.of(12)).isEqualTo(1.48);
        assertThatThrownBy(() -> RandomIndex.of(16)).isInstanceOf(IllegalArgumentException.class);
    }
}
