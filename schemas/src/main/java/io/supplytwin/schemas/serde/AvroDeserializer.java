package io.supplytwin.schemas.serde;

import io.supplytwin.schemas.registry.client.SchemaRegistryClient;
import io.supplytwin.schemas.registry.client.SchemaRegistryException;
import java.io.IOException;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.io.BinaryDecoder;
import org.apache.avro.io.DatumReader;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificDatumReader;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;

/**
 * Reads the Confluent wire format. The writer's schema comes from the registry by the id in the
 * header; the reader's schema is the generated class's own (or a given one, or the writer's for
 * generic reading), and Avro's schema resolution bridges the two, so records written with an older
 * compatible schema stay readable. Null bytes read as null.
 *
 * <p>Bytes that cannot be records throw {@link BadRecordException}; a registry that cannot be
 * reached throws a plain {@link SerializationException} (retrying may help there).
 */
public final class AvroDeserializer<T> implements Deserializer<T> {

    private final SchemaRegistryClient registry;
    private final Schema readerSchema;
    private final GenericData model;
    private final Map<Integer, DatumReader<T>> readers = new ConcurrentHashMap<>();

    /**
     * @param readerSchema the schema to read into; null reads each record with its writer's schema
     * @param model        {@link SpecificData} for generated classes, {@link GenericData} otherwise
     */
    public AvroDeserializer(SchemaRegistryClient registry, Schema readerSchema, GenericData model) {
        this.registry = Objects.requireNonNull(registry, "registry");
        this.readerSchema = readerSchema;
        this.model = Objects.requireNonNull(model, "model");
    }

    /** Reads records into the generated class {@code type}. */
    public static <T extends org.apache.avro.specific.SpecificRecord> AvroDeserializer<T> forClass(
            SchemaRegistryClient registry, Class<T> type) {
        SpecificData model = SpecificData.getForClass(type);
        return new AvroDeserializer<>(registry, model.getSchema(type), model);
    }

    @Override
    public T deserialize(String topic, byte[] data) {
        if (data == null) {
            return null;
        }
        int id = WireFormat.schemaId(topic, data);
        DatumReader<T> reader = readers.computeIfAbsent(id, key -> readerFor(topic, key));
        BinaryDecoder decoder = DecoderFactory.get().binaryDecoder(data, WireFormat.HEADER_SIZE,
                data.length - WireFormat.HEADER_SIZE, null);
        try {
            return reader.read(null, decoder);
        } catch (IOException | RuntimeException e) {
            throw new BadRecordException(topic, id, BadRecordException.Reason.UNDECODABLE, e.toString(), e);
        }
    }

    @SuppressWarnings("unchecked")
    private DatumReader<T> readerFor(String topic, int id) {
        Schema writer;
        try {
            writer = registry.getById(id);
        } catch (SchemaRegistryException e) {
            if (e.errorCode() == SchemaRegistryException.SCHEMA_NOT_FOUND) {
                throw new BadRecordException(topic, id, BadRecordException.Reason.UNKNOWN_SCHEMA_ID,
                        "the registry has no schema with this id", e);
            }
            throw new SerializationException("Cannot fetch schema id " + id + " for topic " + topic + ": "
                    + e.getMessage(), e);
        } catch (RuntimeException e) {
            throw new SerializationException("Cannot fetch schema id " + id + " for topic " + topic + ": "
                    + e.getMessage(), e);
        }
        Schema reader = readerSchema == null ? writer : readerSchema;
        if (model instanceof SpecificData specific) {
            return new SpecificDatumReader<>(writer, reader, specific);
        }
        return (DatumReader<T>) new GenericDatumReader<>(writer, reader, model);
    }
}
