package io.supplytwin.ml.experiment.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.supplytwin.ml.experiment.ExperimentResult;
import io.supplytwin.ml.experiment.ExperimentSettings;
import io.supplytwin.ml.experiment.PolicyRun;
import io.supplytwin.ml.experiment.metrics.CompositeScore;
import io.supplytwin.ml.experiment.metrics.LayerMetrics;
import io.supplytwin.ml.experiment.stats.OneWayAnova;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExperimentReportTest {

    /** Three policies × four runs; "good" earns the most and has the least bullwhip, "bad" the reverse. */
    private static ExperimentResult result() {
        Map<String, List<PolicyRun>> runs = new LinkedHashMap<>();
        double[] level = {1.0, 0.9, 0.5};
        String[] names = {"good", "middle", "bad"};
        for (int p = 0; p < names.length; p++) {
            List<PolicyRun> rs = new java.util.ArrayList<>();
            for (int r = 0; r < 4; r++) {
                double x = level[p] + 0.02 * r;
                LayerMetrics m = new LayerMetrics(1e6 * x, 2 - x, 2 - x, 0.9 + 0.1 * x, 50 * x, 1000 / x, 100 / x,
                        10, 5 / x, x, x);
                rs.add(new PolicyRun(42 + r, new LayerMetrics[] {m, m, m}, new double[][] {{1, 2}, {1, 2}, {1, 2}},
                        "", List.of(), new double[] {3e6 * x, 3e6 * x, 2.9e6 * x, 2.8e6 * x}, 1));
            }
            runs.put(names[p], rs);
        }
        return new ExperimentResult(ExperimentSettings.paper(4), runs,
                Map.of("good", "neural", "middle", "trees", "bad", "classical"), List.of(), List.of(), 12);
    }

    @Test
    void the_report_names_the_best_policies_and_tests_the_scores(@TempDir Path dir) throws Exception {
        ExperimentResult r = result();
        String md = Files.readString(ExperimentReport.write(r, dir));
        assertThat(md).contains("Best by total profit (three layers, mean over runs): **good** (neural)");
        assertThat(md).contains("Lowest bullwhip (mean over the three layers of Var(orders)/Var(demand)): **good**");
        assertThat(md).contains("| 1 | good |", "| 3 | bad |");
        Map<String, double[]> scores = ExperimentReport.scores(r, CompositeScore.DEFAULT);
        OneWayAnova anova = OneWayAnova.of(List.of(scores.get("good"), scores.get("middle"), scores.get("bad")));
        assertThat(md).contains(String.format(Locale.ROOT, "F(2, 9) = %.2f", anova.f()));
        assertThat(md).contains("Tukey HSD (family-wise α = 0.05): 3 of 3 pairs differ", "| bad-good |");
        assertThat(md).contains("| 0.0 | 3,090,000 ± 77,460 | 2,790,000 ± 77,460 | 1,590,000 ± 77,460 |");
        assertThat(dir.resolve("bullwhip.png")).isRegularFile();
        assertThat(dir.resolve("composite-custom.png")).isRegularFile();
        assertThat(dir.resolve("shap-xgboost.png")).doesNotExist();
    }
}
