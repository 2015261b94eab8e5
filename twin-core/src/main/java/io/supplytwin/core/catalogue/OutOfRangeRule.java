package io.supplytwin.core.catalogue;

import java.util.Optional;

/** What happens to a reading outside the indicator's valid range. */
public enum OutOfRangeRule {
    /** Use the nearest range bound and flag the reading as clamped (e.g. a percentage of 100.3). */
    CLAMP("clamp"),
    /** Drop the reading: it is physically implausible and most likely a sensor fault. */
    REJECT("reject");

    private final String code;

    OutOfRangeRule(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }

    public static Optional<OutOfRangeRule> fromCode(String code) {
        for (OutOfRangeRule rule : values()) {
            if (rule.code.equals(code)) {
                return Optional.of(rule);
            }
        }
        return Optional.empty();
    }
}
