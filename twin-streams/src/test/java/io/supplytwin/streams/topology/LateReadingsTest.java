package io.supplytwin.streams.topology;

import static org.assertj.core.api.Assertions.assertThat;

import io.supplytwin.schemas.avro.DeadLetter;
import io.supplytwin.schemas.avro.TwinLevel;
import io.supplytwin.streams.state.ApplyOutcome;
import io.supplytwin.streams.state.EntityTwin;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class LateReadingsTest {

    private final TwinDriver twin = new TwinDriver(Map.of("streams.grace", "10m"));

    @AfterEach
    void close() {
        twin.close();
    }

    private void read(int minute, Map<String, Double> values) {
        twin.reading("t2-05", TwinLevel.EQUIPMENT, "t2-05-eq-01", Duration.ofMinutes(minute), values);
    }

    @Test
    void aReadingLateWithinGraceCountsButNeverTurnsLatestBack() {
        read(30, Map.of("availability_pct", 90.0));
        read(22, Map.of("availability_pct", 70.0, "oee_pct", 60.0)); // 8 minutes late: within grace

        EntityTwin state = twin.entities().get("t2-05-eq-01");
        assertThat(state.latestEventTime()).isEqualTo(TwinDriver.T0.plus(Duration.ofMinutes(30)).toEpochMilli());
        assertThat(state.indicators().get("availability_pct").value()).isEqualTo(90.0);
        assertThat(state.indicators().get("availability_pct").count()).isEqualTo(2);
        assertThat(state.indicators().get("availability_pct").mean()).isLessThan(90.0);
        // an indicator with no newer reading takes the late value
        assertThat(state.indicators().get("oee_pct").value()).isEqualTo(60.0);
        assertThat(twin.metrics.readings(ApplyOutcome.LATE_APPLIED)).isEqualTo(1);
        assertThat(twin.output(twin.topics.telemetryDlq()).isEmpty()).isTrue();
    }

    @Test
    void aReadingLaterThanGraceIsDroppedCountedAndDeadLettered() {
        read(30, Map.of("availability_pct", 90.0));
        read(15, Map.of("availability_pct", 10.0)); // 15 minutes late: beyond the 10-minute grace

        EntityTwin state = twin.entities().get("t2-05-eq-01");
        assertThat(state.indicators().get("availability_pct").count()).isEqualTo(1);
        assertThat(state.indicators().get("availability_pct").mean()).isEqualTo(90.0);
        assertThat(twin.metrics.readings(ApplyOutcome.TOO_LATE)).isEqualTo(1);
        DeadLetter dead = twin.output(twin.topics.telemetryDlq()).readValue();
        assertThat(dead.getReason()).isEqualTo("LATE_READING");
        assertThat(dead.getKey()).isEqualTo("t2-05-eq-01");
        assertThat(twin.output(twin.topics.equipmentState()).readValuesToList()).hasSize(1);
    }

    @Test
    void lateReadingsAreOnlyCountedWhenDeadLettersAreOff() {
        try (TwinDriver quiet = new TwinDriver(Map.of("streams.late-dlq", "false"))) {
            quiet.reading("t2-05", TwinLevel.EQUIPMENT, "e1", Duration.ofMinutes(60), Map.of("oee_pct", 80.0));
            quiet.reading("t2-05", TwinLevel.EQUIPMENT, "e1", Duration.ZERO, Map.of("oee_pct", 10.0));
            assertThat(quiet.metrics.readings(ApplyOutcome.TOO_LATE)).isEqualTo(1);
            assertThat(quiet.output(quiet.topics.telemetryDlq()).isEmpty()).isTrue();
        }
    }
}
