package io.supplytwin.streams.state;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * What a write-behind holds between commits and what its target store and changelog get. The test driver commits
 * after each input record, so each input below is one commit interval: the changes it makes are what several inputs
 * make between two commits of a running instance.
 */
class WriteBehindTest {

    private static final String TARGET = "target";
    private static final String PENDING = "target-pending";
    private static final String CHANGELOG = "write-behind-test-" + TARGET + "-changelog";

    private TopologyTestDriver driver;
    private TestInputTopic<String, String> in;
    private TestOutputTopic<String, String> out;
    private TestOutputTopic<String, String> changelog;

    /**
     * Each input is a script: {@code put k v}, {@code get k} (forwards what the write-behind returns, "-" for none),
     * {@code stored k} (forwards what the target store itself holds), separated by ';'.
     */
    private static final class Script implements Processor<String, String, String, String> {
        private ProcessorContext<String, String> context;
        private WriteBehind<String> pending;
        private KeyValueStore<String, String> target;

        @Override
        public void init(ProcessorContext<String, String> context) {
            this.context = context;
            this.target = context.getStateStore(TARGET);
            this.pending = WriteBehind.unwrap(context.getStateStore(PENDING));
            pending.target(target);
        }

        @Override
        public void process(Record<String, String> record) {
            for (String step : record.value().split(";")) {
                String[] w = step.trim().split(" ");
                switch (w[0]) {
                    case "put" -> pending.put(w[1], w[2]);
                    case "get" -> forward(record, w[1], pending.get(w[1]));
                    case "stored" -> forward(record, w[1], target.get(w[1]));
                    default -> throw new IllegalArgumentException(step);
                }
            }
        }

        private void forward(Record<String, String> record, String key, String value) {
            context.forward(record.withKey(key).withValue(value == null ? "-" : value));
        }
    }

    private void start(int capacity) {
        StreamsBuilder builder = new StreamsBuilder();
        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.inMemoryKeyValueStore(TARGET), Serdes.String(),
                Serdes.String()));
        builder.addStateStore(WriteBehind.<String>builder(PENDING, capacity));
        builder.stream("in", Consumed.with(Serdes.String(), Serdes.String()))
                .process(Script::new, TARGET, PENDING)
                .to("out", Produced.with(Serdes.String(), Serdes.String()));
        Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, "write-behind-test");
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        driver = new TopologyTestDriver(builder.build(), props);
        in = driver.createInputTopic("in", new StringSerializer(), new StringSerializer());
        out = driver.createOutputTopic("out", new StringDeserializer(), new StringDeserializer());
        changelog = driver.createOutputTopic(CHANGELOG, new StringDeserializer(), new StringDeserializer());
    }

    @AfterEach
    void close() {
        if (driver != null) {
            driver.close();
        }
    }

    private List<String> outputs() {
        List<String> list = new ArrayList<>();
        out.readKeyValuesToList().forEach(kv -> list.add(kv.key + "=" + kv.value));
        return list;
    }

    @Test
    void changesBetweenTwoCommitsReachTheStoreAndItsChangelogOnceEachAtTheCommit() {
        start(100);
        in.pipeInput(new TestRecord<>("x", "put a 1; put b 1; put a 2; put a 3; get a; stored a; get c",
                Instant.ofEpochMilli(5_000)));
        // the processor reads its own change back, the store has it only after the commit
        assertThat(outputs()).containsExactly("a=3", "a=-", "c=-");
        List<TestRecord<String, String>> logged = changelog.readRecordsToList();
        // once each, the one used longest ago first (b: a was read last)
        assertThat(logged).extracting(TestRecord::key).containsExactly("b", "a");
        assertThat(logged).extracting(TestRecord::value).containsExactly("1", "3");
        // written under the record context of the change: the changelog records carry the input's time
        assertThat(logged).extracting(TestRecord::timestamp).containsOnly(5_000L);
        KeyValueStore<String, String> store = driver.getKeyValueStore(TARGET);
        assertThat(store.get("a")).isEqualTo("3");

        in.pipeInput(new TestRecord<>("x", "get a; stored b; put b 2", Instant.ofEpochMilli(9_000)));
        assertThat(outputs()).containsExactly("a=3", "b=1");
        assertThat(changelog.readKeyValuesToList()).containsExactly(KeyValue.pair("b", "2"));
        assertThat(changelog.isEmpty()).isTrue();
    }

    @Test
    void pastItsCapacityTheValueUsedLongestAgoIsWrittenThroughEarly() {
        start(2);
        in.pipeInput("x", "put a 1; put b 1; put a 2; put c 1; stored a; stored b; get a");
        // a was changed again after b, so b is the one used longest ago when c makes three: written before the commit;
        // then a is read, so c goes first at the commit
        assertThat(outputs()).containsExactly("a=-", "b=1", "a=2");
        assertThat(changelog.readKeyValuesToList())
                .containsExactly(KeyValue.pair("b", "1"), KeyValue.pair("c", "1"), KeyValue.pair("a", "2"));
    }

    @Test
    void aZeroCapacityOrAStoreOfAnotherKindIsRefused() {
        assertThatThrownBy(() -> WriteBehind.builder(PENDING, 0).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at least 1");
        assertThatThrownBy(() -> WriteBehind.builder(PENDING, 1).withLoggingEnabled(java.util.Map.of()))
                .isInstanceOf(UnsupportedOperationException.class).hasMessageContaining("no changelog");
        assertThatThrownBy(() -> WriteBehind.unwrap(Stores.inMemoryKeyValueStore("other").get()))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("not a write-behind");
    }
}
