package io.supplytwin.ml.experiment.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.apache.commons.math3.special.Erf;
import org.junit.jupiter.api.Test;

class NormalCdfTest {

    @Test
    void the_tabulated_series_matches_erfc_to_full_precision_in_both_tails() {
        for (double x = -8.99; x <= 0; x += 0.0037) {
            double exact = 0.5 * Erf.erfc(-x / Math.sqrt(2));
            assertThat(NormalCdf.cdf(x)).as("Φ(%s)", x).isCloseTo(exact, within(1e-13 * exact));
            // the upper tail by symmetry: Φ(−x) − its exact value, relative to the small side 1 − Φ(−x) = Φ(x)
            assertThat(1 - NormalCdf.cdf(-x)).isCloseTo(exact, within(1e-15 + 1e-13 * exact));
        }
        assertThat(NormalCdf.cdf(-12)).isZero();
        assertThat(NormalCdf.cdf(12)).isEqualTo(1.0);
        assertThat(NormalCdf.mass(7, 8)).isCloseTo(0.5 * (Erf.erfc(7 / Math.sqrt(2)) - Erf.erfc(8 / Math.sqrt(2))),
                within(1e-24));
    }
}
