package io.supplytwin.streams.state;

import io.supplytwin.streams.metrics.TwinStreamsMetrics;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.streams.errors.StreamsException;
import org.apache.kafka.streams.processor.StateRestoreListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Brings entity twins rebuilt from their snapshots up to the committed input: when the changelog of an
 * {@link EntityTwinStore} has been restored for an active task, and it was last written by another incarnation, the
 * telemetry from the store's low-water mark to the task's committed offset is read again and each reading applied to
 * its twin when it is newer than the twin's last applied offset. Nothing is forwarded: the outputs of those readings
 * were committed when they were first processed.
 *
 * <p>Runs as the instance's global restore listener, on the thread that restores (not inside a transaction), before
 * the task processes anything. Stores register here when they open.
 */
public final class TwinReplay implements StateRestoreListener {

    private static final Logger LOG = LoggerFactory.getLogger(TwinReplay.class);
    private static final Duration POLL = Duration.ofMillis(500);

    private final String telemetryTopic;
    private final Deserializer<String> keys;
    private final Deserializer<CompactReading> values;
    private volatile TwinRules rules;
    private final TwinStreamsMetrics metrics;
    private final Map<TopicPartition, EntityTwinStore> stores = new ConcurrentHashMap<>();
    private volatile Map<String, Object> consumerConfig = Map.of();
    private volatile Duration timeout = Duration.ofMinutes(10);

    public TwinReplay(String telemetryTopic, Deserializer<String> keys, Deserializer<CompactReading> values,
                      TwinStreamsMetrics metrics) {
        this.telemetryTopic = telemetryTopic;
        this.keys = keys;
        this.values = values;
        this.metrics = metrics;
    }

    /** The rules the topology steps twins with (set when the topology is built). */
    public void rules(TwinRules rules) {
        this.rules = rules;
    }

    /**
     * Where to read telemetry from: bootstrap servers and the client settings (security) the instance's own consumers
     * use, and the application id, whose committed offsets end the replay.
     */
    public TwinReplay connect(Map<String, Object> consumerConfig, Duration timeout) {
        this.consumerConfig = Map.copyOf(consumerConfig);
        this.timeout = timeout;
        return this;
    }

    void opened(TopicPartition changelog, EntityTwinStore store) {
        stores.put(changelog, store);
    }

    void closed(TopicPartition changelog, EntityTwinStore store) {
        stores.remove(changelog, store);
    }

    @Override
    public void onRestoreStart(TopicPartition partition, String storeName, long startingOffset, long endingOffset) {
    }

    @Override
    public void onBatchRestored(TopicPartition partition, String storeName, long batchEndOffset, long numRestored) {
    }

    @Override
    public void onRestoreEnd(TopicPartition partition, String storeName, long totalRestored) {
        EntityTwinStore store = stores.get(partition);
        if (store != null) {
            catchUp(store);
        }
    }

    /** Replays what the store's snapshots leave out, when the local twins are not in step with the changelog. */
    public void catchUp(EntityTwinStore store) {
        if (store.inStep()) {
            return;
        }
        EntityTwinStore.Meta meta = store.loggedMeta();
        TopicPartition input = new TopicPartition(telemetryTopic, store.partition());
        long started = System.nanoTime();
        Map<String, Object> config = new HashMap<>(consumerConfig);
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        config.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 2_000);
        config.putIfAbsent(ConsumerConfig.CLIENT_ID_CONFIG, "twin-replay-" + input);
        Stats stats = new Stats();
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(config, new ByteArrayDeserializer(),
                new ByteArrayDeserializer())) {
            OffsetAndMetadata committed = consumer.committed(Set.of(input), timeout).get(input);
            if (committed == null) {
                LOG.warn("entity twins of {}: no committed offset to replay up to; the twins stay as snapshotted", input);
                store.caughtUp();
                return;
            }
            long end = committed.offset();
            consumer.assign(List.of(input));
            long oldest = consumer.beginningOffsets(List.of(input), timeout).get(input);
            if (oldest > meta.lowWaterMark()) {
                LOG.warn("entity twins of {}: telemetry from offset {} is needed but the oldest left is {}: {} offsets of "
                        + "readings not in the twins' snapshots are gone (retention shorter than a heartbeat?)", input,
                        meta.lowWaterMark(), oldest, oldest - meta.lowWaterMark());
            }
            consumer.seek(input, Math.max(oldest, meta.lowWaterMark()));
            long deadline = System.nanoTime() + timeout.toNanos();
            while (consumer.position(input, timeout) < end) {
                if (System.nanoTime() > deadline) {
                    throw new StreamsException("replaying " + input + " from " + meta.lowWaterMark() + " to " + end
                            + " took longer than " + timeout);
                }
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(POLL)) {
                    if (record.offset() >= end) {
                        break;
                    }
                    apply(store, record, stats);
                }
            }
            store.caughtUp();
            metrics.replayed(stats.applied);
            LOG.info("entity twins of {} caught up from offset {} to {}: {} readings applied again to {} twins, {} already "
                            + "in snapshots, {} unreadable, {} publications repeated, in {} ms", input, meta.lowWaterMark(), end,
                    stats.applied, stats.twins, stats.inSnapshots, stats.unreadable, stats.publications,
                    (System.nanoTime() - started) / 1_000_000);
        }
    }

    private void apply(EntityTwinStore store, ConsumerRecord<byte[], byte[]> record, Stats stats) {
        CompactReading reading;
        String key;
        try {
            reading = values.deserialize(record.topic(), record.value());
            key = keys.deserialize(record.topic(), record.key());
        } catch (RuntimeException e) {
            stats.unreadable++; // dead-lettered when it was first read
            return;
        }
        if (reading == null || reading.entityId() == null) {
            return;
        }
        if (key == null) {
            key = reading.entityId();
        }
        EntityTwin twin = store.twinFor(key, reading);
        if (record.offset() <= twin.appliedOffset()) {
            stats.inSnapshots++;
            return;
        }
        TwinRules.Step step = rules.advance(twin, reading);
        if (step.outcome() == ApplyOutcome.TOO_LATE) {
            return;
        }
        if (step.reason() != null) {
            // a publication is a snapshot, and a snapshot would have covered this reading: only a changed rule gets here
            stats.publications++;
        }
        if (twin.dirtySince() < 0) {
            stats.twins++;
        }
        twin.applied(record.offset());
        store.put(key, twin);
        stats.applied++;
    }

    private static final class Stats {
        long applied;
        long inSnapshots;
        long unreadable;
        long publications;
        long twins;
    }
}
