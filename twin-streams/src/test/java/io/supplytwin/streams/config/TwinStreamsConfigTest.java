package io.supplytwin.streams.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.supplytwin.platform.config.ConfigException;
import io.supplytwin.streams.TwinStreamsConfig;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.streams.StreamsConfig;
import org.junit.jupiter.api.Test;

/** The twin's settings as Kafka Streams properties, and the messages bad values get. */
class TwinStreamsConfigTest {

    @Test
    void defaultsBecomeTheDocumentedStreamsProperties() {
        Properties p = TwinStreamsConfig.defaults().streamsProperties("localhost:9092", "");
        assertThat(p.get(StreamsConfig.PROCESSING_GUARANTEE_CONFIG)).isEqualTo(StreamsConfig.EXACTLY_ONCE_V2);
        assertThat(p.get(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG)).isEqualTo(500L);
        // batches wait for the commit, which sends them anyway
        assertThat(p.get(StreamsConfig.producerPrefix(ProducerConfig.LINGER_MS_CONFIG))).isEqualTo(500);
        assertThat(p.get(StreamsConfig.producerPrefix(ProducerConfig.BATCH_SIZE_CONFIG))).isEqualTo(256 * 1024);
        assertThat(p.get(StreamsConfig.producerPrefix(ProducerConfig.COMPRESSION_TYPE_CONFIG))).isEqualTo("lz4");
        assertThat(p.get(StreamsConfig.MAX_TASK_IDLE_MS_CONFIG)).isEqualTo(StreamsConfig.MAX_TASK_IDLE_MS_DISABLED);
        assertThat(p).doesNotContainKey(StreamsConfig.APPLICATION_SERVER_CONFIG);
    }

    @Test
    void settingsReachTheProperties() {
        Properties p = TwinStreamsConfig.with(Map.of("streams.linger", "100ms", "streams.batch-size", "65536",
                "streams.compression", " ZSTD ", "streams.processing-guarantee", "at_least_once"))
                .streamsProperties("localhost:9092", "host:8090");
        assertThat(p.get(StreamsConfig.producerPrefix(ProducerConfig.LINGER_MS_CONFIG))).isEqualTo(100);
        assertThat(p.get(StreamsConfig.producerPrefix(ProducerConfig.BATCH_SIZE_CONFIG))).isEqualTo(65536);
        assertThat(p.get(StreamsConfig.producerPrefix(ProducerConfig.COMPRESSION_TYPE_CONFIG))).isEqualTo("zstd");
        assertThat(p.get(StreamsConfig.PROCESSING_GUARANTEE_CONFIG)).isEqualTo(StreamsConfig.AT_LEAST_ONCE);
        assertThat(p.get(StreamsConfig.APPLICATION_SERVER_CONFIG)).isEqualTo("host:8090");
    }

    @Test
    void lingerUntilCommitFollowsTheCommitInterval() {
        Properties p = TwinStreamsConfig.with(Map.of("streams.commit-interval", "200ms")).streamsProperties("localhost:9092", "");
        assertThat(p.get(StreamsConfig.producerPrefix(ProducerConfig.LINGER_MS_CONFIG))).isEqualTo(200);
        Properties named = TwinStreamsConfig.with(Map.of("streams.commit-interval", "1s", "streams.linger", " Commit "))
                .streamsProperties("localhost:9092", "");
        assertThat(named.get(StreamsConfig.producerPrefix(ProducerConfig.LINGER_MS_CONFIG))).isEqualTo(1000);
        Properties own = TwinStreamsConfig.with(Map.of("streams.commit-interval", "1s", "streams.linger", "5ms"))
                .streamsProperties("localhost:9092", "");
        assertThat(own.get(StreamsConfig.producerPrefix(ProducerConfig.LINGER_MS_CONFIG))).isEqualTo(5);
    }

    @Test
    void producerMemoryAndRequestSizeFollowTheBatchSize() {
        Properties small = TwinStreamsConfig.defaults().streamsProperties("localhost:9092", "");
        assertThat(small.get(StreamsConfig.producerPrefix(ProducerConfig.BUFFER_MEMORY_CONFIG))).isEqualTo(32L << 20);
        assertThat(small.get(StreamsConfig.producerPrefix(ProducerConfig.MAX_REQUEST_SIZE_CONFIG))).isEqualTo(1 << 20);
        Properties big = TwinStreamsConfig.with(Map.of("streams.batch-size", "2097152"))
                .streamsProperties("localhost:9092", "");
        assertThat(big.get(StreamsConfig.producerPrefix(ProducerConfig.BUFFER_MEMORY_CONFIG))).isEqualTo(128L << 20);
        assertThat(big.get(StreamsConfig.producerPrefix(ProducerConfig.MAX_REQUEST_SIZE_CONFIG))).isEqualTo(8 << 20);
    }

    @Test
    void badValuesAreRefusedWithTheKeyAndTheValue() {
        assertThatThrownBy(() -> TwinStreamsConfig.with(Map.of("streams.linger", "PT-1S")))
                .isInstanceOf(ConfigException.class).hasMessageContaining("streams.linger must be 0 or more");
        assertThatThrownBy(() -> TwinStreamsConfig.with(Map.of("streams.linger", "soon")))
                .isInstanceOf(ConfigException.class).hasMessageContaining("streams.linger");
        assertThatThrownBy(() -> TwinStreamsConfig.with(Map.of("streams.compression", "brotli")))
                .isInstanceOf(ConfigException.class).hasMessageContaining("got 'brotli'");
        assertThatThrownBy(() -> TwinStreamsConfig.with(Map.of("streams.processing-guarantee", "exactly_once")))
                .isInstanceOf(ConfigException.class).hasMessageContaining("exactly_once_v2 or at_least_once");
    }
}
