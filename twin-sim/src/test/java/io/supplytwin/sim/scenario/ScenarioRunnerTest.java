package io.supplytwin.sim.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The modelled modes on a short run; dt-blockchain runs through the services (twin-app's DtBlockchainScenarioIT). */
class ScenarioRunnerTest {
    private final ScenarioRunner runner = new ScenarioRunner(ScenarioParameters.standard(), 1, 40);

    @Test
    void onAShortRunTheLedgerAloneDecidesFasterAndMoreTransparentlyThanPaper() {
        ScenarioResult baseline = runner.run(Scenario.BASELINE, f -> { });
        ScenarioResult blockchain = runner.run(Scenario.BLOCKCHAIN, f -> { });
        assertThat(List.of(baseline, blockchain)).allSatisfy(r -> assertThat(r.applications()).isPositive());
        assertThat(blockchain.approvalMeanHours()).isLessThan(baseline.approvalMeanHours());
        assertThat(blockchain.transparency()).isGreaterThan(baseline.transparency());
    }

    @Test
    void theSameSeedGivesTheSameResult() {
        ScenarioResult a = runner.run(Scenario.BASELINE, f -> { });
        ScenarioResult b = runner.run(Scenario.BASELINE, f -> { });
        assertThat(ScenarioReport.csv(List.of(a))).isEqualTo(ScenarioReport.csv(List.of(b)));
        assertThat(a.scored()).isDeepEqualTo(b.scored());
    }

    @Test
    void dtBlockchainNeedsTheLiveServices() {
        assertThatThrownBy(() -> runner.run(Scenario.DT_BLOCKCHAIN, f -> { }))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("LiveFinancing");
    }

    @Test
    void aucRanksGoodOutcomesAboveBadOnes() {
        assertThat(ScenarioRunner.auc(List.of(new double[] {0.9, 0}, new double[] {0.8, 0}, new double[] {0.3, 1}))).isEqualTo(1.0);
        assertThat(ScenarioRunner.auc(List.of(new double[] {0.5, 0}, new double[] {0.5, 1}))).isEqualTo(0.5);
        assertThat(ScenarioRunner.auc(List.of(new double[] {0.5, 0}))).isNaN();
    }

    @Test
    void theSummaryGivesMeanAndSpreadOverSeeds() {
        ScenarioReport.Spread s = ScenarioReport.Spread.of(new double[] {1, 3, Double.NaN});
        assertThat(s.mean()).isEqualTo(2.0);
        assertThat(s.sd()).isCloseTo(Math.sqrt(2), org.assertj.core.data.Offset.offset(1e-12));
        assertThat(s.n()).isEqualTo(2);
        assertThat(ScenarioReport.Spread.of(new double[] {Double.NaN}).toString()).isEqualTo("n/a");
    }
}
