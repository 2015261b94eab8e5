package io.supplytwin.core.catalogue;

import java.util.Optional;

/** The twin granularity an indicator is reported at (seed 001's three modelling levels). */
public enum Level {
    ENTERPRISE("enterprise"),
    ORDER("order"),
    EQUIPMENT("equipment");

    private final String code;

    Level(String code) {
        this.code = code;
    }

    /** The lower-case name used in the catalogue file and in MQTT topics. */
    public String code() {
        return code;
    }

    public static Optional<Level> fromCode(String code) {
        for (Level level : values()) {
            if (level.code.equals(code)) {
                return Optional.of(level);
            }
        }
        return Optional.empty();
    }
}
