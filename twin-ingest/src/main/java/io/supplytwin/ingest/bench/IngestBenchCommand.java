package io.supplytwin.ingest.bench;

import com.sun.management.HotSpotDiagnosticMXBean;
import com.sun.management.OperatingSystemMXBean;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.distribution.ValueAtPercentile;
import io.supplytwin.ingest.IngestConfig;
import io.supplytwin.ingest.IngestService;
import io.supplytwin.ingest.clean.RejectReason;
import io.supplytwin.platform.EmbeddedPlatform;
import io.supplytwin.platform.TempDirs;
import io.supplytwin.platform.config.PlatformConfig;
import io.supplytwin.platform.metrics.PlatformMetrics;
import io.supplytwin.platform.mqtt.MqttCallbackAdapter;
import io.supplytwin.schemas.avro.TelemetryReading;
import io.supplytwin.schemas.avro.TelemetrySource;
import io.supplytwin.schemas.avro.TwinLevel;
import io.supplytwin.schemas.registry.client.RestSchemaRegistryClient;
import io.supplytwin.schemas.topic.Topics;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.paho.mqttv5.client.MqttAsyncClient;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code twin bench ingest}: the bridge's sustained rate and latency, as ratios of the raw Kafka producer rate and the
 * raw Paho MQTT subscriber rate measured in the same run, on the same machine, with the same record and payload sizes.
 */
@Command(name = "ingest", mixinStandardHelpOptions = true,
        description = {"Benchmark the MQTT -> Kafka bridge: raw Kafka producer rate, raw MQTT subscriber rate, then the bridge",
                "at rising publish rates; sustained readings/s, p50/p99 MQTT->Kafka latency, CPU. Starts an embedded",
                "Kafka + registry (+ HiveMQ unless --mqtt names another broker, e.g. a local mosquitto). The simulated",
                "gateways run in a child JVM unless --publishers=inline."},
        footer = {"", "Paho decodes each received PUBLISH byte by byte through a synchronized stream; on Java 17 the bridge JVM",
                "spends far less on that with -XX:+UseBiasedLocking (e.g. SUPPLYTWIN_JAVA_OPTS=\"-Xmx1g -XX:+UseBiasedLocking\")."})
public final class IngestBenchCommand implements Callable<Integer> {

    /** Where the simulated gateways run. */
    enum Publishers { process, inline }

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

    @Option(names = "--publishers", paramLabel = "WHERE",
            description = "where the simulated gateways run: process (a child JVM) or inline (this JVM) (default ${DEFAULT-VALUE})")
    Publishers publishers = Publishers.process;

    @Option(names = "--publishers-only",
            description = "only run the simulated gateways against --mqtt (what the benchmark starts in its child JVM): "
                    + "--rate readings/s for --seconds, or with --raw-bytes a flat payload as fast as the broker takes it")
    boolean publishersOnly;

    @Option(names = "--rate", description = "with --publishers-only: readings/s")
    int rate;

    @Option(names = "--raw-bytes", description = "with --publishers-only: publish a flat payload of this size instead of readings")
    int rawBytes;

    @Option(names = "--seq-base", description = "with --publishers-only: sequence numbers start above this")
    long seqBase;

    @Option(names = "--client-prefix", description = "with --publishers-only: MQTT client id prefix (default ${DEFAULT-VALUE})")
    String clientPrefix = "bench-gw";

