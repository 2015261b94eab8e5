package io.supplytwin.platform;

import io.supplytwin.platform.config.PlatformConfig;
import io.supplytwin.platform.config.Settings;
import io.supplytwin.platform.kafka.EmbeddedKafkaBroker;
import io.supplytwin.platform.kafka.TopicProvisioner;
import io.supplytwin.platform.mqtt.EmbeddedMqttBroker;
import io.supplytwin.schemas.registry.server.EmbeddedSchemaRegistry;
import io.supplytwin.schemas.registry.server.SchemaRegistryConfig;
import io.supplytwin.schemas.topic.Topics;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import io.supplytwin.platform.service.ShutdownStack;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Kafka, schema registry and MQTT broker for one machine: each is started in-process unless the configuration
 * points at an external one. Topics of the one declaration ({@link Topics}) are created on start.
 */
public final class EmbeddedPlatform implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedPlatform.class);
    private static final Duration START_TIMEOUT = Duration.ofSeconds(60);

    private final PlatformConfig config;
    private final ShutdownStack started = new ShutdownStack();
    private String bootstrapServers;
    private String registryUrl;
    private volatile String mqttUri;

    public EmbeddedPlatform(PlatformConfig config) {
        this.config = config;
    }

    /**
     * A platform on free ports in the given directory, for tests and benchmarks that must not collide with a running
     * {@code twin run}; {@code overrides} are further settings, e.g. {@code mqtt.uri} for an external broker.
     */
    public static EmbeddedPlatform onFreePorts(Path dataDir, Map<String, String> overrides) {
        Map<String, String> set = new java.util.HashMap<>(overrides);
        set.put(PlatformConfig.DATA_DIR.key(), dataDir.toString());
        for (var port : List.of(PlatformConfig.KAFKA_PORT, PlatformConfig.KAFKA_CONTROLLER_PORT, PlatformConfig.REGISTRY_PORT,
                PlatformConfig.MQTT_PORT, PlatformConfig.HTTP_PORT)) {
            set.putIfAbsent(port.key(), String.valueOf(PortCheck.freePort()));
        }
        return new EmbeddedPlatform(PlatformConfig.from(Settings.load(PlatformConfig.SETTINGS, null, Map.of(), set)));
    }

    public PlatformConfig config() {
        return config;
    }

    public synchronized EmbeddedPlatform start() throws Exception {
        long t0 = System.nanoTime();
        // the MQTT broker needs nothing from Kafka: start it alongside and join before reporting ready
        CompletableFuture<Void> mqtt = CompletableFuture.runAsync(() -> {
            try {
                startMqtt();
            } catch (Exception e) {
                throw new CompletionException(e);
            }
        });
        try {
            startKafka();
            createTopics();
            startRegistry();
            joinMqtt(mqtt);
        } catch (Exception e) {
            mqtt.exceptionally(t -> null).join();
            close();
            throw e;
        }
        LOG.info("platform ready in {} ms kafka={} registry={} mqtt={}", (System.nanoTime() - t0) / 1_000_000,
                bootstrapServers, registryUrl, mqttUri);
        return this;
    }

    private static void joinMqtt(CompletableFuture<Void> mqtt) throws Exception {
        try {
            mqtt.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof Exception cause) {
                throw cause;
            }
            throw e;
        }
    }

    private void startKafka() throws Exception {
        if (!config.embeddedKafka()) {
            bootstrapServers = config.externalKafka();
            return;
        }
        EmbeddedKafkaBroker kafka = new EmbeddedKafkaBroker(config.dataDir().resolve("kafka"), config.host(),
                config.kafkaPort(), config.kafkaControllerPort());
        kafka.start(START_TIMEOUT);
        started.push(kafka);
        bootstrapServers = kafka.bootstrapServers();
    }

    private void createTopics() throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
            TopicProvisioner.ensure(admin, Topics.all().stream().map(t -> t.newTopic(config.replication())).toList());
        }
    }

    private void startRegistry() throws Exception {
        if (!config.embeddedRegistry()) {
            registryUrl = config.externalRegistry();
            return;
        }
        PortCheck.requireFree(config.host(), config.registryPort(), "schema registry");
        EmbeddedSchemaRegistry registry = new EmbeddedSchemaRegistry(
                SchemaRegistryConfig.defaults(bootstrapServers).withHost(config.host()).withPort(config.registryPort())
                        .withReplicationFactor(config.replication()));
        registry.start();
        started.push(registry);
        registryUrl = registry.url();
    }

    private void startMqtt() throws Exception {
        if (!config.embeddedMqtt()) {
            mqttUri = config.externalMqtt();
            return;
        }
        EmbeddedMqttBroker mqtt = new EmbeddedMqttBroker(config.dataDir().resolve("mqtt"), config.host(), config.mqttPort(),
                config.mqttReceiveMaximum(), config.mqttFilePersistence());
        mqtt.start(START_TIMEOUT);
        started.push(mqtt);
        mqttUri = mqtt.uri();
    }

    public String bootstrapServers() {
        return bootstrapServers;
    }

    public String registryUrl() {
        return registryUrl;
    }

    public String mqttUri() {
        return mqttUri;
    }

    @Override
    public synchronized void close() {
        started.close();
    }
}
