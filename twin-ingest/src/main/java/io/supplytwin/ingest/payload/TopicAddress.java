package io.supplytwin.ingest.payload;

import io.supplytwin.core.catalogue.Level;
import io.supplytwin.ingest.clean.RejectReason;
import io.supplytwin.ingest.clean.RejectedInputException;
import java.util.Objects;

/**
 * Which twin an MQTT message is about, read from its topic:
 * <ul>
 *   <li>JSON: {@code twin/v1/{enterpriseId}/{level}/{entityId}/telemetry}</li>
 *   <li>Sparkplug B: {@code spBv1.0/{enterpriseId}/DDATA/{level}/{entityId}} (group = enterprise, edge node = level,
 *       device = entity), and {@code spBv1.0/{enterpriseId}/NDATA/enterprise} for the enterprise's own readings
 *       (entity = enterprise).</li>
 * </ul>
 */
public record TopicAddress(String enterpriseId, Level level, String entityId, PayloadFormat format) {

    public TopicAddress {
        Objects.requireNonNull(enterpriseId, "enterpriseId");
        Objects.requireNonNull(level, "level");
        Objects.requireNonNull(entityId, "entityId");
        Objects.requireNonNull(format, "format");
    }

    public static TopicAddress parse(String topic) throws RejectedInputException {
        String[] parts = topic.split("/", -1);
        if (parts.length == 6 && parts[0].equals("twin") && parts[1].equals("v1") && parts[5].equals("telemetry")) {
            return of(parts[2], parts[3], parts[4], PayloadFormat.JSON, topic);
        }
        if (parts.length == 5 && parts[0].equals("spBv1.0") && parts[2].equals("DDATA")) {
            return of(parts[1], parts[3], parts[4], PayloadFormat.SPARKPLUG_B, topic);
        }
        if (parts.length == 4 && parts[0].equals("spBv1.0") && parts[2].equals("NDATA")) {
            if (!parts[3].equals(Level.ENTERPRISE.code())) {
                throw new RejectedInputException(RejectReason.BAD_TOPIC, "Sparkplug NDATA carries enterprise readings: edge node must be '"
                        + Level.ENTERPRISE.code() + "' in " + topic);
            }
            return of(parts[1], parts[3], parts[1], PayloadFormat.SPARKPLUG_B, topic);
        }
        throw new RejectedInputException(RejectReason.BAD_TOPIC, "not a telemetry topic: " + topic);
    }

    private static TopicAddress of(String enterprise, String level, String entity, PayloadFormat format, String topic)
            throws RejectedInputException {
        if (enterprise.isEmpty() || entity.isEmpty()) {
            throw new RejectedInputException(RejectReason.BAD_TOPIC, "empty enterprise or entity id in " + topic);
        }
        Level parsed = Level.fromCode(level).orElseThrow(() -> new RejectedInputException(RejectReason.BAD_TOPIC,
                "unknown level '" + level + "' (expected enterprise, order or equipment) in " + topic));
        return new TopicAddress(enterprise, parsed, entity, format);
    }

    /** Kafka key and duplicate-window key. */
    public String entityKey() {
        return entityId;
    }
}
