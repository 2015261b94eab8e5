package io.supplytwin.core.catalogue;

import java.util.Locale;
import java.util.Optional;

/** Which way an indicator is good: up, down, or close to a target within a tolerance. */
public enum Direction {
    HIGHER_BETTER,
    LOWER_BETTER,
    TARGET;

    /** The lower-case name used in the catalogue file. */
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<Direction> fromCode(String code) {
        return IndicatorRules.byCode(values(), code);
    }
}
