package io.supplytwin.platform.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.supplytwin.platform.EmbeddedPlatform;
import io.supplytwin.platform.mqtt.MqttCallbackAdapter;
import io.supplytwin.platform.mqtt.TcpNoDelaySocketFactory;
import io.supplytwin.platform.testkit.PlatformExtension;
import io.supplytwin.schemas.avro.TelemetryReading;
import io.supplytwin.schemas.avro.TelemetrySource;
import io.supplytwin.schemas.avro.TwinLevel;
import io.supplytwin.schemas.registry.client.RestSchemaRegistryClient;
import io.supplytwin.schemas.registry.client.SchemaRegistryClient;
import io.supplytwin.schemas.registry.client.SchemaRegistryException;
import io.supplytwin.schemas.topic.Topics;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.apache.avro.Schema;
import org.apache.avro.SchemaBuilder;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.Serde;
import org.eclipse.paho.mqttv5.client.MqttClient;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttMessage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The shared embedded platform as every other module's integration tests see it. */
@ExtendWith(PlatformExtension.class)
class EmbeddedPlatformIT {

    @Test
    void everyDeclaredTopicExists(EmbeddedPlatform platform) throws Exception {
        try (Admin admin = Admin.create(Map.<String, Object>of("bootstrap.servers", platform.bootstrapServers()))) {
            Set<String> names = admin.listTopics().names().get(30, TimeUnit.SECONDS);
            assertThat(names).containsAll(Topics.all().stream().map(t -> t.name()).toList());
        }
    }

    @Test
    void avroRecordTravelsThroughKafkaAndTheRegistry(EmbeddedPlatform platform) {
        SchemaRegistryClient registry = new RestSchemaRegistryClient(platform.registryUrl());
        String entity = "eq-" + UUID.randomUUID();
        TelemetryReading reading = TelemetryReading.newBuilder()
                .setEnterpriseId("t1-01").setLevel(TwinLevel.EQUIPMENT).setEntityId(entity).setSeq(42)
                .setEventTime(Instant.parse("2026-11-23T10:00:00Z")).setIngestTime(Instant.parse("2026-11-23T10:00:01Z"))
                .setValues(Map.of("spindle_temp_c", 61.5, "oee_pct", 83.0)).setFlagged(List.of())
                .setSource(TelemetrySource.JSON).build();
        Serde<String> keys = Topics.TELEMETRY.keySerde(registry);
        Serde<TelemetryReading> values = Topics.TELEMETRY.valueSerde(registry);
        try (KafkaProducer<String, TelemetryReading> producer = new KafkaProducer<>(
                Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, platform.bootstrapServers()), keys.serializer(), values.serializer())) {
            producer.send(new ProducerRecord<>(Topics.TELEMETRY.name(), entity, reading)).get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
        assertThat(registry.subjects()).contains(Topics.TELEMETRY.name() + "-value");

        try (KafkaConsumer<String, TelemetryReading> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, platform.bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "it-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"), keys.deserializer(), values.deserializer())) {
            consumer.subscribe(List.of(Topics.TELEMETRY.name()));
            TelemetryReading got = null;
            long deadline = System.currentTimeMillis() + 30_000;
            while (got == null && System.currentTimeMillis() < deadline) {
                for (ConsumerRecord<String, TelemetryReading> r : consumer.poll(Duration.ofMillis(200))) {
                    if (r.key().equals(entity)) {
                        got = r.value();
                    }
                }
            }
            assertThat(got).isEqualTo(reading);
        }
    }

    @Test
    void incompatibleSchemaIsRefusedWith409(EmbeddedPlatform platform) {
        SchemaRegistryClient registry = new RestSchemaRegistryClient(platform.registryUrl());
        String subject = "it-compat-" + UUID.randomUUID() + "-value";
        Schema v1 = SchemaBuilder.record("Gauge").fields().requiredString("id").requiredDouble("value").endRecord();
        // a new required field without a default cannot read old records: not BACKWARD compatible
        Schema v2 = SchemaBuilder.record("Gauge").fields().requiredString("id").requiredDouble("value")
                .requiredString("unit").endRecord();
        int id = registry.register(subject, v1);
        assertThat(id).isPositive();
        assertThatThrownBy(() -> registry.register(subject, v2))
                .isInstanceOfSatisfying(SchemaRegistryException.class, e -> {
                    assertThat(e.status()).isEqualTo(409);
                    assertThat(e.errorCode()).isEqualTo(SchemaRegistryException.INCOMPATIBLE_SCHEMA);
                });
        Schema v2WithDefault = SchemaBuilder.record("Gauge").fields().requiredString("id").requiredDouble("value")
                .name("unit").type().stringType().stringDefault("").endRecord();
        assertThat(registry.register(subject, v2WithDefault)).isNotEqualTo(id);
    }

    @Test
    void mqttMessagePublishedIsReceivedThroughTheEmbeddedBroker(EmbeddedPlatform platform) throws Exception {
        MqttConnectionOptions opts = new MqttConnectionOptions();
        opts.setSocketFactory(new TcpNoDelaySocketFactory());
        BlockingQueue<String> received = new LinkedBlockingQueue<>();
        String suffix = UUID.randomUUID().toString();
        MqttClient sub = new MqttClient(platform.mqttUri(), "it-sub-" + suffix, new MemoryPersistence());
        MqttClient pub = new MqttClient(platform.mqttUri(), "it-pub-" + suffix, new MemoryPersistence());
        try {
            sub.setCallback(new MqttCallbackAdapter((topic, msg) ->
                    received.add(topic + " " + new String(msg.getPayload(), StandardCharsets.UTF_8))));
            sub.connect(opts);
            sub.subscribe("twin/v1/+/equipment/+/telemetry", 1);
            pub.connect(opts);
            MqttMessage msg = new MqttMessage("{\"seq\":1}".getBytes(StandardCharsets.UTF_8));
            msg.setQos(1);
            pub.publish("twin/v1/core-01/equipment/" + suffix + "/telemetry", msg);
            assertThat(received.poll(10, TimeUnit.SECONDS))
                    .isEqualTo("twin/v1/core-01/equipment/" + suffix + "/telemetry {\"seq\":1}");
        } finally {
            pub.disconnect();
            sub.disconnect();
            pub.close();
            sub.close();
        }
    }
}
