package io.supplytwin.ingest.payload;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.supplytwin.core.catalogue.Level;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.Date;
import java.util.Map;
import org.eclipse.tahu.message.SparkplugBPayloadEncoder;
import org.eclipse.tahu.message.model.Metric;
import org.eclipse.tahu.message.model.MetricDataType;
import org.eclipse.tahu.message.model.SparkplugBPayload;

/** The gateway side of the payload formats: topics and payloads as a gateway publishes them (simulators, benchmark, tests). */
public final class TelemetryPayloads {

    private static final ObjectMapper JSON = new ObjectMapper();

    private TelemetryPayloads() {
    }

    public static String jsonTopic(String enterpriseId, Level level, String entityId) {
        return "twin/v1/" + enterpriseId + "/" + level.code() + "/" + entityId + "/telemetry";
    }

    /** Sparkplug B DDATA topic: group = enterprise, edge node = level, device = entity. */
    public static String sparkplugTopic(String enterpriseId, Level level, String entityId) {
        return "spBv1.0/" + enterpriseId + "/DDATA/" + level.code() + "/" + entityId;
    }

    /** {@code {"ts": ..., "seq": ..., "values": {...}}}; values may hold anything JSON can, to build bad input too. */
    public static byte[] json(Instant ts, long seq, Map<String, ?> values) {
        ObjectNode root = JSON.createObjectNode();
        root.put("ts", ts.toString());
        root.put("seq", seq);
        root.set("values", JSON.valueToTree(values));
        try {
            return JSON.writeValueAsBytes(root);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A Sparkplug B payload with one Double metric per value, named by indicator id. */
    public static byte[] sparkplug(Instant ts, long seq, Map<String, Double> values) {
        try {
            SparkplugBPayload payload = new SparkplugBPayload.SparkplugBPayloadBuilder(seq).setTimestamp(Date.from(ts)).createPayload();
            for (Map.Entry<String, Double> e : values.entrySet()) {
                payload.addMetric(new Metric.MetricBuilder(e.getKey(), MetricDataType.Double, e.getValue()).createMetric());
            }
            return new SparkplugBPayloadEncoder().getBytes(payload, false);
        } catch (Exception e) {
            throw new IllegalStateException("cannot encode a Sparkplug B payload", e);
        }
    }
}
