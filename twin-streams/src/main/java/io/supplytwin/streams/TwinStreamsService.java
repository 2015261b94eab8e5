package io.supplytwin.streams;

import io.micrometer.core.instrument.binder.kafka.KafkaStreamsMetrics;
import io.supplytwin.core.catalogue.IndicatorCatalogue;
import io.supplytwin.core.health.HealthModel;
import io.supplytwin.core.network.ReferenceNetwork;
import io.supplytwin.core.network.SupplyNetwork;
import io.supplytwin.ml.artifact.ModelStore;
import io.supplytwin.ml.scoring.Scorer;
import io.supplytwin.platform.http.HttpApi;
import io.supplytwin.platform.metrics.PlatformMetrics;
import io.supplytwin.platform.service.Service;
import io.supplytwin.schemas.registry.client.RestSchemaRegistryClient;
import io.supplytwin.schemas.registry.client.SchemaRegistryClient;
import io.supplytwin.schemas.topic.Topic;
import io.supplytwin.streams.forecast.InStreamScoring;
import io.supplytwin.streams.metrics.TwinStreamsMetrics;
import io.supplytwin.streams.query.InteractiveQueries;
import io.supplytwin.streams.query.TwinViews;
import io.supplytwin.streams.state.CompactReadingDeserializer;
import io.supplytwin.streams.state.TwinReplay;
import io.supplytwin.streams.topology.InputRejects;
import io.supplytwin.streams.topology.StreamsTopics;
import io.supplytwin.streams.topology.TwinTopology;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.streams.CloseOptions;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler;
import org.apache.kafka.streams.state.HostInfo;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Kafka Streams twin: telemetry in; twin states, health, alerts and credit out; interactive queries on the
 * given HTTP API. Run more instances with the same {@code streams.application-id} (each with its own HTTP port and
 * state directory) to scale out; requests reaching the wrong instance are forwarded to the owner.
 */
public final class TwinStreamsService implements Service {

    private static final Logger LOG = LoggerFactory.getLogger(TwinStreamsService.class);
    private static final Duration START_TIMEOUT = Duration.ofSeconds(90);
    /** Longest a restored task may spend re-reading telemetry its entity twins' snapshots leave out. */
    private static final Duration REPLAY_TIMEOUT = Duration.ofMinutes(10);
    private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(30);

    private final TwinStreamsConfig config;
    private final String bootstrapServers;
    private final String registryUrl;
    private final HttpApi http;
    private final PlatformMetrics platformMetrics;
    private final StreamsTopics topics;
    private final SupplyNetwork network;
    private final TwinStreamsMetrics metrics;
    private KafkaStreams streams;
    private KafkaStreamsMetrics streamsMetrics;
    private Scorer scorer;

    /**
     * @param http    the process's HTTP API (already started): query routes are added to it and its address is
     *                advertised as {@code application.server} unless {@code streams.application-server} says otherwise
     * @param metrics the process's metrics registry; Kafka Streams' own metrics are bound to it too
     */
    public TwinStreamsService(TwinStreamsConfig config, String bootstrapServers, String registryUrl, HttpApi http,
                              PlatformMetrics metrics) {
        this(config, bootstrapServers, registryUrl, http, metrics, StreamsTopics.standard(), ReferenceNetwork.create());
    }

    /** With other topics (tests, benchmarks) or another network model. */
    public TwinStreamsService(TwinStreamsConfig config, String bootstrapServers, String registryUrl, HttpApi http,
                              PlatformMetrics metrics, StreamsTopics topics, SupplyNetwork network) {
        this.config = Objects.requireNonNull(config, "config");
        this.bootstrapServers = Objects.requireNonNull(bootstrapServers, "bootstrapServers");
        this.registryUrl = Objects.requireNonNull(registryUrl, "registryUrl");
        this.http = http;
        this.platformMetrics = Objects.requireNonNull(metrics, "metrics");
        this.topics = Objects.requireNonNull(topics, "topics");
        this.network = Objects.requireNonNull(network, "network");
        this.metrics = new TwinStreamsMetrics(metrics.registry());
    }

    @Override
    public String name() {
        return "streams";
    }

    public TwinStreamsMetrics metrics() {
        return metrics;
    }

    /** The running Kafka Streams instance (null before start). */
    public KafkaStreams streams() {
        return streams;
    }

    @Override
    public synchronized void start() throws Exception {
        start(false);
    }

