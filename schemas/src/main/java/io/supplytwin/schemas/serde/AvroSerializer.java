package io.supplytwin.schemas.serde;

import io.supplytwin.schemas.registry.client.SchemaRegistryClient;
import java.io.IOException;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericContainer;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericDatumWriter;
import org.apache.avro.io.DatumWriter;
import org.apache.avro.io.Encoder;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificDatumWriter;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Serializer;

/**
 * Writes Avro records (generated {@link SpecificRecord}s, {@code GenericRecord}s or {@link AvroWritable}s) in the Confluent
 * wire format, under the subject {@code <topic>-key} / {@code <topic>-value}. Null is written as null
 * (a tombstone).
 */
public final class AvroSerializer<T extends GenericContainer> implements Serializer<T> {

    private final SchemaRegistryClient registry;
    private final boolean isKey;
    private final AvroSerdeConfig config;
    private final Map<Schema, DatumWriter<Object>> writers = new ConcurrentHashMap<>();
    /**
     * Wire-format headers (magic byte and schema id) by subject and schema, so the hot path never renders a schema to
     * JSON (the registry client's key) nor writes the header field by field.
     */
    private final Map<SubjectSchema, byte[]> headers = new ConcurrentHashMap<>();

    private record SubjectSchema(String subject, Schema schema) {
    }

    public AvroSerializer(SchemaRegistryClient registry, boolean isKey, AvroSerdeConfig config) {
        this.registry = Objects.requireNonNull(registry, "registry");
        this.isKey = isKey;
        this.config = Objects.requireNonNull(config, "config");
    }

    @Override
    public byte[] serialize(String topic, T record) {
        if (record == null) {
            return null;
        }
        Schema schema = record.getSchema();
        String subject = TopicNameStrategy.subject(topic, isKey);
        SubjectSchema key = new SubjectSchema(subject, schema);
        byte[] header = headers.get(key);
        if (header == null) {
            int id;
            try {
                id = config.autoRegister() ? registry.register(subject, schema) : registry.lookup(subject, schema).id();
            } catch (RuntimeException e) {
                throw new SerializationException("Cannot " + (config.autoRegister() ? "register" : "find")
                        + " the schema of " + schema.getFullName() + " under subject " + subject + ": " + e.getMessage(), e);
            }
            header = WireFormat.header(id);
            headers.put(key, header);
        }
        try {
            return Buffer.encode(header, writers.computeIfAbsent(schema, s -> writerFor(record, s)), record);
        } catch (IOException | RuntimeException e) {
            throw new SerializationException("Cannot encode " + schema.getFullName() + " for topic " + topic
                    + ": " + e.getMessage(), e);
        }
    }

    private static DatumWriter<Object> writerFor(GenericContainer record, Schema schema) {
        DatumWriter<Object> hand = HandWriters.forSchema(schema);
        if (hand != null) {
            return hand;
        }
        if (record instanceof AvroWritable) {
            // no hand writer follows its schema (any more): written as the record it stands for
            DatumWriter<Object> avro = new SpecificDatumWriter<>(schema);
            return new DatumWriter<>() {
                @Override
                public void setSchema(Schema s) {
                    avro.setSchema(s);
                }

                @Override
                public void write(Object datum, Encoder out) throws IOException {
                    avro.write(((AvroWritable) datum).toRecord(), out);
                }
            };
        }
        if (record instanceof SpecificRecord) {
            return new SpecificDatumWriter<>(schema, SpecificData.getForClass(record.getClass()));
        }
        return new GenericDatumWriter<>(schema, GenericData.get());
    }
}
