package io.supplytwin.sim.gateway;

import io.supplytwin.ingest.payload.TelemetryPayloads;
import io.supplytwin.sim.model.Reading;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;

/** How a simulated gateway puts a reading on the wire; topics and payloads are the bridge's own contract. */
public enum PayloadEncoding {
    /** {@code twin/v1/{enterprise}/{level}/{entity}/telemetry} with {"ts", "seq", "values"}. */
    JSON,
    /** {@code spBv1.0/{enterprise}/DDATA/{level}/{entity}}, one Double metric per indicator, named by its id. */
    SPARKPLUG;

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<PayloadEncoding> fromCode(String code) {
        for (PayloadEncoding e : values()) {
            if (e.code().equalsIgnoreCase(code.trim())) {
                return Optional.of(e);
            }
        }
        return Optional.empty();
    }

    public String topic(Reading r) {
        return this == JSON ? TelemetryPayloads.jsonTopic(r.enterpriseId(), r.level(), r.entityId())
                : TelemetryPayloads.sparkplugTopic(r.enterpriseId(), r.level(), r.entityId());
    }

    /** Sparkplug's seq is one byte on the wire (0..255), so it wraps there as a real edge node's would. */
    public byte[] payload(Reading r, Instant ts) {
        return this == JSON ? TelemetryPayloads.json(ts, r.seq(), r.values())
                : TelemetryPayloads.sparkplug(ts, r.seq() % 256, r.values());
    }
}
