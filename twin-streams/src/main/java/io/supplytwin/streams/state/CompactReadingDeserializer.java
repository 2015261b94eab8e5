package io.supplytwin.streams.state;

import io.supplytwin.schemas.avro.TelemetryReading;
import io.supplytwin.schemas.avro.TelemetrySource;
import io.supplytwin.schemas.avro.TwinLevel;
import io.supplytwin.schemas.registry.client.SchemaRegistryClient;
import io.supplytwin.schemas.serde.AvroDeserializer;
import io.supplytwin.schemas.serde.BadRecordException;
import io.supplytwin.schemas.serde.WireFormat;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.apache.avro.Schema;
import org.apache.avro.SchemaNormalization;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads {@code twin.telemetry} records (Confluent wire format) into {@link CompactReading}s. Records written with the
 * {@code TelemetryReading} schema this class follows ({@link #FOLLOWS}, field by field) are decoded straight from their
 * bytes: map keys are looked up in the catalogue from the bytes, values go into arrays, and no String, boxed double or
 * map entry is made for a catalogue indicator. Records written with any other schema (an older or newer compatible
 * one) go through Avro's reader with schema resolution, as before. Bytes that are not a reading throw
 * {@link BadRecordException}, as Avro's reader does.
 *
 * <p>A map with the same key twice keeps the last value, as Avro's reader into a map does.
 */
public final class CompactReadingDeserializer implements Deserializer<CompactReading> {

    private static final Logger LOG = LoggerFactory.getLogger(CompactReadingDeserializer.class);
    /** Parsing fingerprint of the TelemetryReading schema the direct decoder below follows. */
    static final long FOLLOWS = 0x07ccec8bc3fc3874L;
    private static final VarHandle DOUBLE = MethodHandles.byteArrayViewVarHandle(double[].class, ByteOrder.LITTLE_ENDIAN);
    private static final TwinLevel[] LEVELS = TwinLevel.values();
    private static final int SOURCES = TelemetrySource.values().length;
    private static final int[] NO_POSITIONS = {};
    private static final String[] NO_IDS = {};
    private static final double[] NO_VALUES = {};

    private final SchemaRegistryClient registry;
    private final AvroDeserializer<TelemetryReading> avro;
    private final Map<Integer, Boolean> direct = new ConcurrentHashMap<>();
    /**
     * Which catalogue position followed which in the readings decoded so far (position + 1, 0 not known; slot 0 is the
     * first key): a gateway writes its map's keys in the same order reading after reading, so a key is usually the one
     * that followed its predecessor last time, and one comparison of bytes finds it without hashing them. Shared by the
     * threads that decode (the serde is); a stale or torn guess costs only the lookup it failed to save.
     */
    private final int[] next = new int[CatalogueIds.size() + 1];

    public CompactReadingDeserializer(SchemaRegistryClient registry) {
        this.registry = Objects.requireNonNull(registry, "registry");
        this.avro = AvroDeserializer.forClass(registry, TelemetryReading.class);
    }

    /** A serde for reading telemetry this way (a source's: its serializer refuses, the twin never writes telemetry). */
    public static Serde<CompactReading> serde(SchemaRegistryClient registry) {
        return Serdes.serdeFrom((topic, reading) -> {
            throw new UnsupportedOperationException("compact readings are read from " + topic + ", never written");
        }, new CompactReadingDeserializer(registry));
    }

    @Override
    public CompactReading deserialize(String topic, byte[] data) {
        if (data == null) {
            return null;
        }
        int id = WireFormat.schemaId(topic, data);
        Boolean follows = direct.get(id);
        if (follows == null) {
            follows = follows(id);
            if (follows != null) {
                direct.put(id, follows);
            }
        }
        if (follows == null || !follows) {
            return CompactReading.of(avro.deserialize(topic, data));
        }
        try {
            return new Decoder(data, WireFormat.HEADER_SIZE, next).reading(() -> avro.deserialize(topic, data));
        } catch (RuntimeException e) {
            throw new BadRecordException(topic, id, BadRecordException.Reason.UNDECODABLE, e.getMessage(), e);
        }
    }

    /** Whether records of this schema id were decoded by the direct decoder (false before the first one). */
    boolean decodedDirectly(int schemaId) {
        return Boolean.TRUE.equals(direct.get(schemaId));
    }

    /** Whether the writer schema of this id is the one the direct decoder follows; null when the registry did not say. */
    private Boolean follows(int id) {
        Schema writer;
        try {
            writer = registry.getById(id);
        } catch (RuntimeException e) {
            return null; // Avro's reader will report it (unknown id, registry down) and try again next time
        }
        long fingerprint = SchemaNormalization.parsingFingerprint64(writer);
        boolean same = fingerprint == FOLLOWS;
        if (!same && writer.getFullName().equals(TelemetryReading.SCHEMA$.getFullName())
                && SchemaNormalization.parsingFingerprint64(TelemetryReading.SCHEMA$) == fingerprint) {
            LOG.warn("TelemetryReading schema changed (fingerprint {} instead of {}): readings are decoded by Avro's reader"
                    + " until the direct decoder is updated", Long.toHexString(fingerprint), Long.toHexString(FOLLOWS));
        }
        return same;
    }

    /** The Avro binary decoding of one TelemetryReading, in its schema's field order. */
    private static final class Decoder {
        private final byte[] buf;
        private final int[] next;
        private int pos;

        Decoder(byte[] buf, int pos, int[] next) {
            this.buf = buf;
            this.pos = pos;
            this.next = next;
        }

        CompactReading reading(Supplier<TelemetryReading> avro) {
            String enterpriseId = string();
            int level = intValue();
            if (level < 0 || level >= LEVELS.length) {
                throw new IllegalArgumentException("level " + level + " is not a TwinLevel symbol");
            }
            String entityId = string();
            longValue(); // seq
            long eventTime = longValue();
            longValue(); // ingestTime
            int capacity = 0;
            int size = 0;
            int[] positions = NO_POSITIONS;
            String[] ids = NO_IDS;
            double[] values = NO_VALUES;
            long[] seen = new long[(CatalogueIds.size() + 63) >>> 6];
            int previous = -1; // catalogue position of the last catalogue key, -1 before the first
            for (long count; (count = blockCount()) != 0; ) {
                // each entry takes at least 9 bytes (a key length and a double): more than that cannot be there
                if (count > (buf.length - pos) / 9) {
                    throw new IllegalArgumentException("map block of " + count + " entries in " + (buf.length - pos)
                            + " bytes");
                }
                if (size + count > capacity) {
                    capacity = (int) (size + count);
                    positions = Arrays.copyOf(positions, capacity);
                    ids = Arrays.copyOf(ids, capacity);
                    values = Arrays.copyOf(values, capacity);
                }
                for (long k = 0; k < count; k++) {
                    int len = length();
                    int guess = next[previous + 1] - 1;
                    int position = guess >= 0 && CatalogueIds.is(guess, buf, pos, len) ? guess
                            : CatalogueIds.indexOf(buf, pos, len);
                    if (position >= 0) {
                        if (position != guess) {
                            next[previous + 1] = position + 1;
                        }
                        previous = position;
                    }
                    String id = position < 0 ? new String(buf, pos, len, StandardCharsets.UTF_8) : null;
                    pos += len;
                    need(8);
                    double value = (double) DOUBLE.get(buf, pos);
                    pos += 8;
                    int at = position >= 0 ? seenAt(seen, position, positions, size) : seenAt(id, positions, ids, size);
                    if (at >= 0) {
                        values[at] = value; // the same key again: the last value counts
                        continue;
                    }
                    positions[size] = position;
                    ids[size] = id;
                    values[size] = value;
                    size++;
                }
            }
            for (long count; (count = blockCount()) != 0; ) { // flagged: strings the twin does not use
                for (long k = 0; k < count; k++) {
                    int len = length();
                    pos += len;
                }
            }
            int source = intValue();
            if (source < 0 || source >= SOURCES) {
                throw new IllegalArgumentException("source " + source + " is not a TelemetrySource symbol");
            }
            return new CompactReading(entityId, enterpriseId, LEVELS[level], eventTime, size, positions, ids, values, avro);
        }

        /** Index of the value with this catalogue position so far, -1 if none (and marks it seen). */
        private static int seenAt(long[] seen, int position, int[] positions, int size) {
            long bit = 1L << position;
            if ((seen[position >>> 6] & bit) == 0) {
                seen[position >>> 6] |= bit;
                return -1;
            }
            for (int i = 0; i < size; i++) {
                if (positions[i] == position) {
                    return i;
                }
            }
            return -1;
        }

        private static int seenAt(String id, int[] positions, String[] ids, int size) {
            for (int i = 0; i < size; i++) {
                if (positions[i] < 0 && ids[i].equals(id)) {
                    return i;
                }
            }
            return -1;
        }

        private void need(int n) {
            if (n > buf.length - pos) {
                throw new IllegalArgumentException("record ends " + (n - (buf.length - pos)) + " bytes short at byte " + pos);
            }
        }

        private long blockCount() {
            long count = longValue();
            if (count < 0) {
                count = -count;
                longValue(); // the block's size in bytes
            }
            return count;
        }

        private int length() {
            long len = longValue();
            if (len < 0 || len > buf.length - pos) {
                throw new IllegalArgumentException("string of " + len + " bytes at byte " + pos + " of " + buf.length);
            }
            return (int) len;
        }

        private String string() {
            int len = length();
            String s = new String(buf, pos, len, StandardCharsets.UTF_8);
            pos += len;
            return s;
        }

        private int intValue() {
            long v = longValue();
            if (v < Integer.MIN_VALUE || v > Integer.MAX_VALUE) {
                throw new IllegalArgumentException("int out of range: " + v);
            }
            return (int) v;
        }

        /** A zig-zag variable-length long. */
        private long longValue() {
            long raw = 0;
            for (int shift = 0; shift < 70; shift += 7) {
                need(1);
                int b = buf[pos++] & 0xFF;
                raw |= (long) (b & 0x7F) << shift;
                if ((b & 0x80) == 0) {
                    return (raw >>> 1) ^ -(raw & 1);
                }
            }
            throw new IllegalArgumentException("variable-length number longer than 10 bytes");
        }
    }
}
