package io.supplytwin.streams.topology;

import io.supplytwin.core.catalogue.IndicatorCatalogue;
import io.supplytwin.core.health.HealthModel;
import io.supplytwin.core.network.SupplyNetwork;
import io.supplytwin.schemas.avro.Alert;
import io.supplytwin.schemas.avro.CreditAssessment;
import io.supplytwin.schemas.avro.CreditHistory;
import io.supplytwin.schemas.avro.DeadLetter;
import io.supplytwin.schemas.avro.Forecast;
import io.supplytwin.schemas.avro.ForecastKind;
import io.supplytwin.schemas.avro.HealthIndex;
import io.supplytwin.schemas.avro.TelemetryReading;
import io.supplytwin.schemas.avro.TwinLevel;
import io.supplytwin.schemas.avro.TwinState;
import io.supplytwin.schemas.registry.client.SchemaRegistryClient;
import io.supplytwin.schemas.serde.AvroSerializer;
import io.supplytwin.schemas.topic.Topic;
import io.supplytwin.streams.TwinStreamsConfig;
import io.supplytwin.streams.credit.CreditScorer;
import io.supplytwin.streams.health.HealthAlerts;
import io.supplytwin.streams.health.HealthRollUp;
import io.supplytwin.streams.metrics.TwinStreamsMetrics;
import io.supplytwin.streams.rollup.EnterpriseInput;
import io.supplytwin.streams.rollup.EnterpriseProcessor;
import io.supplytwin.streams.rollup.EnterpriseTwin;
import io.supplytwin.streams.state.CompactReading;
import io.supplytwin.streams.state.CompactReadingDeserializer;
import io.supplytwin.streams.state.EmissionPolicy;
import io.supplytwin.streams.state.EntityTwin;
import io.supplytwin.streams.state.EntityTwinProcessor;
import io.supplytwin.streams.state.EntityTwinStore;
import io.supplytwin.streams.state.PublishedState;
import io.supplytwin.streams.state.TwinReplay;
import io.supplytwin.streams.state.TwinRules;
import io.supplytwin.streams.state.WriteBehind;
import io.supplytwin.streams.forecast.DailyObservations;
import io.supplytwin.streams.forecast.EnterpriseDays;
import io.supplytwin.streams.forecast.EquipmentSamples;
import io.supplytwin.streams.forecast.InStreamScoring;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Branched;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.KTable;
import org.apache.kafka.streams.kstream.Materialized;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.kstream.Repartitioned;
import org.apache.kafka.streams.state.Stores;

/**
 * The twin topology.
 *
 * <pre>
 * telemetry ──(event time)──▶ entity-twins [store twin-entities, key entityId; changelog: snapshots]
 *     ├─▶ twin.state.equipment | twin.state.order | twin.state.enterprise   (deadband / heartbeat / initial)
 *     ├─▶ twin.telemetry.dlq                                               (too late)
 *     └─▶ roll-up values ─┐
 * forecast ─(RISK)─▶ P ───┴─▶ repartition by enterprise id ─┐
 * ledger.credit-history ─▶ KTable [store ledger-credit-history] ─┴─▶ enterprise-twins [store twin-enterprises]
 *     ├─▶ twin.health   ├─▶ twin.alerts   └─▶ twin.credit
 * </pre>
 */
public final class TwinTopology {

    /** Equipment, order and enterprise twins by entity id. */
    public static final String ENTITY_STORE = "twin-entities";
    /** Roll-up inputs, health, alerts, risk, history and credit by enterprise id. */
    public static final String ENTERPRISE_STORE = "twin-enterprises";
    /** Enterprise twins changed since the task's last commit, in front of {@link #ENTERPRISE_STORE} (in memory). */
    public static final String ENTERPRISE_PENDING = "twin-enterprises-pending";
    /** Most enterprise twins held between commits before the one used longest ago is written through. */
    static final int PENDING_ENTERPRISES = 4_096;
    /** The ledger's credit history by enterprise id. */
    public static final String LEDGER_STORE = "ledger-credit-history";
    /** Name of the repartition step (its topic is {@code <application id>-enterprise-inputs-repartition}). */
    public static final String ENTERPRISE_INPUTS = "enterprise-inputs";
    /** Closed days of each enterprise, the scorer's input (only when scoring). */
    public static final String DAYS_STORE = "twin-enterprise-days";
    /** 4-hourly samples of each machine, the fault model's input (only when scoring). */
    public static final String FAULT_SAMPLES_STORE = "twin-equipment-samples";

