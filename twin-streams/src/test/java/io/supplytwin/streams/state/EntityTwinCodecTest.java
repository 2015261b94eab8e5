package io.supplytwin.streams.state;

import static org.assertj.core.api.Assertions.assertThat;

import io.supplytwin.schemas.avro.EmitReason;
import io.supplytwin.schemas.avro.TwinLevel;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EntityTwinCodecTest {

    @Test
    void aStoredTwinComesBackAsItWasIncludingIndicatorsOutsideTheCatalogue() {
        EntityTwin twin = EntityTwin.create("t1-01-eq-03", "t1-01", TwinLevel.EQUIPMENT);
        twin.apply(Map.of("availability_pct", 91.5, "oee_pct", 77.0, "vendor_specific_x", 3.0), 1_000_000L, 0.2, 600_000L);
        twin.markPublished(List.of("availability_pct"));
        twin.apply(Map.of("availability_pct", 92.0), 1_300_000L, 0.2, 600_000L);
        twin.apply(Map.of("oee_pct", 70.0), 1_200_000L, 0.2, 600_000L); // late within grace

        EntityTwin back = EntityTwin.CODEC.decode(EntityTwin.CODEC.encode(twin));

        assertThat(back.toState(EmitReason.DEADBAND)).isEqualTo(twin.toState(EmitReason.DEADBAND));
        assertThat(back.publishedAt()).isEqualTo(twin.publishedAt());
        assertThat(back.lateReadings()).isEqualTo(1);
        assertThat(back.indicators().get("availability_pct").published()).isEqualTo(91.5);
        assertThat(back.indicators().get("oee_pct").updatedAt()).isEqualTo(1_200_000L);
        assertThat(back.indicators().keySet()).containsExactlyElementsOf(twin.indicators().keySet());
    }

    @Test
    void aNewTwinHasNotPublished() {
        EntityTwin back = EntityTwin.CODEC.decode(EntityTwin.CODEC.encode(EntityTwin.create("o-1", "e-1", TwinLevel.ORDER)));
        assertThat(back.neverPublished()).isTrue();
        assertThat(back.indicators()).isEmpty();
    }
}