    /**
     * Starts, and with {@code paused} joins the group and takes its tasks without processing until
     * {@code streams().resume()} (the benchmark measures from a settled assignment). Paused, it returns without waiting
     * for RUNNING: paused tasks do not finish initialising, so the instance reaches RUNNING only after the resume.
     */
    public synchronized void start(boolean paused) throws Exception {
        SchemaRegistryClient registry = new RestSchemaRegistryClient(registryUrl);
        // the serializers would register these on their first records: an HTTP call each, inside the stream thread,
        // and a registry that refuses one would stop the stream mid-way instead of here
        for (Topic<String, ?> written : topics.avroWrites(config.applicationId(), config.scoring())) {
            written.registerValueSchema(registry);
        }
        InStreamScoring scoring = null;
        if (config.scoring()) {
            ModelStore.ensureModels(config.modelsDir());
            scorer = Scorer.open(config.modelsDir(), Scorer.Options.defaults());
            scoring = new InStreamScoring(scorer, metrics);
        } else {
            LOG.info("in-stream scoring is off (streams.scoring=false): P uses the {} fallback unless RISK forecasts arrive",
                    config.riskFallback().name().toLowerCase(java.util.Locale.ROOT));
        }
        TwinReplay replay = new TwinReplay(topics.telemetry().name(), topics.telemetry().keySerde(registry).deserializer(),
                new CompactReadingDeserializer(registry), metrics);
        Topology topology = TwinTopology.build(config, registry, topics, network, metrics, scoring, replay);
        HostInfo self = advertised();
        Properties properties = config.streamsProperties(bootstrapServers, self == null ? "" : self.host() + ":" + self.port());
        replay.connect(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.GROUP_ID_CONFIG, config.applicationId()), REPLAY_TIMEOUT);
        InputRejects.install(properties, topics, registry, metrics);
        streams = new KafkaStreams(topology, properties);
        streams.setGlobalStateRestoreListener(replay);
        streams.setUncaughtExceptionHandler(e -> {
            LOG.error("stream thread failed; replacing it (state is restored from the changelogs)", e);
            return StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse.REPLACE_THREAD;
        });
        CountDownLatch running = new CountDownLatch(1);
        streams.setStateListener((now, before) -> {
            LOG.info("streams state {} -> {}", before, now);
            if (now == KafkaStreams.State.RUNNING) {
                running.countDown();
            }
        });
        if (http != null && self != null) {
            new InteractiveQueries(streams, self, new TwinViews(IndicatorCatalogue.standard(), HealthModel.standard(), network),
                    scorer).install(http);
        }
        streamsMetrics = new KafkaStreamsMetrics(streams);
        streamsMetrics.bindTo(platformMetrics.registry());
        if (paused) {
            streams.pause();
        }
        streams.start();
        if (paused) {
            LOG.info("streams started paused application={}", config.applicationId());
            return;
        }
        if (!running.await(START_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
            close();
            throw new TimeoutException("Kafka Streams did not reach RUNNING within " + START_TIMEOUT);
        }
        LOG.info("streams started application={} guarantee={} kafka={} registry={} queries={}", config.applicationId(),
                config.processingGuarantee(), bootstrapServers, registryUrl, self);
    }

    private HostInfo advertised() {
        if (!config.applicationServer().isEmpty()) {
            return HostInfo.buildFromEndpoint(config.applicationServer());
        }
        if (http == null) {
            return null;
        }
        URI url = URI.create(http.url());
        return new HostInfo(url.getHost(), url.getPort());
    }

    @Override
    public boolean ready() {
        KafkaStreams s = streams;
        return s != null && (s.state() == KafkaStreams.State.RUNNING || s.state() == KafkaStreams.State.REBALANCING);
    }

    @Override
    public synchronized void close() {
        if (streams != null) {
            // leave the group: the partitions move to the other instances (or a restarted one) at once instead of
            // after the session timeout
            streams.close(CloseOptions.groupMembershipOperation(CloseOptions.GroupMembershipOperation.LEAVE_GROUP)
                    .withTimeout(CLOSE_TIMEOUT));
            streams = null;
        }
        if (streamsMetrics != null) {
            streamsMetrics.close();
            streamsMetrics = null;
        }
        if (scorer != null) {
            scorer.close();
            scorer = null;
        }
    }

    /** The scorer in use (null before start or when scoring is off). */
    public Scorer scorer() {
        return scorer;
    }
}
