package io.supplytwin.core.health;

import io.supplytwin.core.catalogue.Indicator;
import io.supplytwin.core.catalogue.Level;

import java.util.Objects;

/**
 * One of the 12 indicators the health index is built from.
 *
 * @param scoredBy enterprise-level catalogue row whose range and direction turn the value into a score
 * @param rollUp   where the value comes from
 */
public record KeyIndicator(String id, String name, Indicator scoredBy, RollUp rollUp) {
    public KeyIndicator {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(scoredBy, "scoredBy");
        Objects.requireNonNull(rollUp, "rollUp");
        if (scoredBy.level() != Level.ENTERPRISE) {
            throw new IllegalArgumentException("key indicator " + id + " must be scored by an enterprise-level"
                    + " indicator, not " + scoredBy.id() + " (" + scoredBy.level().code() + ")");
        }
    }
}