    private PrintWriter out;
    private final OperatingSystemMXBean os = (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    private final int cores = Runtime.getRuntime().availableProcessors();
    private long nextSeqBase;

    @Override
    public Integer call() throws Exception {
        out = spec.commandLine().getOut();
        if (publishersOnly) {
            return publishersOnly();
        }
        Path dir = Files.createTempDirectory("twin-bench-ingest-");
        Map<String, String> set = mqtt == null ? Map.of() : Map.of(PlatformConfig.MQTT_URI.key(), mqtt);
        try (EmbeddedPlatform platform = EmbeddedPlatform.onFreePorts(dir, set).start()) {
            progress("platform up: kafka %s, mqtt %s; publishers %s; bridge JVM %s", platform.bootstrapServers(), platform.mqttUri(),
                    publishers == Publishers.process ? "in a child JVM" : "in this JVM", jvmNote());
            GatewayLoad load = new GatewayLoad("bench", entities);
            int payloadBytes = 0;
            for (int i = 0; i < 300; i++) {
                payloadBytes += load.payload(i, 0, Instant.now()).length;
            }
            payloadBytes /= 300;
            BridgePathCost.Cost cost = BridgePathCost.measure(load,
                    Topics.TELEMETRY.valueSerde(new RestSchemaRegistryClient(platform.registryUrl())).serializer(), 20_000);
            progress("bridge path CPU per message: %s", describe(cost));
            double kafkaRate = rawKafka(platform, load);
            double mqttRate = rawMqtt(platform, payloadBytes);
            double slower = Math.min(kafkaRate, mqttRate);
            progress("raw rates: kafka producer %.0f records/s, paho subscriber %.0f msg/s (%d-byte JSON payloads)",
                    kafkaRate, mqttRate, payloadBytes);
            double sustained = 0;
            for (int r : rates) {
                Step s = bridgeStep(platform, load, r);
                progress("bridge at %5d/s offered (%.0f/s published): %s", r, s.published, s);
                sustained = Math.max(sustained, s.delivered);
                // judged against what the gateways managed to publish: the paced publishers themselves fall a few
                // per cent short of the nominal rate, which is not the bridge's doing
                if (s.delivered < 0.95 * Math.min(r, s.published) || s.published < 0.8 * r) {
                    if (s.published < 0.8 * r) {
                        progress("the gateways published only %.0f/s of %d/s: the publishers, not the bridge, are the limit here",
                                s.published, r);
                    }
                    break;
                }
            }
            int half = (int) (sustained / 2);
            Step halfLoad = bridgeStep(platform, load, half);
            out.printf(Locale.ROOT, "%nRESULT mqtt=%s payload=%dB publishers=%s cores=%d%n", mqtt == null ? "embedded HiveMQ CE" : mqtt,
                    payloadBytes, publishers, cores);
            out.printf(Locale.ROOT, "  bridge path CPU        %s%n", describe(cost));
            out.printf(Locale.ROOT, "  raw Kafka producer     %8.0f records/s%n", kafkaRate);
            out.printf(Locale.ROOT, "  raw Paho subscriber    %8.0f msg/s%n", mqttRate);
            out.printf(Locale.ROOT, "  bridge sustained       %8.0f readings/s = %.2f x the slower raw rate%n", sustained, sustained / slower);
            out.printf(Locale.ROOT, "  at half load (%d/s offered): %s%n", half, halfLoad);
            out.flush();
        } finally {
            TempDirs.deleteQuietly(dir);
        }
        return 0;
    }

    private static String describe(BridgePathCost.Cost c) {
        return String.format(Locale.ROOT, "%.1f us = Paho PUBLISH decode %.1f + cleaning (JSON included) %.1f + Avro %.1f "
                + "(one thread, %d messages)", c.total(), c.pahoDecode(), c.clean(), c.serialize(), c.messages());
    }

    private String jvmNote() {
        try {
            var hotspot = ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class);
            return "biased locking " + ("true".equals(hotspot.getVMOption("UseBiasedLocking").getValue()) ? "on" : "off");
        } catch (RuntimeException e) {
            return "without biased locking";
        }
    }

    /** The child JVM's side: publish, then report what and at what CPU cost. */
    private int publishersOnly() throws Exception {
        if (mqtt == null || (rate <= 0) == (rawBytes <= 0)) {
            throw new ParameterException(spec.commandLine(), "--publishers-only needs --mqtt and either --rate or --raw-bytes");
        }
        long cpu0 = os.getProcessCpuTime();
        Runnable started = () -> PublisherProcess.reportStart(out);
        GatewayPublishers.Published p = rawBytes > 0
                ? GatewayPublishers.flat(mqtt, clientPrefix, rawBytes, Duration.ofSeconds(seconds), started)
                : GatewayPublishers.paced(mqtt, clientPrefix, new GatewayLoad("bench", entities), rate, (long) rate * seconds, seqBase, started);
        PublisherProcess.reportDone(out, p, (os.getProcessCpuTime() - cpu0) / 1e9);
        return 0;
    }