    private TwinTopology() {
    }

    /**
     * @param scoring the scorer to call per enterprise and day and per machine and 4 hours; null: no scoring
     */
    public static Topology build(TwinStreamsConfig config, SchemaRegistryClient registry, StreamsTopics topics,
                                 SupplyNetwork network, TwinStreamsMetrics metrics, InStreamScoring scoring) {
        return build(config, registry, topics, network, metrics, scoring, null);
    }

    /**
     * @param replay what brings restored entity twins up to the committed input, given the topology's rules here; the
     *               instance must install it as its global restore listener. Null: no replay (a test driver, which
     *               never restores).
     */
    public static Topology build(TwinStreamsConfig config, SchemaRegistryClient registry, StreamsTopics topics,
                                 SupplyNetwork network, TwinStreamsMetrics metrics, InStreamScoring scoring,
                                 TwinReplay replay) {
        IndicatorCatalogue catalogue = IndicatorCatalogue.standard();
        Set<String> extra = new TreeSet<>(List.of(CreditScorer.MONTHLY_REVENUE));
        if (scoring != null) {
            extra.addAll(DailyObservations.INDICATORS);
        }
        HealthRollUp rollUp = new HealthRollUp(HealthModel.standard(), extra);
        EmissionPolicy policy = EmissionPolicy.of(catalogue, config.heartbeat());
        HealthAlerts alerts = new HealthAlerts(config.healthAlertThreshold(), config.healthDropAlert());
        CreditScorer scorer = new CreditScorer(config, network, catalogue);

        StreamsBuilder builder = new StreamsBuilder();
        TwinRules rules = TwinRules.of(policy, config.statsWindow(), config.grace().toMillis(), rollUp::forwarded);
        if (replay != null) {
            replay.rules(rules);
        }
        // Entity twins are read and written once per reading, minutes apart: a record cache would only churn, and one
        // holding every twin cost the collector more than it saved the stream thread (docs/performance.md). Their
        // changelog takes a twin when it is published; the readings in between are replayed from telemetry after a
        // restore (EntityTwinStore). An enterprise is changed by each of its ~20 children's publications, which its
        // gateway sends together: held as an object between commits (WriteBehind), it is decoded, encoded, stored and
        // logged once per commit interval instead of once per child.
        builder.addStateStore(EntityTwinStore.builder(ENTITY_STORE, replay));
        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(ENTERPRISE_STORE), Serdes.String(),
                EnterpriseTwin.CODEC.serde()));
        builder.addStateStore(WriteBehind.<EnterpriseTwin>builder(ENTERPRISE_PENDING, PENDING_ENTERPRISES));
        if (scoring != null) {
            builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(DAYS_STORE), Serdes.String(),
                    EnterpriseDays.CODEC.serde()));
            builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(FAULT_SAMPLES_STORE),
                    Serdes.String(), EquipmentSamples.CODEC.serde()));
        }
        EntityTwinProcessor.FaultSampling faults = scoring == null ? null
                : new EntityTwinProcessor.FaultSampling(FAULT_SAMPLES_STORE, scoring);
        EnterpriseProcessor.DailyScoring daily = scoring == null ? null
                : new EnterpriseProcessor.DailyScoring(DAYS_STORE, config.scoringDay().toMillis(), scoring);
        String[] entityStores = scoring == null ? new String[] {ENTITY_STORE} : new String[] {ENTITY_STORE, FAULT_SAMPLES_STORE};
        String[] enterpriseStores = scoring == null ? new String[] {ENTERPRISE_STORE, ENTERPRISE_PENDING}
                : new String[] {ENTERPRISE_STORE, ENTERPRISE_PENDING, DAYS_STORE};

        // the twin reads telemetry into arrays by catalogue position, not Avro's class (CompactReadingDeserializer)
        KStream<String, CompactReading> telemetry = builder.stream(topics.telemetry().name(),
                Consumed.with(topics.telemetry().keySerde(registry), CompactReadingDeserializer.serde(registry))
                        .withTimestampExtractor(new ReadingTimestampExtractor()).withName("telemetry"));
        String source = topics.telemetry().name();
        KStream<String, Object> twinOut = telemetry.process(() -> new EntityTwinProcessor(ENTITY_STORE, rules,
                        config.lateToDeadLetter(), source, metrics, faults), Named.as("entity-twins"), entityStores);

        KStream<String, EnterpriseInput> rollUpValues = twinOut.filter((k, v) -> v instanceof EnterpriseInput,
                Named.as("roll-up-values")).mapValues(v -> (EnterpriseInput) v);
        twinOut.filter((k, v) -> v instanceof DeadLetter, Named.as("late-readings")).mapValues(v -> (DeadLetter) v)
                .to(topics.telemetryDlq().name(), produced(topics.telemetryDlq(), registry));
        // states are written from the twin's columns (PublishedState), under TwinState's schema and subject
        KStream<String, PublishedState> states = twinOut.filter((k, v) -> v instanceof PublishedState, Named.as("twin-states"))
                .mapValues(v -> (PublishedState) v);
        states.split(Named.as("state-"))
                .branch((k, v) -> v.level() == TwinLevel.EQUIPMENT,
                        Branched.withConsumer(s -> s.to(topics.equipmentState().name(), producedState(topics.equipmentState(), registry))))
                .branch((k, v) -> v.level() == TwinLevel.ORDER,
                        Branched.withConsumer(s -> s.to(topics.orderState().name(), producedState(topics.orderState(), registry))))
                .defaultBranch(Branched.withConsumer(s -> s.to(topics.enterpriseState().name(),
                        producedState(topics.enterpriseState(), registry))));

        KStream<String, EnterpriseInput> risks = builder.stream(topics.forecast().name(),
                        Consumed.with(topics.forecast().keySerde(registry), topics.forecast().valueSerde(registry))
                                .withName("forecasts"))
                .filter((k, f) -> f != null && f.getKind() == ForecastKind.RISK && f.getProbability() != null
                        && f.getEnterpriseId() != null, Named.as("risk-forecasts"))
                .map((k, f) -> org.apache.kafka.streams.KeyValue.pair(f.getEnterpriseId(), risk(f)), Named.as("risk-by-enterprise"));

        KStream<String, EnterpriseInput> byEnterprise = rollUpValues.merge(risks, Named.as("enterprise-inputs-merged"))
                .repartition(Repartitioned.<String, EnterpriseInput>as(ENTERPRISE_INPUTS)
                        .withKeySerde(Serdes.String()).withValueSerde(EnterpriseInput.CODEC.serde())
                        .withNumberOfPartitions(topics.creditHistory().partitions()));

        KTable<String, CreditHistory> history = builder.table(topics.creditHistory().name(),
                Consumed.with(topics.creditHistory().keySerde(registry), topics.creditHistory().valueSerde(registry))
                        .withName("ledger-history"),
                Materialized.<String, CreditHistory, org.apache.kafka.streams.state.KeyValueStore<org.apache.kafka.common.utils.Bytes, byte[]>>as(LEDGER_STORE)
                        .withKeySerde(topics.creditHistory().keySerde(registry))
                        .withValueSerde(topics.creditHistory().valueSerde(registry)));
        KStream<String, EnterpriseInput> histories = history.toStream(Named.as("ledger-history-changes"))
                .mapValues((k, h) -> EnterpriseInput.history(h, h == null ? 0 : h.getUpdatedAt().toEpochMilli()),
                        Named.as("history-input"));

        KStream<String, SpecificRecord> enterpriseOut = byEnterprise.merge(histories, Named.as("enterprise-and-ledger"))
                .process(() -> new EnterpriseProcessor(ENTERPRISE_STORE, ENTERPRISE_PENDING, rollUp, alerts, scorer, config.healthMinCoverage(),
                        config.healthDropWindow().toMillis(), metrics, daily), Named.as("enterprise-twins"), enterpriseStores);
        enterpriseOut.filter((k, v) -> v instanceof HealthIndex, Named.as("health-out")).mapValues(v -> (HealthIndex) v)
                .to(topics.health().name(), produced(topics.health(), registry));
        enterpriseOut.filter((k, v) -> v instanceof Alert, Named.as("alerts-out")).mapValues(v -> (Alert) v)
                .to(topics.alerts().name(), produced(topics.alerts(), registry));
        enterpriseOut.filter((k, v) -> v instanceof CreditAssessment, Named.as("credit-out"))
                .mapValues(v -> (CreditAssessment) v).to(topics.credit().name(), produced(topics.credit(), registry));
        if (scoring != null) {
            Produced<String, Forecast> toForecasts = produced(topics.forecast(), registry);
            twinOut.filter((k, v) -> v instanceof Forecast, Named.as("fault-forecasts")).mapValues(v -> (Forecast) v)
                    .to(topics.forecast().name(), toForecasts.withName("faults-to-" + topics.forecast().name()));
            twinOut.filter((k, v) -> v instanceof Alert, Named.as("fault-alerts")).mapValues(v -> (Alert) v)
                    .to(topics.alerts().name(), produced(topics.alerts(), registry).withName("faults-to-" + topics.alerts().name()));
            enterpriseOut.filter((k, v) -> v instanceof Forecast, Named.as("daily-forecasts")).mapValues(v -> (Forecast) v)
                    .to(topics.forecast().name(), produced(topics.forecast(), registry));
        }
        return builder.build();
    }

    private static EnterpriseInput risk(Forecast f) {
        return EnterpriseInput.risk(f.getEntityId(), f.getTime().toEpochMilli(), f.getProbability(),
                f.getModel() + " " + f.getModelVersion());
    }

    private static <V> Produced<String, V> produced(Topic<String, V> topic, SchemaRegistryClient registry) {
        return Produced.with(topic.keySerde(registry), topic.valueSerde(registry)).withName("to-" + topic.name());
    }

    /**
     * A state topic's sink for published states: the topic's own serdes. Its Avro serializer writes any record by
     * the schema the record names, so it takes a {@link PublishedState} (which names TwinState's) as it is.
     */
    private static Produced<String, PublishedState> producedState(Topic<String, TwinState> topic, SchemaRegistryClient registry) {
        Serializer<TwinState> records = topic.valueSerde(registry).serializer();
        if (!(records instanceof AvroSerializer<?>)) {
            throw new IllegalStateException("the values of " + topic.name() + " are written by "
                    + records.getClass().getName() + ", which cannot write a published state");
        }
        @SuppressWarnings("unchecked")
        Serializer<PublishedState> states = (Serializer<PublishedState>) (Serializer<?>) records;
        return Produced.with(topic.keySerde(registry), Serdes.serdeFrom(states, (t, bytes) -> {
            throw new UnsupportedOperationException("published states are written to " + t + ", read as TwinState");
        })).withName("to-" + topic.name());
    }

    /**
     * A pass-through topology over the same input (read with the same event-time extractor, deserialise, serialise,
     * write): the benchmark's baseline.
     */
    public static Topology passThrough(SchemaRegistryClient registry, Topic<String, TelemetryReading> in,
                                       Topic<String, TelemetryReading> out, java.util.concurrent.atomic.LongAdder processed) {
        StreamsBuilder builder = new StreamsBuilder();
        builder.stream(in.name(), Consumed.with(in.keySerde(registry), in.valueSerde(registry))
                        .withTimestampExtractor(new ReadingTimestampExtractor()))
                .peek((k, v) -> processed.increment())
                .to(out.name(), Produced.with(out.keySerde(registry), out.valueSerde(registry)));
        return builder.build();
    }
}
