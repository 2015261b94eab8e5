package io.supplytwin.streams.state;

import io.supplytwin.ml.feature.RiskIndicators;
import io.supplytwin.ml.scoring.FaultRisk;
import io.supplytwin.schemas.avro.Alert;
import io.supplytwin.schemas.avro.DeadLetter;
import io.supplytwin.schemas.avro.EmitReason;
import io.supplytwin.schemas.avro.ForecastKind;
import io.supplytwin.schemas.avro.Severity;
import io.supplytwin.schemas.avro.TelemetryReading;
import io.supplytwin.schemas.avro.TwinLevel;
import io.supplytwin.streams.forecast.EquipmentSamples;
import io.supplytwin.streams.forecast.InStreamScoring;
import io.supplytwin.streams.metrics.TwinStreamsMetrics;
import io.supplytwin.streams.rollup.EnterpriseInput;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.processor.api.RecordMetadata;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Equipment, order and enterprise twins, keyed by entity id: applies each reading to the twin in its store, and
 * forwards (a) the twin's state when the {@link EmissionPolicy} says so, (b) the values its enterprise needs, keyed
 * by enterprise id, when such a value changed or the state was initial or a heartbeat, and (c) readings too late to
 * count, as dead letters (when enabled). Output values are {@link PublishedState}, {@link EnterpriseInput} or
 * {@link DeadLetter}; the topology splits them by type. A published twin is also snapshotted to its store's changelog;
 * other readings update the local store only, and a periodic sweep snapshots twins that went quiet and moves the
 * store's low-water mark ({@link EntityTwinStore}).
 */
public final class EntityTwinProcessor implements Processor<String, CompactReading, String, Object> {

    private static final Logger LOG = LoggerFactory.getLogger(EntityTwinProcessor.class);
    public static final String LATE_READING = "LATE_READING";
    public static final String FAULT_RISK = "EQUIPMENT_FAULT_RISK";
    private static final long FAULT_SAMPLE_MS = InStreamScoring.FAULT_SAMPLE_INTERVAL.toMillis();
    public static final String FAULT_RISK_CLEARED = "EQUIPMENT_FAULT_RISK_CLEARED";

    /** How often the sweep runs (wall clock), and how long it takes at most to visit every twin. */
    static final Duration SWEEP_EVERY = Duration.ofSeconds(5);
    static final Duration SWEEP_PASS = Duration.ofMinutes(5);
    private static final int SWEEP_MIN_BATCH = 1_000;

    private final String storeName;
    private final TwinRules rules;
    private final long heartbeatMs;
    private final boolean deadLetters;
    private final String sourceTopic;
    private final TwinStreamsMetrics metrics;
    private final FaultSampling fault;
    private ProcessorContext<String, Object> context;
    private EntityTwinStore store;
    private KeyValueStore<String, EquipmentSamples> samples;
    private boolean begun;
    private long nextOffset;
    private Bytes sweepCursor;
    private long sweepLowest = Long.MAX_VALUE;
    private long sweepStart;

    /** Where machines' 4-hourly samples are kept and who scores them; null when scoring is off. */
    public record FaultSampling(String storeName, InStreamScoring scoring) {
    }

    public EntityTwinProcessor(String storeName, TwinRules rules, boolean deadLetters, String sourceTopic,
                               TwinStreamsMetrics metrics, FaultSampling fault) {
        this.fault = fault;
        this.storeName = storeName;
        this.rules = rules;
        // a twin with readings not in its changelog and this far behind the stream went quiet: the sweep snapshots it
        this.heartbeatMs = rules.policy().heartbeatMs();
        this.deadLetters = deadLetters;
        this.sourceTopic = sourceTopic;
        this.metrics = metrics;
    }

    @Override
    public void init(ProcessorContext<String, Object> context) {
        this.context = context;
        this.store = EntityTwinStore.unwrap(context.getStateStore(storeName));
        if (fault != null) {
            this.samples = context.getStateStore(fault.storeName());
        }
        context.schedule(SWEEP_EVERY, PunctuationType.WALL_CLOCK_TIME, now -> sweep());
    }

    @Override
    public void process(Record<String, CompactReading> record) {
        CompactReading reading = record.value();
        if (reading == null || reading.entityId() == null) {
            return;
        }
        String key = record.key() != null ? record.key() : reading.entityId();
        long offset = context.recordMetadata().map(RecordMetadata::offset).orElse(nextOffset);
        if (!begun) {
            store.begin(offset);
            begun = true;
            sweepStart = offset;
        }
        nextOffset = offset + 1;
        EntityTwin twin = store.twinFor(key, reading);
        long time = reading.eventTime();
        long before = twin.latestEventTime();
        TwinRules.Step step = rules.advance(twin, reading);
        ApplyOutcome outcome = step.outcome();
        metrics.reading(outcome);
        if (outcome == ApplyOutcome.TOO_LATE) {
            lateReading(key, reading, twin, record.timestamp());
            return;
        }
        EmitReason reason = step.reason();
        if (reason != null) {
            Set<String> watched = rules.forwarded().apply(twin.level());
            PublishedState state = twin.toState(reason);
            long at = twin.latestEventTime();
            context.forward(new Record<String, Object>(key, state, at));
            metrics.state(twin.level(), reason);
            Map<String, Double> values = step.watchedChanged() || reason != EmitReason.DEADBAND ? twin.latest(watched) : Map.of();
            if (!values.isEmpty()) {
                context.forward(new Record<String, Object>(twin.enterpriseId(),
                        EnterpriseInput.twin(twin.entityId(), twin.level(), at, values), at));
            }
        }
        if (fault != null && outcome == ApplyOutcome.APPLIED && twin.level() == TwinLevel.EQUIPMENT) {
            if (twin.readings() <= 1 || Math.floorDiv(time, FAULT_SAMPLE_MS) > Math.floorDiv(before, FAULT_SAMPLE_MS)) {
                sampleForFault(key, twin, time);
            }
        }
        // a publication is a snapshot: the changelog has the twin as published, the readings after it are in telemetry
        store.put(key, twin, offset, reason != null);
    }

