package io.supplytwin.core.health;

import io.supplytwin.core.catalogue.Direction;
import io.supplytwin.core.catalogue.Indicator;
import io.supplytwin.core.catalogue.Level;
import io.supplytwin.core.catalogue.OutOfRangeRule;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.DoubleRange;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class NormaliserTest {
    private static final Indicator OEE = indicator(Direction.HIGHER_BETTER, 0, 100, 0, 0, OutOfRangeRule.CLAMP);
    private static final Indicator DSO = indicator(Direction.LOWER_BETTER, 0, 180, 0, 0, OutOfRangeRule.CLAMP);
    private static final Indicator CURRENT_RATIO = indicator(Direction.TARGET, 0, 6, 2, 0.5, OutOfRangeRule.CLAMP);
    private static final Indicator SPINDLE = indicator(Direction.LOWER_BETTER, 0, 120, 0, 0, OutOfRangeRule.REJECT);

    private static Indicator indicator(Direction direction, double min, double max, double target, double tolerance,
                                       OutOfRangeRule rule) {
        return new Indicator("x", Level.ENTERPRISE, "test", "u", min, max, direction, target, tolerance, 0, rule, "x");
    }

    @Test
    void higherAndLowerBetterScaleLinearlyOverTheRange() {
        assertThat(Normaliser.score(OEE, 85)).isEqualTo(new Score(0.85, ScoreStatus.IN_RANGE));
        assertThat(Normaliser.score(OEE, 0).value()).isZero();
        assertThat(Normaliser.score(DSO, 45).value()).isCloseTo(0.75, within(1e-12));
        assertThat(Normaliser.score(DSO, 180).value()).isZero();
    }

    @Test
    void targetScoresOneWithinToleranceAndFallsToZeroAtTheRangeEnds() {
        assertThat(Normaliser.score(CURRENT_RATIO, 2.0).value()).isEqualTo(1.0);
        assertThat(Normaliser.score(CURRENT_RATIO, 1.5).value()).isEqualTo(1.0);
        assertThat(Normaliser.score(CURRENT_RATIO, 2.5).value()).isEqualTo(1.0);
        assertThat(Normaliser.score(CURRENT_RATIO, 0.75).value()).isCloseTo(0.5, within(1e-12)); // 0.75 / 1.5
        assertThat(Normaliser.score(CURRENT_RATIO, 4.25).value()).isCloseTo(0.5, within(1e-12)); // 1.75 / 3.5
        assertThat(Normaliser.score(CURRENT_RATIO, 0).value()).isZero();
        assertThat(Normaliser.score(CURRENT_RATIO, 6).value()).isZero();
    }

    @Test
    void outOfRangeReadingsAreClampedAndFlaggedOrRejectedAsTheCatalogueSays() {
        assertThat(Normaliser.score(OEE, 100.4)).isEqualTo(new Score(1.0, ScoreStatus.CLAMPED));
        assertThat(Normaliser.score(OEE, -3)).isEqualTo(new Score(0.0, ScoreStatus.CLAMPED));
        Score hot = Normaliser.score(SPINDLE, 900);
        assertThat(hot.status()).isEqualTo(ScoreStatus.REJECTED);
        assertThat(hot.counts()).isFalse();
    }

    @Test
    void nanAndInfiniteReadingsAreMissing() {
        assertThat(Normaliser.score(OEE, Double.NaN)).isEqualTo(new Score(0, ScoreStatus.MISSING));
        assertThat(Normaliser.score(OEE, Double.POSITIVE_INFINITY).status()).isEqualTo(ScoreStatus.MISSING);
        assertThat(Normaliser.score(OEE, Double.NEGATIVE_INFINITY).counts()).isFalse();
    }

    @Property
    void scoreIsAlwaysInTheUnitIntervalAndNeverNaN(@ForAll("readings") double reading, @ForAll("indicators") Indicator indicator) {
        Score score = Normaliser.score(indicator, reading);
        assertThat(score.value()).isBetween(0.0, 1.0);
        assertThat(score.counts()).isEqualTo(Double.isFinite(reading)
                && (indicator.inRange(reading) || indicator.outOfRange() == OutOfRangeRule.CLAMP));
    }

    @Property
    void higherBetterNeverScoresLessForAHigherReading(@ForAll @DoubleRange(min = -50, max = 150) double x,
                                                     @ForAll @DoubleRange(min = 0, max = 50) double rise) {
        assertThat(Normaliser.score(OEE, x + rise).value()).isGreaterThanOrEqualTo(Normaliser.score(OEE, x).value());
        assertThat(Normaliser.score(DSO, x + rise).value()).isLessThanOrEqualTo(Normaliser.score(DSO, x).value());
    }

    @Provide
    Arbitrary<Double> readings() {
        return Arbitraries.oneOf(Arbitraries.doubles().between(-1e6, 1e6),
                Arbitraries.of(Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, -0.0, Double.MAX_VALUE,
                        -Double.MAX_VALUE, Double.MIN_VALUE));
    }

    @Provide
    Arbitrary<Indicator> indicators() {
        return Arbitraries.of(OEE, DSO, CURRENT_RATIO, SPINDLE);
    }
}
