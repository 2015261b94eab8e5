package io.supplytwin.core.credit;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ExplanationFormatTest {

    @Test
    void formatsLikeAnAccountantWouldReadIt() {
        assertThat(ExplanationFormat.fixed(0.7961166, 3)).isEqualTo("0.796");
        assertThat(ExplanationFormat.fixed(0.05, 2)).isEqualTo("0.05");
        assertThat(ExplanationFormat.fixed(2.5, 0)).isEqualTo("3");
        assertThat(ExplanationFormat.fixed(91.6666, 1)).isEqualTo("91.7");
        assertThat(ExplanationFormat.fixed(-0.0004, 3)).isEqualTo("0.000");
        assertThat(ExplanationFormat.fixed(-0.0276, 3)).isEqualTo("-0.028");
        assertThat(ExplanationFormat.grouped(6_368_933.33, 0)).isEqualTo("6,368,933");
        assertThat(ExplanationFormat.grouped(999, 0)).isEqualTo("999");
        assertThat(ExplanationFormat.grouped(1000, 0)).isEqualTo("1,000");
        assertThat(ExplanationFormat.grouped(-1_234_567.891, 2)).isEqualTo("-1,234,567.89");
        assertThat(ExplanationFormat.grouped(1e20, 0)).isEqualTo("100,000,000,000,000,000,000");
        assertThat(ExplanationFormat.fixed(Double.NaN, 2)).isEqualTo("NaN");
    }

    @Property
    void roundsToWithinHalfAUnitOfTheLastDigit(@ForAll @DoubleRange(min = -1e9, max = 1e9) double value,
                                               @ForAll @IntRange(min = 0, max = 6) int decimals) {
        String text = ExplanationFormat.grouped(value, decimals);
        double back = Double.parseDouble(text.replace(",", ""));
        assertThat(Math.abs(back - value)).isLessThanOrEqualTo(0.5 * Math.pow(10, -decimals) + Math.ulp(value) * 4);
        int point = text.indexOf('.');
        assertThat(point < 0 ? 0 : text.length() - point - 1).isEqualTo(decimals);
    }
}
