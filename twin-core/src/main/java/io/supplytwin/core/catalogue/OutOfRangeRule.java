package io.supplytwin.core.catalogue;

import java.util.Locale;
import java.util.Optional;

/** What happens to a reading outside the indicator's valid range. */
public enum OutOfRangeRule {
    /** Use the nearest range bound and flag the reading as clamped (e.g. a percentage of 100.3). */
    CLAMP,
    /** Drop the reading: it is physically implausible and most likely a sensor fault. */
    REJECT;

    /** The lower-case name used in the catalogue file. */
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<OutOfRangeRule> fromCode(String code) {
        return IndicatorRules.byCode(values(), code);
    }
}
