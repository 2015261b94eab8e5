package io.supplytwin.platform.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import io.supplytwin.platform.PortCheck;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListOffsetsOptions;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Topics the provisioner reports ready are served by their leaders: an idempotent producer writing the moment
 * creation returns has every record acknowledged (before, a few per hundred thousand failed with
 * OUT_OF_ORDER_SEQUENCE_NUMBER after their first attempt met a partition whose log was not open yet).
 */
class TopicProvisionerIT {

    @TempDir
    Path dataDir;

    @Test
    void everyPartitionOfACreatedTopicAnswersAtOnceAndABurstRightAfterCreationLosesNothing() throws Exception {
        try (EmbeddedKafkaBroker broker = new EmbeddedKafkaBroker(dataDir, "127.0.0.1", PortCheck.freePort(),
                PortCheck.freePort())) {
            broker.start(Duration.ofSeconds(60));
            try (Admin admin = Admin.create(Map.of("bootstrap.servers", broker.bootstrapServers()))) {
                for (int round = 0; round < 3; round++) {
                    List<NewTopic> topics = List.of(new NewTopic("ready-a-" + round, 6, (short) 1),
                            new NewTopic("ready-b-" + round, 6, (short) 1));
                    assertThat(TopicProvisioner.ensure(admin, topics)).hasSize(2);

                    Map<TopicPartition, OffsetSpec> partitions = new HashMap<>();
                    for (NewTopic t : topics) {
                        for (int p = 0; p < 6; p++) {
                            partitions.put(new TopicPartition(t.name(), p), OffsetSpec.latest());
                        }
                    }
                    // no retries left to hide behind: a partition whose log is not open fails this at once
                    assertThat(admin.listOffsets(partitions, new ListOffsetsOptions().timeoutMs(1_000)).all()
                            .get(5, TimeUnit.SECONDS)).hasSize(12);

                    assertThat(burst(broker.bootstrapServers(), topics, 20_000)).as("records refused in round %d", round)
                            .isZero();
                }
            }
        }
    }

    /** Sends {@code n} records over the topics' partitions as fast as the producer takes them; returns the refused. */
    private static int burst(String bootstrap, List<NewTopic> topics, int n) throws Exception {
        AtomicInteger refused = new AtomicInteger();
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.LINGER_MS_CONFIG, 0,
                ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 5), new StringSerializer(), new StringSerializer())) {
            for (int i = 0; i < n; i++) {
                NewTopic t = topics.get(i % topics.size());
                producer.send(new ProducerRecord<>(t.name(), i % 6, "k" + i, "v" + i), (m, e) -> {
                    if (e != null) {
                        refused.incrementAndGet();
                    }
                });
            }
            producer.flush();
        }
        return refused.get();
    }
}
