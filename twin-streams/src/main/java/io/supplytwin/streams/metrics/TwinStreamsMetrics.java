package io.supplytwin.streams.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.concurrent.TimeUnit;
import io.supplytwin.schemas.avro.EmitReason;
import io.supplytwin.schemas.avro.TwinLevel;
import io.supplytwin.streams.state.ApplyOutcome;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * What the twin did, as Micrometer meters: readings in (by outcome), states out (by level and reason), the emission
 * ratio (states out per reading in: the event-driven reduction), health indices, credit assessments and alerts.
 * Counted as records are processed; under exactly-once a batch that is retried after a crash counts again.
 */
public final class TwinStreamsMetrics {

    private final MeterRegistry registry;
    private final Map<ApplyOutcome, Counter> readings = new EnumMap<>(ApplyOutcome.class);
    private final Map<String, Counter> states = new ConcurrentHashMap<>();
    private final Map<String, Counter> alerts = new ConcurrentHashMap<>();
    private final Map<String, Timer> scoring = new ConcurrentHashMap<>();
    private final Map<String, Counter> scoringSkipped = new ConcurrentHashMap<>();
    private final Map<String, Counter> forecasts = new ConcurrentHashMap<>();
    private final Map<String, Counter> rejected = new ConcurrentHashMap<>();
    private final LongAdder readingsIn = new LongAdder();
    private final LongAdder statesOut = new LongAdder();
    private final Counter health;
    private final Counter credit;
    private final Counter quietSnapshots;
    private final Counter replayed;

    public TwinStreamsMetrics(MeterRegistry registry) {
        this.registry = registry;
        for (ApplyOutcome outcome : ApplyOutcome.values()) {
            readings.put(outcome, Counter.builder("supplytwin.streams.readings").tag("outcome", outcome.name().toLowerCase())
                    .description("Telemetry readings taken by the twins, by outcome (applied, late_applied, too_late)")
                    .register(registry));
        }
        health = Counter.builder("supplytwin.streams.health").description("Health indices published").register(registry);
        credit = Counter.builder("supplytwin.streams.credit").description("Credit assessments published").register(registry);
        quietSnapshots = Counter.builder("supplytwin.streams.snapshots.quiet")
                .description("Entity twins written to their changelog without a publication, having gone quiet a heartbeat")
                .register(registry);
        replayed = Counter.builder("supplytwin.streams.replayed")
                .description("Readings applied again after a restore, to twins whose snapshot they were newer than")
                .register(registry);
        Gauge.builder("supplytwin.streams.emission.ratio", this, TwinStreamsMetrics::emissionRatio)
                .description("Twin states published per reading taken; 1 minus this is the event-driven reduction")
                .register(registry);
    }

    public void reading(ApplyOutcome outcome) {
        readings.get(outcome).increment();
        readingsIn.increment();
    }

    public void state(TwinLevel level, EmitReason reason) {
        states.computeIfAbsent(level + "/" + reason, k -> Counter.builder("supplytwin.streams.states")
                .tag("level", level.name().toLowerCase()).tag("reason", reason.name().toLowerCase())
                .description("Twin states published, by level and reason (initial, deadband, heartbeat)")
                .register(registry)).increment();
        statesOut.increment();
    }

    public void quietSnapshot() {
        quietSnapshots.increment();
    }

    public void replayed(long readings) {
        replayed.increment(readings);
    }

    /** Readings applied again after restores, since start. */
    public double replayedReadings() {
        return replayed.count();
    }

    public void health() {
        health.increment();
    }

    public void credit() {
        credit.increment();
    }

    public void alert(String kind) {
        alerts.computeIfAbsent(kind, k -> Counter.builder("supplytwin.streams.alerts").tag("kind", k)
                .description("Alerts raised, by kind").register(registry)).increment();
    }

    /** One scoring call: what it scored (forecast, fault), with which model and version, and how long it took. */
    public void scored(String kind, String model, String version, long nanos) {
        scoring.computeIfAbsent(kind + "/" + model + "/" + version, k -> Timer.builder("supplytwin.scoring.latency")
                .tag("kind", kind).tag("model", model).tag("version", version)
                .description("Latency of one in-stream scoring call (forecast with order and P, or equipment fault risk), "
                        + "by kind, model and model version")
                .publishPercentiles(0.5, 0.99).register(registry)).record(nanos, TimeUnit.NANOSECONDS);
    }

    /** A scoring call that did not happen: history too short, a value not finite, or the scorer failed. */
    public void scoringSkipped(String reason) {
        scoringSkipped.computeIfAbsent(reason, k -> Counter.builder("supplytwin.scoring.skipped").tag("reason", k)
                .description("Enterprise days or equipment samples not scored, by reason (short, not_finite, error)")
                .register(registry)).increment();
    }

    /** A record published to twin.forecast, by kind. */
    public void forecast(String kind) {
        forecasts.computeIfAbsent(kind, k -> Counter.builder("supplytwin.streams.forecasts").tag("kind", k)
                .description("Records published to twin.forecast, by kind (DEMAND, ORDERS, RISK, EQUIPMENT_FAULT)")
                .register(registry)).increment();
    }

    /**
     * An input record the twin could not read, by topic and reason ({@code NO_MAGIC_BYTE}, {@code UNDECODABLE}, ...).
     *
     * @return how many of this topic and reason so far
     */
    public long rejected(String topic, String reason) {
        Counter c = rejected.computeIfAbsent(topic + "/" + reason, k -> Counter.builder("supplytwin.streams.rejected")
                .tag("topic", topic).tag("reason", reason)
                .description("Input records the twin could not read, by topic and reason: telemetry ones go to the "
                        + "telemetry dead-letter topic, forecast and ledger ones are skipped")
                .register(registry));
        c.increment();
        return (long) c.count();
    }

    public long forecasts(String kind) {
        Counter c = forecasts.get(kind);
        return c == null ? 0 : (long) c.count();
    }

    /** Readings taken so far (all outcomes). */
    public long readingsIn() {
        return readingsIn.sum();
    }

    /** Twin states published so far. */
    public long statesOut() {
        return statesOut.sum();
    }

    public long readings(ApplyOutcome outcome) {
        return (long) readings.get(outcome).count();
    }

    /** States out per reading in; 0 before the first reading. */
    public double emissionRatio() {
        long in = readingsIn();
        return in == 0 ? 0 : (double) statesOut() / in;
    }

    public MeterRegistry registry() {
        return registry;
    }
}
