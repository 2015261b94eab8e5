package io.supplytwin.ingest.bench;

import com.sun.management.OperatingSystemMXBean;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.distribution.ValueAtPercentile;
import io.supplytwin.ingest.IngestConfig;
import io.supplytwin.ingest.IngestService;
import io.supplytwin.platform.EmbeddedPlatform;
import io.supplytwin.platform.config.PlatformConfig;
import io.supplytwin.platform.metrics.PlatformMetrics;
import io.supplytwin.platform.mqtt.TcpNoDelaySocketFactory;
import io.supplytwin.schemas.avro.TelemetryReading;
import io.supplytwin.schemas.avro.TelemetrySource;
import io.supplytwin.schemas.avro.TwinLevel;
import io.supplytwin.schemas.registry.client.RestSchemaRegistryClient;
import io.supplytwin.schemas.topic.Topics;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.paho.mqttv5.client.IMqttToken;
import org.eclipse.paho.mqttv5.client.MqttAsyncClient;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttMessage;
import io.supplytwin.platform.mqtt.MqttCallbackAdapter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code twin bench ingest}: the bridge's sustained rate and latency, as ratios of the raw Kafka producer rate and the
 * raw Paho MQTT subscriber rate measured in the same run, on the same machine, with the same record and payload sizes.
 */
@Command(name = "ingest", mixinStandardHelpOptions = true,
        description = {"Benchmark the MQTT -> Kafka bridge: raw Kafka producer rate, raw MQTT subscriber rate, then the bridge",
                "at rising publish rates; sustained readings/s, p50/p99 MQTT->Kafka latency, CPU. Starts an embedded",
                "Kafka + registry (+ HiveMQ unless --mqtt names another broker, e.g. a local mosquitto)."})
