package io.supplytwin.ingest.payload;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.supplytwin.ingest.clean.RejectReason;
import io.supplytwin.ingest.clean.RejectedInputException;
import java.io.IOException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.Map;

/**
 * The default gateway payload:
 * <pre>{"ts": "2026-01-05T10:15:30.250Z", "seq": 42, "values": {"oee": 0.81, "spindle_temp_c": 61.5}}</pre>
 * {@code enterpriseId}, {@code level} and {@code entityId} may be repeated in the payload; when present they must
 * match the topic. Other fields are ignored.
 *
 * <p>Read with Jackson's streaming parser straight into the value map: no tree, and the indicator ids come out of the
 * parser's symbol table as the same {@code String} instances message after message (their hash codes cached). Only a
 * value that is not a number is read as a tree, to describe it in the dead letter. As with a tree, a field given
 * twice counts with its last occurrence, and content after the root object is ignored.
 */
public final class JsonPayloadDecoder implements PayloadDecoder {

    /** Jackson's own fast double parser: same, correctly rounded results as {@link Double#parseDouble}, several times quicker. */
    private static final JsonFactory FACTORY = JsonFactory.builder().enable(StreamReadFeature.USE_FAST_DOUBLE_PARSER).build();
    private static final ObjectMapper MAPPER = new ObjectMapper(FACTORY);

    @Override
    public DecodedReading decode(TopicAddress address, byte[] payload) throws RejectedInputException {
        try (JsonParser p = FACTORY.createParser(payload)) {
            return read(address, p);
        } catch (JsonProcessingException e) {
            throw malformed("not JSON: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw malformed("unreadable JSON: " + e.getMessage());
        }
    }

    private static DecodedReading read(TopicAddress address, JsonParser p) throws IOException, RejectedInputException {
        if (p.nextToken() != JsonToken.START_OBJECT) {
            throw malformed("expected a JSON object");
        }
        String enterpriseId = null;
        String level = null;
        String entityId = null;
        String tsText = null;
        boolean tsSeen = false;
        long seq = -1;
        boolean seqValid = false;
        Map<String, Double> numbers = null;
        Map<String, String> other = null;
        for (String field = p.nextFieldName(); field != null; field = p.nextFieldName()) {
            JsonToken value = p.nextToken();
            switch (field) {
                case "enterpriseId" -> enterpriseId = identity(p, value);
                case "level" -> level = identity(p, value);
                case "entityId" -> entityId = identity(p, value);
                case "ts" -> {
                    tsSeen = true;
                    tsText = value == JsonToken.VALUE_STRING ? p.getText() : null;
                    p.skipChildren();
                }
                case "seq" -> {
                    seqValid = value == JsonToken.VALUE_NUMBER_INT && p.getNumberType() != JsonParser.NumberType.BIG_INTEGER
                            && p.getLongValue() >= 0;
                    seq = seqValid ? p.getLongValue() : -1;
                    p.skipChildren();
                }
                case "values" -> {
                    if (value == JsonToken.START_OBJECT) {
                        numbers = new HashMap<>(256);
                        other = new HashMap<>(4);
                        readValues(p, numbers, other);
                    } else {
                        numbers = null;
                        other = null;
                        p.skipChildren();
                    }
                }
                default -> p.skipChildren();
            }
        }
        if (p.currentToken() != JsonToken.END_OBJECT) {
            throw malformed("expected a JSON object");
        }
        // the checks in the order a reader of the rejection expects: identity, time, sequence, values
        requireSame("enterpriseId", enterpriseId, address.enterpriseId());
        requireSame("level", level, address.level().code());
        requireSame("entityId", entityId, address.entityId());
        if (!tsSeen || tsText == null) {
            throw malformed("'ts' must be an ISO-8601 timestamp string, e.g. 2026-01-05T10:15:30Z");
        }
        Instant ts = timestamp(tsText);
        if (!seqValid) {
            throw malformed("'seq' must be a non-negative integer");
        }
        if (numbers == null) {
            throw malformed("'values' must be an object of indicator id -> number");
        }
        return new DecodedReading(address, seq, ts, numbers, other);
    }

    private static void readValues(JsonParser p, Map<String, Double> numbers, Map<String, String> other) throws IOException {
        for (String id = p.nextFieldName(); id != null; id = p.nextFieldName()) {
            JsonToken value = p.nextToken();
            if (value == JsonToken.VALUE_NUMBER_FLOAT || value == JsonToken.VALUE_NUMBER_INT) {
                numbers.put(id, p.getDoubleValue());
                other.remove(id);
            } else {
                JsonNode v = MAPPER.readTree(p);
                other.put(id, v.getNodeType().name().toLowerCase() + " " + abbreviate(v.toString()));
                numbers.remove(id);
            }
        }
    }

    /** The text of an identity field; a structure has none (and so never matches), JSON null means absent. */
    private static String identity(JsonParser p, JsonToken value) throws IOException {
        if (value == JsonToken.VALUE_NULL) {
            return null;
        }
        if (value.isStructStart()) {
            p.skipChildren();
            return "";
        }
        return p.getText();
    }

    private static void requireSame(String field, String inPayload, String fromTopic) throws RejectedInputException {
        if (inPayload != null && !inPayload.equalsIgnoreCase(fromTopic)) {
            throw new RejectedInputException(RejectReason.TOPIC_MISMATCH,
                    "payload " + field + " '" + abbreviate(inPayload) + "' contradicts the topic's '" + fromTopic + "'");
        }
    }

    private static Instant timestamp(String ts) throws RejectedInputException {
        try {
            return OffsetTimestamp.parse(ts);
        } catch (DateTimeParseException e) {
            throw malformed("'ts' is not an ISO-8601 timestamp with offset: '" + abbreviate(ts) + "'");
        }
    }

    private static RejectedInputException malformed(String detail) {
        return new RejectedInputException(RejectReason.MALFORMED_PAYLOAD, detail);
    }

    static String abbreviate(String s) {
        return s.length() <= 60 ? s : s.substring(0, 57) + "...";
    }
}
