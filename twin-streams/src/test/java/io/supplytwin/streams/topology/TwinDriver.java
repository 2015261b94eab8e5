package io.supplytwin.streams.topology;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.supplytwin.core.network.ReferenceNetwork;
import io.supplytwin.ml.scoring.Scorer;
import io.supplytwin.core.network.SupplyNetwork;
import io.supplytwin.schemas.avro.CreditHistory;
import io.supplytwin.schemas.avro.Forecast;
import io.supplytwin.schemas.avro.ForecastKind;
import io.supplytwin.schemas.avro.TelemetryReading;
import io.supplytwin.schemas.avro.TelemetrySource;
import io.supplytwin.schemas.avro.TwinLevel;
import io.supplytwin.schemas.registry.server.LocalSchemaRegistry;
import io.supplytwin.schemas.topic.Topic;
import io.supplytwin.streams.TwinStreamsConfig;
import io.supplytwin.streams.forecast.InStreamScoring;
import io.supplytwin.streams.metrics.TwinStreamsMetrics;
import io.supplytwin.streams.rollup.EnterpriseTwin;
import io.supplytwin.streams.state.EntityTwin;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.state.KeyValueStore;

/** The twin topology on a {@link TopologyTestDriver} with an in-memory schema registry, and readings to feed it. */
final class TwinDriver implements AutoCloseable {

    static final Instant T0 = Instant.parse("2026-03-02T08:00:00Z");
    static final SupplyNetwork NETWORK = ReferenceNetwork.create();

    final LocalSchemaRegistry registry = LocalSchemaRegistry.inMemory();
    final StreamsTopics topics = StreamsTopics.standard();
    final TwinStreamsMetrics metrics = new TwinStreamsMetrics(new SimpleMeterRegistry());
    final TopologyTestDriver driver;
    private final TestInputTopic<String, TelemetryReading> telemetry;
    private final TestInputTopic<String, Forecast> forecasts;
    private final TestInputTopic<String, CreditHistory> ledger;
    private final Map<String, Long> seq = new HashMap<>();

    TwinDriver() {
        this(Map.of());
    }

    TwinDriver(Map<String, String> settings) {
        this(settings, null);
    }

    /** With in-stream scoring by {@code scorer} (null: off). */
    TwinDriver(Map<String, String> settings, Scorer scorer) {
        Map<String, String> all = new HashMap<>(Map.of("streams.heartbeat", "30m", "streams.grace", "10m"));
        all.putAll(settings);
        TwinStreamsConfig config = TwinStreamsConfig.with(all);
        Path dir;
        try {
            dir = Files.createTempDirectory("twin-driver-");
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        Properties props = config.withApplication("twin-test", dir).streamsProperties("unused:9092", "");
        props.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.AT_LEAST_ONCE);
        InputRejects.install(props, topics, registry, metrics);
        driver = new TopologyTestDriver(TwinTopology.build(config, registry, topics, NETWORK, metrics,
                scorer == null ? null : new InStreamScoring(scorer, metrics)), props);
        telemetry = input(topics.telemetry());
        forecasts = input(topics.forecast());
        ledger = input(topics.creditHistory());
    }

    <V> TestInputTopic<String, V> input(Topic<String, V> topic) {
        return driver.createInputTopic(topic.name(), topic.keySerde(registry).serializer(), topic.valueSerde(registry).serializer());
    }

    <V> TestOutputTopic<String, V> output(Topic<String, V> topic) {
        return driver.createOutputTopic(topic.name(), topic.keySerde(registry).deserializer(),
                topic.valueSerde(registry).deserializer());
    }

    void reading(String enterpriseId, TwinLevel level, String entityId, Duration at, Map<String, Double> values) {
        long n = seq.merge(entityId, 1L, Long::sum);
        Instant time = T0.plus(at);
        telemetry.pipeInput(entityId, new TelemetryReading(enterpriseId, level, entityId, n, time, time, values, List.of(),
                TelemetrySource.JSON));
    }

    void enterprise(String enterpriseId, Duration at, Map<String, Double> values) {
        reading(enterpriseId, TwinLevel.ENTERPRISE, enterpriseId, at, values);
    }

    void risk(String enterpriseId, Duration at, double p) {
        Instant time = T0.plus(at);
        forecasts.pipeInput(enterpriseId, Forecast.newBuilder().setEntityId(enterpriseId).setEnterpriseId(enterpriseId)
                .setTime(time).setKind(ForecastKind.RISK).setHorizonDays(30).setProbability(p).setModel("lnn-risk")
                .setModelVersion("1").build(), time);
    }

    void history(String enterpriseId, int contracts, int onTime, int late, int fulfilled, int defaults) {
        ledger.pipeInput(enterpriseId, new CreditHistory(enterpriseId, contracts, onTime, late, fulfilled, defaults, T0), T0);
    }

    /** The entity twins' changelog as written so far (keys raw: entity ids, or the store's own record). */
    TestOutputTopic<byte[], byte[]> entityChangelog() {
        return driver.createOutputTopic("twin-test-" + TwinTopology.ENTITY_STORE + "-changelog",
                new org.apache.kafka.common.serialization.ByteArrayDeserializer(),
                new org.apache.kafka.common.serialization.ByteArrayDeserializer());
    }

    KeyValueStore<String, EntityTwin> entities() {
        return driver.getKeyValueStore(TwinTopology.ENTITY_STORE);
    }

    KeyValueStore<String, EnterpriseTwin> enterprises() {
        return driver.getKeyValueStore(TwinTopology.ENTERPRISE_STORE);
    }

    private static final List<String> SCORED = List.of("order_fulfilment_rate_pct", "quality_pass_rate_pct",
            "inventory_turnover_ratio", "capital_turnover_ratio", "orders_on_time_pct", "dso_days", "debt_to_asset_pct",
            "net_profit_margin_pct", "current_ratio", "supplier_otif_pct", "equipment_availability_pct", "plant_oee_pct");

    /** The 12 scoring indicators of a healthy enterprise (H about 0.85). */
    static Map<String, Double> healthy() {
        return profile(98, 99, 24, 4, 97, 20, 30, 15, 2, 97, 95, 85);
    }

    /** The same indicators for an enterprise in trouble (H well under 0.6). */
    static Map<String, Double> sick() {
        return profile(40, 45, 3, 0.5, 35, 150, 85, -20, 0.5, 40, 40, 30);
    }

    private static Map<String, Double> profile(double... values) {
        Map<String, Double> v = new HashMap<>();
        for (int i = 0; i < values.length; i++) {
            v.put(SCORED.get(i), values[i]);
        }
        return v;
    }

    static Map<String, Double> with(Map<String, Double> base, String id, double value) {
        Map<String, Double> v = new HashMap<>(base);
        v.put(id, value);
        return v;
    }

    @Override
    public void close() {
        driver.close();
    }
}
