package io.supplytwin.sim.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ScenarioRunnerTest {
    private final ScenarioRunner runner = new ScenarioRunner(ScenarioParameters.standard(), 1, 40);

    @Test
    void onAShortRunTheTwinDecidesFastestAndTheLedgerAloneBeatsPaper() {
        ScenarioResult baseline = runner.run(Scenario.BASELINE, f -> { });
        ScenarioResult blockchain = runner.run(Scenario.BLOCKCHAIN, f -> { });
        ScenarioResult dt = runner.run(Scenario.DT_BLOCKCHAIN, f -> { });
        assertThat(List.of(baseline, blockchain, dt)).allSatisfy(r -> assertThat(r.applications()).isPositive());
        assertThat(dt.approvalMeanHours()).isLessThan(blockchain.approvalMeanHours());
        assertThat(blockchain.approvalMeanHours()).isLessThan(baseline.approvalMeanHours());
        assertThat(dt.transparency()).isGreaterThan(blockchain.transparency());
        assertThat(blockchain.transparency()).isGreaterThan(baseline.transparency());
    }

    @Test
    void theSameSeedGivesTheSameResult() {
        ScenarioResult a = runner.run(Scenario.BLOCKCHAIN, f -> { });
        ScenarioResult b = runner.run(Scenario.BLOCKCHAIN, f -> { });
        assertThat(ScenarioReport.csv(List.of(a))).isEqualTo(ScenarioReport.csv(List.of(b)));
    }

    @Test
    void aucRanksGoodOutcomesAboveBadOnes() {
        assertThat(ScenarioRunner.auc(List.of(new double[] {0.9, 0}, new double[] {0.8, 0}, new double[] {0.3, 1}))).isEqualTo(1.0);
        assertThat(ScenarioRunner.auc(List.of(new double[] {0.5, 0}, new double[] {0.5, 1}))).isEqualTo(0.5);
        assertThat(ScenarioRunner.auc(List.of(new double[] {0.5, 0}))).isNaN();
    }
}
