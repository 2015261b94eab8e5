package io.supplytwin.schemas.registry.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.supplytwin.schemas.registry.client.CompatibilityLevel;
import io.supplytwin.schemas.registry.client.SchemaRegistryException;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import org.apache.avro.Schema;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The registry's log in a compacted, single-partition Kafka topic, with the Confluent registry's
 * record layout (JSON keys {@code {"keytype":"SCHEMA","subject":…,"version":…,"magic":1}} and
 * {@code {"keytype":"CONFIG","subject":…,"magic":0}}), so that the latest record per key is the
 * registry's state and compaction keeps it. Records of other key types are skipped.
 */
final class KafkaRegistryLog implements RegistryLog {

    private static final Logger LOG = LoggerFactory.getLogger(KafkaRegistryLog.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration POLL = Duration.ofMillis(200);

    private final SchemaRegistryConfig config;
    private final TopicPartition partition;
    private KafkaProducer<byte[], byte[]> producer;

    KafkaRegistryLog(SchemaRegistryConfig config) {
        this.config = config;
        this.partition = new TopicPartition(config.topic(), 0);
    }

    @Override
    public void replay(Consumer<RegistryEvent> apply) {
        long deadline = System.nanoTime() + config.startTimeout().toNanos();
        createTopicIfMissing();
        producer = new KafkaProducer<>(producerProps());
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, config.bootstrapServers());
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        props.put(ConsumerConfig.CLIENT_ID_CONFIG, "schema-registry-reader");
        int count = 0;
        try (KafkaConsumer<byte[], byte[]> consumer =
                new KafkaConsumer<>(props, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            consumer.assign(List.of(partition));
            consumer.seekToBeginning(List.of(partition));
            long end = consumer.endOffsets(List.of(partition), config.startTimeout()).get(partition);
            while (consumer.position(partition, config.startTimeout()) < end) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("Schema registry could not read topic " + config.topic()
                            + " to its end (offset " + end + ") within " + config.startTimeout());
                }
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(POLL)) {
                    RegistryEvent event = decode(record.key(), record.value());
                    if (event != null) {
                        apply.accept(event);
                        count++;
                    }
                }
            }
        }
        LOG.info("Schema registry loaded {} records from topic {}", count, config.topic());
    }

    @Override
    public void append(RegistryEvent event) {
        byte[][] keyValue = encode(event);
        try {
            producer.send(new ProducerRecord<>(config.topic(), 0, keyValue[0], keyValue[1]))
                    .get(config.startTimeout().toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw storeError(e);
        } catch (ExecutionException | TimeoutException e) {
            throw storeError(e);
        }
    }

    @Override
    public void close() {
        if (producer != null) {
            producer.close(Duration.ofSeconds(5));
        }
    }

    private SchemaRegistryException storeError(Exception e) {
        return new SchemaRegistryException(500, SchemaRegistryException.STORE_ERROR,
                "Error while storing to topic " + config.topic() + ": " + e, e);
    }

    private void createTopicIfMissing() {
        Properties props = new Properties();
        props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, config.bootstrapServers());
        try (Admin admin = Admin.create(props)) {
            NewTopic topic = new NewTopic(config.topic(), 1, config.replicationFactor())
                    .configs(Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT));
            admin.createTopics(List.of(topic)).all()
                    .get(config.startTimeout().toMillis(), TimeUnit.MILLISECONDS);
            LOG.info("Created schema registry topic {}", config.topic());
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof TopicExistsException)) {
                throw new IllegalStateException("Cannot create topic " + config.topic() + ": " + e.getCause(), e);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while creating topic " + config.topic(), e);
        } catch (TimeoutException e) {
            throw new IllegalStateException("Kafka at " + config.bootstrapServers() + " did not create topic "
                    + config.topic() + " within " + config.startTimeout(), e);
        }
    }

    private Properties producerProps() {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, config.bootstrapServers());
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        props.put(ProducerConfig.LINGER_MS_CONFIG, 0);
        props.put(ProducerConfig.CLIENT_ID_CONFIG, "schema-registry-writer");
        props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        return props;
    }

    /** Key and value of the record storing the event. */
    static byte[][] encode(RegistryEvent event) {
        ObjectNode key = JSON.createObjectNode();
        ObjectNode value = JSON.createObjectNode();
        if (event instanceof RegistryEvent.SchemaRegistered s) {
            key.put("keytype", "SCHEMA").put("subject", s.subject()).put("version", s.version()).put("magic", 1);
            value.put("subject", s.subject()).put("version", s.version()).put("id", s.id())
                    .put("schema", s.schema().toString()).put("deleted", false);
        } else if (event instanceof RegistryEvent.CompatibilitySet c) {
            key.put("keytype", "CONFIG").put("subject", c.subject()).put("magic", 0);
            value.put("compatibilityLevel", c.level().name());
        }
        return new byte[][] {bytes(key), bytes(value)};
    }

    /** The event a stored record holds, or null for records the registry does not use. */
    static RegistryEvent decode(byte[] keyBytes, byte[] valueBytes) {
        if (keyBytes == null || valueBytes == null) {
            return null;
        }
        try {
            JsonNode key = JSON.readTree(keyBytes);
            JsonNode value = JSON.readTree(valueBytes);
            switch (key.path("keytype").asText()) {
                case "SCHEMA":
                    if (value.path("deleted").asBoolean(false)) {
                        return null;
                    }
                    return new RegistryEvent.SchemaRegistered(value.path("subject").asText(),
                            value.path("version").asInt(), value.path("id").asInt(),
                            new Schema.Parser().parse(value.path("schema").asText()));
                case "CONFIG":
                    JsonNode subject = key.path("subject");
                    return new RegistryEvent.CompatibilitySet(subject.isTextual() ? subject.asText() : null,
                            CompatibilityLevel.parse(value.path("compatibilityLevel").asText()));
                default:
                    return null;
            }
        } catch (IOException | RuntimeException e) {
            LOG.warn("Skipping unreadable schema registry record: {}", e.toString());
            return null;
        }
    }

    private static byte[] bytes(JsonNode node) {
        try {
            return JSON.writeValueAsBytes(node);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
