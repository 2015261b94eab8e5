package io.supplytwin.ml.scoring;

import static org.assertj.core.api.Assertions.assertThat;

import io.supplytwin.ml.artifact.ModelStore;
import io.supplytwin.ml.feature.DayObservation;
import io.supplytwin.ml.feature.EntityHistory;
import io.supplytwin.ml.feature.RiskIndicators;
import io.supplytwin.ml.history.EquipmentFailureHistory;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ScorerTest {
    @TempDir
    static Path dir;
    private static Scorer scorer;

    @BeforeAll
    static void start() throws Exception {
        ModelStore.ensureModels(dir);
        scorer = Scorer.open(dir, Scorer.Options.defaults().withPollInterval(Duration.ZERO));
    }

    @AfterAll
    static void stop() {
        scorer.close();
    }

    @Test
    void an_enterprise_day_gets_a_7_day_forecast_an_order_in_batches_of_16_a_risk_and_its_reasons() {
        ForecastResult r = scorer.forecast(Histories.enterprise(3, 60)).orElseThrow();
        assertThat(r.values()).hasSize(7);
        assertThat(java.util.Arrays.stream(r.values()).allMatch(v -> v > 10 && v < 120)).isTrue();
        assertThat(r.recommendedOrder() % 16).isZero();
        assertThat(r.p()).isBetween(0.0, 1.0);
        assertThat(r.riskModel()).isEqualTo("risk-xgboost");
        assertThat(r.topContributors()).hasSize(3);
        assertThat(r.model()).isEqualTo("xgboost");
        assertThat(r.version()).isEqualTo("v0001");
    }

    @Test
    void the_reasons_for_p_add_up_to_its_log_odds() {
        EntityHistory history = Histories.enterprise(6, 60);
        double p = scorer.forecast(history).orElseThrow().p();
        io.supplytwin.ml.explain.Explanation e = scorer.explainRisk(history).orElseThrow();
        assertThat(e.prediction()).isCloseTo(Math.log(p / (1 - p)), org.assertj.core.data.Offset.offset(1e-3));
        assertThat(e.top(3)).hasSize(3);
        assertThat(scorer.explainRisk(Histories.supplyOnly(6, 40))).isEmpty();
    }

    @Test
    void an_entity_without_risk_indicators_gets_a_forecast_and_no_probability() {
        ForecastResult r = scorer.forecast(Histories.supplyOnly(4, 40)).orElseThrow();
        assertThat(r.p()).isNaN();
        assertThat(r.riskModel()).isEmpty();
    }

    @Test
    void non_finite_inputs_never_reach_a_model_and_are_counted() {
        EntityHistory good = Histories.supplyOnly(5, 40);
        List<DayObservation> days = new ArrayList<>(good.days());
        DayObservation last = days.get(days.size() - 1);
        days.set(days.size() - 1, DayObservation.supply(last.day(), Double.POSITIVE_INFINITY, last.orders(),
                last.inventory(), last.sales()));
        long before = scorer.counters().skippedNonFinite();
        assertThat(scorer.forecast(new EntityHistory("r", "e", days))).isEmpty();
        assertThat(scorer.counters().skippedNonFinite()).isEqualTo(before + 1);

        long shortBefore = scorer.counters().skippedShort();
        assertThat(scorer.forecast(good.upTo(10))).isEmpty();
        assertThat(scorer.counters().skippedShort()).isEqualTo(shortBefore + 1);
    }

    @Test
    void worn_machines_raise_fault_alerts_and_fresh_ones_do_not() {
        List<EquipmentFailureHistory.Machine> machines = EquipmentFailureHistory.generate(77, 10, 400);
        int alerts = 0;
        int quiet = 0;
        for (EquipmentFailureHistory.Machine m : machines) {
            for (int end = 12; end < m.readings().size(); end += 6) {
                FaultRisk risk = scorer.equipmentFault(m.id(), readings(m.readings().subList(end - 12, end)))
                        .orElseThrow();
                if (risk.alert()) {
                    alerts++;
                    assertThat(risk.probability()).isGreaterThanOrEqualTo(risk.threshold());
                    assertThat(risk.topContributors()).isNotEmpty();
                } else {
                    quiet++;
                }
            }
        }
        assertThat(alerts).isPositive();
        assertThat(quiet).isGreaterThan(alerts);
        assertThat(scorer.equipmentFault("m", readings(machines.get(0).readings().subList(0, 5)))).isEmpty();
    }

    private static List<Map<String, Double>> readings(List<double[]> rows) {
        List<Map<String, Double>> out = new ArrayList<>();
        for (double[] row : rows) {
            Map<String, Double> m = new HashMap<>();
            for (int j = 0; j < row.length; j++) {
                m.put(RiskIndicators.EQUIPMENT.get(j), row[j]);
            }
            out.add(m);
        }
        return out;
    }
}
