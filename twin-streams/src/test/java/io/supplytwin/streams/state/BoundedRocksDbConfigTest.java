package io.supplytwin.streams.state;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.rocksdb.BlockBasedTableConfig;
import org.rocksdb.Options;
import org.rocksdb.RocksDB;

class BoundedRocksDbConfigTest {

    static {
        RocksDB.loadLibrary();
    }

    private static Options configured(long budget) {
        Options options = new Options();
        options.setTableFormatConfig(new BlockBasedTableConfig());
        new BoundedRocksDbConfig().setConfig("twin-entities", options, Map.of(BoundedRocksDbConfig.MEMORY_CONFIG, budget));
        return options;
    }

    @Test
    void everyStoreGetsSmallMemtablesWithAWholeKeyBloomFilterAndTheSharedCache() {
        try (Options a = configured(32L << 20); Options b = configured(32L << 20)) {
            assertThat(a.writeBufferSize()).isEqualTo(4L << 20);
            assertThat(a.maxWriteBufferNumber()).isEqualTo(2);
            assertThat(a.memtableWholeKeyFiltering()).isTrue();
            assertThat(a.memtablePrefixBloomSizeRatio()).isEqualTo(0.01);
            BlockBasedTableConfig ta = (BlockBasedTableConfig) a.tableFormatConfig();
            assertThat(ta.cacheIndexAndFilterBlocks()).isTrue();
            assertThat(ta.pinTopLevelIndexAndFilter()).isTrue();
            assertThat(b.writeBufferManager()).as("one memtable budget for every store of the process")
                    .isSameAs(a.writeBufferManager());
        }
    }
}
