package io.supplytwin.platform.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.supplytwin.platform.PortCheck;
import io.supplytwin.platform.config.ConfigException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The embedded broker keeps what it was given across a restart on the same data directory. */
class EmbeddedKafkaBrokerRestartIT {

    @TempDir
    Path dataDir;

    @Test
    void restartedBrokerStillHoldsItsRecords() throws Exception {
        int port = PortCheck.freePort();
        int controller = PortCheck.freePort();
        String topic = "restart-check";
        Path partition = dataDir.resolve(topic + "-0");
        Path index = partition.resolve("00000000000000000000.index");
        try (EmbeddedKafkaBroker broker = new EmbeddedKafkaBroker(dataDir, "127.0.0.1", port, controller)) {
            broker.start(Duration.ofSeconds(60));
            try (Admin admin = Admin.create(Map.of("bootstrap.servers", broker.bootstrapServers()))) {
                TopicProvisioner.ensure(admin, List.of(new NewTopic(topic, 2, (short) 1)));
            }
            try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                    ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers(),
                    ProducerConfig.ACKS_CONFIG, "all"), new StringSerializer(), new StringSerializer())) {
                for (int i = 0; i < 100; i++) {
                    producer.send(new ProducerRecord<>(topic, "k" + i, "v" + i)).get();
                }
            }
            // an active segment's indexes are preallocated to the configured maximum: 1 MB each, not Kafka's 10 MB
            assertThat(Files.size(index)).isEqualTo(1024 * 1024);
            assertThat(Files.size(partition.resolve("00000000000000000000.timeindex"))).isEqualTo(1024 * 1024 / 12 * 12);
        }

        assertThat(Files.size(index)).as("indexes trimmed to their entries by the clean stop").isLessThan(1024 * 1024);

        try (EmbeddedKafkaBroker again = new EmbeddedKafkaBroker(dataDir, "127.0.0.1", port, controller)) {
            again.start(Duration.ofSeconds(60));
            try (Admin admin = Admin.create(Map.of("bootstrap.servers", again.bootstrapServers()))) {
                // a second provisioning sees the topic and creates nothing
                assertThat(TopicProvisioner.ensure(admin, List.of(new NewTopic(topic, 2, (short) 1)))).isEmpty();
            }
            List<String> values = readAll(again.bootstrapServers(), topic, 100);
            assertThat(values).hasSize(100).contains("v0", "v99");
            // the clean stop trimmed the indexes to their entries; loading the active segment sizes them to the
            // configured maximum again, so a data directory's indexes follow the setting, not the size they had
            assertThat(Files.size(index)).isEqualTo(1024 * 1024);
        }
    }

    @Test
    void portInUseIsRefusedWithAClearMessage() throws Exception {
        try (var blocker = new java.net.ServerSocket(0, 1, java.net.InetAddress.getByName("127.0.0.1"))) {
            EmbeddedKafkaBroker broker = new EmbeddedKafkaBroker(dataDir, "127.0.0.1", blocker.getLocalPort(), PortCheck.freePort());
            assertThatThrownBy(() -> broker.start(Duration.ofSeconds(10)))
                    .isInstanceOf(ConfigException.class)
                    .hasMessageContaining("Kafka port " + blocker.getLocalPort())
                    .hasMessageContaining("already in use");
        }
    }

    static List<String> readAll(String bootstrap, String topic, int expected) {
        List<String> out = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ConsumerConfig.GROUP_ID_CONFIG, "check-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"), new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of(topic));
            long deadline = System.currentTimeMillis() + 30_000;
            while (out.size() < expected && System.currentTimeMillis() < deadline) {
                for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(200))) {
                    out.add(r.value());
                }
            }
        }
        return out;
    }
}
