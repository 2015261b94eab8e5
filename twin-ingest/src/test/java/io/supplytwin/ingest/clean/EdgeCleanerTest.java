package io.supplytwin.ingest.clean;

import static org.assertj.core.api.Assertions.assertThat;

import io.supplytwin.core.catalogue.IndicatorCatalogue;
import io.supplytwin.core.catalogue.Level;
import io.supplytwin.ingest.payload.TelemetryPayloads;
import io.supplytwin.schemas.avro.TelemetryReading;
import io.supplytwin.schemas.avro.TelemetrySource;
import io.supplytwin.schemas.avro.TwinLevel;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EdgeCleanerTest {

    private static final Instant NOW = Instant.parse("2026-01-05T10:00:00Z");
    private static final String PRESS = TelemetryPayloads.jsonTopic("acme", Level.EQUIPMENT, "press-7");

    private final EdgeCleaner cleaner = new EdgeCleaner(IndicatorCatalogue.standard(), Duration.ofMinutes(5), Duration.ofHours(24),
            new DuplicateWindow(Duration.ofMinutes(30), 64, 1000));

    private CleaningResult clean(long seq, Map<String, ?> values) {
        return cleaner.clean(PRESS, TelemetryPayloads.json(NOW, seq, values), NOW);
    }

    private static Map<String, Object> values(Object... kv) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put((String) kv[i], kv[i + 1]);
        }
        return m;
    }

    @Test
    void aCleanReadingIsAcceptedWholeWithItsIdentity() {
        CleaningResult r = clean(1, values("spindle_temp_c", 61.5, "spindle_load_pct", 80));
        assertThat(r.deadLetter()).isFalse();
        TelemetryReading reading = r.reading();
        assertThat(reading.getEnterpriseId()).isEqualTo("acme");
        assertThat(reading.getLevel()).isEqualTo(TwinLevel.EQUIPMENT);
        assertThat(reading.getEntityId()).isEqualTo("press-7");
        assertThat(reading.getSeq()).isEqualTo(1);
        assertThat(reading.getEventTime()).isEqualTo(NOW);
        assertThat(reading.getIngestTime()).isEqualTo(NOW);
        assertThat(reading.getSource()).isEqualTo(TelemetrySource.JSON);
        assertThat(reading.getValues()).isEqualTo(Map.of("spindle_temp_c", 61.5, "spindle_load_pct", 80.0));
        assertThat(reading.getFlagged()).isEmpty();
    }

    @Test
    void unknownIndicatorIsDroppedAndTheGoodValuesKept() {
        CleaningResult r = clean(1, values("spindle_temp_c", 61.5, "warp_drive_flux", 3));
        assertThat(r.reading().getValues()).isEqualTo(Map.of("spindle_temp_c", 61.5));
        assertThat(r.reason()).isEqualTo(RejectReason.UNKNOWN_INDICATOR);
        assertThat(r.detail()).contains("warp_drive_flux");
        assertThat(r.dropped()).extracting(DroppedValue::indicatorId).containsExactly("warp_drive_flux");
    }

    @Test
    void nonNumericValueIsDropped() {
        CleaningResult r = clean(1, values("spindle_temp_c", "hot", "spindle_load_pct", 80));
        assertThat(r.reading().getValues()).containsOnlyKeys("spindle_load_pct");
        assertThat(r.reason()).isEqualTo(RejectReason.NOT_NUMERIC);
    }

    @Test
    void outOfRangeWithTheRejectRuleIsDropped() {
        CleaningResult r = clean(1, values("spindle_temp_c", 500.0, "spindle_load_pct", 80));
        assertThat(r.reading().getValues()).containsOnlyKeys("spindle_load_pct");
        assertThat(r.reason()).isEqualTo(RejectReason.OUT_OF_RANGE);
        assertThat(r.detail()).contains("spindle_temp_c").contains("500.0");
    }

    @Test
    void outOfRangeWithTheClampRuleIsClampedAndFlagged() {
        CleaningResult r = clean(1, values("spindle_load_pct", 180.0, "spindle_speed_dev_pct", -25.0, "spindle_temp_c", 60));
        assertThat(r.deadLetter()).isFalse();
        assertThat(r.reading().getValues()).containsEntry("spindle_load_pct", 150.0).containsEntry("spindle_speed_dev_pct", -20.0)
                .containsEntry("spindle_temp_c", 60.0);
        assertThat(r.reading().getFlagged()).containsExactly("spindle_load_pct", "spindle_speed_dev_pct");
    }

    @Test
    void indicatorOfAnotherLevelIsDropped() {
        CleaningResult r = clean(1, values("order_fulfilment_rate_pct", 97.0, "spindle_temp_c", 60));
        assertThat(r.reading().getValues()).containsOnlyKeys("spindle_temp_c");
        assertThat(r.reason()).isEqualTo(RejectReason.WRONG_LEVEL);
    }

    @Test
    void readingWithNoGoodValueIsRejectedWhole() {
        CleaningResult r = clean(1, values("warp_drive_flux", 1, "spindle_temp_c", -40.0));
        assertThat(r.accepted()).isFalse();
        assertThat(r.reason()).isEqualTo(RejectReason.OUT_OF_RANGE);
        assertThat(r.dropped()).hasSize(2);
        assertThat(clean(2, values()).reason()).isEqualTo(RejectReason.MALFORMED_PAYLOAD);
    }

    @Test
    void timestampsTooFarAheadOrBehindAreRejected() {
        byte[] future = TelemetryPayloads.json(NOW.plus(Duration.ofMinutes(6)), 1, values("spindle_temp_c", 60));
        byte[] nearFuture = TelemetryPayloads.json(NOW.plus(Duration.ofMinutes(4)), 2, values("spindle_temp_c", 60));
        byte[] stale = TelemetryPayloads.json(NOW.minus(Duration.ofHours(25)), 3, values("spindle_temp_c", 60));
        assertThat(cleaner.clean(PRESS, future, NOW).reason()).isEqualTo(RejectReason.FUTURE_TIMESTAMP);
        assertThat(cleaner.clean(PRESS, nearFuture, NOW).accepted()).isTrue();
        assertThat(cleaner.clean(PRESS, stale, NOW).reason()).isEqualTo(RejectReason.STALE_TIMESTAMP);
    }

    @Test
    void theSameEntityAndSeqTwiceIsADuplicate() {
        assertThat(clean(7, values("spindle_temp_c", 60)).accepted()).isTrue();
        CleaningResult again = clean(7, values("spindle_temp_c", 61));
        assertThat(again.accepted()).isFalse();
        assertThat(again.reason()).isEqualTo(RejectReason.DUPLICATE);
        assertThat(clean(8, values("spindle_temp_c", 61)).accepted()).isTrue();
    }

    @Test
    void aRejectedReadingDoesNotTakeItsSeq() {
        assertThat(clean(9, values("warp_drive_flux", 1)).accepted()).isFalse();
        assertThat(clean(9, values("spindle_temp_c", 60)).accepted()).as("the corrected resend").isTrue();
    }

    @Test
    void badTopicAndMalformedPayloadAreRejectedWithTheirReason() {
        assertThat(cleaner.clean("twin/v1/acme/machine/press-7/telemetry", TelemetryPayloads.json(NOW, 1, values("a", 1)), NOW).reason())
                .isEqualTo(RejectReason.BAD_TOPIC);
        assertThat(cleaner.clean(PRESS, "not json".getBytes(StandardCharsets.UTF_8), NOW).reason())
                .isEqualTo(RejectReason.MALFORMED_PAYLOAD);
    }

    @Test
    void sparkplugReadingsAreCleanedByTheSameRules() {
        String topic = TelemetryPayloads.sparkplugTopic("acme", Level.EQUIPMENT, "press-9");
        CleaningResult r = cleaner.clean(topic, TelemetryPayloads.sparkplug(NOW, 3, Map.of("spindle_temp_c", 60.0, "spindle_load_pct", 170.0)), NOW);
        assertThat(r.reading().getSource()).isEqualTo(TelemetrySource.SPARKPLUG_B);
        assertThat(r.reading().getEntityId()).isEqualTo("press-9");
        assertThat(r.reading().getFlagged()).isEqualTo(List.of("spindle_load_pct"));
    }
}
