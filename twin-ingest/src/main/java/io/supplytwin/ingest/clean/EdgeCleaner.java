package io.supplytwin.ingest.clean;

import io.supplytwin.core.catalogue.Indicator;
import io.supplytwin.core.catalogue.IndicatorCatalogue;
import io.supplytwin.core.catalogue.OutOfRangeRule;
import io.supplytwin.ingest.payload.DecodedReading;
import io.supplytwin.ingest.payload.JsonPayloadDecoder;
import io.supplytwin.ingest.payload.PayloadDecoder;
import io.supplytwin.ingest.payload.PayloadFormat;
import io.supplytwin.ingest.payload.SparkplugPayloadDecoder;
import io.supplytwin.ingest.payload.TopicAddress;
import io.supplytwin.schemas.avro.TelemetryReading;
import io.supplytwin.schemas.avro.TwinLevel;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The edge rules, applied to one MQTT message: topic, payload, time, values against the catalogue, duplicates.
 *
 * <p>Partial acceptance: a bad value (unknown id, not a number, out of range with the reject rule, wrong level) is
 * dropped and the good values of the same message are kept and published; the message is also written to the
 * dead-letter topic with the dropped values listed, so nothing good is lost around bad input and nothing bad is
 * silently discarded. A message with no good value left is rejected as a whole. Out-of-range values whose indicator
 * says clamp are set to the nearest bound and their ids listed in {@code flagged}.
 */
public final class EdgeCleaner {

    private final IndicatorCatalogue catalogue;
    private final Duration maxFutureSkew;
    private final Duration maxAge;
    private final DuplicateWindow duplicates;
    private final Map<PayloadFormat, PayloadDecoder> decoders = new EnumMap<>(PayloadFormat.class);

    public EdgeCleaner(IndicatorCatalogue catalogue, Duration maxFutureSkew, Duration maxAge, DuplicateWindow duplicates) {
        this.catalogue = catalogue;
        this.maxFutureSkew = maxFutureSkew;
        this.maxAge = maxAge;
        this.duplicates = duplicates;
        decoders.put(PayloadFormat.JSON, new JsonPayloadDecoder());
        decoders.put(PayloadFormat.SPARKPLUG_B, new SparkplugPayloadDecoder());
    }

    public CleaningResult clean(String topic, byte[] payload, Instant now) {
        String format = null;
        List<DroppedValue> dropped = new ArrayList<>();
        try {
            TopicAddress address = TopicAddress.parse(topic);
            format = address.format().name();
            DecodedReading decoded = decoders.get(address.format()).decode(address, payload);
            checkTime(decoded.eventTime(), now);
            Map<String, Double> values = new HashMap<>(decoded.values().size() * 2);
            List<String> flagged = new ArrayList<>();
            decoded.nonNumeric().forEach((id, what) -> dropped.add(catalogue.contains(id)
                    ? new DroppedValue(id, RejectReason.NOT_NUMERIC, what)
                    : new DroppedValue(id, RejectReason.UNKNOWN_INDICATOR, "not in the catalogue")));
            decoded.values().forEach((id, value) -> keep(address, id, value, values, flagged, dropped));
            dropped.sort(Comparator.comparing(DroppedValue::indicatorId));
            if (values.isEmpty()) {
                RejectReason reason = dropped.isEmpty() ? RejectReason.MALFORMED_PAYLOAD : dropped.get(0).reason();
                return CleaningResult.rejected(reason, dropped.isEmpty() ? "reading has no values" : "no valid value: " + describe(dropped),
                        dropped, format);
            }
            if (!duplicates.firstSeen(address.entityKey(), decoded.seq(), decoded.eventTime(), now)) {
                throw new RejectedInputException(RejectReason.DUPLICATE,
                        "entity " + address.entityId() + " seq " + decoded.seq() + " was already accepted (or is older than the duplicate window)");
            }
            flagged.sort(null);
            TelemetryReading reading = TelemetryReading.newBuilder()
                    .setEnterpriseId(address.enterpriseId())
                    .setLevel(TwinLevel.valueOf(address.level().name()))
                    .setEntityId(address.entityId())
                    .setSeq(decoded.seq())
                    .setEventTime(decoded.eventTime())
                    .setIngestTime(now)
                    .setValues(values)
                    .setFlagged(flagged)
                    .setSource(address.format().source())
                    .build();
            if (dropped.isEmpty()) {
                return new CleaningResult(reading, null, null, dropped, format);
            }
            return new CleaningResult(reading, dropped.get(0).reason(), "accepted " + values.size() + " value(s), dropped "
                    + dropped.size() + ": " + describe(dropped), dropped, format);
        } catch (RejectedInputException e) {
            return CleaningResult.rejected(e.reason(), e.detail(), dropped, format);
        }
    }

    private void checkTime(Instant eventTime, Instant now) throws RejectedInputException {
        if (eventTime.isAfter(now.plus(maxFutureSkew))) {
            throw new RejectedInputException(RejectReason.FUTURE_TIMESTAMP,
                    "ts " + eventTime + " is more than " + maxFutureSkew + " ahead of " + now);
        }
        if (eventTime.isBefore(now.minus(maxAge))) {
            throw new RejectedInputException(RejectReason.STALE_TIMESTAMP,
                    "ts " + eventTime + " is more than " + maxAge + " before " + now);
        }
    }

    private void keep(TopicAddress address, String id, double value, Map<String, Double> values, List<String> flagged,
            List<DroppedValue> dropped) {
        Indicator indicator = catalogue.find(id).orElse(null);
        if (indicator == null) {
            dropped.add(new DroppedValue(id, RejectReason.UNKNOWN_INDICATOR, "not in the catalogue"));
        } else if (!Double.isFinite(value)) {
            dropped.add(new DroppedValue(id, RejectReason.NOT_NUMERIC, String.valueOf(value)));
        } else if (indicator.level() != address.level()) {
            dropped.add(new DroppedValue(id, RejectReason.WRONG_LEVEL,
                    "a " + indicator.level().code() + " indicator reported by a " + address.level().code()));
        } else if (indicator.inRange(value)) {
            values.put(id, value);
        } else if (indicator.outOfRange() == OutOfRangeRule.CLAMP) {
            values.put(id, Math.max(indicator.min(), Math.min(indicator.max(), value)));
            flagged.add(id);
        } else {
            dropped.add(new DroppedValue(id, RejectReason.OUT_OF_RANGE,
                    value + " outside [" + indicator.min() + ", " + indicator.max() + "] " + indicator.unit()));
        }
    }

    private static String describe(List<DroppedValue> dropped) {
        return dropped.stream().map(DroppedValue::toString).collect(Collectors.joining("; "));
    }
}
