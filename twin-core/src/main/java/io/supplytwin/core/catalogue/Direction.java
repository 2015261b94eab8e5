package io.supplytwin.core.catalogue;

import java.util.Optional;

/** Which way an indicator is good: up, down, or close to a target within a tolerance. */
public enum Direction {
    HIGHER_BETTER("higher_better"),
    LOWER_BETTER("lower_better"),
    TARGET("target");

    private final String code;

    Direction(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }

    public static Optional<Direction> fromCode(String code) {
        for (Direction direction : values()) {
            if (direction.code.equals(code)) {
                return Optional.of(direction);
            }
        }
        return Optional.empty();
    }
}
