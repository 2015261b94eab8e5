package io.supplytwin.ingest.it;

import io.supplytwin.ingest.IngestConfig;
import io.supplytwin.ingest.IngestService;
import io.supplytwin.platform.metrics.PlatformMetrics;
import io.supplytwin.platform.mqtt.TcpNoDelaySocketFactory;
import io.supplytwin.schemas.avro.DeadLetter;
import io.supplytwin.schemas.avro.TelemetryReading;
import io.supplytwin.schemas.registry.client.RestSchemaRegistryClient;
import io.supplytwin.schemas.topic.Topic;
import io.supplytwin.schemas.topic.Topics;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.eclipse.paho.mqttv5.client.MqttAsyncClient;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttMessage;

/** Gateways, bridges and readers for the bridge's integration tests; each test uses its own enterprise id and group. */
final class IngestTestKit {

    private IngestTestKit() {
    }

    static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** A bridge config that only listens to one enterprise's JSON topics (and Sparkplug when asked), in its own group. */
    static IngestConfig config(String enterprise, String clientId, boolean sparkplug) {
        return config(enterprise, clientId, sparkplug, 200);
    }

    static IngestConfig config(String enterprise, String clientId, boolean sparkplug, int receiveMaximum) {
        return IngestConfig.with(Map.of(
                "ingest.group", "g-" + enterprise,
                "ingest.client-id", clientId,
                "ingest.mqtt.topics", "twin/v1/" + enterprise + "/+/+/telemetry",
                "ingest.mqtt.sparkplug", Boolean.toString(sparkplug),
                "ingest.mqtt.session-expiry", "2m",
                "ingest.mqtt.receive-maximum", Integer.toString(receiveMaximum)));
    }

    static IngestService bridge(IngestConfig config, String kafka, String registry, String mqtt) throws Exception {
        IngestService service = new IngestService(config, kafka, registry, mqtt, new PlatformMetrics("ingest-it"));
        service.start();
        return service;
    }

    /** A gateway connection publishing QoS 1. */
    static MqttAsyncClient gateway(String mqttUri) throws Exception {
        MqttAsyncClient client = new MqttAsyncClient(mqttUri, unique("gw"), new MemoryPersistence());
        MqttConnectionOptions o = new MqttConnectionOptions();
        o.setSocketFactory(new TcpNoDelaySocketFactory());
        o.setCleanStart(true);
        o.setAutomaticReconnect(true);
        client.connect(o).waitForCompletion(10_000);
        return client;
    }

    static void publish(MqttAsyncClient gateway, String topic, byte[] payload) throws Exception {
        MqttMessage m = new MqttMessage(payload);
        m.setQos(1);
        gateway.publish(topic, m).waitForCompletion(10_000);
    }

    /** Publishes without waiting for each acknowledgement (a burst, as many gateways at once), then waits for all. */
    static void publishBurst(MqttAsyncClient gateway, List<Map.Entry<String, byte[]>> messages) throws Exception {
        List<org.eclipse.paho.mqttv5.client.IMqttToken> tokens = new ArrayList<>();
        for (Map.Entry<String, byte[]> m : messages) {
            MqttMessage message = new MqttMessage(m.getValue());
            message.setQos(1);
            tokens.add(gateway.publish(m.getKey(), message));
        }
        for (var t : tokens) {
            t.waitForCompletion(30_000);
        }
    }

    /** Reads a topic from the beginning until {@code done} holds for what was read (matching records only) or the timeout. */
    static <V> List<V> readUntil(Topic<String, V> topic, String kafka, String registry, Predicate<V> matching,
            Predicate<List<V>> done, Duration timeout) {
        RestSchemaRegistryClient registryClient = new RestSchemaRegistryClient(registry);
        List<V> seen = new ArrayList<>();
        try (KafkaConsumer<String, V> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka,
                ConsumerConfig.GROUP_ID_CONFIG, unique("reader"),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed"),
                topic.keySerde(registryClient).deserializer(), topic.valueSerde(registryClient).deserializer())) {
            consumer.subscribe(List.of(topic.name()));
            long deadline = System.nanoTime() + timeout.toNanos();
            boolean settled = false;
            while (!settled && System.nanoTime() < deadline) {
                settled = done.test(seen); // one more poll after done, so late duplicates would show
                for (ConsumerRecord<String, V> r : consumer.poll(Duration.ofMillis(settled ? 1000 : 500))) {
                    if (matching.test(r.value())) {
                        seen.add(r.value());
                    }
                }
            }
        }
        return seen;
    }

    static List<TelemetryReading> readings(String kafka, String registry, String enterprise, int expected, Duration timeout) {
        return readUntil(Topics.TELEMETRY, kafka, registry, r -> r.getEnterpriseId().equals(enterprise),
                seen -> seen.stream().map(IngestTestKit::identity).distinct().count() >= expected, timeout);
    }

    /** (entity, seq): what must arrive exactly once. */
    static String identity(TelemetryReading r) {
        return r.getEntityId() + "#" + r.getSeq();
    }

    static List<DeadLetter> deadLetters(String kafka, String registry, String topicPart, int expected, Duration timeout) {
        return readUntil(Topics.TELEMETRY_DLQ, kafka, registry, d -> d.getSource().contains(topicPart),
                seen -> seen.size() >= expected, timeout);
    }
}
