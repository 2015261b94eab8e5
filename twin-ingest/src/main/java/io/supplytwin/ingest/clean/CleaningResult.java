package io.supplytwin.ingest.clean;

import io.supplytwin.schemas.avro.TelemetryReading;
import java.util.List;
import java.util.Optional;

/**
 * What the edge makes of one MQTT message: the reading to publish (if any good value remains), and the dead letter
 * to write (if the message was rejected, or some of its values were dropped). A partially accepted message has both.
 *
 * @param reading   the cleaned reading; null when the message was rejected as a whole
 * @param reason    the dead-letter reason; null when the message was accepted in full
 * @param detail    human-readable detail of the dead letter (every dropped value with its reason)
 * @param dropped   values left out of the reading
 * @param format    the payload format, when the topic was understood
 */
public record CleaningResult(TelemetryReading reading, RejectReason reason, String detail, List<DroppedValue> dropped,
        String format) {

    public CleaningResult {
        dropped = List.copyOf(dropped);
    }

    public static CleaningResult rejected(RejectReason reason, String detail, List<DroppedValue> dropped, String format) {
        return new CleaningResult(null, reason, detail, dropped, format);
    }

    public Optional<TelemetryReading> acceptedReading() {
        return Optional.ofNullable(reading);
    }

    public boolean accepted() {
        return reading != null;
    }

    /** True when a dead-letter record must be written for this message. */
    public boolean deadLetter() {
        return reason != null;
    }
}
