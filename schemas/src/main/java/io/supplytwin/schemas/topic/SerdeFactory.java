package io.supplytwin.schemas.topic;

import io.supplytwin.schemas.registry.client.SchemaRegistryClient;
import io.supplytwin.schemas.serde.AvroSerdeConfig;
import org.apache.kafka.common.serialization.Serde;

/** Makes the serde of a topic's keys or values, given the registry to use. */
@FunctionalInterface
public interface SerdeFactory<T> {
    Serde<T> create(SchemaRegistryClient registry, boolean isKey, AvroSerdeConfig config);
}
