package io.supplytwin.schemas.serde;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.avro.Schema;
import org.apache.avro.SchemaNormalization;
import org.apache.avro.io.DatumWriter;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificDatumWriter;
import org.apache.avro.specific.SpecificRecordBase;

/**
 * Avro's single-object encoding (marker {@code C3 01}, the schema's 8-byte CRC-64-AVRO fingerprint little-endian,
 * then the binary body), the bytes a generated class's {@code toByteBuffer()} makes and its {@code fromByteBuffer()}
 * reads, written with the {@link HandWriters hand writer} where the class has one.
 */
public final class SingleObject {

    /** A schema's writer (the hand writer, else Avro's) and the header naming the schema. */
    private record Encoding(DatumWriter<Object> writer, byte[] header) {
        static Encoding of(Schema schema, Class<?> type) {
            long fingerprint = SchemaNormalization.parsingFingerprint64(schema);
            byte[] header = new byte[10];
            header[0] = (byte) 0xC3;
            header[1] = 0x01;
            for (int i = 0; i < 8; i++) {
                header[2 + i] = (byte) (fingerprint >>> (8 * i));
            }
            DatumWriter<Object> hand = HandWriters.forSchema(schema);
            return new Encoding(hand != null ? hand : new SpecificDatumWriter<>(schema, SpecificData.getForClass(type)),
                    header);
        }
    }

    private static final Map<Schema, Encoding> ENCODINGS = new ConcurrentHashMap<>();

    private SingleObject() {
    }

    /** The record's single-object encoding, equal byte for byte to {@code record.toByteBuffer()}. */
    public static ByteBuffer encode(SpecificRecordBase record) {
        Schema schema = record.getSchema();
        Encoding encoding = ENCODINGS.computeIfAbsent(schema, s -> Encoding.of(s, record.getClass()));
        try {
            return ByteBuffer.wrap(Buffer.encode(encoding.header(), encoding.writer(), record));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot encode " + schema.getFullName(), e);
        }
    }
}
