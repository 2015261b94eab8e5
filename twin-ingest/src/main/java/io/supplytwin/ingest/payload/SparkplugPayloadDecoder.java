package io.supplytwin.ingest.payload;

import io.supplytwin.ingest.clean.RejectReason;
import io.supplytwin.ingest.clean.RejectedInputException;
import java.util.HashMap;
import java.util.Map;
import org.eclipse.tahu.message.SparkplugBPayloadDecoder;
import org.eclipse.tahu.message.model.Metric;
import org.eclipse.tahu.message.model.SparkplugBPayload;

/**
 * Sparkplug B DDATA / NDATA (Eclipse Tahu): metric names are indicator ids, the payload timestamp is the measurement
 * time, the payload {@code seq} is the sequence number. Metrics must carry their names: aliases would need the BIRTH
 * certificates, which the bridge does not track. Numeric metric types become values; booleans, strings and other
 * types are reported as not numeric.
 */
public final class SparkplugPayloadDecoder implements PayloadDecoder {

    @Override
    public DecodedReading decode(TopicAddress address, byte[] payload) throws RejectedInputException {
        SparkplugBPayload decoded;
        try {
            decoded = new SparkplugBPayloadDecoder().buildFromByteArray(payload, null);
        } catch (Exception e) {
            throw malformed("not a Sparkplug B payload: " + e.getMessage());
        }
        if (decoded.getTimestamp() == null) {
            throw malformed("Sparkplug payload has no timestamp");
        }
        if (decoded.getSeq() == null || decoded.getSeq() < 0) {
            throw malformed("Sparkplug payload has no seq");
        }
        Map<String, Double> numbers = new HashMap<>();
        Map<String, String> other = new HashMap<>();
        for (Metric metric : decoded.getMetrics()) {
            if (!metric.hasName() || metric.getName().isEmpty()) {
                throw malformed("metric without a name (alias " + metric.getAlias() + "); publish metric names in DDATA");
            }
            Object value = metric.getValue();
            if (value instanceof Number n && !(Boolean.TRUE.equals(metric.isNull()))) {
                numbers.put(metric.getName(), n.doubleValue());
            } else {
                other.put(metric.getName(), metric.getDataType() + " " + JsonPayloadDecoder.abbreviate(String.valueOf(value)));
            }
        }
        return new DecodedReading(address, decoded.getSeq(), decoded.getTimestamp().toInstant(), numbers, other);
    }

    private static RejectedInputException malformed(String detail) {
        return new RejectedInputException(RejectReason.MALFORMED_PAYLOAD, detail);
    }
}
