package io.supplytwin.ml.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.supplytwin.ml.experiment.ExperimentResult;
import io.supplytwin.ml.experiment.PolicyRun;
import io.supplytwin.ml.experiment.ResultFile;
import io.supplytwin.ml.experiment.metrics.LayerMetrics;
import io.supplytwin.ml.experiment.report.ExperimentReport;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code twin experiment ordering --quick} end to end: one run of 365 days, every policy, report and plots. */
class OrderingExperimentCommandTest {

    @Test
    void a_quick_run_writes_the_report_with_our_tables_beside_the_papers(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("report");
        int exit = new CommandLine(new ExperimentCommand()).execute("ordering", "--quick", "--out", out.toString());
        assertThat(exit).isZero();

        String md = Files.readString(out.resolve(ExperimentReport.MARKDOWN));
        assertThat(md).contains("## Verdict", "Best by total profit", "Lowest bullwhip",
                "seed 000's Table 3 beside ours", "| 1 | ", "LNN | 0.6297 | 0.5930",
                "seed 000's Table 5 beside ours", "2,200,000", "| 1.0 |", "## SHAP", "season_sin90",
                "## Search");
        assertThat(md).doesNotContain("NaN", "Infinity");
        for (String png : List.of("cumulative-profit-layer1.png", "cumulative-profit-layer3.png",
                "cumulative-profit-gap-layer2.png", "bullwhip.png", "composite-default.png", "composite-custom.png",
                "shap-xgboost.png")) {
            assertThat(out.resolve(png)).isRegularFile();
            assertThat(Files.size(out.resolve(png))).isGreaterThan(1000);
        }

        ExperimentResult r = ResultFile.read(out);
        assertThat(r.runs().keySet()).containsExactly("lnn-xgboost", "xgboost", "lstm", "transformer", "ma7",
                "dqn", "base-stock", "pout");
        for (Map.Entry<String, List<PolicyRun>> e : r.runs().entrySet()) {
            PolicyRun run = e.getValue().get(0);
            assertThat(run.noiseProfit()).hasSize(4);
            assertThat(Arrays.stream(run.noiseProfit()).allMatch(Double::isFinite)).isTrue();
            if (e.getKey().equals("dqn")) {
                // three episodes end before the first update: the agents are untrained, only the accounting is checked
                for (LayerMetrics m : run.layers()) {
                    assertThat(m.serviceLevel()).isBetween(0.0, 1.0);
                    assertThat(m.profit()).isFinite();
                    assertThat(m.mae()).isNaN();
                }
                continue;
            }
            for (LayerMetrics m : run.layers()) {
                // 146 measured days at margins of 40..70 on about 50 units a day: well above 0, below every unit
                // of demand sold at the margin
                assertThat(m.profit()).as(e.getKey()).isBetween(100_000.0, 146 * 80 * 70.0);
                assertThat(m.serviceLevel()).as(e.getKey()).isBetween(0.8, 1.0);
                assertThat(m.bullwhip()).as(e.getKey()).isBetween(0.2, 20.0);
                assertThat(m.efficiency()).as(e.getKey()).isBetween(0.5, 1.1);
                assertThat(m.mae()).as(e.getKey()).isBetween(0.0, 50.0);
                assertThat(m.holdingCost()).as(e.getKey()).isNotNegative();
            }
        }
        assertThat(r.runs().get("xgboost").get(0).trials()).hasSize(2);
        assertThat(r.shap()).hasSize(3);

        // the report can be written again from the results alone
        Path again = dir.resolve("again");
        assertThat(new CommandLine(new ExperimentCommand()).execute("ordering", "--report-from", out.toString(),
                "--out", again.toString())).isZero();
        assertThat(Files.readString(again.resolve(ExperimentReport.MARKDOWN)).lines().skip(3).toList())
                .isEqualTo(md.lines().skip(3).toList());
    }

    @Test
    void bad_options_are_usage_errors_with_one_line() {
        for (String[] args : List.of(new String[] {"ordering", "--runs", "0"},
                new String[] {"ordering", "--models", "gpt"}, new String[] {"ordering", "--space", "huge"},
                new String[] {"ordering", "--report-from", "/nonexistent"})) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            PrintStream saved = System.out;
            System.setOut(new PrintStream(out, true));
            try {
                assertThat(new CommandLine(new ExperimentCommand()).execute(args)).as(String.join(" ", args))
                        .isEqualTo(2);
            } finally {
                System.setOut(saved);
            }
            assertThat(out.toString().trim().lines()).as(String.join(" ", args)).hasSize(1);
            assertThat(out.toString()).startsWith("twin experiment ordering: ");
        }
    }
}
