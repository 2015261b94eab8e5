package io.supplytwin.ingest.payload;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.supplytwin.core.catalogue.Level;
import io.supplytwin.ingest.clean.RejectReason;
import io.supplytwin.ingest.clean.RejectedInputException;
import java.time.Instant;
import java.util.Date;
import java.util.Map;
import org.eclipse.tahu.message.SparkplugBPayloadEncoder;
import org.eclipse.tahu.message.model.Metric;
import org.eclipse.tahu.message.model.MetricDataType;
import org.eclipse.tahu.message.model.SparkplugBPayload;
import org.junit.jupiter.api.Test;

class SparkplugPayloadDecoderTest {

    private static final TopicAddress PRESS = new TopicAddress("acme", Level.EQUIPMENT, "press-7", PayloadFormat.SPARKPLUG_B);
    private static final Instant TS = Instant.parse("2026-01-05T10:15:30.250Z");
    private final SparkplugPayloadDecoder decoder = new SparkplugPayloadDecoder();

    @Test
    void metricNamesBecomeIndicatorsAndPayloadSeqAndTimestampAreKept() throws Exception {
        DecodedReading r = decoder.decode(PRESS, TelemetryPayloads.sparkplug(TS, 17, Map.of("spindle_temp_c", 61.5, "spindle_load_pct", 80.0)));
        assertThat(r.seq()).isEqualTo(17);
        assertThat(r.eventTime()).isEqualTo(TS);
        assertThat(r.values()).isEqualTo(Map.of("spindle_temp_c", 61.5, "spindle_load_pct", 80.0));
    }

    @Test
    void integerMetricsAreNumbersAndBooleansAndStringsAreNot() throws Exception {
        SparkplugBPayload p = new SparkplugBPayload.SparkplugBPayloadBuilder(3L).setTimestamp(Date.from(TS)).createPayload();
        p.addMetric(new Metric.MetricBuilder("open_orders_count", MetricDataType.Int32, 12).createMetric());
        p.addMetric(new Metric.MetricBuilder("door_open", MetricDataType.Boolean, true).createMetric());
        p.addMetric(new Metric.MetricBuilder("state", MetricDataType.String, "RUN").createMetric());
        DecodedReading r = decoder.decode(PRESS, new SparkplugBPayloadEncoder().getBytes(p, false));
        assertThat(r.values()).isEqualTo(Map.of("open_orders_count", 12.0));
        assertThat(r.nonNumeric()).containsOnlyKeys("door_open", "state");
    }

    @Test
    void garbageAndPayloadsWithoutSeqOrTimestampAreMalformed() throws Exception {
        assertMalformed(new byte[] {(byte) 0xff, 0x01, 0x02, 0x03});
        SparkplugBPayload noSeq = new SparkplugBPayload.SparkplugBPayloadBuilder().setTimestamp(Date.from(TS)).createPayload();
        noSeq.addMetric(new Metric.MetricBuilder("a", MetricDataType.Double, 1.0).createMetric());
        assertMalformed(new SparkplugBPayloadEncoder().getBytes(noSeq, false));
        SparkplugBPayload noTime = new SparkplugBPayload.SparkplugBPayloadBuilder(1L).createPayload();
        noTime.setTimestamp(null);
        noTime.addMetric(new Metric.MetricBuilder("a", MetricDataType.Double, 1.0).createMetric());
        assertMalformed(new SparkplugBPayloadEncoder().getBytes(noTime, false));
    }

    private void assertMalformed(byte[] bytes) {
        assertThatThrownBy(() -> decoder.decode(PRESS, bytes)).isInstanceOf(RejectedInputException.class)
                .extracting(e -> ((RejectedInputException) e).reason()).isEqualTo(RejectReason.MALFORMED_PAYLOAD);
    }
}
