package io.supplytwin.streams.it;

import io.supplytwin.platform.EmbeddedPlatform;
import io.supplytwin.platform.http.HttpApi;
import io.supplytwin.platform.metrics.PlatformMetrics;
import io.supplytwin.schemas.avro.TelemetryReading;
import io.supplytwin.schemas.avro.TelemetrySource;
import io.supplytwin.schemas.avro.TwinLevel;
import io.supplytwin.schemas.registry.client.RestSchemaRegistryClient;
import io.supplytwin.schemas.registry.client.SchemaRegistryClient;
import io.supplytwin.schemas.topic.Topic;
import io.supplytwin.streams.TwinStreamsConfig;
import io.supplytwin.streams.TwinStreamsService;
import io.supplytwin.core.network.ReferenceNetwork;
import io.supplytwin.streams.topology.StreamsTopics;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Function;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Serializer;

/** Isolated topics, twin instances, Avro readings and read_committed readers for the twin's integration tests. */
final class StreamsTestKit {

    /**
     * Event times start four hours ago: recent enough that the broker accepts them as record timestamps (it refuses
     * ones more than an hour ahead) and that compacted output topics keep every record while the test reads them
     * (segments holding old timestamps roll, and get compacted, at once).
     */
    static final Instant T0 = Instant.now().minus(Duration.ofHours(4)).truncatedTo(java.time.temporal.ChronoUnit.MINUTES);

    final EmbeddedPlatform platform;
    final SchemaRegistryClient registry;
    final StreamsTopics topics;

    StreamsTestKit(EmbeddedPlatform platform) throws Exception {
        this.platform = platform;
        this.registry = new RestSchemaRegistryClient(platform.registryUrl());
        this.topics = StreamsTopics.prefixed(unique("it") + ".");
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, platform.bootstrapServers()))) {
            topics.ensure(admin, (short) 1);
        }
    }

    static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** A twin on these topics with its own application id (or a shared one) and state directory. */
    TwinStreamsService twin(String applicationId, Path stateDir, HttpApi http) throws Exception {
        TwinStreamsConfig config = TwinStreamsConfig.with(Map.of("streams.commit-interval", "100ms",
                "streams.heartbeat", "30m", "streams.grace", "10m")).withApplication(applicationId, stateDir)
                .withModelsDir(MODELS);
        TwinStreamsService service = new TwinStreamsService(config, platform.bootstrapServers(), platform.registryUrl(), http,
                new PlatformMetrics("streams-it"), topics, ReferenceNetwork.create());
        service.start();
        return service;
    }

    /** One model directory for every IT of this JVM: the first twin to start trains the small first-start version. */
    static final Path MODELS = Path.of("target", "it-models");

    static Path tempDir() throws Exception {
        return Files.createTempDirectory("twin-streams-it-");
    }

    /**
     * Readings of six enterprises over 40 five-minute steps, health sliding from good to poor with noise, plus two
     * machines each reporting spindle temperature; deterministic.
     */
    static List<TelemetryReading> dataset() {
        Random random = new Random(7);
        List<String> enterprises = List.of("core-01", "t1-01", "t1-02", "t1-03", "t2-01", "t2-02");
        List<TelemetryReading> out = new ArrayList<>();
        Map<String, Long> seq = new HashMap<>();
        for (int step = 0; step < 40; step++) {
            Instant at = T0.plus(Duration.ofMinutes(5L * step));
            double decline = step / 40.0;
            for (String e : enterprises) {
                Map<String, Double> v = new LinkedHashMap<>();
                v.put("order_fulfilment_rate_pct", 98 - 50 * decline + random.nextGaussian());
                v.put("quality_pass_rate_pct", 99 - 40 * decline + random.nextGaussian() * 0.2);
                v.put("inventory_turnover_ratio", 24 - 18 * decline);
                v.put("capital_turnover_ratio", 4.0 - 3 * decline);
                v.put("orders_on_time_pct", 97 - 60 * decline + random.nextGaussian() * 0.3);
                v.put("dso_days", 20 + 120 * decline);
                v.put("debt_to_asset_pct", 30 + 50 * decline);
                v.put("net_profit_margin_pct", 15 - 30 * decline);
                v.put("current_ratio", 2.0 - decline);
                v.put("supplier_otif_pct", 97.0 + random.nextGaussian() * 0.2);
                v.put("equipment_availability_pct", 95 - 40 * decline);
                v.put("plant_oee_pct", 85 - 40 * decline);
                out.add(reading(e, TwinLevel.ENTERPRISE, e, at, v, seq));
                for (int m = 1; m <= 2; m++) {
                    String machine = e + "-eq-0" + m;
                    out.add(reading(e, TwinLevel.EQUIPMENT, machine, at,
                            Map.of("spindle_temp_c", 40 + 10 * decline + random.nextGaussian()), seq));
                }
            }
        }
        return out;
    }

    private static TelemetryReading reading(String enterprise, TwinLevel level, String entity, Instant at,
                                            Map<String, Double> values, Map<String, Long> seq) {
        return new TelemetryReading(enterprise, level, entity, seq.merge(entity, 1L, Long::sum), at, at, values, List.of(),
                TelemetrySource.JSON);
    }

    void produce(List<TelemetryReading> readings) {
        produce(topics.telemetry(), readings, TelemetryReading::getEntityId);
    }

    /** Sends the values in order, each under the key {@code key} gives it. */
    <V> void produce(Topic<String, V> t, List<V> values, Function<V, String> key) {
        send(t.keySerde(registry).serializer(), t.valueSerde(registry).serializer(), producer -> {
            for (V v : values) {
                producer.send(new ProducerRecord<>(t.name(), key.apply(v), v));
            }
        });
    }

    /** Sends bytes as they are: what a misbehaving producer would write. */
    void produceRaw(String topic, String key, byte[] value) {
        ByteArraySerializer bytes = new ByteArraySerializer();
        send(bytes, bytes, producer -> producer.send(new ProducerRecord<>(topic, key.getBytes(StandardCharsets.UTF_8), value)));
    }

    /** Runs {@code sends} with an idempotent producer to the test's broker and closes it, which flushes what it sent. */
    private <K, V> void send(Serializer<K> keys, Serializer<V> values, Consumer<KafkaProducer<K, V>> sends) {
        try (KafkaProducer<K, V> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, platform.bootstrapServers(),
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true), keys, values)) {
            sends.accept(producer);
        }
    }

    /** Everything committed to a topic so far, as key → values in offset order (read_committed). */
    <V> Map<String, List<V>> readCommitted(Topic<String, V> topic) {
        Map<String, List<V>> byKey = new LinkedHashMap<>();
        try (KafkaConsumer<String, V> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, platform.bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, unique("reader"),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false), topic.keySerde(registry).deserializer(),
                topic.valueSerde(registry).deserializer())) {
            consumer.subscribe(List.of(topic.name()));
            int idle = 0;
            while (idle < 3) {
                var records = consumer.poll(Duration.ofMillis(500));
                idle = records.isEmpty() ? idle + 1 : 0;
                for (ConsumerRecord<String, V> r : records) {
                    byKey.computeIfAbsent(r.key(), k -> new ArrayList<>()).add(r.value());
                }
            }
        }
        return byKey;
    }

    static int size(Map<String, ? extends List<?>> byKey) {
        return byKey.values().stream().mapToInt(List::size).sum();
    }
}
