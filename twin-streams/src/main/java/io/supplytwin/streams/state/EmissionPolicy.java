package io.supplytwin.streams.state;

import io.supplytwin.core.catalogue.Indicator;
import io.supplytwin.core.catalogue.IndicatorCatalogue;
import io.supplytwin.schemas.avro.EmitReason;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/**
 * Event-driven publication (seed 001): a twin publishes its state the first time, when an indicator moved beyond its
 * catalogue deadband from the value last published, or when an in-order reading arrives a heartbeat interval (event
 * time) after the last publication. Otherwise it stays quiet. Indicators the catalogue does not know have deadband 0.
 */
public final class EmissionPolicy {

    private final double[] deadbands; // by catalogue position (CatalogueIds)
    private final long heartbeatMs;

    /** @param deadbands deadband by indicator id; ids outside the standard catalogue have 0 whatever they say here */
    public EmissionPolicy(Map<String, Double> deadbands, Duration heartbeat) {
        this.deadbands = new double[CatalogueIds.size()];
        deadbands.forEach((id, band) -> {
            int position = CatalogueIds.indexOf(id);
            if (position >= 0) {
                this.deadbands[position] = band;
            }
        });
        this.heartbeatMs = heartbeat.toMillis();
    }

    public static EmissionPolicy of(IndicatorCatalogue catalogue, Duration heartbeat) {
        Map<String, Double> bands = new HashMap<>();
        for (Indicator i : catalogue.all()) {
            bands.put(i.id(), i.deadband());
        }
        return new EmissionPolicy(bands, heartbeat);
    }

    /** Why the twin should publish after a reading with this outcome, or null to stay quiet. */
    /** Event time after which an in-order reading publishes without a deadband move. */
    public long heartbeatMs() {
        return heartbeatMs;
    }

    public EmitReason decide(EntityTwin twin, ApplyOutcome outcome) {
        if (outcome == ApplyOutcome.TOO_LATE) {
            return null;
        }
        if (twin.neverPublished()) {
            return EmitReason.INITIAL;
        }
        if (twin.movedBeyondDeadband(deadbands)) {
            return EmitReason.DEADBAND;
        }
        if (outcome == ApplyOutcome.APPLIED && twin.sincePublished() >= heartbeatMs) {
            return EmitReason.HEARTBEAT;
        }
        return null;
    }
}
