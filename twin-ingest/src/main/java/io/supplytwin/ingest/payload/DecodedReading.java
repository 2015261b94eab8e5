package io.supplytwin.ingest.payload;

import java.time.Instant;
import java.util.Collections;
import java.util.Map;
import java.util.Objects;

/**
 * A payload decoded but not yet cleaned: its address (from the topic), sequence number, measurement time, the numeric
 * values and, separately, the values that were not numbers (id → what they were), which cleaning counts and drops.
 * The decoder hands its freshly built maps over (they are wrapped read-only, not copied: this is the per-message path).
 */
public record DecodedReading(TopicAddress address, long seq, Instant eventTime, Map<String, Double> values,
        Map<String, String> nonNumeric) {

    public DecodedReading {
        Objects.requireNonNull(address, "address");
        Objects.requireNonNull(eventTime, "eventTime");
        values = Collections.unmodifiableMap(values);
        nonNumeric = Collections.unmodifiableMap(nonNumeric);
    }
}
