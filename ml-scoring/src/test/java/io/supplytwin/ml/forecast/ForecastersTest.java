package io.supplytwin.ml.forecast;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.supplytwin.ml.explain.Contribution;
import io.supplytwin.ml.explain.Explanation;
import io.supplytwin.ml.feature.ForecastFeatures;
import io.supplytwin.ml.training.ForecastData;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Every forecaster trained once on one run of seed 000's chain (days < 723), judged on days 730..1094. */
class ForecastersTest {
    private static final Logger LOG = LoggerFactory.getLogger(ForecastersTest.class);
    private static ForecastData data;
    private static final Map<String, Forecaster> TRAINED = new LinkedHashMap<>();

    @BeforeAll
    static void train() {
        data = ForecastData.generated(42, 1, 1095);
        SequenceNet.Settings settings = new SequenceNet.Settings(30, 32, 0.005f, 7);
        TRAINED.put(XgbForecaster.NAME, XgbForecaster.train(data.training(), 7));
        TRAINED.put(HybridForecaster.CFC, HybridForecaster.train(HybridForecaster.CFC, data.training(), settings, null));
        TRAINED.put(HybridForecaster.ADAPTIVE_LEAK,
                HybridForecaster.train(HybridForecaster.ADAPTIVE_LEAK, data.training(), settings, null));
        TRAINED.put(LstmForecaster.NAME, LstmForecaster.train(data.training(), settings, null));
    }

    @AfterAll
    static void close() {
        TRAINED.values().forEach(Forecaster::close);
    }

    @Test
    void every_forecaster_beats_the_7_day_moving_average_on_held_out_days() {
        double baselineRetail = mae(new MovingAverageForecaster(), data.heldOutRetailer().inputs(), true);
        double baselineAll = mae(new MovingAverageForecaster(), data.heldOut().inputs(), false);
        LOG.info("Held-out MAE, retailer / all layers: {} {} / {}", MovingAverageForecaster.NAME,
                fmt(baselineRetail), fmt(baselineAll));
        for (Forecaster f : TRAINED.values()) {
            double retail = mae(f, data.heldOutRetailer().inputs(), true);
            double all = mae(f, data.heldOut().inputs(), false);
            LOG.info("Held-out MAE, retailer / all layers: {} {} / {}", f.name(), fmt(retail), fmt(all));
            assertThat(retail).as(f.name() + " on the retailer").isLessThan(baselineRetail);
            assertThat(all).as(f.name() + " on every layer").isLessThan(baselineAll);
        }
    }

    @Test
    void a_saved_and_loaded_forecaster_predicts_exactly_what_the_trained_one_did(@TempDir Path dir) throws Exception {
        List<double[]> windows = data.heldOut().inputs().subList(0, 50);
        for (Forecaster f : TRAINED.values()) {
            Path d = dir.resolve(f.name());
            java.nio.file.Files.createDirectories(d);
            f.save(d);
            try (Forecaster loaded = io.supplytwin.ml.artifact.ForecasterKind.load(f.name(), d)) {
                assertThat(loaded.forecast(windows)).as(f.name()).isDeepEqualTo(f.forecast(windows));
            }
        }
    }

    @Test
    void tree_shap_contributions_plus_bias_give_the_forecast() {
        Forecaster xgb = TRAINED.get(XgbForecaster.NAME);
        for (double[] w : data.heldOut().inputs().subList(0, 20)) {
            Explanation e = xgb.explain(w);
            assertThat(e.exact()).isTrue();
            assertThat(e.prediction()).isCloseTo(mean(xgb.forecast(w)), within(1e-3));
            assertThat(e.contributions()).extracting(Contribution::feature).containsAll(ForecastFeatures.NAMES);
        }
    }

    @Test
    void sampled_shap_of_the_neural_models_adds_up_to_the_forecast() {
        double[] w = data.heldOut().inputs().get(3);
        for (String name : List.of(HybridForecaster.CFC, LstmForecaster.NAME)) {
            Forecaster f = TRAINED.get(name);
            Explanation e = f.explain(w);
            assertThat(e.exact()).isFalse();
            assertThat(e.prediction()).as(name).isCloseTo(mean(f.forecast(w)), within(1e-4));
            assertThat(e.top(3)).hasSize(3);
        }
    }

    @Test
    void the_liquid_cells_give_the_same_numbers_in_java_as_on_the_djl_engine() {
        float[] inputs = new WindowScaling(
                io.supplytwin.ml.feature.MinMaxScaler.fit(data.training().inputs(), ForecastFeatures.WIDTH), List.of())
                .scaled(data.heldOut().inputs().subList(0, 10));
        for (String name : List.of(HybridForecaster.CFC, HybridForecaster.ADAPTIVE_LEAK)) {
            SequenceNet net = ((HybridForecaster) TRAINED.get(name)).network();
            SequenceNet.Output java = net.run(inputs);
            SequenceNet.Output engine = net.runOnEngine(inputs);
            for (int i = 0; i < java.hidden().length; i++) {
                assertThat(java.hidden()[i]).as(name).isCloseTo(engine.hidden()[i], within(1e-4f));
            }
            for (int i = 0; i < java.values().length; i++) {
                assertThat(java.values()[i]).as(name).isCloseTo(engine.values()[i], within(1e-4f));
            }
        }
    }

    private static double mae(Forecaster f, List<double[]> inputs, boolean retail) {
        return ForecastData.mae(f.forecast(inputs), retail ? data.heldOutRetailer().targets() : data.heldOut().targets());
    }

    private static double mean(double[] v) {
        return java.util.Arrays.stream(v).average().orElseThrow();
    }

    private static String fmt(double v) {
        return String.format("%.2f", v);
    }
}
