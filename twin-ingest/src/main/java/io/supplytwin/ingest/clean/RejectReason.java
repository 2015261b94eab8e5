package io.supplytwin.ingest.clean;

/**
 * Why input, or a value inside it, was not accepted. The name is the {@code reason} of the dead-letter record and the
 * {@code reason} tag of the rejection counters.
 */
public enum RejectReason {
    /** The topic is not a telemetry topic the bridge understands, or names an unknown level. */
    BAD_TOPIC(true),
    /** Not JSON / not a Sparkplug B payload, or a required field ({@code ts}, {@code seq}, {@code values}) is missing or of the wrong type. */
    MALFORMED_PAYLOAD(true),
    /** The payload names an enterprise, level or entity other than its topic. */
    TOPIC_MISMATCH(true),
    /** Timestamped further ahead of the bridge's clock than {@code ingest.max-future-skew}. */
    FUTURE_TIMESTAMP(true),
    /** Older than {@code ingest.max-age}. */
    STALE_TIMESTAMP(true),
    /** The same (entity, seq) was accepted before, inside the duplicate window. */
    DUPLICATE(true),
    /** An indicator id the catalogue does not know. */
    UNKNOWN_INDICATOR(false),
    /** A value that is not a finite number (string, boolean, null, object, NaN). */
    NOT_NUMERIC(false),
    /** Outside the indicator's range, and the catalogue says reject rather than clamp. */
    OUT_OF_RANGE(false),
    /** An indicator reported by an entity of another level than the catalogue's. */
    WRONG_LEVEL(false),
    /** Kafka refused the record for good (e.g. too large); retriable errors are retried, never dead-lettered. */
    KAFKA_REJECTED(true);

    private final boolean wholeMessage;

    RejectReason(boolean wholeMessage) {
        this.wholeMessage = wholeMessage;
    }

    /** True when the reason concerns the whole message; false when it concerns one value of it. */
    public boolean wholeMessage() {
        return wholeMessage;
    }
}
