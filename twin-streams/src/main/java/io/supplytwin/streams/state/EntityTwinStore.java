package io.supplytwin.streams.state;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.BatchingStateRestoreCallback;
import org.apache.kafka.streams.processor.StateStore;
import org.apache.kafka.streams.processor.StateStoreContext;
import org.apache.kafka.streams.processor.internals.InternalProcessorContext;
import org.apache.kafka.streams.processor.internals.ProcessorContextUtils;
import org.apache.kafka.streams.query.Position;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.Stores;

/**
 * The entity twins' store. Every twin lives in a local RocksDB store that each reading updates; the changelog gets a
 * twin only when the twin is published (a snapshot), or when it has been idle for a heartbeat without one. What a
 * snapshot leaves out is already durable: it is the readings after it in {@code twin.telemetry}, which the store
 * applies again when it is rebuilt from the changelog ({@link TwinReplay}).
 *
 * <p>Besides the twins, the changelog holds one record of the store's own (under a key no entity id can have): the
 * incarnation that last wrote it, and the low-water mark, the telemetry offset from which every reading not yet in a
 * snapshot is found. The local store also remembers the incarnation it is in step with; when a restore finds the
 * changelog written by another incarnation (another instance, or this one after losing its disk), the readings from
 * the low-water mark to the committed input offset are applied to the twins they are newer than.
 *
 * <p>Writing the changelog goes through Kafka Streams' internal processor context, as its own change-logging stores
 * do, so the records join the task's transaction under exactly-once.
 */
public final class EntityTwinStore implements KeyValueStore<String, EntityTwin> {

    /** 0xFF starts no UTF-8 text, so these keys are no entity id's, and they sort after every entity id. */
    private static final byte RESERVED = (byte) 0xFF;
    static final Bytes LOGGED_META = Bytes.wrap(new byte[] {RESERVED, 'M'});
    static final Bytes LOCAL_META = Bytes.wrap(new byte[] {RESERVED, 'L'});
    private static final int META_FORMAT = 1;

    private final String name;
    private final KeyValueStore<Bytes, byte[]> local;
    private final TwinReplay replay;
    private InternalProcessorContext<?, ?> context;
    private TopicPartition changelog;
    private volatile boolean open;

    /** Incarnation and low-water mark as last written to the changelog. */
    record Meta(long incarnation, long lowWaterMark) {
    }

    EntityTwinStore(String name, TwinReplay replay) {
        this.name = Objects.requireNonNull(name, "name");
        this.replay = replay;
        // a store of its own name: registered by its init as one without changelog, next to this one, which has it
        this.local = Stores.persistentKeyValueStore(name + "-local").get();
    }

    /** A builder for {@code builder.addStateStore}: logged (the snapshots' changelog), never cached. */
    public static StoreBuilder<EntityTwinStore> builder(String name, TwinReplay replay) {
        return new Builder(name, replay);
    }

