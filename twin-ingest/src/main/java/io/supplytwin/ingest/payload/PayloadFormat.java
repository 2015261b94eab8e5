package io.supplytwin.ingest.payload;

import io.supplytwin.schemas.avro.TelemetrySource;

/** How a telemetry payload is encoded; decided by its topic. */
public enum PayloadFormat {
    JSON(TelemetrySource.JSON),
    SPARKPLUG_B(TelemetrySource.SPARKPLUG_B);

    private final TelemetrySource source;

    PayloadFormat(TelemetrySource source) {
        this.source = source;
    }

    public TelemetrySource source() {
        return source;
    }
}
