package io.supplytwin.ingest.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.supplytwin.ingest.clean.RejectReason;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

/**
 * The bridge's meters, all named {@code supplytwin.ingest.*} and tagged {@code service=ingest}. Messages are counted
 * once as received and then as accepted or rejected (by reason); values dropped from accepted messages are counted
 * separately by reason.
 */
public final class IngestMetrics {

    public static final String PREFIX = "supplytwin.ingest.";
    private static final String SERVICE = "ingest";

    private final Counter receivedJson;
    private final Counter receivedSparkplug;
    private final Counter receivedOther;
    private final Counter accepted;
    private final Counter clamped;
    private final Counter deadLettered;
    private final Counter produceRetries;
    private final Map<RejectReason, Counter> rejected = new EnumMap<>(RejectReason.class);
    private final Map<RejectReason, Counter> droppedValues = new EnumMap<>(RejectReason.class);
    private final AtomicInteger inFlight = new AtomicInteger();
    private final Timer produceLatency;
    private final Timer bridgeLatency;
    private final Timer eventLatency;
    private final Map<String, Double> lastSummary = new java.util.HashMap<>();

    public IngestMetrics(MeterRegistry registry) {
        receivedJson = counter(registry, "received", "messages received from MQTT", "format", "JSON");
        receivedSparkplug = counter(registry, "received", "messages received from MQTT", "format", "SPARKPLUG_B");
        receivedOther = counter(registry, "received", "messages received from MQTT", "format", "UNKNOWN");
        accepted = counter(registry, "accepted", "messages published to twin.telemetry (possibly with values dropped)");
        clamped = counter(registry, "values.clamped", "values clamped to their indicator's range and flagged");
        deadLettered = counter(registry, "dead-lettered", "dead-letter records written to twin.telemetry.dlq");
        produceRetries = counter(registry, "produce.retries", "records sent again after Kafka did not acknowledge them in time");
        for (RejectReason reason : RejectReason.values()) {
            rejected.put(reason, counter(registry, "rejected", "messages not accepted, by reason", "reason", reason.name()));
            droppedValues.put(reason, counter(registry, "values.dropped", "values dropped, by reason", "reason", reason.name()));
        }
        registry.gauge(PREFIX + "in-flight", io.micrometer.core.instrument.Tags.of("service", SERVICE), inFlight);
        produceLatency = timer(registry, "produce.latency", "Kafka send to Kafka acknowledgement");
        bridgeLatency = timer(registry, "latency", "MQTT message received to Kafka acknowledgement (then the MQTT ack)");
        eventLatency = timer(registry, "event.latency", "reading timestamp to Kafka acknowledgement (gateway clock to bridge clock)");
    }

    private static Counter counter(MeterRegistry registry, String name, String description, String... tags) {
        return Counter.builder(PREFIX + name).description(description).tag("service", SERVICE).tags(tags).register(registry);
    }

    private static Timer timer(MeterRegistry registry, String name, String description) {
        return Timer.builder(PREFIX + name).description(description).tag("service", SERVICE)
                .publishPercentiles(0.5, 0.99).publishPercentileHistogram()
                .minimumExpectedValue(Duration.ofMillis(1)).maximumExpectedValue(Duration.ofMinutes(5))
                .register(registry);
    }

    public void received(String format) {
        if ("JSON".equals(format)) {
            receivedJson.increment();
        } else if ("SPARKPLUG_B".equals(format)) {
            receivedSparkplug.increment();
        } else {
            receivedOther.increment();
        }
    }

    public void accepted(int clampedValues) {
        accepted.increment();
        if (clampedValues > 0) {
            clamped.increment(clampedValues);
        }
    }

    public void rejected(RejectReason reason) {
        rejected.get(reason).increment();
    }

    public void droppedValue(RejectReason reason) {
        droppedValues.get(reason).increment();
    }

    public void deadLettered() {
        deadLettered.increment();
    }

    public void produceRetry() {
        produceRetries.increment();
    }

    public AtomicInteger inFlight() {
        return inFlight;
    }

    public void produced(long sentNanos, long ackNanos) {
        produceLatency.record(ackNanos - sentNanos, TimeUnit.NANOSECONDS);
    }

    public void delivered(long receivedNanos, long ackNanos, long eventMillis, long ackMillis) {
        bridgeLatency.record(ackNanos - receivedNanos, TimeUnit.NANOSECONDS);
        if (eventMillis > 0 && ackMillis >= eventMillis) {
            eventLatency.record(ackMillis - eventMillis, TimeUnit.MILLISECONDS);
        }
    }

    public double receivedCount() {
        return receivedJson.count() + receivedSparkplug.count() + receivedOther.count();
    }

    public double acceptedCount() {
        return accepted.count();
    }

    public double rejectedCount(RejectReason reason) {
        return rejected.get(reason).count();
    }

    public double droppedValueCount(RejectReason reason) {
        return droppedValues.get(reason).count();
    }

    public Timer eventLatency() {
        return eventLatency;
    }

    public Timer bridgeLatency() {
        return bridgeLatency;
    }

    /** One line: counts since the previous summary, rejections by reason, in flight, latency percentiles. */
    public synchronized String summary(Duration interval) {
        double received = delta("received", receivedCount());
        double ok = delta("accepted", acceptedCount());
        String reasons = rejected.entrySet().stream()
                .map(e -> Map.entry(e.getKey(), delta("rejected." + e.getKey(), e.getValue().count())))
                .filter(e -> e.getValue() > 0)
                .map(e -> e.getKey() + "=" + (long) (double) e.getValue())
                .collect(Collectors.joining(",", "{", "}"));
        double dropped = delta("dropped", droppedValues.values().stream().mapToDouble(Counter::count).sum());
        var snapshot = bridgeLatency.takeSnapshot();
        double p50 = 0;
        double p99 = 0;
        for (var v : snapshot.percentileValues()) {
            if (v.percentile() == 0.5) {
                p50 = v.value(TimeUnit.MILLISECONDS);
            } else if (v.percentile() == 0.99) {
                p99 = v.value(TimeUnit.MILLISECONDS);
            }
        }
        return String.format(Locale.ROOT, "ingest last %ds: received=%d (%.1f/s) accepted=%d rejected=%s valuesDropped=%d inFlight=%d "
                        + "latencyP50=%.1fms latencyP99=%.1fms", interval.toSeconds(), (long) received,
                received / Math.max(1, interval.toMillis() / 1000.0), (long) ok, reasons, (long) dropped, inFlight.get(), p50, p99);
    }

    private double delta(String key, double now) {
        Double before = lastSummary.put(key, now);
        return now - (before == null ? 0 : before);
    }
}
