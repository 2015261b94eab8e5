package io.supplytwin.streams.topology;

import static org.assertj.core.api.Assertions.assertThat;

import io.supplytwin.schemas.avro.EmitReason;
import io.supplytwin.schemas.avro.TwinLevel;
import io.supplytwin.schemas.avro.TwinState;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.kafka.streams.TestOutputTopic;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class EventDrivenEmissionTest {

    private final TwinDriver twin = new TwinDriver();
    private final TestOutputTopic<String, TwinState> equipment = twin.output(twin.topics.equipmentState());

    @AfterEach
    void close() {
        twin.close();
    }

    private void availability(int minute, double value) {
        twin.reading("t1-01", TwinLevel.EQUIPMENT, "t1-01-eq-01", Duration.ofMinutes(minute),
                Map.of("availability_pct", value, "oee_pct", 80.0));
    }

    @Test
    void movesWithinTheDeadbandOfTheLastPublishedValueStayQuiet() {
        availability(0, 90.0);
        availability(5, 90.3);  // 0.3 from 90.0: inside the 0.5 % deadband
        availability(10, 90.45); // still within 0.5 of what was published
        availability(15, 90.6); // 0.6 from the published 90.0: a change, although each step was small

        List<TwinState> states = equipment.readValuesToList();
        assertThat(states).extracting(TwinState::getEmitReason).containsExactly(EmitReason.INITIAL, EmitReason.DEADBAND);
        assertThat(states).extracting(TwinState::getVersion).containsExactly(1L, 2L);
        assertThat(states.get(1).getIndicators().get("availability_pct").getValue()).isEqualTo(90.6);
        assertThat(states.get(1).getIndicators().get("availability_pct").getCount()).isEqualTo(4);
        assertThat(twin.metrics.readingsIn()).isEqualTo(4);
        assertThat(twin.metrics.statesOut()).isEqualTo(2);
    }

    @Test
    void aQuietTwinStillPublishesOnceAHeartbeatIntervalPassed() {
        for (int minute = 0; minute <= 60; minute += 5) {
            availability(minute, 90.0);
        }
        List<TwinState> states = equipment.readValuesToList();
        assertThat(states).extracting(TwinState::getEmitReason)
                .containsExactly(EmitReason.INITIAL, EmitReason.HEARTBEAT, EmitReason.HEARTBEAT);
        assertThat(states).extracting(s -> s.getUpdateTime()).containsExactly(TwinDriver.T0,
                TwinDriver.T0.plus(Duration.ofMinutes(30)), TwinDriver.T0.plus(Duration.ofMinutes(60)));
    }

    @Test
    void eachLevelPublishesToItsOwnCompactedTopic() {
        twin.reading("t1-01", TwinLevel.ORDER, "t1-01-ord-001", Duration.ZERO, Map.of("order_fill_rate_pct", 97.0));
        twin.enterprise("t1-01", Duration.ZERO, Map.of("dso_days", 40.0));

        assertThat(twin.output(twin.topics.orderState()).readKeyValuesToMap()).containsOnlyKeys("t1-01-ord-001");
        assertThat(twin.output(twin.topics.enterpriseState()).readKeyValuesToMap()).containsOnlyKeys("t1-01");
        assertThat(equipment.isEmpty()).isTrue();
    }

    @Test
    void rollingStatisticsFollowTheReadings() {
        for (int i = 0; i < 40; i++) {
            availability(5 * i, i % 2 == 0 ? 88.0 : 92.0);
        }
        var stats = twin.entities().get("t1-01-eq-01").indicators().get("availability_pct");
        assertThat(stats.mean()).isBetween(89.5, 90.5);
        assertThat(stats.std()).isBetween(1.5, 2.5);
        assertThat(stats.count()).isEqualTo(40);
        assertThat(stats.value()).isEqualTo(92.0);
    }
}
