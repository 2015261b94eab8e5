package io.supplytwin.ml.feature;

import static org.assertj.core.api.Assertions.assertThat;

import io.supplytwin.ml.history.SeedDemandChain;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ForecastFeaturesTest {
    private final List<DayObservation> retailer = SeedDemandChain.generate(42, 120).get(0);

    @Test
    void the_stream_sees_the_same_window_as_training_did_for_that_day() {
        WindowSet training = ForecastFeatures.trainingSet(retailer);
        EntityHistory history = new EntityHistory("r1", "e1", retailer);
        for (int k = 0; k < training.size(); k++) {
            int lastDay = (int) (long) training.endDays().get(k);
            double[] streamed = ForecastFeatures.latestWindow(history.upTo(lastDay + 1));
            assertThat(streamed).containsExactly(training.inputs().get(k));
        }
        assertThat(training.size()).isEqualTo(120 - ForecastFeatures.MIN_HISTORY_DAYS - ForecastFeatures.HORIZON + 1);
    }

    @Test
    void a_vector_holds_seed_000s_ten_features() {
        double[] v = ForecastFeatures.vector(retailer, 30);
        assertThat(v).hasSize(10);
        assertThat(v[0]).isEqualTo(retailer.get(30).demand());
        assertThat(v[1]).isEqualTo(retailer.get(29).orders());
        assertThat(v[2]).isEqualTo(retailer.get(28).orders());
        assertThat(v[3]).isEqualTo(retailer.get(29).inventory());
        assertThat(v[5]).isEqualTo(retailer.get(29).sales());
        assertThat(v[8]).isEqualTo(Math.sin(2 * Math.PI * 30 / 90.0));
        assertThat(v[9]).isEqualTo(30 / 1095.0);
    }

    @Test
    void a_short_history_has_no_window_and_non_finite_days_never_become_training_windows() {
        assertThat(ForecastFeatures.latestWindow(new EntityHistory("r1", "e1", retailer.subList(0, 14)))).isNull();
        List<DayObservation> broken = new ArrayList<>(retailer);
        broken.set(60, DayObservation.supply(60, Double.NaN, 10, 10, 10));
        WindowSet clean = ForecastFeatures.trainingSet(retailer);
        WindowSet set = ForecastFeatures.trainingSet(broken);
        assertThat(set.size()).isLessThan(clean.size());
        assertThat(set.inputs()).allMatch(ForecastFeatures::allFinite);
        assertThat(set.targets()).allMatch(ForecastFeatures::allFinite);
    }

    @Test
    void scaled_features_of_training_data_lie_in_zero_to_one() {
        WindowSet set = ForecastFeatures.trainingSet(retailer);
        MinMaxScaler scaler = MinMaxScaler.fit(set.inputs(), ForecastFeatures.WIDTH);
        for (double[] w : set.inputs()) {
            for (float v : scaler.transform(w)) {
                assertThat(v).isBetween(0f, 1f);
            }
        }
        assertThat(scaler.unscale(0, scaler.scale(0, 42.5))).isCloseTo(42.5, org.assertj.core.data.Offset.offset(1e-9));
    }
}
