package io.supplytwin.ingest;

import io.supplytwin.core.catalogue.IndicatorCatalogue;
import io.supplytwin.ingest.clean.CleaningResult;
import io.supplytwin.ingest.clean.DuplicateWindow;
import io.supplytwin.ingest.clean.EdgeCleaner;
import io.supplytwin.ingest.clean.RejectReason;
import io.supplytwin.ingest.kafka.TelemetrySink;
import io.supplytwin.ingest.metrics.IngestMetrics;
import io.supplytwin.ingest.mqtt.MqttIntake;
import io.supplytwin.platform.metrics.PlatformMetrics;
import io.supplytwin.platform.service.Service;
import io.supplytwin.schemas.registry.client.RestSchemaRegistryClient;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.eclipse.paho.mqttv5.common.MqttMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The MQTT → Kafka bridge: MQTT shared subscription in, edge cleaning, Avro readings to {@code twin.telemetry} and
 * rejected input to {@code twin.telemetry.dlq}; each MQTT message acknowledged only after Kafka acknowledged it.
 * Run more instances with the same {@code ingest.group} (and distinct {@code ingest.client-id}s) to scale out.
 */
public final class IngestService implements Service {

    private static final Logger LOG = LoggerFactory.getLogger(IngestService.class);
    private static final Duration START_TIMEOUT = Duration.ofSeconds(30);

    private final IngestConfig config;
    private final String bootstrapServers;
    private final String registryUrl;
    private final String mqttUri;
    private final PlatformMetrics platformMetrics;
    private final IngestMetrics metrics;
    private final EdgeCleaner cleaner;
    private final List<MqttIntake> intakes = new ArrayList<>();
    private TelemetrySink sink;
    private ScheduledExecutorService summary;

    /**
     * @param bootstrapServers Kafka bootstrap servers
     * @param registryUrl      schema registry URL
     * @param mqttUri          MQTT broker URI, {@code tcp://host:port} or {@code ssl://host:port}
     * @param metrics          the process's metrics registry; the producer's metrics are bound to it too
     */
    public IngestService(IngestConfig config, String bootstrapServers, String registryUrl, String mqttUri, PlatformMetrics metrics) {
        this.config = Objects.requireNonNull(config, "config");
        this.bootstrapServers = Objects.requireNonNull(bootstrapServers, "bootstrapServers");
        this.registryUrl = Objects.requireNonNull(registryUrl, "registryUrl");
        this.mqttUri = Objects.requireNonNull(mqttUri, "mqttUri");
        this.platformMetrics = Objects.requireNonNull(metrics, "metrics");
        this.metrics = new IngestMetrics(metrics.registry());
        this.cleaner = new EdgeCleaner(IndicatorCatalogue.standard(), config.maxFutureSkew(), config.maxAge(),
                new DuplicateWindow(config.dedupWindow(), config.dedupDepth(), config.dedupMaxEntities()));
    }

    @Override
    public String name() {
        return "ingest";
    }

    public IngestMetrics metrics() {
        return metrics;
    }

    @Override
    public synchronized void start() throws Exception {
        try {
            sink = new TelemetrySink(config, bootstrapServers, new RestSchemaRegistryClient(registryUrl), metrics);
            platformMetrics.bind(sink.producer());
            sink.prime();
            for (int i = 0; i < config.clients(); i++) {
                String clientId = config.clients() == 1 ? config.clientId() : config.clientId() + "-" + i;
                MqttIntake intake = new MqttIntake(mqttUri, clientId, config, this::onMessage);
                intakes.add(intake);
                intake.start(START_TIMEOUT);
            }
        } catch (Exception e) {
            close();
            throw e;
        }
        summary = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "ingest-summary");
            t.setDaemon(true);
            return t;
        });
        long every = config.summaryInterval().toMillis();
        summary.scheduleAtFixedRate(() -> LOG.info(metrics.summary(config.summaryInterval())), every, every, TimeUnit.MILLISECONDS);
        LOG.info("ingest started mqtt={} group={} clients={} kafka={} registry={}", mqttUri, config.group(), config.clients(),
                bootstrapServers, registryUrl);
    }

    private void onMessage(String topic, MqttMessage message, Runnable ack) {
        long received = System.nanoTime();
        byte[] payload = message.getPayload();
        CleaningResult result;
        try {
            result = cleaner.clean(topic, payload, Instant.now());
        } catch (RuntimeException e) {
            // a decoder bug must not stop the bridge: keep the message for inspection
            LOG.warn("unexpected error cleaning a message on {}", topic, e);
            result = CleaningResult.rejected(RejectReason.MALFORMED_PAYLOAD, "bridge could not process it: " + e, List.of(), null);
        }
        metrics.received(result.format());
        if (result.accepted()) {
            metrics.accepted(result.reading().getFlagged().size());
        } else {
            metrics.rejected(result.reason());
        }
        result.dropped().forEach(d -> metrics.droppedValue(d.reason()));
        sink.publish(result, topic, payload, received, ack);
    }

    @Override
    public boolean ready() {
        return sink != null && !intakes.isEmpty() && intakes.stream().allMatch(MqttIntake::connected);
    }

    @Override
    public synchronized void close() {
        intakes.forEach(MqttIntake::pause);
        if (sink != null) {
            sink.flush(); // lets the acknowledgements of what Kafka has go out before the connections close
        }
        intakes.forEach(MqttIntake::close);
        intakes.clear();
        if (sink != null) {
            sink.close();
            sink = null;
        }
        if (summary != null) {
            summary.shutdownNow();
            LOG.info(metrics.summary(config.summaryInterval()));
            summary = null;
        }
    }
}
