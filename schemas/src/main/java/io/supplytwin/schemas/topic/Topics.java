package io.supplytwin.schemas.topic;

import io.supplytwin.schemas.avro.Alert;
import io.supplytwin.schemas.avro.CreditAssessment;
import io.supplytwin.schemas.avro.CreditHistory;
import io.supplytwin.schemas.avro.DeadLetter;
import io.supplytwin.schemas.avro.Forecast;
import io.supplytwin.schemas.avro.HealthIndex;
import io.supplytwin.schemas.avro.LedgerReceipt;
import io.supplytwin.schemas.avro.LedgerRequest;
import io.supplytwin.schemas.avro.TelemetryReading;
import io.supplytwin.schemas.avro.TwinState;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.common.config.TopicConfig;

/**
 * Every Kafka topic of SupplyTwin, declared once. Nothing else writes a topic name: code refers to
 * these constants. Keys are plain UTF-8 strings; values are Avro in the Confluent wire format.
 *
 * <p>Topics keyed by enterprise id and by entity id all have {@link #PARTITIONS} partitions, so Kafka
 * Streams can join them without repartitioning (co-partitioning needs equal counts).
 */
public final class Topics {

    /** Partitions of every keyed topic. */
    public static final int PARTITIONS = 6;

    private static final Map<String, String> WEEK = retention(Duration.ofDays(7));
    private static final Map<String, String> MONTH = retention(Duration.ofDays(30));
    private static final Map<String, String> KEEP_LATEST = Map.of(
            // let a key's new value be compacted soon, but keep a minute for late readers of the old one
            TopicConfig.MIN_COMPACTION_LAG_MS_CONFIG, Long.toString(Duration.ofMinutes(1).toMillis()));

    /** Cleaned gateway telemetry. Key: entityId. */
    public static final Topic<String, TelemetryReading> TELEMETRY = Topic.stringKeyed(
            "twin.telemetry", PARTITIONS, CleanupPolicy.DELETE, WEEK, TelemetryReading.class);

    /** Telemetry the bridge could not accept, with the reason. Key: the MQTT topic or original key. */
    public static final Topic<String, DeadLetter> TELEMETRY_DLQ = Topic.stringKeyed(
            "twin.telemetry.dlq", 1, CleanupPolicy.DELETE, MONTH, DeadLetter.class);

    /** Latest state per equipment twin. Key: entityId. */
    public static final Topic<String, TwinState> STATE_EQUIPMENT = Topic.stringKeyed(
            "twin.state.equipment", PARTITIONS, CleanupPolicy.COMPACT, KEEP_LATEST, TwinState.class);

    /** Latest state per order twin. Key: entityId. */
    public static final Topic<String, TwinState> STATE_ORDER = Topic.stringKeyed(
            "twin.state.order", PARTITIONS, CleanupPolicy.COMPACT, KEEP_LATEST, TwinState.class);

    /** Latest state per enterprise twin. Key: entityId (the enterprise id). */
    public static final Topic<String, TwinState> STATE_ENTERPRISE = Topic.stringKeyed(
            "twin.state.enterprise", PARTITIONS, CleanupPolicy.COMPACT, KEEP_LATEST, TwinState.class);

    /** Health index H over time. Key: enterpriseId. */
    public static final Topic<String, HealthIndex> HEALTH = Topic.stringKeyed(
            "twin.health", PARTITIONS, CleanupPolicy.DELETE, MONTH, HealthIndex.class);

    /** Forecasts (demand, orders, risk P, equipment faults). Key: entityId. */
    public static final Topic<String, Forecast> FORECAST = Topic.stringKeyed(
            "twin.forecast", PARTITIONS, CleanupPolicy.DELETE, MONTH, Forecast.class);

    /** Latest credit assessment per enterprise. Key: enterpriseId. */
    public static final Topic<String, CreditAssessment> CREDIT = Topic.stringKeyed(
            "twin.credit", PARTITIONS, CleanupPolicy.COMPACT, KEEP_LATEST, CreditAssessment.class);

    /** Alerts. Key: enterpriseId. */
    public static final Topic<String, Alert> ALERTS = Topic.stringKeyed(
            "twin.alerts", PARTITIONS, CleanupPolicy.DELETE, MONTH, Alert.class);

    /** Requests to act on financing contracts. Key: enterpriseId. */
    public static final Topic<String, LedgerRequest> LEDGER_REQUESTS = Topic.stringKeyed(
            "ledger.requests", PARTITIONS, CleanupPolicy.DELETE, MONTH, LedgerRequest.class);

    /** The ledger's answers to requests. Key: enterpriseId. */
    public static final Topic<String, LedgerReceipt> LEDGER_RECEIPTS = Topic.stringKeyed(
            "ledger.receipts", PARTITIONS, CleanupPolicy.DELETE, MONTH, LedgerReceipt.class);

    /** Latest on-ledger credit history per enterprise. Key: enterpriseId. */
    public static final Topic<String, CreditHistory> LEDGER_CREDIT_HISTORY = Topic.stringKeyed(
            "ledger.credit-history", PARTITIONS, CleanupPolicy.COMPACT, KEEP_LATEST, CreditHistory.class);

    private static final List<Topic<?, ?>> ALL = List.of(TELEMETRY, TELEMETRY_DLQ, STATE_EQUIPMENT, STATE_ORDER,
            STATE_ENTERPRISE, HEALTH, FORECAST, CREDIT, ALERTS, LEDGER_REQUESTS, LEDGER_RECEIPTS, LEDGER_CREDIT_HISTORY);

    private Topics() {}

    /** Every topic, in declaration order. */
    public static List<Topic<?, ?>> all() {
        return ALL;
    }

    /** The topic with this name, if SupplyTwin declares one. */
    public static Optional<Topic<?, ?>> byName(String name) {
        return ALL.stream().filter(topic -> topic.name().equals(name)).findFirst();
    }

    private static Map<String, String> retention(Duration duration) {
        return Map.of(TopicConfig.RETENTION_MS_CONFIG, Long.toString(duration.toMillis()));
    }
}
