package io.supplytwin.streams.topology;

import io.supplytwin.schemas.avro.Alert;
import io.supplytwin.schemas.avro.CreditAssessment;
import io.supplytwin.schemas.avro.CreditHistory;
import io.supplytwin.schemas.avro.DeadLetter;
import io.supplytwin.schemas.avro.Forecast;
import io.supplytwin.schemas.avro.HealthIndex;
import io.supplytwin.schemas.avro.TelemetryReading;
import io.supplytwin.schemas.avro.TwinLevel;
import io.supplytwin.schemas.avro.TwinState;
import io.supplytwin.schemas.topic.Topic;
import io.supplytwin.schemas.topic.Topics;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The topics the twin topology reads and writes. In production these are the {@link Topics} constants; tests and the
 * benchmark use {@link #prefixed} copies (same partitions, policies and serdes, names with a prefix) so several runs
 * share one broker without reading each other's records.
 */
public record StreamsTopics(
        Topic<String, TelemetryReading> telemetry,
        Topic<String, DeadLetter> telemetryDlq,
        Topic<String, TwinState> equipmentState,
        Topic<String, TwinState> orderState,
        Topic<String, TwinState> enterpriseState,
        Topic<String, HealthIndex> health,
        Topic<String, Forecast> forecast,
        Topic<String, CreditAssessment> credit,
        Topic<String, Alert> alerts,
        Topic<String, CreditHistory> creditHistory) {

    public static StreamsTopics standard() {
        return new StreamsTopics(Topics.TELEMETRY, Topics.TELEMETRY_DLQ, Topics.STATE_EQUIPMENT, Topics.STATE_ORDER,
                Topics.STATE_ENTERPRISE, Topics.HEALTH, Topics.FORECAST, Topics.CREDIT, Topics.ALERTS,
                Topics.LEDGER_CREDIT_HISTORY);
    }

    /** The standard topics with {@code prefix} in front of every name. */
    public static StreamsTopics prefixed(String prefix) {
        StreamsTopics s = standard();
        return new StreamsTopics(copy(prefix, s.telemetry), copy(prefix, s.telemetryDlq), copy(prefix, s.equipmentState),
                copy(prefix, s.orderState), copy(prefix, s.enterpriseState), copy(prefix, s.health), copy(prefix, s.forecast),
                copy(prefix, s.credit), copy(prefix, s.alerts), copy(prefix, s.creditHistory));
    }

    private static <V> Topic<String, V> copy(String prefix, Topic<String, V> t) {
        return named(prefix + t.name(), t);
    }

    private static <V> Topic<String, V> named(String name, Topic<String, V> t) {
        return new Topic<>(name, t.partitions(), t.replication(), t.cleanupPolicy(), t.configs(), t.valueType(),
                (registry, isKey, config) -> t.keySerde(registry, config),
                (registry, isKey, config) -> t.valueSerde(registry, config));
    }

    /** The state topic of a twin level. */
    public Optional<Topic<String, TwinState>> state(TwinLevel level) {
        return switch (level) {
            case EQUIPMENT -> Optional.of(equipmentState);
            case ORDER -> Optional.of(orderState);
            case ENTERPRISE -> Optional.of(enterpriseState);
            default -> Optional.empty();
        };
    }

    /** Creates those of these topics that do not exist yet. */
    public void ensure(org.apache.kafka.clients.admin.Admin admin, short replication) throws Exception {
        io.supplytwin.platform.kafka.TopicProvisioner.ensure(admin, all().stream().map(t -> t.newTopic(replication)).toList());
    }

    /** The topics the twin topology writes Avro values to; the forecasts only when it scores. */
    public List<Topic<String, ?>> outputs(boolean scoring) {
        List<Topic<String, ?>> out = new ArrayList<>(List.of(telemetryDlq, equipmentState, orderState,
                enterpriseState, health, credit, alerts));
        if (scoring) {
            out.add(forecast);
        }
        return out;
    }

    /**
     * The changelog of the ledger-history table's store ({@link TwinTopology#LEDGER_STORE}), which Kafka Streams
     * creates as {@code <application id>-<store>-changelog} and writes through the history topic's Avro serde: its
     * values go under that changelog's subject, so the twin registers it at start like its outputs. The copy is for
     * the name and the serdes only: Kafka Streams creates the topic, with its own settings.
     */
    public Topic<String, CreditHistory> creditHistoryChangelog(String applicationId) {
        return named(applicationId + "-" + TwinTopology.LEDGER_STORE + "-changelog", creditHistory);
    }

    /**
     * Every topic an instance writes Avro values to, in the order it registers their schemas at start: the
     * {@link #outputs} and the ledger-history table's changelog (the other stores use their own binary codecs).
     */
    public List<Topic<String, ?>> avroWrites(String applicationId, boolean scoring) {
        List<Topic<String, ?>> all = outputs(scoring);
        all.add(creditHistoryChangelog(applicationId));
        return all;
    }

    public List<Topic<?, ?>> all() {
        return List.of(telemetry, telemetryDlq, equipmentState, orderState, enterpriseState, health, forecast, credit, alerts,
                creditHistory);
    }
}
