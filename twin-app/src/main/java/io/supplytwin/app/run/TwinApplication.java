package io.supplytwin.app.run;

import io.supplytwin.app.dashboard.DashboardFeed;
import io.supplytwin.core.network.ReferenceNetwork;
import io.supplytwin.core.network.SupplyNetwork;
import io.supplytwin.platform.EmbeddedPlatform;
import io.supplytwin.platform.PortCheck;
import io.supplytwin.platform.config.PlatformConfig;
import io.supplytwin.platform.config.Settings;
import io.supplytwin.platform.http.HealthEndpoint;
import io.supplytwin.platform.http.HttpApi;
import io.supplytwin.platform.http.Response;
import io.supplytwin.platform.metrics.PlatformMetrics;
import io.supplytwin.platform.service.Service;
import io.supplytwin.platform.service.ShutdownStack;
import io.supplytwin.schemas.registry.client.RestSchemaRegistryClient;
import io.supplytwin.schemas.registry.client.SchemaRegistryClient;
import io.supplytwin.ingest.IngestConfig;
import io.supplytwin.ingest.IngestService;
import io.supplytwin.ledger.bridge.LedgerBridgeConfig;
import io.supplytwin.ledger.bridge.LedgerBridgeService;
import io.supplytwin.ledger.chain.EmbeddedLedger;
import io.supplytwin.platform.config.Setting;
import io.supplytwin.sim.SimConfig;
import io.supplytwin.streams.TwinStreamsConfig;
import io.supplytwin.streams.TwinStreamsService;
import io.supplytwin.sim.SimulatorService;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Stream;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.AdminClient;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Everything {@code twin run} starts, in order: metrics, HTTP, the embedded platform (Kafka, registry, MQTT and
 * the topics), then every service that exists. Closing stops them in reverse order.
 */
