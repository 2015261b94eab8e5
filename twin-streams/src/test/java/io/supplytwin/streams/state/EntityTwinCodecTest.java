package io.supplytwin.streams.state;

import static org.assertj.core.api.Assertions.assertThat;

import io.supplytwin.core.catalogue.Indicator;
import io.supplytwin.core.catalogue.IndicatorCatalogue;
import io.supplytwin.core.catalogue.Level;
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

        byte[] stored = EntityTwin.CODEC.encode(twin);
        EntityTwin back = EntityTwin.CODEC.decode(stored);

        assertSameWithinFloat(back, twin);
        assertThat(EntityTwin.CODEC.encode(back)).as("stored again, a twin read back is byte for byte what was stored")
                .isEqualTo(stored);
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

    /** Bytes the previous release (format 3: an indicator's fields one after another) stored for {@link #storedSequence()}. */
    private static final String FORMAT_3_OF_PREVIOUS_RELEASE = "AwALdDEtMDEtZXEtMDMABXQxLTAxAAEAAAAAABPWIAAAAAAAD0JABQEQxjbNA0JAVwAAAAAAAAC+zMzNPSPXCgK/AAAABkBRgAAAAAAAwJoMQLMzM0D64UgCQOAAAEcAEXZlbmRvcl9zcGVjaWZpY194QAgAAAAAAADAzyQAAAAAAAAAAAEAAAAA";

    /** Bytes this release stores for {@link #storedSequence()}: a change of them is a change of format. */
    private static final String FORMAT_4 = "BAALdDEtMDEtZXEtMDMABXQxLTAxAAEAAAAAABPWIAAAAAAAD0JABQEQxjbNAwBCBkcAEXZlbmRvcl9zcGVjaWZpY194QFcAAAAAAABAUYAAAAAAAEAIAAAAAAAAvszMzUCzMzMAAAAAPSPXCkD64UgAAAAAAMCaDMDPJAICAb8AAABA4AAAAAAAAA==";

    @Test
    void whatFormat3StoredReadsBackTheSame() {
        byte[] stored = Base64.getDecoder().decode(FORMAT_3_OF_PREVIOUS_RELEASE);
        EntityTwin back = EntityTwin.CODEC.decode(stored);
        assertSameWithinFloat(back, storedSequence());
        assertThat(back.indicators().get("oee_pct").updatedAt()).isEqualTo(1_200_000L);
        assertThat(back.indicators().get("vendor_specific_x").count()).isEqualTo(1);
        assertThat(EntityTwin.CODEC.encode(back)).as("stored again, in this release's format").isEqualTo(
                EntityTwin.CODEC.encode(storedSequence()));
    }

    @Test
    void theFormat4OfThePreviousReleaseIsStillRead() {
        byte[] stored = Base64.getDecoder().decode(FORMAT_4);
        assertThat(stored[0]).isEqualTo((byte) 4);
        EntityTwin back = EntityTwin.CODEC.decode(stored);
        assertSameWithinFloat(back, storedSequence());
        assertThat(back.appliedOffset()).as("format 4 kept no input offsets").isEqualTo(-1);
        assertThat(back.dirtySince()).isEqualTo(-1);
    }

    @Test
    void thisReleaseWritesFormat5AndReadsItBack() {
        // storedSequence has differing update times, counts and published values: every column written in full
        byte[] stored = EntityTwin.CODEC.encode(storedSequence());
        assertThat(stored[0]).isEqualTo((byte) 5);
        assertSameWithinFloat(EntityTwin.CODEC.decode(stored), storedSequence());
        assertThat(stored.length).as("format 4 plus the two input offsets, a byte each while unknown")
                .isEqualTo(Base64.getDecoder().decode(FORMAT_4).length + 2);
    }

    @Test
    void theInputOffsetsOfATwinAreKeptUntilItsNextSnapshot() {
        EntityTwin twin = storedSequence();
        twin.applied(1_234_567L);
        twin.applied(1_234_890L);
        EntityTwin back = EntityTwin.CODEC.decode(EntityTwin.CODEC.encode(twin));
        assertThat(back.appliedOffset()).isEqualTo(1_234_890L);
        assertThat(back.dirtySince()).as("the first reading since the last snapshot").isEqualTo(1_234_567L);
        back.snapshotted();
        EntityTwin again = EntityTwin.CODEC.decode(EntityTwin.CODEC.encode(back));
        assertThat(again.dirtySince()).isEqualTo(-1);
        assertThat(again.appliedOffset()).isEqualTo(1_234_890L);
    }

    @Test
    void columnsEveryIndicatorSharesAreWrittenOnceAndReadBackForEach() {
        EntityTwin twin = EntityTwin.create("m-2", "e-1", TwinLevel.EQUIPMENT);
        twin.apply(Map.of("availability_pct", 91.5, "oee_pct", 77.0, "vendor_specific_x", 3.0), 1_000_000L, 0.2, 600_000L);
        twin.apply(Map.of("availability_pct", 90.5, "oee_pct", 78.0, "vendor_specific_x", 4.0), 1_300_000L, 0.2, 600_000L);
        twin.markPublished(List.of());
        byte[] shared = EntityTwin.CODEC.encode(twin);
        EntityTwin back = EntityTwin.CODEC.decode(shared);
        assertSameWithinFloat(back, twin);
        back.indicators().values().forEach(s -> {
            assertThat(s.updatedAt()).isEqualTo(1_300_000L);
            assertThat(s.count()).isEqualTo(2);
            assertThat(s.published()).isEqualTo(s.value());
        });

        twin.apply(Map.of("availability_pct", 89.0, "oee_pct", 79.0, "vendor_specific_x", 5.0), 1_600_000L, 0.2, 600_000L);
        byte[] notPublished = EntityTwin.CODEC.encode(twin);
        assertSameWithinFloat(EntityTwin.CODEC.decode(notPublished), twin);
        // the published column (3 floats) is back once values moved away from it
        assertThat(notPublished.length - shared.length).isEqualTo(3 * Float.BYTES);
        assertThat(EntityTwin.CODEC.decode(notPublished).indicators().get("oee_pct").published()).isEqualTo(78.0);
    }

    @Test
    void aMachineTwinTakesUnderTwoThirdsOfFormat2AndItsStatisticsDoNotDriftOverManyReadings() {
        List<String> machine = IndicatorCatalogue.standard().atLevel(Level.EQUIPMENT).stream().map(Indicator::id).toList();
        java.util.Random random = new java.util.Random(7);
        EntityTwin exact = EntityTwin.create("m-1", "e-1", TwinLevel.EQUIPMENT); // never stored: doubles throughout
        EntityTwin stored = EntityTwin.create("m-1", "e-1", TwinLevel.EQUIPMENT); // stored and read back after every reading
        for (int r = 0; r < 500; r++) {
            Map<String, Double> values = new java.util.HashMap<>();
            for (int k = 0; k < machine.size(); k++) {
                // large levels with small spread: the case where a float of the level itself would lose the spread
                values.put(machine.get(k), 1_000.0 * (k + 1) + random.nextGaussian() * 0.01 * (k + 1));
            }
            long t = 1_000_000L + r * 300_000L;
            exact.apply(values, t, 2.0 / 13, 600_000L);
            stored.apply(values, t, 2.0 / 13, 600_000L);
            if (r % 7 == 0) {
                exact.markPublished(List.of());
                stored.markPublished(List.of());
            }
            stored = EntityTwin.CODEC.decode(EntityTwin.CODEC.encode(stored));
        }
        Map<String, IndicatorStats> want = exact.indicators();
        stored.indicators().forEach((id, got) -> {
            IndicatorStats w = want.get(id);
            assertThat(got.value()).isEqualTo(w.value());
            assertThat(got.count()).isEqualTo(w.count());
            assertThat(got.mean()).as(id).isCloseTo(w.mean(), org.assertj.core.data.Offset.offset(1e-6 * w.std()));
            assertThat(got.std()).as(id).isCloseTo(w.std(), org.assertj.core.data.Offset.offset(1e-6 * w.std()));
            assertThat(got.published()).as(id).isCloseTo(w.published(), org.assertj.core.data.Offset.offset(1e-6 * w.std()));
        });
        int bytes = EntityTwin.CODEC.encode(stored).length;
        int perIndicator = bytes / machine.size();
        assertThat(perIndicator).as("bytes per indicator in format 5 (format 3: 23, format 2: 35)").isBetween(20, 22);
        stored.markPublished(List.of());
        assertThat(EntityTwin.CODEC.encode(stored).length / machine.size()).as("the same, right after a publication")
                .isBetween(16, 18);
    }

    private static void assertSameWithinFloat(EntityTwin back, EntityTwin twin) {
        assertThat(back.indicators().keySet()).containsExactlyElementsOf(twin.indicators().keySet());
        twin.indicators().forEach((id, w) -> {
            IndicatorStats got = back.indicators().get(id);
            assertThat(got.value()).isEqualTo(w.value());
            assertThat(got.updatedAt()).isEqualTo(w.updatedAt());
            assertThat(got.count()).isEqualTo(w.count());
            double tolerance = 1e-6 * Math.max(1e-9, Math.abs(w.mean() - w.value()) + w.std());
            assertThat(got.mean()).as(id).isCloseTo(w.mean(), org.assertj.core.data.Offset.offset(tolerance));
            assertThat(got.std()).as(id).isCloseTo(w.std(), org.assertj.core.data.Offset.offset(tolerance));
            if (Double.isNaN(w.published())) {
                assertThat(got.published()).isNaN();
            } else {
                assertThat(got.published()).as(id).isCloseTo(w.published(), org.assertj.core.data.Offset.offset(
                        1e-6 * Math.max(1e-9, Math.abs(w.published() - w.value()))));
            }
        });
        assertThat(back.version()).isEqualTo(twin.version());
        assertThat(back.latestEventTime()).isEqualTo(twin.latestEventTime());
        assertThat(back.readings()).isEqualTo(twin.readings());
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