    /** One publishing run, here or in the child JVM: count, start (nanoTime of this JVM) and the publishers' CPU share. */
    /** @param publishSeconds how long the gateways took to publish (NaN when not reported) */
    private record Run(long published, long startNanos, double publisherCpu, double publishSeconds) {
    }

    private Run publish(List<String> childArgs, GatewayCall inline, PublisherProcess.StartListener onStart) throws Exception {
        if (publishers == Publishers.process) {
            List<String> args = new ArrayList<>(List.of("--seconds", Integer.toString(seconds), "--entities", Integer.toString(entities)));
            args.addAll(childArgs);
            PublisherProcess.Result r = PublisherProcess.run(args, onStart);
            return new Run(r.published(), r.startNanos(), r.cpuSeconds() / Math.max(r.seconds(), 1e-3) / cores, r.seconds());
        }
        long[] start = new long[1];
        GatewayPublishers.Published p = inline.run(() -> {
            start[0] = System.nanoTime();
            onStart.started(start[0]);
        });
        return new Run(p.count(), start[0], Double.NaN, (System.nanoTime() - start[0]) / 1e9);
    }

    @FunctionalInterface
    private interface GatewayCall {
        GatewayPublishers.Published run(Runnable onStart) throws Exception;
    }

    /**
     * One rate step. CPU shares are of all cores; {@code cpuMicrosPerReading} is the bench JVM's CPU time (bridge, and
     * the embedded Kafka/registry/HiveMQ) per delivered reading, which moves less with other load on the machine than
     * the rates do.
     */
    private record Step(double delivered, double p50, double p99, double bridgeP50, double bridgeP99, double benchCpu,
            double publisherCpu, double machineCpu, double rejected, double cpuMicrosPerReading, double published) {

        @Override
        public String toString() {
            return String.format(Locale.ROOT, "%7.0f/s delivered, publish->Kafka ack p50 %6.1f ms p99 %7.1f ms (receive->ack p50 %.1f "
                    + "p99 %.1f)%s, cpu: bench JVM %3.0f%% (%.0f us/reading), publishers %s, machine %3.0f%%", delivered, p50, p99, bridgeP50, bridgeP99,
                    rejected > 0 ? String.format(Locale.ROOT, ", %.0f REJECTED", rejected) : "", benchCpu * 100, cpuMicrosPerReading,
                    Double.isNaN(publisherCpu) ? "(in the bench JVM)" : String.format(Locale.ROOT, "%3.0f%%", publisherCpu * 100),
                    machineCpu * 100);
        }
    }

