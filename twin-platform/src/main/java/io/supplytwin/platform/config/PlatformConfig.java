package io.supplytwin.platform.config;

import java.nio.file.Path;
import java.util.List;

/**
 * Where the embedded platform listens and keeps its data. When {@code kafka.bootstrap} or
 * {@code registry.url} name external servers, the embedded ones are not started and services connect there.
 */
public record PlatformConfig(
        Path dataDir,
        String host,
        String externalKafka,
        int kafkaPort,
        int kafkaControllerPort,
        short replication,
        String externalRegistry,
        int registryPort,
        String externalMqtt,
        int mqttPort,
        int mqttReceiveMaximum,
        boolean mqttFilePersistence,
        int httpPort) {

    public static final Setting<Path> DATA_DIR = Setting.path("data.dir", Path.of(".twin-data"),
            "directory for the embedded Kafka log, MQTT broker data and ledger; kept across restarts");
    public static final Setting<String> HOST = Setting.string("bind.host", "127.0.0.1",
            "address the embedded servers bind to and advertise");
    public static final Setting<String> KAFKA_BOOTSTRAP = Setting.string("kafka.bootstrap", "",
            "bootstrap servers of an external Kafka cluster; empty starts the embedded broker");
    public static final Setting<Integer> KAFKA_PORT = Setting.port("kafka.port", 9092, "embedded Kafka client port");
    public static final Setting<Integer> KAFKA_CONTROLLER_PORT = Setting.port("kafka.controller-port", 9093,
            "embedded Kafka KRaft controller port");
    public static final Setting<Integer> KAFKA_REPLICATION = Setting.integer("kafka.replication", 1,
            "replication factor for the topics the platform creates (1 on the embedded broker)");
    public static final Setting<String> REGISTRY_URL = Setting.string("registry.url", "",
            "URL of an external Confluent-compatible schema registry; empty starts the embedded one");
    public static final Setting<Integer> REGISTRY_PORT = Setting.port("registry.port", 8081, "embedded schema registry port");
    public static final Setting<String> MQTT_URI = Setting.string("mqtt.uri", "",
            "URI of an external MQTT broker (tcp://host:1883); empty starts the embedded one");
    public static final Setting<Integer> MQTT_PORT = Setting.port("mqtt.port", 1883, "embedded MQTT broker port");
    public static final Setting<Integer> MQTT_RECEIVE_MAXIMUM = Setting.integer("mqtt.receive-maximum", 1000,
            "MQTT 5 server receive maximum of the embedded broker (HiveMQ's default of 10 throttles QoS 1 to ~1k msg/s)");
    public static final Setting<Boolean> MQTT_FILE_PERSISTENCE = Setting.bool("mqtt.file-persistence", false,
            "keep MQTT sessions and queued messages on disk across broker restarts (slower, heavier)");
    public static final Setting<Integer> HTTP_PORT = Setting.port("http.port", 8080, "HTTP port for /health, /metrics and the REST API");

    public static final List<Setting<?>> SETTINGS = List.of(DATA_DIR, HOST, KAFKA_BOOTSTRAP, KAFKA_PORT, KAFKA_CONTROLLER_PORT,
            KAFKA_REPLICATION, REGISTRY_URL, REGISTRY_PORT, MQTT_URI, MQTT_PORT, MQTT_RECEIVE_MAXIMUM, MQTT_FILE_PERSISTENCE, HTTP_PORT);

    public static PlatformConfig from(Settings s) {
        int replication = s.get(KAFKA_REPLICATION);
        if (replication < 1 || replication > Short.MAX_VALUE) {
            throw new ConfigException("kafka.replication must be at least 1, got " + replication);
        }
        int receiveMax = s.get(MQTT_RECEIVE_MAXIMUM);
        if (receiveMax < 1 || receiveMax > 65535) {
            throw new ConfigException("mqtt.receive-maximum must be within 1..65535, got " + receiveMax);
        }
        return new PlatformConfig(s.get(DATA_DIR).toAbsolutePath().normalize(), s.get(HOST), s.get(KAFKA_BOOTSTRAP).trim(),
                s.get(KAFKA_PORT), s.get(KAFKA_CONTROLLER_PORT), (short) replication, s.get(REGISTRY_URL).trim(),
                s.get(REGISTRY_PORT), s.get(MQTT_URI).trim(), s.get(MQTT_PORT), receiveMax, s.get(MQTT_FILE_PERSISTENCE),
                s.get(HTTP_PORT));
    }

    public boolean embeddedKafka() {
        return externalKafka.isEmpty();
    }

    public boolean embeddedRegistry() {
        return externalRegistry.isEmpty();
    }

    public boolean embeddedMqtt() {
        return externalMqtt.isEmpty();
    }

    /** Kafka bootstrap servers: the external cluster if named, else the embedded broker's address. */
    public String kafkaEndpoint() {
        return embeddedKafka() ? host + ":" + kafkaPort : externalKafka;
    }

    /** Schema registry URL: the external registry if named, else the embedded one's. */
    public String registryEndpoint() {
        return embeddedRegistry() ? "http://" + host + ":" + registryPort : externalRegistry;
    }

    /** MQTT broker URI: the external broker if named, else the embedded one's. */
    public String mqttEndpoint() {
        return embeddedMqtt() ? "tcp://" + host + ":" + mqttPort : externalMqtt;
    }
}
