package io.supplytwin.schemas.serde;

import java.nio.ByteBuffer;

/**
 * The Confluent wire format: magic byte 0, the schema id as a 4-byte big-endian int, then the Avro
 * binary encoding of the record.
 */
public final class WireFormat {

    public static final byte MAGIC_BYTE = 0;
    public static final int HEADER_SIZE = 5;

    private WireFormat() {}

    /** Writes the 5 header bytes for this schema id. */
    public static byte[] header(int schemaId) {
        return ByteBuffer.allocate(HEADER_SIZE).put(MAGIC_BYTE).putInt(schemaId).array();
    }

    /** The schema id in the header, after checking the header is there. */
    public static int schemaId(String topic, byte[] data) {
        if (data.length < HEADER_SIZE) {
            throw new BadRecordException(topic, null, BadRecordException.Reason.TOO_SHORT,
                    data.length + " bytes, the wire format needs at least " + HEADER_SIZE, null);
        }
        if (data[0] != MAGIC_BYTE) {
            throw new BadRecordException(topic, null, BadRecordException.Reason.NO_MAGIC_BYTE,
                    "first byte is " + data[0] + ", not the magic byte " + MAGIC_BYTE, null);
        }
        return ByteBuffer.wrap(data, 1, 4).getInt();
    }
}
