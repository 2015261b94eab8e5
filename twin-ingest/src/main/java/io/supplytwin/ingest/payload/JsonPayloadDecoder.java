package io.supplytwin.ingest.payload;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.supplytwin.ingest.clean.RejectReason;
import io.supplytwin.ingest.clean.RejectedInputException;
import java.io.IOException;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;

/**
 * The default gateway payload:
 * <pre>{"ts": "2026-01-05T10:15:30.250Z", "seq": 42, "values": {"oee": 0.81, "spindle_temp_c": 61.5}}</pre>
 * {@code enterpriseId}, {@code level} and {@code entityId} may be repeated in the payload; when present they must
 * match the topic. Other fields are ignored.
 */
public final class JsonPayloadDecoder implements PayloadDecoder {

    private final ObjectMapper mapper = new ObjectMapper();

    @Override
    public DecodedReading decode(TopicAddress address, byte[] payload) throws RejectedInputException {
        JsonNode root;
        try {
            root = mapper.readTree(payload);
        } catch (JsonProcessingException e) {
            throw malformed("not JSON: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw malformed("unreadable JSON: " + e.getMessage());
        }
        if (root == null || !root.isObject()) {
            throw malformed("expected a JSON object");
        }
        requireSame(root, "enterpriseId", address.enterpriseId());
        requireSame(root, "level", address.level().code());
        requireSame(root, "entityId", address.entityId());
        Instant ts = timestamp(root.get("ts"));
        long seq = seq(root.get("seq"));
        JsonNode values = root.get("values");
        if (values == null || !values.isObject()) {
            throw malformed("'values' must be an object of indicator id -> number");
        }
        Map<String, Double> numbers = new HashMap<>(values.size() * 2);
        Map<String, String> other = new HashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = values.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            JsonNode v = e.getValue();
            if (v.isNumber()) {
                numbers.put(e.getKey(), v.doubleValue());
            } else {
                other.put(e.getKey(), v.getNodeType().name().toLowerCase() + " " + abbreviate(v.toString()));
            }
        }
        return new DecodedReading(address, seq, ts, numbers, other);
    }

    private static void requireSame(JsonNode root, String field, String fromTopic) throws RejectedInputException {
        JsonNode v = root.get(field);
        if (v != null && !v.isNull() && !v.asText().equalsIgnoreCase(fromTopic)) {
            throw new RejectedInputException(RejectReason.TOPIC_MISMATCH,
                    "payload " + field + " '" + abbreviate(v.asText()) + "' contradicts the topic's '" + fromTopic + "'");
        }
    }

    private static Instant timestamp(JsonNode ts) throws RejectedInputException {
        if (ts == null || !ts.isTextual()) {
            throw malformed("'ts' must be an ISO-8601 timestamp string, e.g. 2026-01-05T10:15:30Z");
        }
        try {
            return DateTimeFormatter.ISO_OFFSET_DATE_TIME.parse(ts.asText(), Instant::from);
        } catch (DateTimeParseException e) {
            throw malformed("'ts' is not an ISO-8601 timestamp with offset: '" + abbreviate(ts.asText()) + "'");
        }
    }

    private static long seq(JsonNode seq) throws RejectedInputException {
        if (seq == null || !seq.isIntegralNumber() || !seq.canConvertToLong() || seq.longValue() < 0) {
            throw malformed("'seq' must be a non-negative integer");
        }
        return seq.longValue();
    }

    private static RejectedInputException malformed(String detail) {
        return new RejectedInputException(RejectReason.MALFORMED_PAYLOAD, detail);
    }

    static String abbreviate(String s) {
        return s.length() <= 60 ? s : s.substring(0, 57) + "...";
    }
}
