package io.supplytwin.streams.state;

import java.util.Map;
import org.apache.kafka.streams.state.RocksDBConfigSetter;
import org.rocksdb.BlockBasedTableConfig;
import org.rocksdb.Cache;
import org.rocksdb.LRUCache;
import org.rocksdb.Options;
import org.rocksdb.WriteBufferManager;

/**
 * RocksDB options of the twin's stores: one block cache and memtable budget shared by every store instance of the
 * process ({@link #MEMORY_CONFIG} bytes, memtables counted against it), instead of Kafka Streams' 50 MB cache and
 * 3 × 16 MB memtables per instance (the twin opens one instance per store and partition, ~30 on a single node).
 * Values stay uncompressed (Kafka Streams' default): they are a few KB of doubles, which compress poorly.
 */
public final class BoundedRocksDbConfig implements RocksDBConfigSetter {

    /** Streams property holding the shared budget in bytes. */
    public static final String MEMORY_CONFIG = "supplytwin.rocksdb.memory.bytes";
    private static final long MEMTABLE_BYTES = 4L * 1024 * 1024;

    private static Cache cache;
    private static WriteBufferManager writeBuffers;
    private static long budget;

    private static synchronized void share(long bytes) {
        if (cache == null || budget != bytes) {
            // a new budget (another configuration in the same JVM, e.g. tests) gets its own cache; the old one stays
            // with the stores that use it
            budget = bytes;
            cache = new LRUCache(bytes);
            writeBuffers = new WriteBufferManager(bytes / 2, cache);
        }
    }

    @Override
    public void setConfig(String storeName, Options options, Map<String, Object> configs) {
        Object configured = configs.get(MEMORY_CONFIG);
        long bytes = configured == null ? 64L * 1024 * 1024 : Long.parseLong(configured.toString());
        Cache shared;
        WriteBufferManager buffers;
        synchronized (BoundedRocksDbConfig.class) {
            share(bytes);
            shared = cache;
            buffers = writeBuffers;
        }
        BlockBasedTableConfig table = (BlockBasedTableConfig) options.tableFormatConfig();
        table.setBlockCache(shared);
        table.setCacheIndexAndFilterBlocks(true);
        table.setPinTopLevelIndexAndFilter(true);
        options.setTableFormatConfig(table);
        options.setWriteBufferManager(buffers);
        options.setWriteBufferSize(MEMTABLE_BYTES);
        options.setMaxWriteBufferNumber(2);
        // every get looks in the memtables first, and a twin read there is rare (it was written a cycle ago, and the
        // memtables have been flushed since): a whole-key bloom filter over each memtable (1 % of its size, ~40 KB,
        // room for ~30,000 keys at 10 bits each) answers "not here" without searching the skip list
        options.setMemtableWholeKeyFiltering(true);
        options.setMemtablePrefixBloomSizeRatio(0.01);
    }

    @Override
    public void close(String storeName, Options options) {
        // the cache and write buffer manager are shared by all stores of the process and live as long as it does
    }
}