    /**
     * Part of a pass over every twin: a twin whose readings since its snapshot are a heartbeat (event time) behind the
     * stream went quiet without publishing, and is snapshotted now, so that its readings need not be kept for a
     * replay; the others' first unsnapshotted offsets give, at the end of the pass, the store's new low-water mark.
     */
    void sweep() {
        if (!begun) {
            return;
        }
        long batch = Math.max(SWEEP_MIN_BATCH, store.approximateNumEntries() * SWEEP_EVERY.toMillis() / SWEEP_PASS.toMillis());
        long streamTime = context.currentStreamTimeMs();
        boolean passDone = true;
        try (KeyValueIterator<Bytes, byte[]> it = store.rawFrom(sweepCursor)) {
            int visited = 0;
            while (it.hasNext()) {
                KeyValue<Bytes, byte[]> entry = it.next();
                if (EntityTwinStore.reserved(entry.key)) {
                    break;
                }
                if (entry.key.equals(sweepCursor)) {
                    continue;
                }
                if (visited++ >= batch) {
                    passDone = false;
                    break;
                }
                sweepCursor = entry.key;
                EntityTwin twin = EntityTwin.CODEC.decode(entry.value);
                if (twin.dirtySince() < 0) {
                    continue;
                }
                if (streamTime - twin.latestEventTime() >= heartbeatMs) {
                    store.snapshot(new String(entry.key.get(), StandardCharsets.UTF_8), twin);
                    metrics.quietSnapshot();
                } else {
                    sweepLowest = Math.min(sweepLowest, twin.dirtySince());
                }
            }
        }
        if (passDone) {
            store.lowWaterMark(Math.min(sweepLowest, sweepStart));
            sweepCursor = null;
            sweepLowest = Long.MAX_VALUE;
            sweepStart = nextOffset;
        }
    }

    /**
     * One sample per machine and 4 hours of event time (the fault model's cadence); with a full window, the fault risk
     * goes to twin.forecast, and an alert is raised when it crosses the model's threshold (and cleared below it).
     */
    private void sampleForFault(String key, EntityTwin twin, long time) {
        EquipmentSamples s = samples.get(key);
        if (s == null) {
            s = EquipmentSamples.empty();
        }
        s.add(twin.latest(RiskIndicators.EQUIPMENT));
        Optional<InStreamScoring.Scored> scored = fault.scoring().fault(twin.entityId(), twin.enterpriseId(), s.samples(),
                time, !s.alert());
        if (scored.isPresent()) {
            FaultRisk risk = scored.get().risk();
            context.forward(new Record<String, Object>(twin.entityId(), scored.get().record(), time));
            metrics.forecast(ForecastKind.EQUIPMENT_FAULT.name());
            if (risk.alert() != s.alert()) {
                String kind = risk.alert() ? FAULT_RISK : FAULT_RISK_CLEARED;
                String message = risk.alert()
                        ? String.format(Locale.ROOT, "Machine %s: failure within 48 h has probability %.2f (threshold %.2f)",
                        twin.entityId(), risk.probability(), risk.threshold())
                        : String.format(Locale.ROOT, "Machine %s: failure risk back to %.2f, under %.2f", twin.entityId(),
                        risk.probability(), risk.threshold());
                Alert alert = new Alert(twin.enterpriseId() + ":" + kind + ":" + twin.entityId() + ":" + time,
                        twin.enterpriseId(), twin.entityId(), Instant.ofEpochMilli(time),
                        risk.alert() ? Severity.WARNING : Severity.INFO, kind, message, risk.probability(), risk.threshold());
                context.forward(new Record<String, Object>(twin.enterpriseId(), alert, time));
                metrics.alert(kind);
                s.alert(risk.alert());
            }
        }
        samples.put(key, s);
    }

    private void lateReading(String key, CompactReading compact, EntityTwin twin, long timestamp) {
        LOG.debug("reading of {} at {} dropped: {} ms behind the twin's latest, grace {} ms", key,
                Instant.ofEpochMilli(compact.eventTime()), twin.latestEventTime() - compact.eventTime(), rules.graceMs());
        if (!deadLetters) {
            return;
        }
        TelemetryReading reading = compact.avro();
        ByteBuffer bytes;
        try {
            bytes = reading.toByteBuffer();
        } catch (IOException e) {
            bytes = ByteBuffer.allocate(0);
        }
        String detail = "event time " + reading.getEventTime() + " is more than " + rules.graceMs() + " ms behind the twin's latest "
                + Instant.ofEpochMilli(twin.latestEventTime());
        context.forward(new Record<String, Object>(key, new DeadLetter(sourceTopic, bytes, LATE_READING, detail,
                reading.getEventTime(), key), timestamp));
    }
}
