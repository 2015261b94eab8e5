package io.supplytwin.schemas.topic;

import io.supplytwin.schemas.registry.client.SchemaRegistryClient;
import io.supplytwin.schemas.serde.AvroSerdeConfig;
import io.supplytwin.schemas.serde.AvroSerdes;
import io.supplytwin.schemas.serde.TopicNameStrategy;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.apache.avro.Schema;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;

/**
 * One Kafka topic with everything needed to create it and read or write it: name, partitions,
 * cleanup policy, extra topic configs, and the serdes of its keys and values. Declared once, in
 * {@link Topics}.
 *
 * @param <K> key type
 * @param <V> value type
 */
public final class Topic<K, V> {

    private final String name;
    private final int partitions;
    private final Optional<Short> replication;
    private final CleanupPolicy cleanupPolicy;
    private final Map<String, String> configs;
    private final Class<V> valueType;
    private final SerdeFactory<K> keySerdeFactory;
    private final SerdeFactory<V> valueSerdeFactory;

    public Topic(String name, int partitions, Optional<Short> replication, CleanupPolicy cleanupPolicy,
            Map<String, String> configs, Class<V> valueType, SerdeFactory<K> keySerdeFactory,
            SerdeFactory<V> valueSerdeFactory) {
        this.name = Objects.requireNonNull(name, "name");
        if (partitions < 1) {
            throw new IllegalArgumentException("partitions must be at least 1: " + partitions);
        }
        this.partitions = partitions;
        this.replication = Objects.requireNonNull(replication, "replication");
        this.cleanupPolicy = Objects.requireNonNull(cleanupPolicy, "cleanupPolicy");
        this.configs = Map.copyOf(configs);
        this.valueType = Objects.requireNonNull(valueType, "valueType");
        this.keySerdeFactory = Objects.requireNonNull(keySerdeFactory, "keySerdeFactory");
        this.valueSerdeFactory = Objects.requireNonNull(valueSerdeFactory, "valueSerdeFactory");
    }

    /** A topic keyed by plain UTF-8 strings with values of a generated Avro class. */
    public static <V extends SpecificRecord> Topic<String, V> stringKeyed(String name, int partitions,
            CleanupPolicy cleanupPolicy, Map<String, String> configs, Class<V> valueType) {
        return new Topic<>(name, partitions, Optional.empty(), cleanupPolicy, configs, valueType,
                (registry, isKey, config) -> Serdes.String(),
                (registry, isKey, config) -> AvroSerdes.specific(valueType, registry, isKey, config));
    }

    public String name() {
        return name;
    }

    public int partitions() {
        return partitions;
    }

    /** The topic's own replication factor; empty when the deployment's default applies. */
    public Optional<Short> replication() {
        return replication;
    }

    public CleanupPolicy cleanupPolicy() {
        return cleanupPolicy;
    }

    /** Topic configs beyond {@code cleanup.policy}, e.g. {@code retention.ms}. */
    public Map<String, String> configs() {
        return configs;
    }

    public Class<V> valueType() {
        return valueType;
    }

    public Serde<K> keySerde(SchemaRegistryClient registry) {
        return keySerde(registry, AvroSerdeConfig.DEFAULTS);
    }

    public Serde<K> keySerde(SchemaRegistryClient registry, AvroSerdeConfig config) {
        return keySerdeFactory.create(registry, true, config);
    }

    public Serde<V> valueSerde(SchemaRegistryClient registry) {
        return valueSerde(registry, AvroSerdeConfig.DEFAULTS);
    }

    public Serde<V> valueSerde(SchemaRegistryClient registry, AvroSerdeConfig config) {
        return valueSerdeFactory.create(registry, false, config);
    }

    /**
     * Registers the value schema under the subject its serializer writes to ({@code <name>-value}), as that serializer
     * would on its first record, and returns the schema id. A writer that does this before its first record fails at
     * start on an incompatible or unreachable registry, not mid-stream, and its first records wait for no HTTP call
     * (the client caches the id).
     */
    public int registerValueSchema(SchemaRegistryClient registry) {
        Schema schema = SpecificData.get().getSchema(valueType);
        try {
            return registry.register(TopicNameStrategy.subject(name, false), schema);
        } catch (RuntimeException e) {
            throw new IllegalStateException("Cannot register the schema of " + schema.getFullName() + " for topic " + name
                    + ": " + e.getMessage(), e);
        }
    }

    /** All topic configs: the cleanup policy and the extra ones. */
    public Map<String, String> allConfigs() {
        Map<String, String> all = new HashMap<>(configs);
        all.put(TopicConfig.CLEANUP_POLICY_CONFIG, cleanupPolicy.configValue());
        return Map.copyOf(all);
    }

    /**
     * The admin request creating this topic.
     *
     * @param defaultReplication used unless the topic declares its own replication factor
     */
    public NewTopic newTopic(short defaultReplication) {
        return new NewTopic(name, partitions, replication.orElse(defaultReplication)).configs(allConfigs());
    }

    @Override
    public String toString() {
        return "Topic[" + name + ", " + partitions + " partitions, " + cleanupPolicy.configValue() + ", "
                + valueType.getSimpleName() + "]";
    }
}