public final class TwinApplication implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(TwinApplication.class);

    /** Every service {@code twin run} can start, by name. */
    public static final List<String> SERVICE_NAMES = List.of("dashboard", "ledger", "streams", "ingest", "simulator");

    static final Function<String, Set<String>> RUN_SERVICES_PARSER = value -> {
        Set<String> names = new LinkedHashSet<>();
        for (String part : value.split(",")) {
            String name = part.trim();
            if (name.equals("all")) {
                names.addAll(SERVICE_NAMES);
            } else if (!name.isEmpty()) {
                if (!SERVICE_NAMES.contains(name)) {
                    throw new IllegalArgumentException("unknown service '" + name + "'; known: all, " + String.join(", ", SERVICE_NAMES));
                }
                names.add(name);
            }
        }
        return names;
    };

    public static final Setting<String> RUN_SERVICES = new Setting<>("run.services", "all", v -> {
        RUN_SERVICES_PARSER.apply(v); // validate at load
        return v;
    }, "services to start besides the platform: all, or a comma list of " + String.join(", ", SERVICE_NAMES));

    /** Every setting {@code twin run} understands: the platform's and each service's. */
    public static final List<Setting<?>> SETTINGS = Stream.of(PlatformConfig.SETTINGS, List.<Setting<?>>of(RUN_SERVICES),
            IngestConfig.SETTINGS, TwinStreamsConfig.SETTINGS, LedgerBridgeConfig.SETTINGS, SimConfig.SETTINGS)
            .flatMap(List::stream).toList();

    private final Settings settings;
    private final PlatformConfig config;
    private final PlatformMetrics metrics = new PlatformMetrics("twin-app");
    private final HealthEndpoint health = new HealthEndpoint();
    private final ShutdownStack running = new ShutdownStack();
    private final List<Service> services = new ArrayList<>();
    private final SupplyNetwork network = ReferenceNetwork.create();
    private SchemaRegistryClient registry;
    private HttpApi http;
    private EmbeddedPlatform platform;
    private AdminClient admin;
    private long readyMillis;

    public TwinApplication(Settings settings) {
        this.settings = settings;
        this.config = PlatformConfig.from(settings);
    }

    public TwinApplication start() throws Exception {
        long t0 = System.nanoTime();
        running.push(metrics);
        try {
            // fail on a taken HTTP port before spending seconds starting brokers
            PortCheck.requireFree(config.host(), config.httpPort(), "HTTP");
            http = new HttpApi(config.host(), config.httpPort(), metrics.registry());
            health.install(http);
            http.get("/metrics", req -> Response.text(200, "text/plain; version=0.0.4; charset=utf-8", metrics.scrape()));
            http.start();
            running.push(http);

            platform = new EmbeddedPlatform(config).start();
            running.push(platform);
            admin = (AdminClient) AdminClient.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, platform.bootstrapServers(),
                    AdminClientConfig.CLIENT_ID_CONFIG, "twin-app-health"));
            metrics.bind(admin);
            running.push(admin);
            health.register("kafka", this::kafkaUp);
            health.register("schema-registry", () -> tcpUp(URI.create(platform.registryUrl())));
            health.register("mqtt", () -> tcpUp(URI.create(platform.mqttUri())));

            registry = new RestSchemaRegistryClient(platform.registryUrl());
            addServices();

            for (Service s : services) {
                s.start();
                running.push(s);
                health.register(s.name(), s::ready);
            }
        } catch (Exception e) {
            close();
            throw e;
        }
        health.markStarted();
        readyMillis = (System.nanoTime() - t0) / 1_000_000;
        LOG.info("supplytwin ready in {} ms http={} kafka={} registry={} mqtt={}", readyMillis, http.url(),
                platform.bootstrapServers(), platform.registryUrl(), platform.mqttUri());
        return this;
    }

    /** The services {@code run.services} names, in start order: consumers of a topic start before its producers. */
    private void addServices() {
        Set<String> wanted = RUN_SERVICES_PARSER.apply(settings.get(RUN_SERVICES));
        if (wanted.contains("dashboard")) {
            DashboardFeed dashboard = new DashboardFeed(platform.bootstrapServers(), registry, network, metrics.registry());
            dashboard.install(http);
            services.add(dashboard);
        }
        if (wanted.contains("ledger")) {
            LedgerBridgeConfig ledger = LedgerBridgeConfig.from(settings);
            if (!settings.isSet(LedgerBridgeConfig.DIR)) {
                EmbeddedLedger.Options e = ledger.embedded();
                ledger = ledger.withEmbedded(new EmbeddedLedger.Options(config.dataDir().resolve("ledger"),
                        e.maxBlockTransactions(), e.blockTimeout(), e.channel()));
            }
            services.add(new LedgerBridgeService(ledger, platform.bootstrapServers(), registry, metrics, http));
        }
        if (wanted.contains("streams")) {
            TwinStreamsConfig streams = TwinStreamsConfig.from(settings);
            if (!settings.isSet(TwinStreamsConfig.STATE_DIR)) {
                streams = streams.withApplication(streams.applicationId(), config.dataDir().resolve("streams"));
            }
            if (!settings.isSet(TwinStreamsConfig.MODELS_DIR)) {
                streams = streams.withModelsDir(config.dataDir().resolve("models"));
            }
            services.add(new TwinStreamsService(streams, platform.bootstrapServers(), platform.registryUrl(), http, metrics));
        }
        if (wanted.contains("ingest")) {
            services.add(new IngestService(IngestConfig.from(settings), platform.bootstrapServers(), platform.registryUrl(),
                    platform.mqttUri(), metrics));
        }
        SimConfig sim = SimConfig.from(settings);
        if (wanted.contains("simulator") && sim.enabled()) {
            services.add(new SimulatorService(sim, platform.mqttUri(), network, http));
        }
    }

    private boolean kafkaUp() {
        try {
            return !admin.describeCluster().nodes().get(2, TimeUnit.SECONDS).isEmpty();
        } catch (Exception e) {
            return false;
        }
    }

    private static boolean tcpUp(URI uri) {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress(uri.getHost(), uri.getPort()), 1000);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    public long readyMillis() {
        return readyMillis;
    }

    public Settings settings() {
        return settings;
    }

    public EmbeddedPlatform platform() {
        return platform;
    }

    public HttpApi http() {
        return http;
    }

    public SupplyNetwork network() {
        return network;
    }

    public SchemaRegistryClient registry() {
        return registry;
    }

    public PlatformMetrics metrics() {
        return metrics;
    }

    @Override
    public synchronized void close() {
        running.close();
    }
}
