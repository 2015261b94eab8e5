package io.supplytwin.schemas.serde;

import static org.assertj.core.api.Assertions.assertThat;

import io.supplytwin.schemas.avro.DeadLetter;
import io.supplytwin.schemas.avro.Samples;
import io.supplytwin.schemas.avro.TelemetryReading;
import io.supplytwin.schemas.broker.SharedKafka;
import io.supplytwin.schemas.registry.client.RestSchemaRegistryClient;
import io.supplytwin.schemas.registry.server.EmbeddedSchemaRegistry;
import io.supplytwin.schemas.registry.server.SchemaRegistryConfig;
import io.supplytwin.schemas.topic.Topic;
import io.supplytwin.schemas.topic.Topics;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Records through a real broker with the serdes and the embedded registry over HTTP. */
@ExtendWith(SharedKafka.class)
class AvroSerdesIT {

    private static EmbeddedSchemaRegistry registry;
    private static RestSchemaRegistryClient client;

    @BeforeAll
    static void start() throws Exception {
        registry = new EmbeddedSchemaRegistry(SchemaRegistryConfig.defaults(SharedKafka.bootstrapServers())
                .withPort(0)
                .withTopic(SchemaRegistryConfig.DEFAULT_TOPIC + "-" + AvroSerdesIT.class.getSimpleName())).start();
        client = new RestSchemaRegistryClient(registry.url());
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, SharedKafka.bootstrapServers()))) {
            admin.createTopics(List.of(Topics.TELEMETRY.newTopic((short) 1), Topics.TELEMETRY_DLQ.newTopic((short) 1)))
                    .all().get();
        }
    }

    @AfterAll
    static void stop() {
        registry.close();
    }

    @Test
    void telemetryGoesThroughKafkaAndComesBackEqual() {
        Topic<String, TelemetryReading> topic = Topics.TELEMETRY;
        List<TelemetryReading> sent = new ArrayList<>();
        try (KafkaProducer<String, TelemetryReading> producer = new KafkaProducer<>(producerProps(),
                topic.keySerde(client).serializer(), topic.valueSerde(client).serializer())) {
            for (int i = 0; i < 20; i++) {
                TelemetryReading reading = TelemetryReading.newBuilder(Samples.telemetry())
                        .setEntityId("E-01/press-" + i).setSeq(i).build();
                sent.add(reading);
                producer.send(new ProducerRecord<>(topic.name(), reading.getEntityId(), reading));
            }
        }

        RestSchemaRegistryClient consumerSide = new RestSchemaRegistryClient(registry.url());
        List<ConsumerRecord<String, TelemetryReading>> received = SharedKafka.readAll(topic.name(), sent.size(),
                topic.keySerde(consumerSide).deserializer(), topic.valueSerde(consumerSide).deserializer());

        assertThat(received).hasSize(sent.size());
        assertThat(received).allSatisfy(r -> assertThat(r.key()).isEqualTo(r.value().getEntityId()));
        assertThat(received.stream().map(ConsumerRecord::value).collect(Collectors.toList()))
                .containsExactlyInAnyOrderElementsOf(sent);
        assertThat(consumerSide.subjects()).contains(TopicNameStrategy.subject(topic.name(), false));
        assertThat(received.stream().map(ConsumerRecord::partition).distinct().count()).isGreaterThan(1);
    }

    @Test
    void badBytesAreRoutedToTheDeadLetterTopicAndTheGoodOnesSurvive() {
        String input = "serde-it-mixed-input";
        Serde<TelemetryReading> telemetry = Topics.TELEMETRY.valueSerde(client);
        byte[] good = telemetry.serializer().serialize(input, Samples.telemetry());
        List<byte[]> payloads = List.of(good, "{\"plain\":\"json\"}".getBytes(StandardCharsets.UTF_8),
                new byte[] {0, 0, 0, 0x7f, 0x7f, 1}, good);
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(producerProps(), new StringSerializer(),
                new ByteArraySerializer())) {
            payloads.forEach(p -> producer.send(new ProducerRecord<>(input, 0, "k", p)));
        }

        List<TelemetryReading> accepted = new ArrayList<>();
        Serde<DeadLetter> dlq = Topics.TELEMETRY_DLQ.valueSerde(client);
        try (KafkaProducer<String, DeadLetter> producer = new KafkaProducer<>(producerProps(), new StringSerializer(),
                dlq.serializer())) {
            for (ConsumerRecord<String, byte[]> record : SharedKafka.readAll(input, payloads.size(),
                    new StringDeserializer(), new ByteArrayDeserializer())) {
                try {
                    accepted.add(telemetry.deserializer().deserialize(input, record.value()));
                } catch (BadRecordException e) {
                    producer.send(new ProducerRecord<>(Topics.TELEMETRY_DLQ.name(), record.key(),
                            DeadLetter.newBuilder().setSource(input).setOriginalBytes(ByteBuffer.wrap(record.value()))
                                    .setReason(e.reason().name()).setDetail(e.getMessage()).setTime(Samples.T0)
                                    .setKey(record.key()).build()));
                }
            }
        }

        assertThat(accepted).containsExactly(Samples.telemetry(), Samples.telemetry());
        List<ConsumerRecord<String, DeadLetter>> dead = SharedKafka.readAll(Topics.TELEMETRY_DLQ.name(), 2,
                new StringDeserializer(), dlq.deserializer());
        assertThat(dead).extracting(r -> r.value().getReason())
                .containsExactly(BadRecordException.Reason.NO_MAGIC_BYTE.name(),
                        BadRecordException.Reason.UNKNOWN_SCHEMA_ID.name());
        assertThat(dead.get(1).value().getDetail()).contains(input).contains(Integer.toString(0x7f7f));
    }

    private static Properties producerProps() {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, SharedKafka.bootstrapServers());
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        return props;
    }
}
