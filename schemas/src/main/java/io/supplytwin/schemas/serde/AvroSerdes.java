package io.supplytwin.schemas.serde;

import io.supplytwin.schemas.registry.client.SchemaRegistryClient;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;

/** Kafka serdes in the Confluent wire format, through a schema registry. */
public final class AvroSerdes {

    private AvroSerdes() {}

    /** A serde of a generated class, auto-registering its schema. */
    public static <T extends SpecificRecord> Serde<T> specific(Class<T> type, SchemaRegistryClient registry,
            boolean isKey) {
        return specific(type, registry, isKey, AvroSerdeConfig.DEFAULTS);
    }

    public static <T extends SpecificRecord> Serde<T> specific(Class<T> type, SchemaRegistryClient registry,
            boolean isKey, AvroSerdeConfig config) {
        return Serdes.serdeFrom(new AvroSerializer<T>(registry, isKey, config), AvroDeserializer.forClass(registry, type));
    }

    /** A serde of generic records, each read with its writer's schema. */
    public static Serde<GenericRecord> generic(SchemaRegistryClient registry, boolean isKey) {
        return generic(registry, isKey, null, AvroSerdeConfig.DEFAULTS);
    }

    /** A serde of generic records, read into {@code readerSchema} (null: the writer's schema). */
    public static Serde<GenericRecord> generic(SchemaRegistryClient registry, boolean isKey, Schema readerSchema,
            AvroSerdeConfig config) {
        return Serdes.serdeFrom(new AvroSerializer<GenericRecord>(registry, isKey, config),
                new AvroDeserializer<GenericRecord>(registry, readerSchema, GenericData.get()));
    }
}
