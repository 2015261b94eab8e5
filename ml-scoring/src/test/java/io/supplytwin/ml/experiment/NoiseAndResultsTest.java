package io.supplytwin.ml.experiment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.supplytwin.ml.experiment.metrics.LayerMetrics;
import io.supplytwin.ml.history.SeedDemandChain;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NoiseAndResultsTest {

    @Test
    void noise_follows_the_papers_table_4() {
        double[] demand = SeedDemandChain.consumerDemand(42, 1095);
        double[] measured = Arrays.copyOfRange(demand, 219, 1095);
        double sigma = Math.sqrt(LayerMetrics.variance(measured));
        double max = Arrays.stream(measured).max().orElseThrow();
        double[] noisy = OrderingExperiment.noisyDemand(demand, 219, 0.5, 42);
        assertThat(Arrays.copyOfRange(noisy, 0, 219)).containsExactly(Arrays.copyOfRange(demand, 0, 219));
        double[] diff = new double[876];
        for (int t = 219; t < 1095; t++) {
            assertThat(noisy[t]).isBetween(0.0, 2 * max);
            diff[t - 219] = noisy[t] - demand[t];
        }
        // the added noise has sd 0.5 σ (a few of the 876 draws clamped at 0 shrink it a little)
        assertThat(Math.sqrt(LayerMetrics.variance(diff))).isCloseTo(0.5 * sigma, within(0.1 * sigma));
        assertThat(OrderingExperiment.noisyDemand(demand, 219, 0.5, 42)).containsExactly(noisy);
        assertThat(OrderingExperiment.noisyDemand(demand, 219, 0.0, 42)).containsExactly(demand);
    }

    @Test
    void results_survive_the_file_and_merge_by_policy(@TempDir Path dir) throws Exception {
        ExperimentResult a = result(List.of(42L), "xgboost");
        ExperimentResult b = result(List.of(42L), "dqn");
        ResultFile.write(a, dir);
        ExperimentResult back = ResultFile.read(dir);
        assertThat(back.runs().keySet()).containsExactly("xgboost");
        assertThat(back.runs().get("xgboost").get(0).layers()[0].mae()).isNaN();
        assertThat(back.runs().get("xgboost").get(0).totalProfit()).isEqualTo(300);
        ExperimentResult merged = ResultFile.merge(back, b);
        assertThat(merged.runs().keySet()).containsExactly("xgboost", "dqn");
        assertThat(merged.kinds()).containsEntry("dqn", "trees");
        assertThat(ResultFile.merge(result(List.of(42L, 43L), "lstm"), b).runs()).containsKeys("lstm", "dqn");
        assertThatThrownBy(() -> ResultFile.merge(a, result(List.of(43L), "dqn")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("different seeds");
        Files.writeString(dir.resolve(ResultFile.NAME), "{\"settings\": 3}");
        assertThatThrownBy(() -> ResultFile.read(dir)).hasMessageContaining("not an experiment's results");
    }

    private static ExperimentResult result(List<Long> seeds, String policy) {
        LayerMetrics m = new LayerMetrics(100, 1, 1, 1, 10, 1, 1, 5, Double.NaN, 0.9, 0.9);
        PolicyRun run = new PolicyRun(seeds.get(0), new LayerMetrics[] {m, m, m}, new double[3][2], "",
                List.of(new PolicyRun.Trial("trees 100", 5)), new double[] {300}, 1);
        Map<String, List<PolicyRun>> runs = new LinkedHashMap<>();
        runs.put(policy, List.of(run));
        return new ExperimentResult(ExperimentSettings.quick().withSeeds(seeds), runs, Map.of(policy, "trees"),
                List.of(), List.of(), 1);
    }
}