public final class IngestBenchCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--mqtt", paramLabel = "URI", description = "external MQTT broker instead of the embedded HiveMQ")
    String mqtt;

    @Option(names = "--rates", split = ",", paramLabel = "R", description = "publish rates to try, readings/s (default ${DEFAULT-VALUE})")
    List<Integer> rates = List.of(1000, 2500, 5000, 7500, 10000);

    @Option(names = "--seconds", description = "seconds per step (default ${DEFAULT-VALUE})")
    int seconds = 10;

    @Option(names = "--clients", description = "MQTT connections of the bridge, sharing the group (default ${DEFAULT-VALUE})")
    int clients = 1;

    @Option(names = "--entities", description = "simulated entities (default ${DEFAULT-VALUE})")
    int entities = 3000;

    private PrintWriter out;

    @Override
    public Integer call() throws Exception {
        out = spec.commandLine().getOut();
        Path dir = Files.createTempDirectory("twin-bench-ingest-");
        Map<String, String> set = mqtt == null ? Map.of() : Map.of(PlatformConfig.MQTT_URI.key(), mqtt);
        try (EmbeddedPlatform platform = EmbeddedPlatform.onFreePorts(dir, set).start()) {
            progress("platform up: kafka %s, mqtt %s", platform.bootstrapServers(), platform.mqttUri());
            GatewayLoad load = new GatewayLoad("bench", entities);
            int payloadBytes = 0;
            for (int i = 0; i < 300; i++) {
                payloadBytes += load.payload(i, Instant.now()).length;
            }
            payloadBytes /= 300;
            double kafkaRate = rawKafka(platform, load);
            double mqttRate = rawMqtt(platform, payloadBytes);
            double slower = Math.min(kafkaRate, mqttRate);
            progress("raw rates: kafka producer %.0f records/s, paho subscriber %.0f msg/s (%d-byte JSON payloads)",
                    kafkaRate, mqttRate, payloadBytes);
            double sustained = 0;
            for (int rate : rates) {
                Step s = bridgeStep(platform, load, rate);
                progress("bridge at %5d/s offered: %7.0f/s delivered, publish->kafka ack p50 %6.1f ms p99 %7.1f ms "
                        + "(receive->ack p50 %.1f p99 %.1f), cpu %3.0f%% of %d cores", rate, s.delivered, s.p50, s.p99,
                        s.bridgeP50, s.bridgeP99, s.cpu * 100, Runtime.getRuntime().availableProcessors());
                if (s.delivered >= 0.95 * rate) {
                    sustained = Math.max(sustained, s.delivered);
                } else {
                    sustained = Math.max(sustained, s.delivered);
                    break;
                }
            }
            int half = (int) (sustained / 2);
            Step halfLoad = bridgeStep(platform, load, half);
            out.printf(Locale.ROOT, "%nRESULT mqtt=%s payload=%dB%n", mqtt == null ? "embedded HiveMQ CE" : mqtt, payloadBytes);
            out.printf(Locale.ROOT, "  raw Kafka producer     %8.0f records/s%n", kafkaRate);
            out.printf(Locale.ROOT, "  raw Paho subscriber    %8.0f msg/s%n", mqttRate);
            out.printf(Locale.ROOT, "  bridge sustained       %8.0f readings/s = %.2f x the slower raw rate%n", sustained, sustained / slower);
            out.printf(Locale.ROOT, "  at half load (%d/s, %.0f/s delivered)  publish->Kafka ack p50 %.1f ms, p99 %.1f ms "
                    + "(receive->ack p50 %.1f, p99 %.1f), cpu %.0f%%%n", half, halfLoad.delivered, halfLoad.p50, halfLoad.p99,
                    halfLoad.bridgeP50, halfLoad.bridgeP99, halfLoad.cpu * 100);
            out.flush();
        } finally {
            deleteQuietly(dir);
        }
        return 0;
    }

    private record Step(double delivered, double p50, double p99, double bridgeP50, double bridgeP99, double cpu) {}

    /** Raw producer: the same serialized record size, the bridge's producer settings, as fast as it goes. */
    private double rawKafka(EmbeddedPlatform platform, GatewayLoad load) throws Exception {
        var serializer = Topics.TELEMETRY.valueSerde(new RestSchemaRegistryClient(platform.registryUrl())).serializer();
        List<byte[]> values = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            Map<String, Double> v = new HashMap<>();
            new com.fasterxml.jackson.databind.ObjectMapper().readTree(load.payload(i, Instant.now())).get("values")
                    .fields().forEachRemaining(e -> v.put(e.getKey(), e.getValue().doubleValue()));
            values.add(serializer.serialize(Topics.TELEMETRY.name(), TelemetryReading.newBuilder().setEnterpriseId("bench")
                    .setLevel(TwinLevel.EQUIPMENT).setEntityId("e" + i).setSeq(i).setEventTime(Instant.now()).setIngestTime(Instant.now())
                    .setValues(v).setSource(TelemetrySource.JSON).build()));
        }
        IngestConfig c = IngestConfig.defaults();
        try (var admin = org.apache.kafka.clients.admin.Admin.create(Map.of("bootstrap.servers", platform.bootstrapServers()))) {
            admin.createTopics(List.of(new org.apache.kafka.clients.admin.NewTopic("bench.raw", Topics.PARTITIONS, (short) 1)))
                    .all().get(30, TimeUnit.SECONDS);
        }
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, platform.bootstrapServers(), ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true, ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4",
                ProducerConfig.LINGER_MS_CONFIG, (int) c.linger().toMillis(), ProducerConfig.BATCH_SIZE_CONFIG, c.batchSize()),
                new StringSerializer(), new ByteArraySerializer())) {
            AtomicLong acked = new AtomicLong();
            long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
            long t0 = System.nanoTime();
            long sent = 0;
            while (System.nanoTime() < end) {
                producer.send(new ProducerRecord<>("bench.raw", "e" + sent % entities, values.get((int) (sent % values.size()))),
                        (m, e) -> acked.incrementAndGet());
                sent++;
            }
            producer.flush();
            return acked.get() / ((System.nanoTime() - t0) / 1e9);
        }
    }

    /** Raw Paho subscriber (QoS 1, automatic acks) fed by four publishers, same payload size. */
    private double rawMqtt(EmbeddedPlatform platform, int payloadBytes) throws Exception {
        AtomicLong received = new AtomicLong();
        MqttAsyncClient sub = client(platform.mqttUri(), "bench-raw-sub");
        sub.setCallback(new MqttCallbackAdapter((topic, m) -> received.incrementAndGet()));
        sub.subscribe("bench/raw/#", 1).waitForCompletion(10_000);
        byte[] payload = new byte[payloadBytes];
        java.util.Arrays.fill(payload, (byte) 'x');
        List<MqttAsyncClient> pubs = publishers(platform.mqttUri(), "bench-raw-pub");
        long t0 = System.nanoTime();
        long end = t0 + TimeUnit.SECONDS.toNanos(seconds);
        List<Thread> threads = new ArrayList<>();
        for (MqttAsyncClient pub : pubs) {
            threads.add(started(() -> {
                long n = 0;
                while (System.nanoTime() < end) {
                    publishQuietly(pub, "bench/raw/" + (n++ % 100), payload);
                }
            }));
        }
        for (Thread t : threads) {
            t.join();
        }
        double rate = received.get() / ((System.nanoTime() - t0) / 1e9);
        close(pubs);
        sub.disconnect().waitForCompletion();
        sub.close();
        return rate;
    }

    private Step bridgeStep(EmbeddedPlatform platform, GatewayLoad load, int rate) throws Exception {
        PlatformMetrics metrics = new PlatformMetrics("ingest-bench");
        IngestConfig config = IngestConfig.with(Map.of("ingest.client-id", "bench-bridge-" + rate, "ingest.group", "bench-" + rate,
                "ingest.mqtt.clients", "" + clients, "ingest.mqtt.sparkplug", "false", "ingest.mqtt.session-expiry", "0s",
                "ingest.max-age", "1h"));
        OperatingSystemMXBean os = (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        try (IngestService bridge = new IngestService(config, platform.bootstrapServers(), platform.registryUrl(), platform.mqttUri(), metrics)) {
            bridge.start();
            List<MqttAsyncClient> pubs = publishers(platform.mqttUri(), "bench-gw");
            Timer delivered = bridge.metrics().bridgeLatency();
            long cpu0 = os.getProcessCpuTime();
            long t0 = System.nanoTime();
            long total = (long) rate * seconds;
            List<Thread> threads = new ArrayList<>();
            for (int p = 0; p < pubs.size(); p++) {
                int lane = p;
                MqttAsyncClient pub = pubs.get(p);
                threads.add(started(() -> {
                    for (long n = lane; n < total; n += pubs.size()) {
                        long due = t0 + (long) (n * 1e9 / rate);
                        long wait = due - System.nanoTime();
                        if (wait > 0) {
                            java.util.concurrent.locks.LockSupport.parkNanos(wait);
                        }
                        publishQuietly(pub, load.topic(n), load.payload(n + seqBase, Instant.now()));
                    }
                }));
            }
            for (Thread t : threads) {
                t.join();
            }
            long drainEnd = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
            while (delivered.count() < total && System.nanoTime() < drainEnd) {
                Thread.sleep(50);
            }
            double secs = (System.nanoTime() - t0) / 1e9;
            double cpu = (os.getProcessCpuTime() - cpu0) / 1e9 / secs / Runtime.getRuntime().availableProcessors();
            double[] event = percentiles(bridge.metrics().eventLatency());
            double[] inBridge = percentiles(bridge.metrics().bridgeLatency());
            seqBase += total + entities;
            close(pubs);
            return new Step(Math.min(delivered.count(), total) / secs, event[0], event[1], inBridge[0], inBridge[1], cpu);
        } finally {
            metrics.close();
        }
    }

    private long seqBase;

    private static double[] percentiles(Timer timer) {
        double[] p = new double[2];
        for (ValueAtPercentile v : timer.takeSnapshot().percentileValues()) {
            p[v.percentile() == 0.5 ? 0 : 1] = v.value(TimeUnit.MILLISECONDS);
        }
        return p;
    }

    private static Thread started(Runnable r) {
        Thread t = new Thread(r, "bench-publisher");
        t.start();
        return t;
    }

    private static List<MqttAsyncClient> publishers(String uri, String prefix) throws Exception {
        List<MqttAsyncClient> pubs = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            pubs.add(client(uri, prefix + "-" + i));
        }
        return pubs;
    }

    private static MqttAsyncClient client(String uri, String id) throws Exception {
        MqttAsyncClient c = new MqttAsyncClient(uri, id, new MemoryPersistence());
        MqttConnectionOptions o = new MqttConnectionOptions();
        o.setSocketFactory(new TcpNoDelaySocketFactory());
        o.setCleanStart(true);
        c.connect(o).waitForCompletion(10_000);
        return c;
    }

    private static final Map<MqttAsyncClient, java.util.concurrent.Semaphore> WINDOWS = new java.util.concurrent.ConcurrentHashMap<>();

    /** QoS 1 publish with at most 200 unacknowledged per publisher; blocks (without spinning) when the window is full. */
    private static void publishQuietly(MqttAsyncClient pub, String topic, byte[] payload) {
        java.util.concurrent.Semaphore window = WINDOWS.computeIfAbsent(pub, c -> new java.util.concurrent.Semaphore(200));
        MqttMessage m = new MqttMessage(payload);
        m.setQos(1);
        window.acquireUninterruptibly();
        try {
            pub.publish(topic, m, null, new org.eclipse.paho.mqttv5.client.MqttActionListener() {
                @Override
                public void onSuccess(IMqttToken token) {
                    window.release();
                }

                @Override
                public void onFailure(IMqttToken token, Throwable error) {
                    window.release();
                }
            });
        } catch (Exception e) {
            window.release();
        }
    }

    private static void close(List<MqttAsyncClient> clients) {
        for (MqttAsyncClient c : clients) {
            try {
                c.disconnect().waitForCompletion(5_000);
                c.close();
            } catch (Exception ignored) {
                // benchmark teardown
            }
        }
    }

    private void progress(String format, Object... args) {
        out.printf(Locale.ROOT, "[bench] " + format + "%n", args);
        out.flush();
    }

    private static void deleteQuietly(Path dir) {
        try (var paths = Files.walk(dir)) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (Exception ignored) {
            // temp dir
        }
    }
}
