package io.supplytwin.streams.state;

import static org.assertj.core.api.Assertions.assertThat;

import io.supplytwin.schemas.avro.EmitReason;
import io.supplytwin.schemas.avro.TwinLevel;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.Base64;
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

    /** Bytes the previous release (indicators kept as a map of objects) stored for {@link #storedSequence()}. */
    private static final String FORMAT_2_OF_PREVIOUS_RELEASE = "AgALdDEtMDEtZXEtMDMABXQxLTAxAAEAAAAAABPWIAAAAAAAD0JABQEQxjbNAyFAVwAAAAAAAABAVuZmZmZmZj+k"
            + "euFHrhR8AkBW4AAAAAAAJEBRgAAAAAAAwJoMQFLmZmZmZmZAH1wo9cKPXQJAU0AAAAAAAAAAEXZlbmRvcl9zcGVjaWZpY194QAgAAAAAAADAzyRACAAA"
            + "AAAAAAAAAAAAAAAAAUAIAAAAAAAA";

    private static EntityTwin storedSequence() {
        EntityTwin twin = EntityTwin.create("t1-01-eq-03", "t1-01", TwinLevel.EQUIPMENT);
        twin.apply(Map.of("availability_pct", 91.5), 1_000_000L, 0.2, 600_000L);
        twin.apply(Map.of("oee_pct", 77.0), 1_000_000L, 0.2, 600_000L);
        twin.apply(Map.of("vendor_specific_x", 3.0), 1_000_000L, 0.2, 600_000L);
        twin.markPublished(List.of("availability_pct"));
        twin.apply(Map.of("availability_pct", 92.0), 1_300_000L, 0.2, 600_000L);
        twin.apply(Map.of("oee_pct", 70.0), 1_200_000L, 0.2, 600_000L);
        return twin;
    }

    @Test
    void whatThePreviousReleaseStoredReadsBackTheSameAndIsWrittenIdentically() {
        byte[] stored = Base64.getDecoder().decode(FORMAT_2_OF_PREVIOUS_RELEASE);
        EntityTwin back = EntityTwin.CODEC.decode(stored);
        EntityTwin expected = storedSequence();

        assertThat(back.toState(EmitReason.DEADBAND)).isEqualTo(expected.toState(EmitReason.DEADBAND));
        assertThat(back.indicators().keySet()).containsExactly("availability_pct", "oee_pct", "vendor_specific_x");
        assertThat(back.indicators().get("availability_pct").published()).isEqualTo(91.5);
        assertThat(back.indicators().get("oee_pct").value()).isEqualTo(70.0);
        assertThat(back.indicators().get("oee_pct").count()).isEqualTo(2);
        assertThat(EntityTwin.CODEC.encode(expected)).isEqualTo(stored);
    }

    @Test
    void aTwinStoredInFormat1StillReads() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeByte(1);
            out.writeUTF("o-7");
            out.writeUTF("e-2");
            out.writeByte(TwinLevel.ORDER.ordinal());
            out.writeLong(3); // version
            out.writeLong(5_000L); // latest event time
            out.writeLong(4_000L); // published at
            out.writeLong(9); // readings
            out.writeLong(1); // late readings
            out.writeInt(1);
            out.writeUTF("order_fill_rate_pct");
            out.writeDouble(97.5);
            out.writeLong(5_000L);
            out.writeDouble(96.0);
            out.writeDouble(4.0);
            out.writeLong(9);
            out.writeDouble(97.0);
        }

        EntityTwin back = EntityTwin.CODEC.decode(bytes.toByteArray());

        assertThat(back.version()).isEqualTo(3);
        assertThat(back.publishedAt()).isEqualTo(4_000L);
        assertThat(back.readings()).isEqualTo(9);
        IndicatorStats fill = back.indicators().get("order_fill_rate_pct");
        assertThat(fill.value()).isEqualTo(97.5);
        assertThat(fill.std()).isEqualTo(2.0);
        assertThat(fill.published()).isEqualTo(97.0);
        // the next reading finds the indicator where format 1 left it
        back.apply(Map.of("order_fill_rate_pct", 80.0), 6_000L, 0.2, 0);
        assertThat(back.indicators()).hasSize(1);
        assertThat(back.indicators().get("order_fill_rate_pct").count()).isEqualTo(10);
    }

    @Test
    void aNewTwinHasNotPublished() {
        EntityTwin back = EntityTwin.CODEC.decode(EntityTwin.CODEC.encode(EntityTwin.create("o-1", "e-1", TwinLevel.ORDER)));
        assertThat(back.neverPublished()).isTrue();
        assertThat(back.indicators()).isEmpty();
    }
}
