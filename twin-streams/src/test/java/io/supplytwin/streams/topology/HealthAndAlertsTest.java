package io.supplytwin.streams.topology;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.supplytwin.core.health.HealthModel;
import io.supplytwin.schemas.avro.Alert;
import io.supplytwin.schemas.avro.HealthComponent;
import io.supplytwin.schemas.avro.HealthIndex;
import io.supplytwin.schemas.avro.TwinLevel;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.kafka.streams.TestOutputTopic;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class HealthAndAlertsTest {

    private final TwinDriver twin = new TwinDriver(Map.of("streams.health-alert-threshold", "0.6",
            "streams.health-drop-alert", "0.1", "streams.health-drop-window", "1h"));
    private final TestOutputTopic<String, HealthIndex> health = twin.output(twin.topics.health());
    private final TestOutputTopic<String, Alert> alerts = twin.output(twin.topics.alerts());

    @AfterEach
    void close() {
        twin.close();
    }

    private static HealthComponent component(HealthIndex index, String key) {
        return index.getComponents().stream().filter(c -> c.getKey().equals(key)).findFirst().orElseThrow();
    }

    @Test
    void anEnterpriseChangePublishesHAndItsTwelveComponents() {
        twin.enterprise("t1-02", Duration.ZERO, TwinDriver.healthy());

        HealthIndex index = health.readValue();
        double expected = HealthModel.standard().assess(TwinDriver.healthy(), List.of(), List.of()).h();
        assertThat(index.getEnterpriseId()).isEqualTo("t1-02");
        assertThat(index.getH()).isCloseTo(expected, within(1e-12)).isGreaterThan(0.7);
        assertThat(index.getComponents()).hasSize(12);
        assertThat(component(index, "order_fulfilment_rate").getLabel()).isEqualTo("Order fulfilment rate");
        assertThat(index.getComponents()).allSatisfy(c -> assertThat(c.getScore()).isNotNull());
        assertThat(index.getAlerts()).isEmpty();
    }

    @Test
    void equipmentAndOrderTwinsRollUpIntoTheirEnterprise() {
        twin.enterprise("t1-02", Duration.ZERO, TwinDriver.healthy());
        twin.reading("t1-02", TwinLevel.EQUIPMENT, "t1-02-eq-01", Duration.ofMinutes(1), Map.of("availability_pct", 90.0));
        twin.reading("t1-02", TwinLevel.EQUIPMENT, "t1-02-eq-02", Duration.ofMinutes(2), Map.of("availability_pct", 70.0));
        twin.reading("t1-02", TwinLevel.ORDER, "t1-02-ord-001", Duration.ofMinutes(3), Map.of("delivery_delay_h", 0.0));
        twin.reading("t1-02", TwinLevel.ORDER, "t1-02-ord-002", Duration.ofMinutes(4), Map.of("delivery_delay_h", 48.0));

        HealthIndex last = health.readValuesToList().get(4);
        assertThat(component(last, "equipment_availability").getValue()).isEqualTo(80.0);
        assertThat(component(last, "on_time_delivery").getValue()).isEqualTo(50.0);
        // the enterprise's own reading stands in where no child reports (OEE)
        assertThat(component(last, "oee").getValue()).isEqualTo(85.0);
    }

    @Test
    void aChildMovingOnlyIndicatorsHealthDoesNotUseLeavesHealthAlone() {
        twin.enterprise("t1-02", Duration.ZERO, TwinDriver.healthy());
        twin.reading("t1-02", TwinLevel.EQUIPMENT, "t1-02-eq-01", Duration.ofMinutes(1),
                Map.of("availability_pct", 90.0, "spindle_temp_c", 40.0));
        twin.reading("t1-02", TwinLevel.EQUIPMENT, "t1-02-eq-01", Duration.ofMinutes(6),
                Map.of("availability_pct", 90.0, "spindle_temp_c", 55.0));

        assertThat(twin.output(twin.topics.equipmentState()).readValuesToList()).hasSize(2);
        assertThat(health.readValuesToList()).hasSize(2); // the enterprise's own, then the machine's first state
    }

    @Test
    void alertsFireOnCrossingsNotOnEveryLowRecord() {
        twin.enterprise("t2-07", Duration.ZERO, TwinDriver.healthy());
        twin.enterprise("t2-07", Duration.ofMinutes(5), TwinDriver.sick());
        twin.enterprise("t2-07", Duration.ofMinutes(10), TwinDriver.with(TwinDriver.sick(), "dso_days", 160.0));
        twin.enterprise("t2-07", Duration.ofMinutes(15), TwinDriver.with(TwinDriver.sick(), "dso_days", 170.0));
        twin.enterprise("t2-07", Duration.ofMinutes(20), TwinDriver.healthy());

        List<Alert> raised = alerts.readValuesToList();
        assertThat(raised).extracting(Alert::getKind).containsExactlyInAnyOrder("HEALTH_LOW", "HEALTH_DROP",
                "CREDIT_RISK", "HEALTH_RECOVERED");
        Alert low = raised.stream().filter(a -> a.getKind().equals("HEALTH_LOW")).findFirst().orElseThrow();
        assertThat(low.getTime()).isEqualTo(TwinDriver.T0.plus(Duration.ofMinutes(5)));
        assertThat(low.getThreshold()).isEqualTo(0.6);
        List<HealthIndex> indices = health.readValuesToList();
        assertThat(indices.get(2).getAlerts()).containsExactly("HEALTH_LOW", "HEALTH_DROP");
        assertThat(indices.get(4).getAlerts()).isEmpty();
    }

    @Test
    void aFastDropAboveTheThresholdStillAlerts() {
        twin.enterprise("t2-08", Duration.ZERO, TwinDriver.healthy());
        Map<String, Double> worse = TwinDriver.with(TwinDriver.with(TwinDriver.with(TwinDriver.healthy(),
                "order_fulfilment_rate_pct", 60.0), "quality_pass_rate_pct", 60.0), "supplier_otif_pct", 60.0);
        twin.enterprise("t2-08", Duration.ofMinutes(5), worse);

        List<HealthIndex> indices = health.readValuesToList();
        assertThat(indices.get(0).getH() - indices.get(1).getH()).isGreaterThanOrEqualTo(0.1);
        assertThat(indices.get(1).getH()).isGreaterThanOrEqualTo(0.6);
        assertThat(alerts.readValuesToList()).extracting(Alert::getKind).containsExactly("HEALTH_DROP");
    }

    @Test
    void keyIndicatorsArrivingLaterAreNotTakenForAFastDrop() {
        Map<String, Double> first = new java.util.HashMap<>();
        for (String k : List.of("order_fulfilment_rate_pct", "quality_pass_rate_pct", "inventory_turnover_ratio",
                "capital_turnover_ratio")) {
            first.put(k, TwinDriver.healthy().get(k));
        }
        twin.enterprise("t2-10", Duration.ZERO, first);
        Map<String, Double> rest = new java.util.HashMap<>(TwinDriver.sick());
        first.keySet().forEach(rest::remove);
        twin.enterprise("t2-10", Duration.ofMinutes(5), rest);

        List<HealthIndex> indices = health.readValuesToList();
        assertThat(indices).hasSize(2);
        assertThat(indices.get(0).getH() - indices.get(1).getH()).isGreaterThanOrEqualTo(0.1);
        assertThat(alerts.readValuesToList()).extracting(Alert::getKind).doesNotContain("HEALTH_DROP");
    }

    @Test
    void noAlertsWhileTooFewKeyIndicatorsAreObserved() {
        twin.enterprise("t2-09", Duration.ZERO, Map.of("dso_days", 179.0));
        assertThat(health.readValue().getH()).isLessThan(0.6);
        assertThat(alerts.isEmpty()).isTrue();
        assertThat(twin.output(twin.topics.credit()).isEmpty()).isTrue();
    }
}
