package io.supplytwin.schemas.broker;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.test.KafkaClusterTestKit;
import org.apache.kafka.common.test.TestKitNodes;
import org.apache.kafka.server.common.MetadataVersion;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One real KRaft broker for all ITs of a JVM. Test classes declare {@code @ExtendWith(SharedKafka.class)};
 * the broker starts with the first of them and stops when the whole test run ends.
 */
public final class SharedKafka implements BeforeAllCallback {

    private static final Logger LOG = LoggerFactory.getLogger(SharedKafka.class);
    private static KafkaClusterTestKit cluster;

    @Override
    public void beforeAll(ExtensionContext context) {
        context.getRoot().getStore(ExtensionContext.Namespace.GLOBAL)
                .getOrComputeIfAbsent(SharedKafka.class, key -> {
                    bootstrapServers();
                    return (ExtensionContext.Store.CloseableResource) SharedKafka::stop;
                });
    }

    public static synchronized String bootstrapServers() {
        if (cluster == null) {
            cluster = start();
        }
        return cluster.bootstrapServers();
    }

    private static synchronized void stop() {
        if (cluster != null) {
            try {
                cluster.close();
            } catch (Exception e) {
                LOG.warn("Closing the test broker failed", e);
            }
            cluster = null;
        }
    }

    private static KafkaClusterTestKit start() {
        try {
            TestKitNodes nodes = new TestKitNodes.Builder()
                    .setBootstrapMetadataVersion(MetadataVersion.latestProduction())
                    .setCombined(true)
                    .setNumBrokerNodes(1)
                    .setNumControllerNodes(1)
                    .build();
            KafkaClusterTestKit kit = new KafkaClusterTestKit.Builder(nodes)
                    .setConfigProp("offsets.topic.replication.factor", "1")
                    .setConfigProp("transaction.state.log.replication.factor", "1")
                    .setConfigProp("transaction.state.log.min.isr", "1")
                    .setConfigProp("group.initial.rebalance.delay.ms", "0")
                    .build();
            kit.format();
            kit.startup();
            kit.waitForReadyBrokers();
            LOG.info("Test broker ready at {}", kit.bootstrapServers());
            return kit;
        } catch (Exception e) {
            throw new IllegalStateException("Cannot start the test broker", e);
        }
    }

    /**
     * Reads a topic from the beginning of every partition until {@code count} records arrived. The
     * deadline only bounds a hung test; it is not a performance expectation.
     */
    public static <K, V> List<ConsumerRecord<K, V>> readAll(String topic, int count, Deserializer<K> keys,
            Deserializer<V> values) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers());
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        List<ConsumerRecord<K, V>> records = new ArrayList<>();
        try (KafkaConsumer<K, V> consumer = new KafkaConsumer<>(props, keys, values)) {
            Collection<TopicPartition> partitions = new ArrayList<>();
            for (PartitionInfo info : consumer.partitionsFor(topic)) {
                partitions.add(new TopicPartition(topic, info.partition()));
            }
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
            while (records.size() < count && System.nanoTime() < deadline) {
                consumer.poll(Duration.ofMillis(200)).forEach(records::add);
            }
        }
        return records;
    }
}
