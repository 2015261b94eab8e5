package io.supplytwin.schemas.serde;

import java.util.OptionalInt;
import org.apache.kafka.common.errors.SerializationException;

/**
 * Bytes that are not a readable record in the Confluent wire format. The record itself is bad, so
 * retrying cannot help: callers route it to a dead-letter topic with {@link #reason()} as the reason.
 */
public class BadRecordException extends SerializationException {

    private static final long serialVersionUID = 1L;

    /** Why the bytes could not be read. */
    public enum Reason {
        /** The first byte is not the wire format's magic byte 0. */
        NO_MAGIC_BYTE,
        /** Fewer than the 5 header bytes. */
        TOO_SHORT,
        /** The registry has no schema with the id in the header. */
        UNKNOWN_SCHEMA_ID,
        /** The Avro body does not decode with the writer schema, or cannot be resolved to the reader's. */
        UNDECODABLE
    }

    private final String topic;
    private final Integer schemaId;
    private final Reason reason;

    public BadRecordException(String topic, Integer schemaId, Reason reason, String detail, Throwable cause) {
        super(reason + " on topic " + topic + (schemaId == null ? "" : " (schema id " + schemaId + ")") + ": " + detail,
                cause);
        this.topic = topic;
        this.schemaId = schemaId;
        this.reason = reason;
    }

    public String topic() {
        return topic;
    }

    /** The schema id from the header, when the header was readable. */
    public OptionalInt schemaId() {
        return schemaId == null ? OptionalInt.empty() : OptionalInt.of(schemaId);
    }

    public Reason reason() {
        return reason;
    }
}