    /** Raw producer: the same serialized record size, the bridge's producer settings, as fast as it goes. */
    private double rawKafka(EmbeddedPlatform platform, GatewayLoad load) throws Exception {
        var serializer = Topics.TELEMETRY.valueSerde(new RestSchemaRegistryClient(platform.registryUrl())).serializer();
        List<byte[]> values = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            values.add(serializer.serialize(Topics.TELEMETRY.name(), TelemetryReading.newBuilder().setEnterpriseId("bench")
                    .setLevel(TwinLevel.EQUIPMENT).setEntityId("e" + i).setSeq(i).setEventTime(Instant.now()).setIngestTime(Instant.now())
                    .setValues(load.values(i)).setSource(TelemetrySource.JSON).build()));
        }
        IngestConfig c = IngestConfig.defaults();
        try (var admin = Admin.create(Map.of("bootstrap.servers", platform.bootstrapServers()))) {
            admin.createTopics(List.of(new NewTopic("bench.raw", Topics.PARTITIONS, (short) 1))).all().get(30, TimeUnit.SECONDS);
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

    /**
     * Raw Paho subscriber (QoS 1, automatic acks, the bridge's receive maximum: HiveMQ gives a client that sends none
     * only 50 in flight) fed by the four publisher connections, same payload size.
     */
    private double rawMqtt(EmbeddedPlatform platform, int payloadBytes) throws Exception {
        AtomicLong received = new AtomicLong();
        MqttAsyncClient sub = GatewayPublishers.client(platform.mqttUri(), "bench-raw-sub", IngestConfig.defaults().receiveMaximum());
        sub.setCallback(new MqttCallbackAdapter((topic, m) -> received.incrementAndGet()));
        sub.subscribe(GatewayPublishers.RAW_TOPIC_PREFIX + "#", 1).waitForCompletion(10_000);
        long[] atStart = new long[1];
        Run run = publish(List.of("--mqtt", platform.mqttUri(), "--raw-bytes", Integer.toString(payloadBytes), "--client-prefix",
                        "bench-raw-pub"),
                started -> GatewayPublishers.flat(platform.mqttUri(), "bench-raw-pub", payloadBytes, Duration.ofSeconds(seconds), started),
                now -> atStart[0] = received.get());
        double rate = (received.get() - atStart[0]) / ((System.nanoTime() - run.startNanos) / 1e9);
        sub.disconnect().waitForCompletion();
        sub.close();
        return rate;
    }

    private Step bridgeStep(EmbeddedPlatform platform, GatewayLoad load, int stepRate) throws Exception {
        PlatformMetrics metrics = new PlatformMetrics("ingest-bench");
        IngestConfig config = IngestConfig.with(Map.of("ingest.client-id", "bench-bridge-" + stepRate, "ingest.group", "bench-" + stepRate,
                "ingest.mqtt.clients", "" + clients, "ingest.mqtt.sparkplug", "false", "ingest.mqtt.session-expiry", "0s",
                "ingest.max-age", "1h"));
        try (IngestService bridge = new IngestService(config, platform.bootstrapServers(), platform.registryUrl(), platform.mqttUri(), metrics)) {
            bridge.start();
            Timer delivered = bridge.metrics().bridgeLatency();
            long total = (long) stepRate * seconds;
            long base = nextSeqBase;
            nextSeqBase += total / entities + 2;
            long[] cpu0 = new long[1];
            Run run = publish(List.of("--mqtt", platform.mqttUri(), "--rate", Integer.toString(stepRate), "--seq-base", Long.toString(base)),
                    started -> GatewayPublishers.paced(platform.mqttUri(), "bench-gw", load, stepRate, total, base, started),
                    now -> {
                        cpu0[0] = os.getProcessCpuTime();
                        os.getCpuLoad(); // starts the machine-wide measurement interval
                    });
            long drainEnd = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
            while (delivered.count() < run.published && System.nanoTime() < drainEnd) {
                Thread.sleep(20);
            }
            double secs = (System.nanoTime() - run.startNanos) / 1e9;
            double benchCpuSeconds = (os.getProcessCpuTime() - cpu0[0]) / 1e9;
            double benchCpu = benchCpuSeconds / secs / cores;
            double machineCpu = os.getCpuLoad();
            double[] event = percentiles(bridge.metrics().eventLatency());
            double[] inBridge = percentiles(delivered);
            double rejected = Arrays.stream(RejectReason.values()).mapToDouble(bridge.metrics()::rejectedCount).sum();
            // everything published arrived: the bridge kept up with the gateways, whose own publishing time is the
            // step's length (the child JVM's exit and the drain poll would otherwise count as time the bridge needed)
            boolean keptUp = delivered.count() >= run.published && !Double.isNaN(run.publishSeconds);
            double rate = keptUp ? Math.min(delivered.count(), total) / Math.max(run.publishSeconds, 1e-3)
                    : Math.min(delivered.count(), total) / secs;
            return new Step(rate, event[0], event[1], inBridge[0], inBridge[1], benchCpu,
                    run.publisherCpu, machineCpu, rejected, benchCpuSeconds * 1e6 / Math.max(1, delivered.count()),
                    run.published / (Double.isNaN(run.publishSeconds) ? secs : Math.max(run.publishSeconds, 1e-3)));
        } finally {
            metrics.close();
        }
    }

    private static double[] percentiles(Timer timer) {
        double[] p = new double[2];
        for (ValueAtPercentile v : timer.takeSnapshot().percentileValues()) {
            p[v.percentile() == 0.5 ? 0 : 1] = v.value(TimeUnit.MILLISECONDS);
        }
        return p;
    }

    private void progress(String format, Object... args) {
        out.printf(Locale.ROOT, "[bench] " + format + "%n", args);
        out.flush();
    }
}