    /**
     * The store itself from what a processor's context hands out: Kafka Streams wraps every key-value store in a
     * decorator (read-write checks), which knows nothing of the snapshot writes.
     */
    public static EntityTwinStore unwrap(StateStore store) {
        return OwnStores.unwrap(store, EntityTwinStore.class, "the entity twins'");
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public void init(StateStoreContext stateStoreContext, StateStore root) {
        context = ProcessorContextUtils.asInternalProcessorContext(stateStoreContext);
        local.init(stateStoreContext, local);
        stateStoreContext.register(root, (BatchingStateRestoreCallback) this::restoreBatch);
        changelog = new TopicPartition(stateStoreContext.applicationId() + "-" + name + "-changelog",
                stateStoreContext.taskId().partition());
        open = true;
        if (replay != null) {
            replay.opened(changelog, this);
        }
    }

    private void restoreBatch(Collection<KeyValue<byte[], byte[]>> records) {
        List<KeyValue<Bytes, byte[]>> batch = new ArrayList<>(records.size());
        for (KeyValue<byte[], byte[]> r : records) {
            batch.add(KeyValue.pair(Bytes.wrap(r.key), r.value));
        }
        local.putAll(batch);
    }

    /** The task's partition of the input and of this store's changelog. */
    int partition() {
        return changelog.partition();
    }

    // ---- the processor's writes

    /**
     * Starts an incarnation: the changelog is from now on written by this one. The low-water mark stays where the
     * previous incarnation left it (its unsnapshotted readings are still behind it), or starts at {@code offset}.
     */
    public void begin(long offset) {
        Meta previous = loggedMeta();
        long incarnation = ThreadLocalRandom.current().nextLong();
        Meta meta = new Meta(incarnation, previous == null ? offset : Math.min(previous.lowWaterMark(), offset));
        writeMeta(meta);
    }

    /** Moves the low-water mark (a sweep over every twin found none unsnapshotted before {@code offset}). */
    public void lowWaterMark(long offset) {
        Meta meta = loggedMeta();
        if (meta != null && meta.lowWaterMark() != offset) {
            writeMeta(new Meta(meta.incarnation(), offset));
        }
    }

    private void writeMeta(Meta meta) {
        byte[] logged = ByteBuffer.allocate(17).put((byte) META_FORMAT).putLong(meta.incarnation())
                .putLong(meta.lowWaterMark()).array();
        local.put(LOGGED_META, logged);
        log(LOGGED_META, logged);
        local.put(LOCAL_META, localMeta(meta.incarnation()));
    }

    private static byte[] localMeta(long incarnation) {
        return ByteBuffer.allocate(9).put((byte) META_FORMAT).putLong(incarnation).array();
    }

    /** The changelog's own record, null before the first incarnation wrote one. */
    Meta loggedMeta() {
        byte[] bytes = local.get(LOGGED_META);
        if (bytes == null) {
            return null;
        }
        ByteBuffer b = ByteBuffer.wrap(bytes);
        b.get();
        return new Meta(b.getLong(), b.getLong());
    }

    /** Whether the local twins are in step with the changelog: the last incarnation to write it was this store's. */
    boolean inStep() {
        Meta meta = loggedMeta();
        byte[] bytes = local.get(LOCAL_META);
        return meta == null || bytes != null && ByteBuffer.wrap(bytes, 1, 8).getLong() == meta.incarnation();
    }

    /** After a replay: the local twins now include every reading the changelog's incarnation had applied. */
    void caughtUp() {
        Meta meta = loggedMeta();
        if (meta != null) {
            local.put(LOCAL_META, localMeta(meta.incarnation()));
        }
    }

    /**
     * Writes a twin after a reading at {@code offset}: locally only, or with {@code snapshot} also to the changelog.
     */
    public void put(String key, EntityTwin twin, long offset, boolean snapshot) {
        twin.applied(offset);
        if (snapshot) {
            snapshot(key, twin);
        } else {
            local.put(key(key), EntityTwin.CODEC.encode(twin));
        }
    }

    /** Writes a twin locally and to the changelog: from here on it is restored as it is now. */
    public void snapshot(String key, EntityTwin twin) {
        twin.snapshotted();
        Bytes k = key(key);
        byte[] value = EntityTwin.CODEC.encode(twin);
        local.put(k, value);
        log(k, value);
    }

    private void log(Bytes key, byte[] value) {
        context.logChange(name, key, value, context.recordContext().timestamp(), new RecordHeaders(),
                Position.emptyPosition());
    }

    /** The twin a reading applies to: the stored one, or a new one for an entity seen for the first time. */
    public EntityTwin twinFor(String key, CompactReading reading) {
        EntityTwin twin = get(key);
        return twin != null ? twin : EntityTwin.create(reading.entityId(), reading.enterpriseId(), reading.level());
    }

    /** Twins from {@code from} (exclusive; null: the first), raw, in key order; for the processor's sweep. */
    KeyValueIterator<Bytes, byte[]> rawFrom(Bytes from) {
        return from == null ? local.all() : local.range(from, null);
    }

    static boolean reserved(Bytes key) {
        return key.get().length > 0 && key.get()[0] == RESERVED;
    }

    private static Bytes key(String key) {
        return Bytes.wrap(key.getBytes(StandardCharsets.UTF_8));
    }

    // ---- KeyValueStore, for the processor and interactive queries

    @Override
    public EntityTwin get(String key) {
        return EntityTwin.CODEC.decode(local.get(key(key)));
    }

    /**
     * Writes locally only (a replayed twin: the changelog already has what led to it); the processor writes through
     * {@link #put(String, EntityTwin, long, boolean)}.
     */
    @Override
    public void put(String key, EntityTwin value) {
        local.put(key(key), EntityTwin.CODEC.encode(value));
    }

    @Override
    public EntityTwin putIfAbsent(String key, EntityTwin value) {
        EntityTwin existing = get(key);
        if (existing == null) {
            put(key, value);
        }
        return existing;
    }

    @Override
    public void putAll(List<KeyValue<String, EntityTwin>> entries) {
        for (KeyValue<String, EntityTwin> e : entries) {
            put(e.key, e.value);
        }
    }

    /** Deletes a twin locally and in the changelog. */
    @Override
    public EntityTwin delete(String key) {
        EntityTwin existing = get(key);
        Bytes k = key(key);
        local.delete(k);
        log(k, null);
        return existing;
    }

    @Override
    public KeyValueIterator<String, EntityTwin> range(String from, String to) {
        return new Twins(local.range(from == null ? null : key(from), to == null ? null : key(to)));
    }

    @Override
    public KeyValueIterator<String, EntityTwin> all() {
        return new Twins(local.all());
    }

    @Override
    public long approximateNumEntries() {
        return local.approximateNumEntries();
    }

    /** Nothing of its own to flush: the local store is registered with the task and flushed by it. */
    @Override
    public void flush() {
    }

    @Override
    public void close() {
        open = false;
        if (replay != null && changelog != null) {
            replay.closed(changelog, this);
        }
        local.close();
    }

    @Override
    public boolean persistent() {
        return true;
    }

    @Override
    public boolean isOpen() {
        return open;
    }

    /** Decodes the local store's entries, leaving out the store's own records. */
    private static final class Twins implements KeyValueIterator<String, EntityTwin> {
        private final KeyValueIterator<Bytes, byte[]> raw;
        private KeyValue<Bytes, byte[]> next;

        Twins(KeyValueIterator<Bytes, byte[]> raw) {
            this.raw = raw;
        }

        @Override
        public boolean hasNext() {
            if (next == null && raw.hasNext()) {
                KeyValue<Bytes, byte[]> candidate = raw.next();
                if (!reserved(candidate.key)) {
                    next = candidate;
                }
            }
            return next != null;
        }

        @Override
        public KeyValue<String, EntityTwin> next() {
            if (!hasNext()) {
                throw new NoSuchElementException();
            }
            KeyValue<Bytes, byte[]> e = next;
            next = null;
            return KeyValue.pair(new String(e.key.get(), StandardCharsets.UTF_8), EntityTwin.CODEC.decode(e.value));
        }

        @Override
        public String peekNextKey() {
            if (!hasNext()) {
                throw new NoSuchElementException();
            }
            return new String(next.key.get(), StandardCharsets.UTF_8);
        }

        @Override
        public void close() {
            raw.close();
        }
    }

    private static final class Builder implements StoreBuilder<EntityTwinStore> {
        private final String name;
        private final TwinReplay replay;
        private Map<String, String> logConfig = Map.of();

        Builder(String name, TwinReplay replay) {
            this.name = name;
            this.replay = replay;
        }

        @Override
        public StoreBuilder<EntityTwinStore> withCachingEnabled() {
            throw new UnsupportedOperationException("the entity twins' store keeps no record cache");
        }

        @Override
        public StoreBuilder<EntityTwinStore> withCachingDisabled() {
            return this;
        }

        @Override
        public StoreBuilder<EntityTwinStore> withLoggingEnabled(Map<String, String> config) {
            this.logConfig = Map.copyOf(config);
            return this;
        }

        @Override
        public StoreBuilder<EntityTwinStore> withLoggingDisabled() {
            throw new UnsupportedOperationException("the entity twins' store is rebuilt from its changelog: it needs one");
        }

        @Override
        public EntityTwinStore build() {
            return new EntityTwinStore(name, replay);
        }

        @Override
        public Map<String, String> logConfig() {
            return logConfig;
        }

        @Override
        public boolean loggingEnabled() {
            return true;
        }

        @Override
        public String name() {
            return name;
        }
    }
}
