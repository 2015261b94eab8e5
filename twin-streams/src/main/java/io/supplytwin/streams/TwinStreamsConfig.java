package io.supplytwin.streams;

import io.supplytwin.platform.config.ConfigException;
import io.supplytwin.platform.config.Setting;
import io.supplytwin.platform.config.Settings;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import io.supplytwin.streams.state.BoundedRocksDbConfig;
import org.apache.kafka.streams.StreamsConfig;

/**
 * Settings of the Kafka Streams twin. Where Kafka and the registry are comes from the platform settings; this holds
 * what the twin adds: how it runs (application id, state, guarantees) and how it decides (heartbeat, grace, alert
 * thresholds, the risk fallback).
 */
public record TwinStreamsConfig(
        String applicationId,
        Path stateDir,
        String processingGuarantee,
        int standbyReplicas,
        int threads,
        Duration commitInterval,
        long cacheBytes,
        long rocksDbMemory,
        String compression,
        int batchSize,
        Duration linger,
        String applicationServer,
        Duration heartbeat,
        Duration grace,
        int statsWindow,
        boolean lateToDeadLetter,
        double healthAlertThreshold,
        double healthDropAlert,
        Duration healthDropWindow,
        double healthMinCoverage,
        RiskFallback riskFallback,
        double riskPrior,
        Duration riskMaxAge,
        double defaultIndustryRisk,
        boolean scoring,
        Path modelsDir,
        Duration scoringDay) {

    /** How P is chosen while no fresh RISK forecast exists for an enterprise. */
    public enum RiskFallback {
        /** P = min(1, (1 − H) + recent fall of H within the drop window). */
        HEALTH,
        /** P = {@code streams.risk-prior}. */
        PRIOR
    }

    public static final Setting<String> APPLICATION_ID = Setting.string("streams.application-id", "supplytwin-streams",
            "Kafka Streams application id: consumer group, prefix of internal topics; instances with the same id share the work");
    public static final Setting<Path> STATE_DIR = Setting.path("streams.state-dir", Path.of(".twin-data", "streams"),
            "directory of the RocksDB state stores (rebuilt from their changelogs when lost)");
    public static final Setting<String> GUARANTEE = Setting.string("streams.processing-guarantee", "exactly_once_v2",
            "exactly_once_v2 or at_least_once");
    public static final Setting<Integer> STANDBY_REPLICAS = Setting.integer("streams.standby-replicas", 0,
            "warm copies of each state store kept on other instances for fast fail-over");
    public static final Setting<Integer> THREADS = Setting.integer("streams.threads", 1, "stream threads per instance");
    // 500 ms by the latency budget (docs/streams.md, Guarantees): with exactly_once_v2 each commit ends a transaction
    // over ~50 partitions, and a health record waits for two commits (entity twin, then enterprise), so 100 ms spends
    // the stream thread on commits while 1 s alone would use the whole 2 s budget
    public static final Setting<Duration> COMMIT_INTERVAL = Setting.duration("streams.commit-interval", Duration.ofMillis(500),
            "commit.interval.ms: how often progress (and, with exactly_once_v2, the transaction) is committed");
    public static final Setting<Long> CACHE_BYTES = Setting.longValue("streams.cache-bytes", 10L * 1024 * 1024,
            "statestore.cache.max.bytes: record cache over all stores of an instance");
    public static final Setting<Long> ROCKSDB_MEMORY = Setting.longValue("streams.rocksdb-memory", 64L * 1024 * 1024,
            "bytes of RocksDB block cache and memtables shared by all state stores of an instance (off-heap)");
    public static final Setting<String> COMPRESSION = Setting.string("streams.compression", "lz4",
            "compression.type of the stream threads' producers (changelogs, repartition and output topics): none, lz4,"
                    + " snappy, zstd or gzip");
    // 256 KB: a reading makes ~2.6 KB of changelog and output records, so the producer's default 16 KB batches held a
    // handful each and the broker paid per batch (twin bench streams: 11,000 -> 14,000 readings/s with exactly_once_v2)
    public static final Setting<Integer> BATCH_SIZE = Setting.integer("streams.batch-size", 256 * 1024,
            "batch.size of the stream threads' producers, bytes per partition and batch");
    // "commit": a batch waits at most until the commit, which sends every waiting batch anyway. With exactly_once_v2 no
    // reader sees a record before its transaction commits, so only the commit's own send grows (warm p99 ~0.1 s); it
    // cuts the batches (each a new compression stream, a sender wake-up and a broker append) to about one per partition
    // and commit plus full ones. twin bench streams: 26-28 batches per 1,000 readings against 84-115, 0.09 ms cpu per
    // reading against 0.10-0.14 ms with 5 ms (docs/performance.md, eleventh session).
    public static final String LINGER_UNTIL_COMMIT = "commit";
    public static final Setting<String> LINGER = new Setting<>("streams.linger", LINGER_UNTIL_COMMIT,
            TwinStreamsConfig::parseLinger, "linger.ms of the stream threads' producers: how long a batch may wait for more"
            + " records before it is sent; 'commit' (the default) = streams.commit-interval, since every commit sends what"
            + " waits; with at_least_once a shorter linger (e.g. 5ms) makes output visible sooner");
    public static final Setting<String> APPLICATION_SERVER = Setting.string("streams.application-server", "",
            "host:port other instances use to reach this one's HTTP API for interactive queries (empty: the HTTP API's own address)");
    public static final Setting<Integer> HTTP_PORT = Setting.port("streams.http-port", 8090,
            "HTTP port of a standalone 'twin streams' (interactive queries, /health, /metrics); inside 'twin run' the app's port serves them");
    public static final Setting<Duration> HEARTBEAT = Setting.duration("streams.heartbeat", Duration.ofMinutes(30),
            "a twin publishes its state at least this often (event time) even when nothing moved beyond a deadband");
    public static final Setting<Duration> GRACE = Setting.duration("streams.grace", Duration.ofMinutes(10),
            "a reading older than its twin's latest reading by up to this much still counts; older ones are dropped");
    public static final Setting<Integer> STATS_WINDOW = Setting.integer("streams.stats-window", 12,
            "readings N of the exponentially weighted mean and standard deviation per indicator (alpha = 2/(N+1))");
    public static final Setting<Boolean> LATE_DLQ = Setting.bool("streams.late-dlq", true,
            "write readings dropped as too late to twin.telemetry.dlq with reason LATE_READING");
    public static final Setting<Double> HEALTH_ALERT_THRESHOLD = Setting.decimal("streams.health-alert-threshold", 0.6,
            "an alert is raised when an enterprise's health H falls below this");
    public static final Setting<Double> HEALTH_DROP_ALERT = Setting.decimal("streams.health-drop-alert", 0.1,
            "an alert is raised when H falls by at least this much within streams.health-drop-window");
    public static final Setting<Duration> HEALTH_DROP_WINDOW = Setting.duration("streams.health-drop-window", Duration.ofHours(1),
            "window (event time) of the fast-drop alert and of the health trend used by the risk fallback");
    public static final Setting<Double> HEALTH_MIN_COVERAGE = Setting.decimal("streams.health-min-coverage", 0.5,
            "share of the AHP weight that must be observed before H raises alerts or feeds a credit assessment");
    public static final Setting<String> RISK_FALLBACK = Setting.string("streams.risk-fallback", "health",
            "P while no fresh RISK forecast exists: 'health' (1 - H plus its recent fall) or 'prior' (streams.risk-prior)");
    public static final Setting<Double> RISK_PRIOR = Setting.decimal("streams.risk-prior", 0.1,
            "P used by the 'prior' risk fallback");
    public static final Setting<Duration> RISK_MAX_AGE = Setting.duration("streams.risk-max-age", Duration.ofDays(2),
            "a RISK forecast older than this (event time) is no longer used and the fallback applies");
    public static final Setting<Double> DEFAULT_INDUSTRY_RISK = Setting.decimal("streams.default-industry-risk", 0.25,
            "industry risk R for enterprises the network model does not know");

    public static final Setting<Boolean> SCORING = Setting.bool("streams.scoring", true,
            "score forecasts, the risk P and equipment fault risk in-stream (false: P uses the fallback)");
    public static final Setting<Path> MODELS_DIR = Setting.path("streams.models-dir", Path.of(".twin-data", "models"),
            "model versions to score with; a small one is trained at first start when none loads");
    public static final Setting<Duration> SCORING_DAY = Setting.duration("streams.scoring-day", Duration.ofDays(1),
            "event time that closes one day of an enterprise's daily history (the models are trained on days)");

    public static final List<Setting<?>> SETTINGS = List.of(APPLICATION_ID, STATE_DIR, GUARANTEE, STANDBY_REPLICAS, THREADS,
            COMMIT_INTERVAL, CACHE_BYTES, ROCKSDB_MEMORY, COMPRESSION, BATCH_SIZE, LINGER, APPLICATION_SERVER, HTTP_PORT, HEARTBEAT, GRACE, STATS_WINDOW, LATE_DLQ, HEALTH_ALERT_THRESHOLD,
            HEALTH_DROP_ALERT, HEALTH_DROP_WINDOW, HEALTH_MIN_COVERAGE, RISK_FALLBACK, RISK_PRIOR, RISK_MAX_AGE,
            DEFAULT_INDUSTRY_RISK, SCORING, MODELS_DIR, SCORING_DAY);

    public TwinStreamsConfig {
        require(applicationId.matches("[A-Za-z0-9_.-]+"), "streams.application-id must be letters, digits, '.', '_' or '-', got '"
                + applicationId + "'");
        require(processingGuarantee.equals(StreamsConfig.EXACTLY_ONCE_V2) || processingGuarantee.equals(StreamsConfig.AT_LEAST_ONCE),
                "streams.processing-guarantee must be exactly_once_v2 or at_least_once, got '" + processingGuarantee + "'");
        require(standbyReplicas >= 0, "streams.standby-replicas must not be negative, got " + standbyReplicas);
        require(threads >= 1 && threads <= 64, "streams.threads must be within 1..64, got " + threads);
        require(!commitInterval.isNegative() && !commitInterval.isZero(), "streams.commit-interval must be positive");
        require(cacheBytes >= 0, "streams.cache-bytes must not be negative, got " + cacheBytes);
        require(rocksDbMemory >= 1024 * 1024, "streams.rocksdb-memory must be at least 1048576 bytes, got " + rocksDbMemory);
        require(List.of("none", "lz4", "snappy", "zstd", "gzip").contains(compression),
                "streams.compression must be none, lz4, snappy, zstd or gzip, got '" + compression + "'");
        require(batchSize >= 1024 && batchSize <= 16 * 1024 * 1024, "streams.batch-size must be within 1024..16777216, got "
                + batchSize);
        require(applicationServer.isEmpty() || applicationServer.matches("[^:/]+:\\d+"),
                "streams.application-server must be host:port, got '" + applicationServer + "'");
        require(heartbeat.toMillis() > 0, "streams.heartbeat must be positive");
        require(!grace.isNegative(), "streams.grace must not be negative");
        require(statsWindow >= 1, "streams.stats-window must be at least 1, got " + statsWindow);
        requireUnit("streams.health-alert-threshold", healthAlertThreshold);
        requireUnit("streams.health-drop-alert", healthDropAlert);
        require(healthDropAlert > 0, "streams.health-drop-alert must be positive");
        require(healthDropWindow.toMillis() > 0, "streams.health-drop-window must be positive");
        requireUnit("streams.health-min-coverage", healthMinCoverage);
        requireUnit("streams.risk-prior", riskPrior);
        require(!linger.isNegative() && linger.toMillis() <= Integer.MAX_VALUE, "streams.linger must be 0 or more, got " + linger);
        require(riskMaxAge.toMillis() > 0, "streams.risk-max-age must be positive");
        requireUnit("streams.default-industry-risk", defaultIndustryRisk);
        require(scoringDay.toMillis() >= 60_000, "streams.scoring-day must be at least one minute, got " + scoringDay);
    }

    private static void require(boolean ok, String message) {
        if (!ok) {
            throw new ConfigException(message);
        }
    }

    private static void requireUnit(String key, double value) {
        require(value >= 0 && value <= 1, key + " must be within 0..1, got " + value);
    }

    public static TwinStreamsConfig from(Settings s) {
        RiskFallback fallback;
        try {
            fallback = RiskFallback.valueOf(s.get(RISK_FALLBACK).trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new ConfigException("streams.risk-fallback must be 'health' or 'prior', got '" + s.get(RISK_FALLBACK) + "'");
        }
        return new TwinStreamsConfig(s.get(APPLICATION_ID).trim(), s.get(STATE_DIR), s.get(GUARANTEE).trim(),
                s.get(STANDBY_REPLICAS), s.get(THREADS), s.get(COMMIT_INTERVAL), s.get(CACHE_BYTES), s.get(ROCKSDB_MEMORY),
                s.get(COMPRESSION).trim().toLowerCase(Locale.ROOT), s.get(BATCH_SIZE), linger(s.get(LINGER), s.get(COMMIT_INTERVAL)), s.get(APPLICATION_SERVER).trim(), s.get(HEARTBEAT), s.get(GRACE), s.get(STATS_WINDOW), s.get(LATE_DLQ),
                s.get(HEALTH_ALERT_THRESHOLD), s.get(HEALTH_DROP_ALERT), s.get(HEALTH_DROP_WINDOW), s.get(HEALTH_MIN_COVERAGE),
                fallback, s.get(RISK_PRIOR), s.get(RISK_MAX_AGE), s.get(DEFAULT_INDUSTRY_RISK),
                s.get(SCORING), s.get(MODELS_DIR), s.get(SCORING_DAY));
    }

    private static String parseLinger(String value) {
        String v = value.trim().toLowerCase(Locale.ROOT);
        if (!v.equals(LINGER_UNTIL_COMMIT)) {
            Setting.parseDuration(v);
        }
        return v;
    }

    /** The producers' linger: the commit interval for 'commit', else the duration given. */
    private static Duration linger(String value, Duration commitInterval) {
        return value.equals(LINGER_UNTIL_COMMIT) ? commitInterval : Setting.parseDuration(value);
    }

    /** Defaults, for tests and embedded use. */
    public static TwinStreamsConfig defaults() {
        return from(Settings.defaults(SETTINGS));
    }

    /** Defaults with some keys set, e.g. {@code Map.of("streams.grace", "5m")}; for tests and the benchmark. */
    public static TwinStreamsConfig with(Map<String, String> overrides) {
        return from(Settings.load(SETTINGS, null, Map.of(), overrides));
    }


    /** The Kafka Streams properties of this configuration. */
    public Properties streamsProperties(String bootstrapServers, String advertisedServer) {
        Properties p = new Properties();
        p.put(StreamsConfig.APPLICATION_ID_CONFIG, applicationId);
        p.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        p.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toAbsolutePath().toString());
        p.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, processingGuarantee);
        p.put(StreamsConfig.NUM_STANDBY_REPLICAS_CONFIG, standbyReplicas);
        p.put(StreamsConfig.NUM_STREAM_THREADS_CONFIG, threads);
        p.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, commitInterval.toMillis());
        p.put(StreamsConfig.STATESTORE_CACHE_MAX_BYTES_CONFIG, cacheBytes);
        p.put(StreamsConfig.ROCKSDB_CONFIG_SETTER_CLASS_CONFIG, BoundedRocksDbConfig.class);
        p.put(BoundedRocksDbConfig.MEMORY_CONFIG, Long.toString(rocksDbMemory));
        if (advertisedServer != null && !advertisedServer.isEmpty()) {
            p.put(StreamsConfig.APPLICATION_SERVER_CONFIG, advertisedServer);
        }
        p.put(StreamsConfig.consumerPrefix(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG), "earliest");
        // No waiting for an empty input partition before processing another's records. The twin's processors order by
        // event time themselves (a risk or history input replaces an older one only when newer), so they need no
        // time alignment across inputs; and with the default (0) Kafka Streams formats log text for every empty input
        // partition on every record (PartitionGroup.readyToProcess, Kafka 4.3): the forecast and ledger partitions are
        // empty most of the time, and that was 6% of the stream thread.
        p.put(StreamsConfig.MAX_TASK_IDLE_MS_CONFIG, StreamsConfig.MAX_TASK_IDLE_MS_DISABLED);
        p.put(StreamsConfig.producerPrefix(ProducerConfig.LINGER_MS_CONFIG), (int) linger.toMillis());
        p.put(StreamsConfig.producerPrefix(ProducerConfig.BATCH_SIZE_CONFIG), batchSize);
        // A new batch takes batch-size bytes of the producer's buffer for each of the ~60 partitions a twin instance
        // writes, and a request must hold a full batch: both grow with the batch size (Kafka's defaults up to 512 KB
        // and 256 KB of batch respectively).
        p.put(StreamsConfig.producerPrefix(ProducerConfig.BUFFER_MEMORY_CONFIG), Math.max(32L << 20, 64L * batchSize));
        p.put(StreamsConfig.producerPrefix(ProducerConfig.MAX_REQUEST_SIZE_CONFIG), Math.max(1 << 20, 4 * batchSize));
        p.put(StreamsConfig.producerPrefix(ProducerConfig.COMPRESSION_TYPE_CONFIG), compression);
        return p;
    }

    /** This configuration scoring with the model versions in {@code dir} (twin run keeps them in its data directory). */
    public TwinStreamsConfig withModelsDir(Path dir) {
        return new TwinStreamsConfig(applicationId, stateDir, processingGuarantee, standbyReplicas, threads, commitInterval,
                cacheBytes, rocksDbMemory, compression, batchSize, linger, applicationServer, heartbeat, grace, statsWindow, lateToDeadLetter, healthAlertThreshold,
                healthDropAlert, healthDropWindow, healthMinCoverage, riskFallback, riskPrior, riskMaxAge, defaultIndustryRisk,
                scoring, dir, scoringDay);
    }

    /** This configuration with another application id and state directory: tests and benchmarks run side by side. */
    public TwinStreamsConfig withApplication(String id, Path dir) {
        return new TwinStreamsConfig(id, dir, processingGuarantee, standbyReplicas, threads, commitInterval, cacheBytes,
                rocksDbMemory, compression, batchSize, linger, applicationServer, heartbeat, grace, statsWindow, lateToDeadLetter, healthAlertThreshold, healthDropAlert,
                healthDropWindow, healthMinCoverage, riskFallback, riskPrior, riskMaxAge, defaultIndustryRisk, scoring, modelsDir,
                scoringDay);
    }
}
