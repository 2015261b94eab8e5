package io.supplytwin.ml.forecast;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.supplytwin.ml.artifact.ArtifactFiles;
import io.supplytwin.ml.artifact.ForecasterKind;
import io.supplytwin.ml.explain.Explanation;
import io.supplytwin.ml.training.ForecastData;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The Transformer trained once on one run of seed 000's chain (days < 723), judged on days 730..1094. */
class TransformerForecasterTest {
    private static final Logger LOG = LoggerFactory.getLogger(TransformerForecasterTest.class);
    private static ForecastData data;
    private static TransformerForecaster trained;

    @BeforeAll
    static void train() {
        data = ForecastData.generated(42, 1, 1095);
        long start = System.nanoTime();
        trained = TransformerForecaster.train(data.training(), new SequenceNet.Settings(16, 32, TransformerForecaster.LEARNING_RATE, 7), null);
        LOG.info("Transformer trained on {} windows in {} s", data.training().size(),
                String.format("%.1f", (System.nanoTime() - start) / 1e9));
    }

    @AfterAll
    static void close() {
        trained.close();
    }

    @Test
    void beats_the_7_day_moving_average_on_held_out_days() {
        MovingAverageForecaster baseline = new MovingAverageForecaster();
        double baseRetail = ForecastData.mae(baseline.forecast(data.heldOutRetailer().inputs()),
                data.heldOutRetailer().targets());
        double baseAll = ForecastData.mae(baseline.forecast(data.heldOut().inputs()), data.heldOut().targets());
        double retail = ForecastData.mae(trained.forecast(data.heldOutRetailer().inputs()),
                data.heldOutRetailer().targets());
        double all = ForecastData.mae(trained.forecast(data.heldOut().inputs()), data.heldOut().targets());
        LOG.info("Held-out MAE, retailer / all layers: {} {} / {}, {} {} / {}", MovingAverageForecaster.NAME,
                String.format("%.2f", baseRetail), String.format("%.2f", baseAll), trained.name(),
                String.format("%.2f", retail), String.format("%.2f", all));
        assertThat(retail).isLessThan(baseRetail);
        assertThat(all).isLessThan(baseAll);
    }

    @Test
    void saved_and_loaded_it_predicts_exactly_the_same(@TempDir Path dir) throws Exception {
        List<double[]> windows = data.heldOut().inputs().subList(0, 50);
        trained.save(dir);
        SequenceNet.Spec spec = ArtifactFiles.read(dir.resolve(SequenceNet.SPEC_FILE), SequenceNet.Spec.class);
        assertThat(spec.core()).isEqualTo("transformer");
        assertThat(spec.heads()).isEqualTo(TransformerForecaster.Shape.small().heads());
        assertThat(spec.layers()).isEqualTo(TransformerForecaster.Shape.small().layers());
        try (Forecaster loaded = ForecasterKind.load(TransformerForecaster.NAME, dir)) {
            assertThat(loaded).isInstanceOf(TransformerForecaster.class);
            assertThat(loaded.forecast(windows)).isDeepEqualTo(trained.forecast(windows));
        }
        // inference is deterministic: dropout is off outside training
        assertThat(trained.forecast(windows)).isDeepEqualTo(trained.forecast(windows));
    }

    @Test
    void explanations_add_up_to_the_forecast() {
        double[] w = data.heldOut().inputs().get(3);
        Explanation e = trained.explain(w);
        double mean = java.util.Arrays.stream(trained.forecast(w)).average().orElseThrow();
        assertThat(e.exact()).isFalse();
        assertThat(e.prediction()).isCloseTo(mean, org.assertj.core.api.Assertions.within(1e-4));
    }

    @Test
    void a_network_file_from_before_the_transformer_still_reads(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("network.json"), """
                {"core":"lstm","steps":10,"features":10,"hidden":32,"outputs":7,"sigmoid":false}""");
        SequenceNet.Spec spec = ArtifactFiles.read(dir.resolve("network.json"), SequenceNet.Spec.class);
        assertThat(spec).isEqualTo(new SequenceNet.Spec("lstm", 10, 10, 32, 7, false));
        assertThat(spec.heads()).isZero();
    }

    @Test
    void a_model_size_that_the_heads_do_not_divide_is_refused() {
        assertThatThrownBy(() -> new TransformerEncoder(30, 4, 1, 10)).hasMessageContaining("multiple of 4 heads");
    }
}
