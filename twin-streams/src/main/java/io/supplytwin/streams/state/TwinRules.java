package io.supplytwin.streams.state;

import io.supplytwin.schemas.avro.EmitReason;
import io.supplytwin.schemas.avro.TwinLevel;
import java.util.Set;
import java.util.function.Function;

/**
 * How a reading moves an entity twin: applied at its event time within the grace period, then published when the
 * {@link EmissionPolicy} says so. The processor and the replay after a restore ({@link TwinReplay}) both step twins
 * with this, so a twin rebuilt from a snapshot and the readings after it equals the one that never stopped.
 *
 * @param forwarded indicators each level passes to its enterprise
 * @param alpha     weight of a new reading in the exponentially weighted statistics
 */
public record TwinRules(EmissionPolicy policy, double alpha, long graceMs, Function<TwinLevel, Set<String>> forwarded) {

    /**
     * What one reading did.
     *
     * @param reason         why the twin was published, null when it was not
     * @param watchedChanged with a publication: whether an indicator its enterprise watches changed its published value
     */
    public record Step(ApplyOutcome outcome, EmitReason reason, boolean watchedChanged) {
    }

    /** @param statsWindow N of the exponentially weighted statistics, alpha = 2/(N+1) */
    public static TwinRules of(EmissionPolicy policy, int statsWindow, long graceMs, Function<TwinLevel, Set<String>> forwarded) {
        return new TwinRules(policy, 2.0 / (statsWindow + 1), graceMs, forwarded);
    }

    public Step advance(EntityTwin twin, CompactReading reading) {
        ApplyOutcome outcome = twin.apply(reading, alpha, graceMs);
        if (outcome == ApplyOutcome.TOO_LATE) {
            return new Step(outcome, null, false);
        }
        EmitReason reason = policy.decide(twin, outcome);
        boolean changed = reason != null && twin.markPublished(forwarded.apply(twin.level()));
        return new Step(outcome, reason, changed);
    }
}
