package io.supplytwin.core.catalogue;

import java.util.Locale;
import java.util.Optional;

/** The twin granularity an indicator is reported at (seed 001's three modelling levels). */
public enum Level {
    ENTERPRISE,
    ORDER,
    EQUIPMENT;

    /** The lower-case name used in the catalogue file and in MQTT topics. */
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<Level> fromCode(String code) {
        return IndicatorRules.byCode(values(), code);
    }
}
