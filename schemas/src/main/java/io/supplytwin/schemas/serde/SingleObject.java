package io.supplytwin.schemas.serde;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.avro.Schema;
import org.apache.avro.SchemaNormalization;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.DatumWriter;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.message.BinaryMessageEncoder;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificRecordBase;

/**
 * Avro's single-object encoding (marker {@code C3 01}, the schema's 8-byte CRC-64-AVRO fingerprint little-endian,
 * then the binary body), the bytes a generated class's {@code toByteBuffer()} makes and its {@code fromByteBuffer()}
 * reads, written with the {@link HandWriters hand writer} where the class has one.
 */
public final class SingleObject {

    /** The hand writer of a schema and the header naming it; writer null where the schema has none. */
    private record Hand(DatumWriter<Object> writer, byte[] header, BinaryMessageEncoder<Object> avro) {
        static Hand of(Schema schema, Class<?> type) {
            long fingerprint = SchemaNormalization.parsingFingerprint64(schema);
            byte[] header = new byte[10];
            header[0] = (byte) 0xC3;
            header[1] = 0x01;
            for (int i = 0; i < 8; i++) {
                header[2 + i] = (byte) (fingerprint >>> (8 * i));
            }
            return new Hand(HandWriters.forSchema(schema), header,
                    new BinaryMessageEncoder<>(SpecificData.getForClass(type), schema));
        }
    }

    private static final Map<Schema, Hand> HAND = new ConcurrentHashMap<>();
    private static final ThreadLocal<Buffer> BUFFER = ThreadLocal.withInitial(Buffer::new);

    private SingleObject() {
    }

    /** The record's single-object encoding, equal byte for byte to {@code record.toByteBuffer()}. */
    public static ByteBuffer encode(SpecificRecordBase record) {
        Schema schema = record.getSchema();
        Hand hand = HAND.computeIfAbsent(schema, s -> Hand.of(s, record.getClass()));
        try {
            if (hand.writer() == null) {
                return hand.avro().encode(record);
            }
            Buffer buffer = BUFFER.get();
            buffer.start();
            buffer.write(hand.header(), 0, hand.header().length);
            BinaryEncoder encoder = EncoderFactory.get().directBinaryEncoder(buffer, buffer.encoder);
            buffer.encoder = encoder;
            try {
                hand.writer().write(record, encoder);
                return ByteBuffer.wrap(buffer.bytes());
            } finally {
                buffer.release();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot encode " + schema.getFullName(), e);
        }
    }
}
