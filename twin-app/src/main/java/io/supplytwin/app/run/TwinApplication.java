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
import io.supplytwin.schemas.registry.client.RestSchemaRegistryClient;
import io.supplytwin.schemas.registry.client.SchemaRegistryClient;
import io.supplytwin.sim.SimConfig;
import io.supplytwin.sim.SimulatorService;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.AdminClient;
import org.apache.kafka.clients.admin.AdminClientConfig;
import io.supplytwin.platform.service.ShutdownStack;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Everything {@code twin run} starts, in order: metrics, HTTP, the embedded platform (Kafka, registry, MQTT and
 * the topics), then every service that exists. Closing stops them in reverse order.
 */
public final class TwinApplication implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(TwinApplication.class);

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
            DashboardFeed dashboard = new DashboardFeed(platform.bootstrapServers(), registry, network, metrics.registry());
            dashboard.install(http);
            services.add(dashboard);
            services.add(new io.supplytwin.ingest.IngestService(io.supplytwin.ingest.IngestConfig.within(settings),
                    platform.bootstrapServers(), platform.registryUrl(), platform.mqttUri(), metrics));
            // the Kafka Streams twin: state under the data directory, interactive queries on the app's HTTP port
            io.supplytwin.streams.TwinStreamsConfig streams = io.supplytwin.streams.TwinStreamsConfig.within(settings);
            services.add(new io.supplytwin.streams.TwinStreamsService(
                    streams.withApplication(streams.applicationId(), config.dataDir().resolve("streams")),
                    platform.bootstrapServers(), platform.registryUrl(), http, metrics));
            services.add(new io.supplytwin.ledger.bridge.LedgerBridgeService(ledgerConfig(), platform.bootstrapServers(),
                    registry, metrics, http));
            // gateway simulator: on by default, off with sim.enabled=false (or when the sim.* settings are not declared)
            if (settings.effective().containsKey(SimConfig.ENABLED.key())) {
                SimConfig sim = SimConfig.from(settings);
                if (sim.enabled()) {
                    services.add(new SimulatorService(sim, platform.mqttUri(), network, http));
                }
            }

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

    /** The ledger's settings when declared (else defaults); its default directory sits in the platform's data dir. */
    private io.supplytwin.ledger.bridge.LedgerBridgeConfig ledgerConfig() {
        var key = io.supplytwin.ledger.bridge.LedgerBridgeConfig.DIR;
        boolean declared = settings.effective().containsKey(key.key());
        var ledger = io.supplytwin.ledger.bridge.LedgerBridgeConfig.from(declared ? settings
                : Settings.defaults(io.supplytwin.ledger.bridge.LedgerBridgeConfig.SETTINGS));
        if (!declared || settings.get(key).equals(key.defaultValue())) {
            var e = ledger.embedded();
            ledger = ledger.withEmbedded(new io.supplytwin.ledger.chain.EmbeddedLedger.Options(config.dataDir().resolve("ledger"),
                    e.maxBlockTransactions(), e.blockTimeout(), e.channel()));
        }
        return ledger;
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
