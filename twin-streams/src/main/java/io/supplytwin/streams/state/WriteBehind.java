package io.supplytwin.streams.state;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.apache.kafka.streams.processor.StateStore;
import org.apache.kafka.streams.processor.StateStoreContext;
import org.apache.kafka.streams.processor.internals.InternalProcessorContext;
import org.apache.kafka.streams.processor.internals.ProcessorContextUtils;
import org.apache.kafka.streams.processor.internals.ProcessorRecordContext;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.internals.CacheFlushListener;
import org.apache.kafka.streams.state.internals.CachedStateStore;

/**
 * The values a processor changed since the task's last commit, kept as the objects it works on, in front of the
 * store they belong to. A value written several times between two commits is encoded, stored and logged once, when
 * the task commits, instead of being decoded and encoded again for each change (Kafka Streams' record cache keeps
 * bytes, so each read decodes and each write encodes).
 *
 * <p>The writes happen where Kafka Streams flushes its own record caches: before the task's changelog records are
 * flushed and its offsets committed, so under exactly-once they belong to the same transaction as the input that
 * caused them. Each write goes out under the record context of the last change to that value, as a cached write
 * would. Past {@code capacity} values, the one used longest ago is written through early. A task that is reset
 * (closed dirty, recycled, restored) drops what was pending: those changes were never committed.
 *
 * <p>Only the stream thread of the task sees pending values; the target store, and so interactive queries, has the
 * values as of the last commit.
 */
public final class WriteBehind<V> implements StateStore, CachedStateStore<Object, Object> {

    private final String name;
    private final int capacity;
    /** In access order: the first entry is the one used longest ago. */
    private final LinkedHashMap<String, Pending<V>> pending = new LinkedHashMap<>(64, 0.75f, true);
    private InternalProcessorContext<?, ?> context;
    private KeyValueStore<String, V> target;
    private volatile boolean open;

    private static final class Pending<V> {
        V value;
        ProcessorRecordContext recordContext;
    }

    WriteBehind(String name, int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be at least 1, got " + capacity);
        }
        this.name = Objects.requireNonNull(name, "name");
        this.capacity = capacity;
    }

    /** A builder for {@code builder.addStateStore}: in memory, no changelog (what it holds goes to the target's). */
    public static <V> StoreBuilder<WriteBehind<V>> builder(String name, int capacity) {
        return new UnloggedStoreBuilder<>(name, () -> new WriteBehind<>(name, capacity));
    }

    /** The store itself from what a processor's context hands out. */
    @SuppressWarnings("unchecked")
    public static <V> WriteBehind<V> unwrap(StateStore store) {
        return (WriteBehind<V>) OwnStores.unwrap(store, WriteBehind.class, "a write-behind");
    }

    /** The store the values are written to; a processor sets it in its {@code init}, which drops anything pending. */
    public void target(KeyValueStore<String, V> store) {
        this.target = Objects.requireNonNull(store, "store");
        pending.clear();
    }

    /** The value as last changed: pending, or else the target's. */
    public V get(String key) {
        Pending<V> p = pending.get(key);
        return p != null ? p.value : target.get(key);
    }

    /** Changes a value; the target gets it at the next commit (or earlier, past the capacity). */
    public void put(String key, V value) {
        Objects.requireNonNull(value, "value");
        Pending<V> p = pending.get(key);
        if (p == null) {
            p = new Pending<>();
            pending.put(key, p);
        }
        p.value = value;
        p.recordContext = context.recordContext();
        if (pending.size() > capacity) {
            Iterator<Map.Entry<String, Pending<V>>> eldest = pending.entrySet().iterator();
            Map.Entry<String, Pending<V>> e = eldest.next();
            eldest.remove();
            write(e.getKey(), e.getValue());
        }
    }

    private void write(String key, Pending<V> p) {
        ProcessorRecordContext current = context.recordContext();
        context.setRecordContext(p.recordContext);
        try {
            target.put(key, p.value);
        } finally {
            context.setRecordContext(current);
        }
    }

    /** The task is committing: everything pending goes to the target, the one used longest ago first. */
    @Override
    public void flushCache() {
        if (pending.isEmpty()) {
            return;
        }
        for (Map.Entry<String, Pending<V>> e : pending.entrySet()) {
            write(e.getKey(), e.getValue());
        }
        pending.clear();
    }

    @Override
    public void clearCache() {
        pending.clear();
    }

    @Override
    public boolean setFlushListener(CacheFlushListener<Object, Object> listener, boolean sendOldValues) {
        return false;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public void init(StateStoreContext stateStoreContext, StateStore root) {
        context = ProcessorContextUtils.asInternalProcessorContext(stateStoreContext);
        pending.clear();
        stateStoreContext.register(root, (key, value) -> {
            throw new IllegalStateException("store " + name + " has no changelog to restore from");
        });
        open = true;
    }

    @Override
    public void close() {
        pending.clear();
        open = false;
    }

    @Override
    public boolean persistent() {
        return false;
    }

    @Override
    public boolean isOpen() {
        return open;
    }
}
