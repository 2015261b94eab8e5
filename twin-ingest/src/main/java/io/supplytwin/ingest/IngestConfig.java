package io.supplytwin.ingest;

import io.supplytwin.platform.config.ConfigException;
import io.supplytwin.platform.config.Setting;
import io.supplytwin.platform.config.Settings;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Settings of the MQTT → Kafka bridge. Where Kafka, the registry and the MQTT broker are comes from the platform
 * settings ({@code kafka.bootstrap}, {@code registry.url}, {@code mqtt.uri}); this holds only what the bridge adds.
 */
public record IngestConfig(
        String group,
        String clientId,
        int clients,
        List<String> topicFilters,
        boolean sparkplug,
        String username,
        String password,
        Path truststore,
        String truststorePassword,
        Duration sessionExpiry,
        int receiveMaximum,
        Duration maxFutureSkew,
        Duration maxAge,
        Duration dedupWindow,
        int dedupDepth,
        int dedupMaxEntities,
        Duration linger,
        int batchSize,
        Duration deliveryTimeout,
        Duration summaryInterval) {

    public static final Setting<String> GROUP = Setting.string("ingest.group", "supplytwin-ingest",
            "MQTT shared-subscription group: bridge instances with the same group split the load");
    public static final Setting<String> CLIENT_ID = Setting.string("ingest.client-id", "",
            "MQTT client id prefix; keep it stable per instance so a restart resumes its session (empty: ingest-<hostname>)");
    public static final Setting<Integer> CLIENTS = Setting.integer("ingest.mqtt.clients", 1,
            "MQTT connections per instance, all in the shared group (more connections, more parallel decoding)");
    public static final Setting<String> TOPICS = Setting.string("ingest.mqtt.topics", "twin/v1/+/+/+/telemetry",
            "comma-separated JSON telemetry topic filters, subscribed as $share/<group>/<filter>");
    public static final Setting<Boolean> SPARKPLUG = Setting.bool("ingest.mqtt.sparkplug", true,
            "also subscribe to Sparkplug B DDATA and NDATA (spBv1.0/+/DDATA/+/+, spBv1.0/+/NDATA/+)");
    public static final Setting<String> USERNAME = Setting.string("ingest.mqtt.username", "", "MQTT user name (empty: none)");
    public static final Setting<String> PASSWORD = Setting.string("ingest.mqtt.password", "", "MQTT password (empty: none)");
    public static final Setting<String> TRUSTSTORE = Setting.string("ingest.mqtt.truststore", "",
            "PKCS12 or JKS trust store for ssl:// broker URIs (empty: the JVM's default trust)");
    public static final Setting<String> TRUSTSTORE_PASSWORD = Setting.string("ingest.mqtt.truststore-password", "",
            "password of ingest.mqtt.truststore");
    public static final Setting<Duration> SESSION_EXPIRY = Setting.duration("ingest.mqtt.session-expiry", Duration.ofHours(1),
            "how long the broker keeps the bridge's session and queues its messages while it is away");
    public static final Setting<Integer> RECEIVE_MAXIMUM = Setting.integer("ingest.mqtt.receive-maximum", 1000,
            "QoS 1 messages the broker may have unacknowledged per connection; bounds what waits on Kafka");
    public static final Setting<Duration> MAX_FUTURE_SKEW = Setting.duration("ingest.max-future-skew", Duration.ofMinutes(5),
            "a reading timestamped further ahead of the bridge's clock is rejected (FUTURE_TIMESTAMP)");
    public static final Setting<Duration> MAX_AGE = Setting.duration("ingest.max-age", Duration.ofHours(24),
            "a reading older than this is rejected (STALE_TIMESTAMP)");
    public static final Setting<Duration> DEDUP_WINDOW = Setting.duration("ingest.dedup-window", Duration.ofMinutes(30),
            "an entity's sequence numbers are remembered this long after its last reading");
    public static final Setting<Integer> DEDUP_DEPTH = Setting.integer("ingest.dedup-depth", 64,
            "sequence numbers remembered per entity below its highest (1..64)");
    public static final Setting<Integer> DEDUP_MAX_ENTITIES = Setting.integer("ingest.dedup-max-entities", 500_000,
            "entities remembered for duplicate detection; the least recently seen are forgotten first");
    public static final Setting<Duration> LINGER = Setting.duration("ingest.kafka.linger", Duration.ofMillis(10),
            "producer linger.ms: how long a batch waits for more records");
    public static final Setting<Integer> BATCH_SIZE = Setting.integer("ingest.kafka.batch-size", 131_072,
            "producer batch.size in bytes");
    public static final Setting<Duration> DELIVERY_TIMEOUT = Setting.duration("ingest.kafka.delivery-timeout", Duration.ofMinutes(2),
            "producer delivery.timeout.ms; a record not acknowledged by then is sent again (never dropped)");
    public static final Setting<Duration> SUMMARY_INTERVAL = Setting.duration("ingest.summary-interval", Duration.ofMinutes(1),
            "interval of the one-line summary in the log");

    public static final List<Setting<?>> SETTINGS = List.of(GROUP, CLIENT_ID, CLIENTS, TOPICS, SPARKPLUG, USERNAME, PASSWORD,
            TRUSTSTORE, TRUSTSTORE_PASSWORD, SESSION_EXPIRY, RECEIVE_MAXIMUM, MAX_FUTURE_SKEW, MAX_AGE, DEDUP_WINDOW, DEDUP_DEPTH,
            DEDUP_MAX_ENTITIES, LINGER, BATCH_SIZE, DELIVERY_TIMEOUT, SUMMARY_INTERVAL);

    public IngestConfig {
        if (!group.matches("[A-Za-z0-9_.-]+")) {
            throw new ConfigException("ingest.group must be letters, digits, '.', '_' or '-', got '" + group + "'");
        }
        require(clients >= 1 && clients <= 64, "ingest.mqtt.clients must be within 1..64, got " + clients);
        require(receiveMaximum >= 1 && receiveMaximum <= 65535, "ingest.mqtt.receive-maximum must be within 1..65535, got " + receiveMaximum);
        require(dedupDepth >= 1 && dedupDepth <= 64, "ingest.dedup-depth must be within 1..64, got " + dedupDepth);
        require(dedupMaxEntities >= 1, "ingest.dedup-max-entities must be at least 1, got " + dedupMaxEntities);
        require(batchSize >= 1024, "ingest.kafka.batch-size must be at least 1024, got " + batchSize);
        require(!topicFilters.isEmpty() || sparkplug, "nothing to subscribe: ingest.mqtt.topics is empty and Sparkplug is off");
        topicFilters = List.copyOf(topicFilters);
    }

    private static void require(boolean ok, String message) {
        if (!ok) {
            throw new ConfigException(message);
        }
    }

    public static IngestConfig from(Settings s) {
        String clientId = s.get(CLIENT_ID).isBlank() ? "ingest-" + hostname() : s.get(CLIENT_ID).trim();
        String truststore = s.get(TRUSTSTORE).trim();
        List<String> filters = Arrays.stream(s.get(TOPICS).split(",")).map(String::trim).filter(f -> !f.isEmpty()).toList();
        return new IngestConfig(s.get(GROUP).trim(), clientId, s.get(CLIENTS), filters, s.get(SPARKPLUG), s.get(USERNAME),
                s.get(PASSWORD), truststore.isEmpty() ? null : Path.of(truststore), s.get(TRUSTSTORE_PASSWORD),
                s.get(SESSION_EXPIRY), s.get(RECEIVE_MAXIMUM), s.get(MAX_FUTURE_SKEW), s.get(MAX_AGE), s.get(DEDUP_WINDOW),
                s.get(DEDUP_DEPTH), s.get(DEDUP_MAX_ENTITIES), s.get(LINGER), s.get(BATCH_SIZE), s.get(DELIVERY_TIMEOUT),
                s.get(SUMMARY_INTERVAL));
    }

    /** Defaults, for tests and embedded use. */
    public static IngestConfig defaults() {
        return from(Settings.defaults(SETTINGS));
    }

    /** Defaults with some keys set, e.g. {@code Map.of("ingest.group", "g1")}; for tests and the benchmark. */
    public static IngestConfig with(Map<String, String> overrides) {
        return from(Settings.load(SETTINGS, null, Map.of(), overrides));
    }


    /** Every filter the bridge subscribes to, with the shared-subscription prefix. */
    public List<String> sharedFilters() {
        List<String> plain = new java.util.ArrayList<>(topicFilters);
        if (sparkplug) {
            plain.add("spBv1.0/+/DDATA/+/+");
            plain.add("spBv1.0/+/NDATA/+");
        }
        return plain.stream().map(f -> "$share/" + group + "/" + f).toList();
    }

    private static String hostname() {
        try {
            return InetAddress.getLocalHost().getHostName().replaceAll("[^A-Za-z0-9_.-]", "-");
        } catch (UnknownHostException e) {
            return "local";
        }
    }
}
